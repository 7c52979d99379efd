// SPDX-License-Identifier: GPL-3.0-or-later
// Why Beast and not cpp-httplib (which the sandbox still uses): cpp-httplib 0.11 serves each
// connection on one pool thread for its whole life and restarts its read timeout on every byte,
// so 96 slow or idle connections took every worker (issue 14). Here a connection is a few async
// operations on two I/O threads; only a complete request reaches a worker.
#include "net/http/async_server.h"

#include <openssl/ssl.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include "thread_name.h"
#include "work_queue.h"

namespace zb::net::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using domain::ErrorCode;
using domain::MakeError;

struct RouteEntry {
  std::string method;
  std::regex pattern;
  Handler handler;
  std::size_t maxBody = 0;
};

std::string Str(beast::string_view s) { return std::string(s.data(), s.size()); }

class ServerImpl;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerImpl& server, tcp::socket socket, asio::ssl::context& tls, std::string peer, bool overCap);
  ~Connection();
  void Begin();

 private:
  void OnHandshake(beast::error_code ec);
  void ReadHead();
  void OnHead(beast::error_code ec, std::size_t);
  void ReadBody();
  void OnBody(beast::error_code ec, std::size_t);
  void Dispatch();
  void Refuse(int status, const std::string& code, const std::string& detail);
  void Answer(ServerResponse response, bool close);
  void OnWrite(bool close, beast::error_code ec, std::size_t);
  void Shutdown();
  void NoteFailure(beast::error_code ec);
  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(m_stream); }

  ServerImpl& m_server;
  beast::ssl_stream<beast::tcp_stream> m_stream;
  beast::flat_buffer m_buffer;
  std::optional<bhttp::request_parser<bhttp::empty_body>> m_head;
  std::optional<bhttp::request_parser<bhttp::string_body>> m_full;
  const RouteEntry* m_route = nullptr;
  std::vector<std::string> m_matches;
  std::string m_path;
  std::vector<std::pair<std::string, std::string>> m_params;
  std::shared_ptr<bhttp::response<bhttp::string_body>> m_response;
  std::string m_peer;
  bool m_overCap;
  bool m_first = true;
};

class ServerImpl final : public AsyncServer {
 public:
  explicit ServerImpl(AsyncServerOptions options)
      : m_options(std::move(options)), m_tls(asio::ssl::context::tls_server), m_acceptor(m_ioc), m_retry(m_ioc) {
    if (!m_options.refusal) {
      m_options.refusal = [](int status, const std::string& code, const std::string& detail) {
        ServerResponse r;
        r.status = status;
        r.contentType = "text/plain";
        r.body = code + ": " + detail + "\n";
        return r;
      };
    }
  }
  ~ServerImpl() override { Stop(); }

  domain::Result<bool> LoadTls(const std::string& certificatePem, const std::string& keyPem) {
    try {
      m_tls.use_certificate_chain(asio::buffer(certificatePem));
      m_tls.use_private_key(asio::buffer(keyPem), asio::ssl::context::pem);
    } catch (const boost::system::system_error&) {
      return MakeError(ErrorCode::kInvalidFormat,
                       "TLS certificate or key unusable (PEM chain + matching private key expected)");
    }
    if (SSL_CTX_check_private_key(m_tls.native_handle()) != 1 ||
        SSL_CTX_set_min_proto_version(m_tls.native_handle(), TLS1_3_VERSION) != 1) {
      return MakeError(ErrorCode::kInvalidFormat, "TLS key does not match the certificate");
    }
    return true;
  }

  void Route(const std::string& method, const std::string& pattern, Handler handler, std::size_t maxBody) override {
    m_routes.push_back({method, std::regex(pattern), std::move(handler), maxBody});
  }

