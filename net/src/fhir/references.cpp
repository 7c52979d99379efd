// SPDX-License-Identifier: GPL-3.0-or-later
#include "references.h"

namespace zb::net::fhir::detail {

void ResourceIndex::Add(std::string_view fullUrl, std::string_view type, std::string_view id, Object resource) {
  if (!fullUrl.empty()) m_byFullUrl.emplace(fullUrl, resource);
  if (!type.empty() && !id.empty()) m_entries.push_back({type, id, resource});
}

std::optional<Object> ResourceIndex::Resolve(std::string_view reference, Object from) const {
  if (reference.empty()) return std::nullopt;
  if (reference.front() == '#') {
    Element contained;
    Array arr;
    if (from["contained"].get(contained) || contained.get(arr)) return std::nullopt;
    const auto want = reference.substr(1);
    for (Element e : arr) {
      Object o;
      std::string_view id;
      if (!e.get(o) && !o["id"].get(id) && id == want) return o;
    }
    return std::nullopt;
  }
  if (auto it = m_byFullUrl.find(reference); it != m_byFullUrl.end()) return it->second;
  // Relative "Type/id", or an absolute URL whose last two segments are Type/id (a server base).
  std::string_view tail = reference;
  if (auto hist = tail.find("/_history/"); hist != std::string_view::npos) tail = tail.substr(0, hist);
  const auto slash = tail.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto typeStart = tail.rfind('/', slash - 1);
  const auto key = typeStart == std::string_view::npos || slash == 0 ? tail : tail.substr(typeStart + 1);
  if (!m_typeIdBuilt) {
    m_typeIdBuilt = true;
    m_byTypeId.reserve(m_entries.size());
    for (const auto& e : m_entries) {
      std::string k(e.type);
      k += '/';
      k += e.id;
      m_byTypeId.emplace(std::move(k), e.resource);
    }
  }
  if (auto it = m_byTypeId.find(std::string(key)); it != m_byTypeId.end()) return it->second;
  return std::nullopt;
}

}  // namespace zb::net::fhir::detail
