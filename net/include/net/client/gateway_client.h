// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop's client of the organisation gateway (docs/gateway-api.yaml): login configuration,
// session creation from a DEZI authorization code, who-am-I, logout, directory and FHIR relay.
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "net/http/client.h"

namespace zb::net::client {

// An answer other than success: the gateway's problem code ("verklaring_revoked", ...) or a
// transport code ("gateway_unreachable", "gateway_tls_refused").
struct ApiError {
  int status = 0;
  std::string code;
  std::string detail;
};

struct SessionInfo {
  std::string token;
  std::int64_t expiresAt = 0;
  nlohmann::json user;
};

template <class T>
using ApiResult = std::variant<T, ApiError>;

class GatewayClient {
 public:
  GatewayClient(std::string baseUrl, http::ClientOptions options);

  ApiResult<nlohmann::json> LoginConfiguration() const;
  ApiResult<SessionInfo> CreateSession(const std::string& code, const std::string& codeVerifier,
                                       const std::string& redirectUri, const std::string& nonce) const;
  ApiResult<nlohmann::json> WhoAmI(const std::string& session) const;
  ApiResult<bool> Logout(const std::string& session) const;
  ApiResult<nlohmann::json> Directory(const std::string& session, const std::string& service, const std::string& ura,
                                      const std::string& name = {}) const;
  // `pathAndQuery` as the holder should see it, e.g. "MedicationRequest?patient.identifier=...".
  // Any holder status comes back as a Response; gateway-side failures as ApiError.
  ApiResult<http::Response> Relay(const std::string& session, const std::string& service, const std::string& ura,
                                  const std::string& method, const std::string& pathAndQuery,
                                  const std::string& formBody = {}) const;

  // The same calls in two halves, for callers that send many at once (MultiClient).
  http::Request DirectoryRequest(const std::string& session, const std::string& service, const std::string& ura,
                                 const std::string& name = {}) const;
  static ApiResult<nlohmann::json> DirectoryResult(domain::Result<http::Response> response);
  http::Request RelayRequest(const std::string& session, const std::string& service, const std::string& ura,
                             const std::string& method, const std::string& pathAndQuery,
                             const std::string& formBody = {}) const;
  static ApiResult<http::Response> RelayResult(domain::Result<http::Response> response);

  const std::string& baseUrl() const { return m_baseUrl; }
  const http::ClientOptions& options() const { return m_http.options(); }

 private:
  ApiResult<http::Response> Call(http::Request request) const;
  std::string m_baseUrl;
  http::Client m_http;
};

}  // namespace zb::net::client
