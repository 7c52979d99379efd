// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Literal reference resolution inside one document: Bundle fullUrls (urn:uuid or absolute URLs),
// relative Type/id references, and contained resources (#id).
#include <optional>
#include <string_view>
#include <unordered_map>

#include "context.h"

namespace zb::net::fhir::detail {

class ResourceIndex {
 public:
  void Add(std::string_view fullUrl, std::string_view type, std::string_view id, Object resource);
  // from: the resource holding the reference, for contained resources.
  std::optional<Object> Resolve(std::string_view reference, Object from) const;

 private:
  std::unordered_map<std::string_view, Object> m_byFullUrl;
  std::unordered_map<std::string, Object> m_byTypeId;  // "Medication/123"
};

}  // namespace zb::net::fhir::detail
