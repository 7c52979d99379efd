// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwks_cache.h"

#include <nlohmann/json.hpp>

namespace zb::gateway {

bool JwksCache::Fetch(const std::string& url, std::string& error) {
  auto response = m_http.Send({"GET", url, {{"Accept", "application/json"}}, ""});
  if (!response) {
    error = "JWKS " + url + " unreachable: " + response.error().detail;
    return false;
  }
  const auto doc = nlohmann::json::parse(response->body, nullptr, false);
  if (response->status != 200 || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    error = "JWKS " + url + " answered HTTP " + std::to_string(response->status) + " without a key set";
    return false;
  }
  std::map<std::string, net::jose::Key> keys;
  for (const auto& jwk : doc["keys"]) {
    auto key = net::jose::Key::FromJwk(jwk);
    if (key && jwk.contains("kid") && jwk["kid"].is_string()) keys.emplace(jwk["kid"].get<std::string>(), key.value());
  }
  m_sets[url] = std::move(keys);
  return true;
}

std::optional<net::jose::Key> JwksCache::Find(const std::string& url, const std::string& kid, std::string& error) {
  std::lock_guard lock(m_mutex);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto set = m_sets.find(url);
    if (set != m_sets.end()) {
      auto key = set->second.find(kid);
      if (key != set->second.end()) return key->second;
      if (attempt == 1) break;
    }
    if (!Fetch(url, error)) return std::nullopt;
  }
  error = "key '" + kid + "' is not in " + url;
  return std::nullopt;
}

}  // namespace zb::gateway
