// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mapping context for one document: typed access to simdjson DOM values that reports wrong types
// with the element path, the path stack itself, and the issue list.
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date_time.h"
#include "net/fhir/reader.h"

namespace zb::net::fhir::detail {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

class Context {
 public:
  Context(const ReadOptions& options, std::vector<MappingIssue>& issues) : m_options(options), m_issues(issues) {}

  const ReadOptions& options() const { return m_options; }
  void BeginResource(std::optional<std::size_t> entry, std::string_view type, std::string_view id);
  bool rejected() const { return m_rejected; }

  void Warn(std::string message);
  // The resource cannot be used safely: it is skipped and reported as an error.
  void Reject(std::string message);
  // The resource is deliberately left out (e.g. entered-in-error): skipped, reported as a warning.
  void Drop(std::string message);
  std::string Path() const;

  // Pushes one path segment ("extension", index 2 -> "extension[2]") for the lifetime of the scope.
  // Segments are views: callers pass literals or views into the parsed document.
  class Scope {
   public:
    Scope(Context& c, std::string_view segment, std::ptrdiff_t index = -1) : m_c(c) {
      m_c.m_path.push_back({segment, index});
    }
    ~Scope() { m_c.m_path.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Context& m_c;
  };

  // Typed field access. Absent -> nullopt. Present with the wrong type -> warning and nullopt.
  std::optional<std::string_view> Str(Object o, std::string_view key);
  std::optional<Object> Obj(Object o, std::string_view key);
  std::optional<Array> Arr(Object o, std::string_view key);
  std::optional<bool> Bool(Object o, std::string_view key);
  std::optional<std::int64_t> Int(Object o, std::string_view key);
  std::optional<std::string> Decimal(Object o, std::string_view key);  // shortest exact text
  std::optional<double> Number(Object o, std::string_view key);
  std::optional<domain::DateTime> DateTime(Object o, std::string_view key);
  // An element that must be an object (array members).
  std::optional<Object> AsObject(Element e, std::string_view what);

 private:
  struct Segment {
    std::string_view name;
    std::ptrdiff_t index;
  };
  void Add(IssueSeverity severity, std::string message);

  const ReadOptions& m_options;
  std::vector<MappingIssue>& m_issues;
  std::vector<Segment> m_path;
  std::optional<std::size_t> m_entry;
  std::string_view m_type;
  std::string_view m_id;
  bool m_rejected = false;
};

}  // namespace zb::net::fhir::detail
