// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JWKS documents fetched over verified HTTPS and cached per URL; an unknown kid triggers exactly one
// refetch (key rotation), never more.
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "net/http/client.h"
#include "net/jose/key.h"

namespace zb::gateway {

class JwksCache {
 public:
  explicit JwksCache(const net::http::Client& http) : m_http(http) {}
  // nullopt + `error` when the set cannot be fetched or holds no such key.
  std::optional<net::jose::Key> Find(const std::string& url, const std::string& kid, std::string& error);

 private:
  bool Fetch(const std::string& url, std::string& error);
  const net::http::Client& m_http;
  std::mutex m_mutex;
  std::map<std::string, std::map<std::string, net::jose::Key>> m_sets;
};

}  // namespace zb::gateway
