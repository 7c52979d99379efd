// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's HTTPS server (Boost.Beast over Asio, TLS 1.3 only). Event-driven: a connection
// costs a socket and a small buffer, not a thread, so slow or idle clients cannot occupy the
// workers. Requests are read under hard limits (head size, URI length, header count, body size
// per route, a total deadline for handshake + head and for the body) and refused early with
// 400/413/414/431; complete requests are handed to a bounded pool of workers, and when its queue
// is full the client gets 503 + Retry-After at once instead of a timeout.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace zb::net::http {

struct ServerRequest {
  std::string method;
  std::string target;                                        // as sent: path + "?" + query, percent-encoded
  std::string path;                                          // decoded
  std::string query;                                         // as sent, without "?"
  std::vector<std::pair<std::string, std::string>> params;   // decoded query parameters, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;
  std::string clientAddress;         // the peer, or the forwarding proxy's X-Real-IP when the peer is trusted
  std::vector<std::string> matches;  // the route pattern's groups; [0] is the whole path

  std::string Header(std::string_view name) const;  // first value, case-insensitive; "" if absent
  std::string Param(std::string_view name) const;   // first value; "" if absent
  std::size_t ParamCount(std::string_view name) const;
};

struct ServerResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string contentType;
  void Set(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

using Handler = std::function<void(const ServerRequest&, ServerResponse&)>;
// Builds the answer the server itself gives (limits, overload, bad encoding): status, a stable code
// such as "request_too_large", and a detail in English for logs.
using RefusalWriter = std::function<ServerResponse(int status, const std::string& code, const std::string& detail)>;

struct AsyncServerOptions {
  int ioThreads = 2;
  int workers = 48;                              // handlers run here; they may block on outgoing calls
  int maxQueued = 2048;                          // complete requests waiting for a worker; beyond this: 503
  std::chrono::milliseconds maxQueueWait{8000};  // a request that waited longer is answered 503
  // While the oldest waiting request has waited this long, a new one is answered 503 at once: under
  // overload a desktop hears "busy" in milliseconds, not after its own deadline has passed.
  std::chrono::milliseconds admissionQueueWait{2000};
  int retryAfterSeconds = 2;
  std::chrono::milliseconds headDeadline{10000};  // TLS handshake + first request head, in total
  std::chrono::milliseconds keepAlive{5000};      // idle time allowed before the next request head is complete
  std::chrono::milliseconds bodyDeadline{30000};  // the whole body, whatever its pace
  std::chrono::milliseconds writeDeadline{30000};
  std::size_t maxHeadBytes = 16 * 1024;  // request line + all header fields
  std::size_t maxUriLength = 8 * 1024;
  std::size_t maxHeaderCount = 100;
  std::size_t maxConnections = 8000;           // in total; more are closed at once
  std::size_t maxConnectionsPerClient = 1000;  // per peer address; more get one 503 and are closed
  // Peers whose X-Real-IP header names the real client (the reverse proxy). Empty: none.
  std::vector<std::string> trustedProxies;
  RefusalWriter refusal;  // empty: plain text
};

struct ServerStats {
  std::size_t connections = 0;
  std::size_t busyWorkers = 0;
  std::size_t queued = 0;
  std::uint64_t refusedBusy = 0;         // 503 because the queue was full or waited too long
  std::uint64_t refusedConnections = 0;  // closed or refused at accept (caps)
  std::uint64_t refusedRequests = 0;     // 400/413/414/431
  std::uint64_t timedOut = 0;            // connections closed by a deadline mid-request
};

class AsyncServer {
 public:
  static domain::Result<std::unique_ptr<AsyncServer>> Create(const std::string& certificatePem,
                                                             const std::string& keyPem, AsyncServerOptions options);
  virtual ~AsyncServer() = default;

  // Routes are matched in the order added; `pattern` is an ECMAScript regex over the decoded path.
  // `maxBody` bounds the body of this route (0: no body allowed).
  virtual void Route(const std::string& method, const std::string& pattern, Handler handler,
                     std::size_t maxBody = 0) = 0;
  // Binds and starts serving; returns the port actually bound (port 0 = ephemeral).
  virtual domain::Result<int> Start(const std::string& host, int port) = 0;
  virtual void Stop() = 0;
  virtual ServerStats Stats() const = 0;
};

// Percent-decodes a path or query component; nullopt when an escape is malformed or the result is
// not valid UTF-8. `plusIsSpace` for query components (application/x-www-form-urlencoded).
std::optional<std::string> PercentDecode(std::string_view text, bool plusIsSpace);
bool IsValidUtf8(std::string_view text);

}  // namespace zb::net::http
