// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop's end of the DEZI login redirect (RFC 8252 §7.3): a listener on 127.0.0.1 and an
// ephemeral port. It answers "received" only to a GET of exactly /callback whose state is the
// login's own, then closes; anything else (another path, a wrong state from a local process or a
// stale tab) gets an error page and the listener keeps waiting until the deadline.
#include <chrono>
#include <string>

#include "domain/result.h"

namespace zb::net::client {

struct Callback {
  std::string code;
  std::string state;
  std::string error;  // OAuth error from DEZI, e.g. access_denied
  std::string errorDescription;
};

class LoopbackListener {
 public:
  static domain::Result<LoopbackListener> Open();
  LoopbackListener(LoopbackListener&& other) noexcept;
  LoopbackListener& operator=(LoopbackListener&&) = delete;
  ~LoopbackListener();

  int port() const { return m_port; }
  std::string RedirectUri() const;
  // Waits for the callback carrying `expectedState`, answers it and closes the listener. Errors:
  // kRefused when only callbacks with another state arrived before the deadline, kUnavailable when
  // none arrived.
  domain::Result<Callback> Await(const std::string& expectedState, std::chrono::milliseconds timeout);

 private:
  LoopbackListener(int socket, int port) : m_socket(socket), m_port(port) {}
  void Close();
  int m_socket = -1;
  int m_port = 0;
};

}  // namespace zb::net::client