  domain::Result<int> Start(const std::string& host, int port) override {
    RaiseFileLimit();
    boost::system::error_code ec;
    tcp::resolver resolver(m_ioc);
    auto found = resolver.resolve(host, std::to_string(port), ec);
    if (ec || found.empty()) return MakeError(ErrorCode::kUnavailable, "cannot resolve listen address " + host);
    const tcp::endpoint endpoint = *found.begin();
    m_acceptor.open(endpoint.protocol(), ec);
    if (!ec) m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) m_acceptor.bind(endpoint, ec);
    if (!ec) m_acceptor.listen(1024, ec);
    if (ec) return MakeError(ErrorCode::kUnavailable, "cannot listen on " + host + ":" + std::to_string(port));
    m_queue = std::make_unique<WorkQueue>(m_options.workers, static_cast<std::size_t>(m_options.maxQueued),
                                          m_options.admissionQueueWait);
    Accept();
    for (int i = 0; i < std::max(1, m_options.ioThreads); ++i)
      m_threads.emplace_back([this] {
        NameThisThread("zb-server-io");
        m_ioc.run();
      });
    return static_cast<int>(m_acceptor.local_endpoint().port());
  }

  void Stop() override {
    if (m_stopped.exchange(true)) return;
    m_ioc.stop();
    for (auto& t : m_threads)
      if (t.joinable()) t.join();
    if (m_queue) m_queue->Stop();
  }

  ServerStats Stats() const override {
    ServerStats s;
    {
      std::lock_guard lock(m_connectionsMutex);
      s.connections = m_connections;
    }
    if (m_queue) {
      s.busyWorkers = m_queue->Busy();
      s.queued = m_queue->Queued();
    }
    s.refusedBusy = m_refusedBusy;
    s.refusedConnections = m_refusedConnections;
    s.refusedRequests = m_refusedRequests;
    s.timedOut = m_timedOut;
    return s;
  }

  const AsyncServerOptions& options() const { return m_options; }
  const std::vector<RouteEntry>& routes() const { return m_routes; }
  WorkQueue& queue() { return *m_queue; }
  void Released(const std::string& peer) {
    std::lock_guard lock(m_connectionsMutex);
    --m_connections;
    if (--m_perPeer[peer] == 0) m_perPeer.erase(peer);
  }

  std::atomic<std::uint64_t> m_refusedBusy{0};
  std::atomic<std::uint64_t> m_refusedConnections{0};
  std::atomic<std::uint64_t> m_refusedRequests{0};
  std::atomic<std::uint64_t> m_timedOut{0};

 private:
  static void RaiseFileLimit() {
    // Every idle desktop connection is a descriptor; the default soft limit (1024) would cap the
    // gateway far below what its memory allows.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
      limit.rlim_cur = limit.rlim_max;
      setrlimit(RLIMIT_NOFILE, &limit);
    }
  }

  void Accept() {
    m_acceptor.async_accept(asio::make_strand(m_ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!m_acceptor.is_open()) return;
      if (ec) {
        // Out of descriptors and the like: try again shortly instead of spinning.
        m_retry.expires_after(std::chrono::milliseconds(100));
        m_retry.async_wait([this](beast::error_code) { Accept(); });
        return;
      }
      OnAccept(std::move(socket));
      Accept();
    });
  }

  void OnAccept(tcp::socket socket) {
    beast::error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    if (ec) return;
    socket.set_option(tcp::no_delay(true), ec);  // small answers must not wait for a delayed ACK
    const std::string peer = remote.address().to_string();
    bool overCap = false;
    {
      std::lock_guard lock(m_connectionsMutex);
      if (m_connections >= m_options.maxConnections) {
        ++m_refusedConnections;
        return;  // the socket closes here
      }
      ++m_connections;
      overCap = ++m_perPeer[peer] > m_options.maxConnectionsPerClient;
    }
    if (overCap) ++m_refusedConnections;
    std::make_shared<Connection>(*this, std::move(socket), m_tls, peer, overCap)->Begin();
  }

  AsyncServerOptions m_options;
  std::vector<RouteEntry> m_routes;
  // Declared before the io_context: connections destroyed with its pending handlers report here.
  mutable std::mutex m_connectionsMutex;
  std::size_t m_connections = 0;
  std::map<std::string, std::size_t> m_perPeer;
  std::unique_ptr<WorkQueue> m_queue;
  asio::ssl::context m_tls;
  asio::io_context m_ioc;
  tcp::acceptor m_acceptor;
  asio::steady_timer m_retry;
  std::vector<std::thread> m_threads;
  std::atomic<bool> m_stopped{false};
};

Connection::Connection(ServerImpl& server, tcp::socket socket, asio::ssl::context& tls, std::string peer, bool overCap)
    : m_server(server), m_stream(std::move(socket), tls), m_peer(std::move(peer)), m_overCap(overCap) {}

Connection::~Connection() { m_server.Released(m_peer); }

void Connection::Begin() {
  asio::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
    // One deadline for the handshake and the first request head together: a client that trickles
    // bytes cannot stretch it, whatever its pace.
    self->Tcp().expires_after(self->m_server.options().headDeadline);
    self->m_stream.async_handshake(asio::ssl::stream_base::server,
                                   beast::bind_front_handler(&Connection::OnHandshake, self));
  });
}

