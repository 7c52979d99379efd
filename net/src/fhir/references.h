// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Literal reference resolution inside one document: Bundle fullUrls (urn:uuid or absolute URLs),
// relative Type/id references, and contained resources (#id).
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "context.h"

namespace zb::net::fhir::detail {

class ResourceIndex {
 public:
  void Reserve(std::size_t n) {
    m_byFullUrl.reserve(n);
    m_entries.reserve(n);
  }
  void Add(std::string_view fullUrl, std::string_view type, std::string_view id, Object resource);
  // from: the resource holding the reference, for contained resources.
  std::optional<Object> Resolve(std::string_view reference, Object from) const;

 private:
  struct Entry {
    std::string_view type;
    std::string_view id;
    Object resource;
  };
  std::unordered_map<std::string_view, Object> m_byFullUrl;
  std::vector<Entry> m_entries;
  // "Type/id" -> resource, built on the first relative reference: MP9 searchsets reference by
  // urn:uuid fullUrl, so most documents never need it.
  mutable std::unordered_map<std::string, Object> m_byTypeId;
  mutable bool m_typeIdBuilt = false;
};

}  // namespace zb::net::fhir::detail
