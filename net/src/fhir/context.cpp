// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.h"

#include <charconv>

namespace zb::net::fhir::detail {

void Context::BeginResource(std::optional<std::size_t> entry, std::string_view type, std::string_view id) {
  m_entry = entry;
  m_type = type;
  m_id = id;
  m_rejected = false;
  m_path.clear();
}

std::string Context::Path() const {
  std::string p(m_type.empty() ? std::string_view("Resource") : m_type);
  for (const auto& s : m_path) {
    p += '.';
    p += s.name;
    if (s.index >= 0) p += "[" + std::to_string(s.index) + "]";
  }
  return p;
}

void Context::Add(IssueSeverity severity, std::string message) {
  MappingIssue issue;
  issue.severity = severity;
  issue.origin = m_options.origin;
  issue.entry = m_entry;
  issue.resourceType = std::string(m_type);
  issue.resourceId = std::string(m_id);
  issue.path = Path();
  issue.message = std::move(message);
  m_issues.push_back(std::move(issue));
}

void Context::Warn(std::string message) { Add(IssueSeverity::kWarning, std::move(message)); }

void Context::Drop(std::string message) {
  if (m_rejected) return;
  m_rejected = true;
  Add(IssueSeverity::kWarning, std::move(message));
}

void Context::Reject(std::string message) {
  if (m_rejected) return;  // the first reason is the one that matters; later ones are noise
  m_rejected = true;
  Add(IssueSeverity::kError, std::move(message));
}

namespace {
const char* TypeName(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY:
      return "an array";
    case T::OBJECT:
      return "an object";
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE:
      return "a number";
    case T::STRING:
      return "a string";
    case T::BOOL:
      return "a boolean";
    case T::NULL_VALUE:
      return "null";
  }
  return "something else";
}
}  // namespace

#define ZB_FIELD(o, key, e) \
  Element e;                \
  if (o[key].get(e)) return std::nullopt;

std::optional<std::string_view> Context::Str(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  std::string_view v;
  if (e.get(v)) {
    Scope s(*this, key);
    Warn(std::string("expected a string, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

std::optional<Object> Context::Obj(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  Object v;
  if (e.get(v)) {
    Scope s(*this, key);
    Warn(std::string("expected an object, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

std::optional<Array> Context::Arr(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  Array v;
  if (e.get(v)) {
    Scope s(*this, key);
    Warn(std::string("expected an array, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Context::Bool(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  bool v = false;
  if (e.get(v)) {
    Scope s(*this, key);
    Warn(std::string("expected a boolean, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> Context::Int(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  std::int64_t v = 0;
  if (e.get(v)) {
    Scope s(*this, key);
    Warn(std::string("expected an integer, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

std::optional<double> Context::Number(Object o, std::string_view key) {
  ZB_FIELD(o, key, e)
  double d = 0;
  if (e.get(d)) {  // simdjson converts int64/uint64 to double here too
    Scope s(*this, key);
    Warn(std::string("expected a number, found ") + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> Context::Decimal(Object o, std::string_view key) {
  auto n = Number(o, key);
  if (!n) return std::nullopt;
  const double d = *n;
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) return std::nullopt;
  return std::string(buf, end);
}

std::optional<domain::DateTime> Context::DateTime(Object o, std::string_view key) {
  auto text = Str(o, key);
  if (!text) return std::nullopt;
  auto parsed = domain::DateTime::Parse(*text);
  if (!parsed) {
    Scope s(*this, key);
    Warn(parsed.error().detail + "; ignored");
    return std::nullopt;
  }
  return parsed.value();
}

std::optional<Object> Context::AsObject(Element e, std::string_view what) {
  Object v;
  if (e.get(v)) {
    Warn(std::string("expected ") + std::string(what) + " to be an object, found " + TypeName(e.type()) + "; ignored");
    return std::nullopt;
  }
  return v;
}

#undef ZB_FIELD

}  // namespace zb::net::fhir::detail