void Connection::NoteFailure(beast::error_code ec) {
  if (ec == beast::error::timeout && m_buffer.size() > 0) ++m_server.m_timedOut;
}

void Connection::OnHandshake(beast::error_code ec) {
  if (ec) {
    if (ec == beast::error::timeout) ++m_server.m_timedOut;
    return;
  }
  ReadHead();
}

void Connection::ReadHead() {
  const auto& o = m_server.options();
  m_head.emplace();
  m_head->header_limit(static_cast<std::uint32_t>(o.maxHeadBytes));
  // The route's limit is applied below, with a 413 instead of a parse error. Not boost::none:
  // Beast 1.74 compares the length with the optional, and every length exceeds an empty one.
  m_head->body_limit(std::numeric_limits<std::uint64_t>::max());
  if (!m_first) Tcp().expires_after(o.keepAlive);  // idle time + the next head, in total
  bhttp::async_read_header(m_stream, m_buffer, *m_head,
                           beast::bind_front_handler(&Connection::OnHead, shared_from_this()));
}

void Connection::OnHead(beast::error_code ec, std::size_t) {
  const auto& o = m_server.options();
  if (ec == bhttp::error::header_limit) return Refuse(431, "request_header_too_large", "request head too large");
  if (ec == bhttp::error::body_limit)
    return Refuse(413, "request_too_large", "the request body is larger than this endpoint accepts");
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::ssl::error::stream_truncated ||
      ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
    return NoteFailure(ec);
  }
  if (ec) return Refuse(400, "request_malformed", "the request is not well-formed HTTP/1.1");
  if (m_overCap) {
    ++m_server.m_refusedBusy;
    return Refuse(503, "gateway_busy", "too many connections from this address");
  }
  const auto& head = m_head->get();
  const std::string target = Str(head.target());
  if (target.size() > o.maxUriLength) return Refuse(414, "request_uri_too_long", "request target too long");
  if (static_cast<std::size_t>(std::distance(head.begin(), head.end())) > o.maxHeaderCount)
    return Refuse(431, "request_header_too_large", "too many header fields");
  const auto q = target.find('?');
  auto path = PercentDecode(target.substr(0, q), false);
  if (!path || path->empty() || path->front() != '/')
    return Refuse(400, "request_target_invalid", "the request path is not valid percent-encoded UTF-8");
  m_path = *path;
  m_params.clear();
  if (q != std::string::npos) {
    std::string_view query(target);
    query.remove_prefix(q + 1);
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const auto eq = pair.find('=');
      auto name = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!name || !value)
        return Refuse(400, "request_target_invalid", "a query parameter is not valid percent-encoded UTF-8");
      if (!name->empty()) m_params.emplace_back(std::move(*name), std::move(*value));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  const std::string method = Str(head.method_string());
  m_route = nullptr;
  bool pathKnown = false;
  std::smatch m;
  for (const auto& r : m_server.routes()) {
    if (!std::regex_match(m_path, m, r.pattern)) continue;
    pathKnown = true;
    if (r.method != method) continue;
    m_route = &r;
    m_matches.assign(m.begin(), m.end());
    break;
  }
  if (!m_route && pathKnown) return Refuse(405, "method_not_allowed", "this endpoint does not take " + method);
  if (!m_route) return Refuse(404, "not_found", "no such endpoint");
  // Refuse a body that is announced too large before reading any of it.
  const auto length = m_head->content_length();
  if ((length && *length > m_route->maxBody) || (m_head->chunked() && m_route->maxBody == 0))
    return Refuse(413, "request_too_large", "the request body is larger than this endpoint accepts");
  const bool expectContinue = beast::iequals(head[bhttp::field::expect], "100-continue");
  m_full.emplace(std::move(*m_head));
  m_full->body_limit(m_route->maxBody);
  if (m_full->is_done()) return Dispatch();
  if (!expectContinue) return ReadBody();
  auto go = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
  bhttp::async_write(m_stream, *go, [self = shared_from_this(), go](beast::error_code e, std::size_t) {
    if (!e) self->ReadBody();
  });
}

