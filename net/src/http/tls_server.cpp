// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/http/tls_server.h"

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <memory>

namespace zb::net::http {
namespace {

constexpr std::size_t kWorkerThreads = 96;
constexpr int kListenBacklog = 512;

using domain::ErrorCode;
using domain::MakeError;

bool LoadChain(SSL_CTX& ctx, const std::string& certificatePem, const std::string& keyPem) {
  BIO* bio = BIO_new_mem_buf(certificatePem.data(), static_cast<int>(certificatePem.size()));
  X509* leaf = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  bool ok = leaf && SSL_CTX_use_certificate(&ctx, leaf) == 1;
  X509_free(leaf);
  while (ok) {
    X509* extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    if (!extra) break;
    ok = SSL_CTX_add0_chain_cert(&ctx, extra) == 1;
  }
  BIO_free(bio);
  ERR_clear_error();  // the loop ends on "no start line", which is not an error
  if (!ok) return false;
  BIO* keyBio = BIO_new_mem_buf(keyPem.data(), static_cast<int>(keyPem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
  BIO_free(keyBio);
  ok = key && SSL_CTX_use_PrivateKey(&ctx, key) == 1 && SSL_CTX_check_private_key(&ctx) == 1;
  EVP_PKEY_free(key);
  return ok && SSL_CTX_set_min_proto_version(&ctx, TLS1_3_VERSION) == 1;
}

}  // namespace

domain::Result<std::unique_ptr<TlsServer>> TlsServer::Create(const std::string& certificatePem,
                                                             const std::string& keyPem, TlsServerOptions options) {
  std::unique_ptr<TlsServer> server(new TlsServer());
  server->m_server =
      std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) { return LoadChain(ctx, certificatePem, keyPem); });
  // Without TCP_NODELAY small responses wait for the peer's delayed ACK (~40 ms per request).
  server->m_server->set_tcp_nodelay(true);
  // cpp-httplib serves a connection on one pool thread for as long as it is kept alive, so the pool
  // must be larger than the connections parallel lookups keep open (the default is 8).
  server->m_server->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  server->m_server->set_keep_alive_max_count(1000);
  server->m_server->set_keep_alive_timeout(options.keepAliveSeconds);
  if (!server->m_server->is_valid()) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "TLS certificate or key unusable (PEM chain + matching private key expected)");
  }
  return server;
}

domain::Result<int> TlsServer::Start(const std::string& host, int port) {
  // cpp-httplib 0.11 (Debian's build) listens with a backlog of 5: a parallel lookup opening a
  // dozen connections at once overflows it and the dropped SYNs come back only after the kernel's
  // one-second retransmit. Keep the default options, remember the listening socket, and listen
  // again with a real backlog once it is bound (Linux updates the backlog of a listening socket).
  auto listenFd = std::make_shared<socket_t>(INVALID_SOCKET);
  m_server->set_socket_options([listenFd](socket_t sock) {
    httplib::default_socket_options(sock);
    *listenFd = sock;
  });
  if (port == 0) {
    m_port = m_server->bind_to_any_port(host);
  } else {
    m_port = m_server->bind_to_port(host, port) ? port : -1;
  }
  if (m_port <= 0) return MakeError(ErrorCode::kUnavailable, "cannot listen on " + host + ":" + std::to_string(port));
  if (*listenFd != INVALID_SOCKET) ::listen(*listenFd, kListenBacklog);
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  return m_port;
}

void TlsServer::Stop() {
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

TlsServer::~TlsServer() { Stop(); }

}  // namespace zb::net::http
