// SPDX-License-Identifier: GPL-3.0-or-later
#include "raw_tls.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>

namespace zb::test {

struct RawTls::State {
  int fd = -1;
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  bool closed = false;
  ~State() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    if (fd >= 0) ::close(fd);
  }
};

std::unique_ptr<RawTls> RawTls::Connect(const std::string& url, const std::string& caFile) {
  // Writing to a connection the server has closed is what these tests provoke: an error, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  const auto hostStart = url.find("://") + 3;
  const auto colon = url.rfind(':');
  const std::string host = url.substr(hostStart, colon - hostStart);
  const int port = std::stoi(url.substr(colon + 1));
  std::unique_ptr<RawTls> c(new RawTls());
  c->m_state = std::make_unique<State>();
  State& s = *c->m_state;
  s.fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (s.fd < 0 || inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) return nullptr;
  if (::connect(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return nullptr;
  const int one = 1;
  setsockopt(s.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{10, 0};  // a handshake never blocks a test for long
  setsockopt(s.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  s.ctx = SSL_CTX_new(TLS_client_method());
  if (!s.ctx || SSL_CTX_load_verify_locations(s.ctx, caFile.c_str(), nullptr) != 1) return nullptr;
  SSL_CTX_set_verify(s.ctx, SSL_VERIFY_PEER, nullptr);
  s.ssl = SSL_new(s.ctx);
  SSL_set_fd(s.ssl, s.fd);
  if (SSL_connect(s.ssl) != 1) return nullptr;
  return c;
}

RawTls::~RawTls() = default;

bool RawTls::Send(std::string_view bytes) {
  State& s = *m_state;
  while (!bytes.empty()) {
    const int n = SSL_write(s.ssl, bytes.data(), static_cast<int>(bytes.size()));
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string RawTls::Read(std::chrono::milliseconds wait) {
  State& s = *m_state;
  std::string out;
  const auto end = std::chrono::steady_clock::now() + wait;
  while (!s.closed) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    if (SSL_pending(s.ssl) == 0) {
      pollfd p{s.fd, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    }
    char buffer[16384];
    const int n = SSL_read(s.ssl, buffer, sizeof buffer);
    if (n <= 0) {
      const int e = SSL_get_error(s.ssl, n);
      if (e == SSL_ERROR_WANT_READ) continue;  // a TLS 1.3 session ticket, no data
      s.closed = true;
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

bool RawTls::ClosedWithin(std::chrono::milliseconds wait) {
  Read(wait);
  return m_state->closed;
}

}  // namespace zb::test
