// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/http/client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "easy.h"

namespace zb::net::http {

using domain::ErrorCode;
using domain::MakeError;

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

// Idle easy handles, each with its own open connections: a request takes one and gives it back,
// so a gateway relaying many requests to the same node and holders reuses connections instead of
// paying a TLS handshake per request. (libcurl's shared connection cache is documented as unsafe
// across threads, so connections are not shared between handles in flight.)
struct Client::Shared {
  ~Shared() {
    for (CURL* c : idle) curl_easy_cleanup(c);
  }
  CURL* Take() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return curl_easy_init();
    CURL* c = idle.back();
    idle.pop_back();
    return c;
  }
  void Give(CURL* c) {
    std::lock_guard lock(mutex);
    if (idle.size() < kMaxIdle)
      idle.push_back(c);
    else
      curl_easy_cleanup(c);
  }
  static constexpr std::size_t kMaxIdle = 64;
  std::mutex mutex;
  std::vector<CURL*> idle;
};

std::string Response::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (EqualsIgnoreCase(h.name, name)) return h.value;
  }
  return {};
}

Client::Client(ClientOptions options) : m_options(std::move(options)), m_shared(std::make_shared<Shared>()) {
  detail::GlobalInit();
}
Client::~Client() = default;

domain::Result<Response> Client::Send(const Request& request) const {
  const auto timeout = request.timeout.count() > 0 ? std::min(request.timeout, m_options.timeout) : m_options.timeout;
  CURL* easy = m_shared->Take();
  if (!easy) return MakeError(ErrorCode::kIo, "libcurl could not create a handle");
  auto transfer = detail::Prepare(request, m_options, timeout, easy);
  if (!transfer) {
    m_shared->Give(easy);
    return transfer.error();
  }
  const auto started = std::chrono::steady_clock::now();
  CURLcode rc = curl_easy_perform(easy);
  const auto left =
      timeout - std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (rc != CURLE_OK && left.count() > 0 && detail::ReadyForFreshRetry(**transfer, rc, left)) {
    rc = curl_easy_perform(easy);
  }
  auto result = detail::Finish(**transfer, rc);
  m_shared->Give(easy);
  return result;
}

std::string UrlEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto ch = static_cast<unsigned char>(c);
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

std::string UrlDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else if (text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseForm(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    const auto eq = pair.find('=');
    if (!pair.empty()) {
      out.emplace_back(UrlDecode(pair.substr(0, eq)),
                       eq == std::string_view::npos ? "" : UrlDecode(pair.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return out;
}

domain::Result<UrlParts> ParseUrl(std::string_view url) {
  UrlParts parts;
  const auto colon = url.find("://");
  if (colon == std::string_view::npos)
    return MakeError(ErrorCode::kInvalidFormat, "not an absolute URL: " + std::string(url));
  parts.scheme = std::string(url.substr(0, colon));
  std::transform(parts.scheme.begin(), parts.scheme.end(), parts.scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (parts.scheme != "https" && parts.scheme != "http")
    return MakeError(ErrorCode::kUnsupported, "URL scheme '" + parts.scheme + "' is not supported");
  std::string_view rest = url.substr(colon + 3);
  const auto slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos)
    return MakeError(ErrorCode::kUnsupported, "URLs with user information are refused");
  std::string_view host = authority;
  parts.port = parts.scheme == "https" ? 443 : 80;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return MakeError(ErrorCode::kInvalidFormat, "bad IPv6 host in URL");
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':')
      parts.port = std::atoi(std::string(authority.substr(close + 2)).c_str());
  } else if (const auto pc = authority.rfind(':'); pc != std::string_view::npos) {
    host = authority.substr(0, pc);
    parts.port = std::atoi(std::string(authority.substr(pc + 1)).c_str());
  }
  if (host.empty() || parts.port <= 0 || parts.port > 65535)
    return MakeError(ErrorCode::kInvalidFormat, "bad host or port in URL");
  parts.host = std::string(host);
  const auto q = rest.find('?');
  const auto hash = rest.find('#');
  parts.path = std::string(rest.substr(0, std::min(q, hash)));
  if (parts.path.empty()) parts.path = "/";
  if (q != std::string_view::npos)
    parts.query = std::string(rest.substr(q + 1, hash == std::string_view::npos ? hash : hash - q - 1));
  return parts;
}

bool IsLoopbackHost(std::string_view host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

}  // namespace zb::net::http
