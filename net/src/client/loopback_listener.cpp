// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/http/client.h"

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

domain::Result<Callback> LoopbackListener::AcceptOne(std::chrono::milliseconds timeout) {
  if (m_socket < 0) return MakeError(ErrorCode::kInconsistent, "the login listener is already closed");
  pollfd p{m_socket, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) {
    Close();
    return MakeError(ErrorCode::kUnavailable,
                     "no answer from the browser within " + std::to_string(timeout.count() / 1000) + " s");
  }
  const int fd = ::accept4(m_socket, nullptr, nullptr, SOCK_CLOEXEC);
  Close();  // exactly one request is ever accepted
  if (fd < 0) return MakeError(ErrorCode::kIo, "accepting the login redirect failed");
  std::string request;
  char buffer[2048];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < kMaxRequest) {
    pollfd q{fd, POLLIN, 0};
    if (::poll(&q, 1, 5000) <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    request.append(buffer, static_cast<std::size_t>(n));
  }
  const auto lineEnd = request.find("\r\n");
  const std::string line = request.substr(0, lineEnd);
  Callback callback;
  bool ok = false;
  if (line.rfind("GET /callback", 0) == 0) {
    const auto start = line.find(' ') + 1;
    const std::string target = line.substr(start, line.find(' ', start) - start);
    const auto q = target.find('?');
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
    ok = !callback.code.empty() || !callback.error.empty();
  }
  Answer(fd, ok && callback.error.empty());
  ::close(fd);
  if (!ok) return MakeError(ErrorCode::kInvalidFormat, "the login redirect was not a callback with a code or an error");
  return callback;
}

}  // namespace zb::net::client
