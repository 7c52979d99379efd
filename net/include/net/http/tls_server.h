// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An HTTPS server (cpp-httplib over OpenSSL) for the gateway and the sandbox: TLS 1.3 only,
// certificate chain and key from PEM text, bound to a host and a port (0 = ephemeral) and served
// from a background thread until Stop().
#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "domain/result.h"

namespace zb::net::http {

struct TlsServerOptions {
  // How long an idle kept-alive connection stays open. Clients must cope with the server closing
  // one just as they reuse it (the HTTP client retries once on a fresh connection); tests shorten
  // it to reach that moment quickly.
  int keepAliveSeconds = 5;
};

class TlsServer {
 public:
  // `certificatePem`: the leaf certificate, optionally followed by intermediates.
  static domain::Result<std::unique_ptr<TlsServer>> Create(const std::string& certificatePem, const std::string& keyPem,
                                                           TlsServerOptions options = {});
  ~TlsServer();
  TlsServer(const TlsServer&) = delete;
  TlsServer& operator=(const TlsServer&) = delete;

  httplib::Server& routes() { return *m_server; }
  // Binds and starts serving; returns the port actually bound.
  domain::Result<int> Start(const std::string& host, int port);
  void Stop();
  int port() const { return m_port; }

 private:
  TlsServer() = default;
  std::unique_ptr<httplib::SSLServer> m_server;
  std::thread m_thread;
  int m_port = 0;
};

}  // namespace zb::net::http
