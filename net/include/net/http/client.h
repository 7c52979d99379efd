// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one HTTP client stack for everything that calls out (libcurl). TLS is always verified against
// the system store or a configured CA file, with TLS 1.3 as the floor (DEZI requires it); there is
// no switch to turn verification off. Plain http is accepted only towards loopback and only when
// the caller asks for it (a nuts-node's internal API listens on 127.0.0.1 without TLS).
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace zb::net::http {

struct Header {
  std::string name;
  std::string value;
};

struct Request {
  std::string method = "GET";
  std::string url;
  std::vector<Header> headers;
  std::string body;
  // Bounds this request below the client's timeout (0: the client's timeout).
  std::chrono::milliseconds timeout{0};
};

struct Response {
  long status = 0;
  std::vector<Header> headers;
  std::string body;
  // Case-insensitive; empty when absent.
  std::string header(std::string_view name) const;
};

struct ClientOptions {
  std::string caFile;  // empty: the system trust store
  std::chrono::milliseconds connectTimeout{5000};
  std::chrono::milliseconds timeout{20000};
  std::size_t maxBodyBytes = 64U << 20;  // larger answers are refused while they arrive
  bool allowLoopbackHttp = false;
};

// Blocking requests, safe to use from many threads at once; connections are kept and reused.
class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  // kTimeout: no answer in time; kUnavailable: connect/resolve; kRefused: TLS verification or a refused plain-http URL;
  // kOutOfRange: body larger than maxBodyBytes; kIo: answer cut off. Any HTTP status is a successful
  // Send.
  domain::Result<Response> Send(const Request& request) const;
  const ClientOptions& options() const { return m_options; }

 private:
  struct Shared;
  ClientOptions m_options;
  std::shared_ptr<Shared> m_shared;
};

// Percent-encoding for query values and form bodies (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view text);
std::string UrlDecode(std::string_view text);
// "a=1&b=2" from name/value pairs, values encoded.
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);
std::vector<std::pair<std::string, std::string>> ParseForm(std::string_view body);

// Scheme, host, port and path of an absolute URL; used for DPoP `htu` and loopback checks.
struct UrlParts {
  std::string scheme;
  std::string host;
  int port = 0;
  std::string path;   // begins with '/'
  std::string query;  // without '?'
};
domain::Result<UrlParts> ParseUrl(std::string_view url);
bool IsLoopbackHost(std::string_view host);

}  // namespace zb::net::http