void Connection::ReadBody() {
  Tcp().expires_after(m_server.options().bodyDeadline);
  bhttp::async_read(m_stream, m_buffer, *m_full, beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
}

void Connection::OnBody(beast::error_code ec, std::size_t) {
  if (ec == bhttp::error::body_limit)
    return Refuse(413, "request_too_large", "the request body is larger than this endpoint accepts");
  if (ec) return NoteFailure(beast::error::timeout == ec ? ec : beast::error_code{});
  Dispatch();
}

void Connection::Dispatch() {
  Tcp().expires_never();  // the handler has its own deadlines; no read is pending meanwhile
  const auto& o = m_server.options();
  auto& msg = m_full->get();
  ServerRequest request;
  request.method = Str(msg.method_string());
  request.target = Str(msg.target());
  request.path = m_path;
  const auto q = request.target.find('?');
  if (q != std::string::npos) request.query = request.target.substr(q + 1);
  request.params = std::move(m_params);
  for (const auto& field : msg) request.headers.emplace_back(Str(field.name_string()), Str(field.value()));
  request.body = std::move(msg.body());
  request.clientAddress = m_peer;
  if (std::find(o.trustedProxies.begin(), o.trustedProxies.end(), m_peer) != o.trustedProxies.end()) {
    const std::string forwarded = request.Header("X-Real-IP");
    if (!forwarded.empty()) request.clientAddress = forwarded;
  }
  request.matches = std::move(m_matches);
  const bool keepAlive = msg.keep_alive();
  const Handler* handler = &m_route->handler;
  const auto queuedAt = Clock::now();
  auto self = shared_from_this();
  const bool accepted = m_server.queue().Offer([self, handler, queuedAt, keepAlive, request = std::move(request)] {
    const auto& opts = self->m_server.options();
    ServerResponse response;
    if (Clock::now() - queuedAt > opts.maxQueueWait) {
      ++self->m_server.m_refusedBusy;
      response = opts.refusal(503, "gateway_busy", "the gateway is busy");
      response.Set("Retry-After", std::to_string(opts.retryAfterSeconds));
    } else {
      try {
        (*handler)(request, response);
      } catch (...) {  // never a thread's death nor an exception text sent to the client
        response = opts.refusal(500, "internal_error", "the request could not be handled");
      }
    }
    asio::post(self->m_stream.get_executor(), [self, keepAlive, response = std::move(response)]() mutable {
      self->Answer(std::move(response), !keepAlive);
    });
  });
  if (!accepted) {
    ++m_server.m_refusedBusy;
    ServerResponse busy = o.refusal(503, "gateway_busy", "the gateway is busy");
    busy.Set("Retry-After", std::to_string(o.retryAfterSeconds));
    Answer(std::move(busy), !keepAlive);
  }
}

void Connection::Refuse(int status, const std::string& code, const std::string& detail) {
  if (status != 503) ++m_server.m_refusedRequests;
  ServerResponse r = m_server.options().refusal(status, code, detail);
  if (status == 503) r.Set("Retry-After", std::to_string(m_server.options().retryAfterSeconds));
  Answer(std::move(r), true);  // what is left of the request is not read: the connection ends
}

void Connection::Answer(ServerResponse response, bool close) {
  m_response = std::make_shared<bhttp::response<bhttp::string_body>>();
  auto& r = *m_response;
  r.version(11);
  r.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) continue;
    r.insert(name, value);
  }
  if (!response.contentType.empty()) r.set(bhttp::field::content_type, response.contentType);
  r.body() = std::move(response.body);
  r.keep_alive(!close);
  r.prepare_payload();
  Tcp().expires_after(m_server.options().writeDeadline);
  bhttp::async_write(m_stream, r, beast::bind_front_handler(&Connection::OnWrite, shared_from_this(), close));
}

void Connection::OnWrite(bool close, beast::error_code ec, std::size_t) {
  m_response.reset();
  if (ec) return;
  if (close) return Shutdown();
  m_first = false;
  ReadHead();
}

void Connection::Shutdown() {
  Tcp().expires_after(std::chrono::seconds(2));
  m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {});
}

}  // namespace

domain::Result<std::unique_ptr<AsyncServer>> AsyncServer::Create(const std::string& certificatePem,
                                                                 const std::string& keyPem,
                                                                 AsyncServerOptions options) {
  auto server = std::make_unique<ServerImpl>(std::move(options));
  auto ok = server->LoadTls(certificatePem, keyPem);
  if (!ok) return ok.error();
  return std::unique_ptr<AsyncServer>(std::move(server));
}

}  // namespace zb::net::http
