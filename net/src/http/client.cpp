// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/http/client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace zb::net::http {
namespace {

using domain::ErrorCode;
using domain::MakeError;

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string* body;
  std::size_t limit;
  bool overflow = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body->size() + n > sink->limit) {
    sink->overflow = true;
    return 0;  // makes curl abort the transfer
  }
  sink->body->append(data, n);
  return n;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::vector<Header>*>(user);
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

struct EasyFree { void operator()(CURL* c) const { curl_easy_cleanup(c); } };
struct SlistFree { void operator()(curl_slist* l) const { curl_slist_free_all(l); } };

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string Response::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (EqualsIgnoreCase(h.name, name)) return h.value;
  }
  return {};
}

Client::Client(ClientOptions options) : m_options(std::move(options)) { GlobalInit(); }

domain::Result<Response> Client::Send(const Request& request) const {
  auto url = ParseUrl(request.url);
  if (!url) return url.error();
  if (url->scheme == "http" && !(m_options.allowLoopbackHttp && IsLoopbackHost(url->host))) {
    return MakeError(ErrorCode::kRefused, "plain http to " + url->host + " refused: use https (http only to a loopback node API)");
  }
  std::unique_ptr<CURL, EasyFree> easy(curl_easy_init());
  if (!easy) return MakeError(ErrorCode::kIo, "libcurl could not create a handle");
  CURL* c = easy.get();
  Response response;
  Sink sink{&response.body, m_options.maxBodyBytes};
  char error[CURL_ERROR_SIZE] = {};
  std::unique_ptr<curl_slist, SlistFree> headers;
  for (const auto& h : request.headers) {
    headers.reset(curl_slist_append(headers.release(), (h.name + ": " + h.value).c_str()));
  }
  // An empty Expect header stops curl from waiting for 100-continue on POST bodies.
  headers.reset(curl_slist_append(headers.release(), "Expect:"));

  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, m_options.allowLoopbackHttp ? "https,http" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_3));
  if (!m_options.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, m_options.caFile.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connectTimeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &WriteHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &response.headers);

  const CURLcode rc = curl_easy_perform(c);
  const std::string where = url->host + ":" + std::to_string(url->port);
  if (sink.overflow) {
    return MakeError(ErrorCode::kOutOfRange, "response from " + where + " exceeds " + std::to_string(m_options.maxBodyBytes) + " bytes");
  }
  if (rc != CURLE_OK) {
    const std::string detail = where + ": " + (error[0] ? error : curl_easy_strerror(rc));
    switch (rc) {
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_UNSUPPORTED_PROTOCOL:
        return MakeError(ErrorCode::kRefused, "TLS: " + detail);
      default:
        return MakeError(ErrorCode::kUnavailable, detail);
    }
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
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
      out.emplace_back(UrlDecode(pair.substr(0, eq)), eq == std::string_view::npos ? "" : UrlDecode(pair.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return out;
}

domain::Result<UrlParts> ParseUrl(std::string_view url) {
  UrlParts parts;
  const auto colon = url.find("://");
  if (colon == std::string_view::npos) return MakeError(ErrorCode::kInvalidFormat, "not an absolute URL: " + std::string(url));
  parts.scheme = std::string(url.substr(0, colon));
  std::transform(parts.scheme.begin(), parts.scheme.end(), parts.scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (parts.scheme != "https" && parts.scheme != "http") return MakeError(ErrorCode::kUnsupported, "URL scheme '" + parts.scheme + "' is not supported");
  std::string_view rest = url.substr(colon + 3);
  const auto slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) return MakeError(ErrorCode::kUnsupported, "URLs with user information are refused");
  std::string_view host = authority;
  parts.port = parts.scheme == "https" ? 443 : 80;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return MakeError(ErrorCode::kInvalidFormat, "bad IPv6 host in URL");
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') parts.port = std::atoi(std::string(authority.substr(close + 2)).c_str());
  } else if (const auto pc = authority.rfind(':'); pc != std::string_view::npos) {
    host = authority.substr(0, pc);
    parts.port = std::atoi(std::string(authority.substr(pc + 1)).c_str());
  }
  if (host.empty() || parts.port <= 0 || parts.port > 65535) return MakeError(ErrorCode::kInvalidFormat, "bad host or port in URL");
  parts.host = std::string(host);
  const auto q = rest.find('?');
  const auto hash = rest.find('#');
  parts.path = std::string(rest.substr(0, std::min(q, hash)));
  if (parts.path.empty()) parts.path = "/";
  if (q != std::string_view::npos) parts.query = std::string(rest.substr(q + 1, hash == std::string_view::npos ? hash : hash - q - 1));
  return parts;
}

bool IsLoopbackHost(std::string_view host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

}  // namespace zb::net::http
