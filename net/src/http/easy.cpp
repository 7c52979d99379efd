// SPDX-License-Identifier: GPL-3.0-or-later
#include "easy.h"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace zb::net::http::detail {
namespace {

using domain::ErrorCode;
using domain::MakeError;

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->response.body.size() + n > t->limit) {
    t->overflow = true;
    return 0;  // makes curl abort the transfer: memory stays bounded whatever the peer sends
  }
  t->response.body.append(data, n);
  return n;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = &static_cast<Transfer*>(user)->response.headers;
  const std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new response (e.g. after 100-continue)
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto trim = [](std::string_view s) {
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
      return std::string(s);
    };
    headers->push_back({trim(line.substr(0, colon)), trim(line.substr(colon + 1))});
  }
  return size * count;
}

}  // namespace

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Transfer::~Transfer() {
  if (easy && ownsEasy) curl_easy_cleanup(easy);
  if (headers) curl_slist_free_all(headers);
}

domain::Result<std::unique_ptr<Transfer>> Prepare(Request request, const ClientOptions& options,
                                                  std::chrono::milliseconds timeout, CURL* reuse) {
  GlobalInit();
  auto url = ParseUrl(request.url);
  if (!url) return url.error();
  if (url->scheme == "http" && !(options.allowLoopbackHttp && IsLoopbackHost(url->host))) {
    return MakeError(ErrorCode::kRefused,
                     "plain http to " + url->host + " refused: use https (http only to a loopback node API)");
  }
  auto t = std::make_unique<Transfer>();
  if (reuse) {
    curl_easy_reset(reuse);
    t->easy = reuse;
    t->ownsEasy = false;
  } else {
    t->easy = curl_easy_init();
  }
  if (!t->easy) return MakeError(ErrorCode::kIo, "libcurl could not create a handle");
  t->request = std::move(request);
  t->where = url->host + ":" + std::to_string(url->port);
  t->limit = options.maxBodyBytes;
  for (const auto& h : t->request.headers)
    t->headers = curl_slist_append(t->headers, (h.name + ": " + h.value).c_str());
  // An empty Expect header stops curl from waiting for 100-continue on POST bodies.
  t->headers = curl_slist_append(t->headers, "Expect:");

  CURL* c = t->easy;
  const Request& r = t->request;
  curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method.c_str());
  if (r.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  if (!r.body.empty() || r.method == "POST" || r.method == "PUT") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, t->headers);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, options.allowLoopbackHttp ? "https,http" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_3));
  if (!options.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.caFile.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(options.connectTimeout, timeout).count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<std::int64_t>(1, timeout.count())));
  // HTTP/2 when the server offers it in ALPN: all requests to it then share one connection.
  curl_easy_setopt(c, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  // Requests started together wait for the first connection's ALPN instead of each opening its own:
  // behind nginx a lookup's 25 requests then share one TLS connection (towards an HTTP/1.1-only
  // server curl opens the others once that first handshake has told it so).
  curl_easy_setopt(c, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t->error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &WriteHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, t.get());
  curl_easy_setopt(c, CURLOPT_PRIVATE, t.get());
  return t;
}

namespace {

// Reads, and POSTs that are searches: sending one twice does no harm.
bool Idempotent(const Request& request) {
  return request.method == "GET" || request.method == "HEAD" ||
         (request.method == "POST" && request.url.find("/_search") != std::string::npos);
}

}  // namespace

bool ReadyForFreshRetry(Transfer& transfer, CURLcode rc, std::chrono::milliseconds timeout) {
  if (transfer.retriedFresh || transfer.overflow) return false;
  // A failed send never reached the server; a closed or empty read may have followed a request the
  // server did receive, so only an idempotent request is sent again then.
  const bool sendFailed = rc == CURLE_SEND_ERROR;
  const bool readFailed = rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING;
  if (!sendFailed && !(readFailed && Idempotent(transfer.request))) return false;
  long connects = 0;
  long status = 0;
  curl_easy_getinfo(transfer.easy, CURLINFO_NUM_CONNECTS, &connects);
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  if (connects != 0 || status != 0 || !transfer.response.headers.empty() || !transfer.response.body.empty()) {
    return false;  // a new connection failed, or an answer had begun: the failure is real
  }
  transfer.retriedFresh = true;
  transfer.error[0] = '\0';
  transfer.response = Response{};
  curl_easy_setopt(transfer.easy, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(transfer.easy, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<std::int64_t>(1, timeout.count())));
  return true;
}

namespace {

// OpenSSL's words (through curl) for a handshake the other side ended without a TLS alert.
bool PeerWentAway(const std::string& detail) {
  for (const char* sign : {"SSL_ERROR_SYSCALL", "unexpected eof", "Connection reset", "connection was reset",
                           "Connection refused", "Broken pipe"})
    if (detail.find(sign) != std::string::npos) return true;
  return false;
}

}  // namespace

domain::Result<Response> Finish(Transfer& transfer, CURLcode rc) {
  if (transfer.overflow) {
    return MakeError(ErrorCode::kOutOfRange,
                     "response from " + transfer.where + " exceeds " + std::to_string(transfer.limit) + " bytes");
  }
  if (rc != CURLE_OK) {
    const std::string detail = transfer.where + ": " + (transfer.error[0] ? transfer.error : curl_easy_strerror(rc)) +
                               (transfer.retriedFresh ? " (also on a fresh connection)" : "");
    // A server that dies or restarts during the handshake is gone, not untrusted: saying
    // "certificate not trusted, check the settings" then sends a physician to the wrong place.
    if (rc == CURLE_SSL_CONNECT_ERROR && PeerWentAway(detail))
      return MakeError(ErrorCode::kUnavailable, "TLS handshake cut off: " + detail);
    switch (rc) {
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_UNSUPPORTED_PROTOCOL:
        return MakeError(ErrorCode::kRefused, "TLS: " + detail);
      case CURLE_PARTIAL_FILE:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_HTTP2_STREAM:
        return MakeError(ErrorCode::kIo, "answer cut off: " + detail);
      case CURLE_OPERATION_TIMEDOUT:
        return MakeError(ErrorCode::kTimeout, detail);
      default:
        return MakeError(ErrorCode::kUnavailable, detail);
    }
  }
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &transfer.response.status);
  return std::move(transfer.response);
}

}  // namespace zb::net::http::detail
