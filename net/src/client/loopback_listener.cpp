// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>

#include "net/http/client.h"
#include "net/jose/random.h"

namespace zb::net::client {
namespace {

using domain::ErrorCode;
using domain::MakeError;

constexpr std::size_t kMaxRequest = 16 * 1024;

void Answer(int fd, bool ok) {
  const std::string body =
      ok ? "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Zorgbrug</title>"
           "<p>Inloggen ontvangen. U kunt dit tabblad sluiten en teruggaan naar Zorgbrug.</p></html>"
         : "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Zorgbrug</title>"
           "<p>Inloggen is niet gelukt. Ga terug naar Zorgbrug voor de reden.</p></html>";
  const std::string response =
      std::string(ok ? "HTTP/1.1 200 OK" : "HTTP/1.1 400 Bad Request") +
      "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t sent = 0;
  while (sent < response.size()) {
    const ssize_t n = ::send(fd, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

domain::Result<LoopbackListener> LoopbackListener::Open() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot create the login listener socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;                              // ephemeral
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never on another interface
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 1) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    return MakeError(ErrorCode::kIo, "cannot listen on 127.0.0.1 for the login redirect");
  }
  return LoopbackListener(fd, ntohs(address.sin_port));
}

LoopbackListener::LoopbackListener(LoopbackListener&& other) noexcept : m_socket(other.m_socket), m_port(other.m_port) {
  other.m_socket = -1;
}

LoopbackListener::~LoopbackListener() { Close(); }

void LoopbackListener::Close() {
  if (m_socket >= 0) ::close(m_socket);
  m_socket = -1;
}

std::string LoopbackListener::RedirectUri() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/callback"; }

namespace {

// One request head from `fd`, within `deadline`; "" when none came.
std::string ReadHead(int fd, std::chrono::steady_clock::time_point deadline) {
  std::string request;
  char buffer[2048];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < kMaxRequest) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    pollfd q{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&q, 1, static_cast<int>(std::min<long long>(left, 5000))) <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    request.append(buffer, static_cast<std::size_t>(n));
  }
  return request;
}

// The callback in a request line "GET /callback?… HTTP/1.1"; nullopt for any other request.
std::optional<Callback> ParseCallback(const std::string& request) {
  const std::string line = request.substr(0, request.find("\r\n"));
  if (line.rfind("GET ", 0) != 0) return std::nullopt;
  const auto end = line.find(' ', 4);
  if (end == std::string::npos) return std::nullopt;
  const std::string target = line.substr(4, end - 4);
  const auto q = target.find('?');
  if (target.substr(0, q) != "/callback") return std::nullopt;  // exactly the registered path
  Callback callback;
  for (const auto& [name, value] : http::ParseForm(q == std::string::npos ? "" : target.substr(q + 1))) {
    if (name == "code")
      callback.code = value;
    else if (name == "state")
      callback.state = value;
    else if (name == "error")
      callback.error = value;
    else if (name == "error_description")
      callback.errorDescription = value;
  }
  if (callback.code.empty() && callback.error.empty()) return std::nullopt;
  return callback;
}

}  // namespace

domain::Result<Callback> LoopbackListener::Await(const std::string& expectedState, std::chrono::milliseconds timeout) {
  if (m_socket < 0) return MakeError(ErrorCode::kInconsistent, "the login listener is already closed");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool wrongState = false;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    pollfd p{m_socket, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    const int fd = ::accept4(m_socket, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    const auto callback = ParseCallback(ReadHead(fd, deadline));
    // Compared before anything is answered: a local process guessing at the port learns nothing.
    const bool ours = callback && jose::SecretEquals(callback->state, expectedState);
    Answer(fd, ours && callback->error.empty());
    ::close(fd);
    if (ours) {
      Close();
      return *callback;
    }
    wrongState = wrongState || callback.has_value();
  }
  Close();
  if (wrongState)
    return MakeError(ErrorCode::kRefused,
                     "the login redirect carried a different state: refused (possible cross-site request)");
  return MakeError(ErrorCode::kUnavailable,
                   "no answer from the browser within " + std::to_string(timeout.count() / 1000) + " s");
}

}  // namespace zb::net::client
