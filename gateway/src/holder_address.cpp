// SPDX-License-Identifier: GPL-3.0-or-later
#include "holder_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "net/http/client.h"

namespace zb::gateway {
namespace {

bool PrivateIpv4(const std::array<std::uint8_t, 4>& a) {
  return a[0] == 127 || a[0] == 10 || a[0] == 0 || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
         (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) || (a[0] == 100 && (a[1] & 0xC0) == 64);
}

bool PrivateHost(std::string host) {
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host == "localhost" || (host.size() > 10 && host.ends_with(".localhost"))) return true;
  std::array<std::uint8_t, 4> v4{};
  if (::inet_pton(AF_INET, host.c_str(), v4.data()) == 1) return PrivateIpv4(v4);
  std::array<std::uint8_t, 16> v6{};
  if (::inet_pton(AF_INET6, host.c_str(), v6.data()) != 1) return false;  // a name: not decided here
  const bool zeroPrefix = std::all_of(v6.begin(), v6.begin() + 10, [](std::uint8_t b) { return b == 0; });
  if (zeroPrefix && v6[10] == 0xFF && v6[11] == 0xFF)  // IPv4-mapped
    return PrivateIpv4({v6[12], v6[13], v6[14], v6[15]});
  const bool zeroUpTo15 = std::all_of(v6.begin(), v6.begin() + 15, [](std::uint8_t b) { return b == 0; });
  if (zeroUpTo15 && (v6[15] == 0 || v6[15] == 1)) return true;                 // :: and ::1
  return (v6[0] & 0xFE) == 0xFC || (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80);  // fc00::/7, fe80::/10
}

}  // namespace

std::optional<std::string> HolderAddressRefusal(const std::string& fhirBase, bool allowPrivate) {
  auto url = net::http::ParseUrl(fhirBase);
  if (!url) return "fhirBaseURL is not a usable URL (" + url.error().detail + ")";
  if (url->scheme != "https") return "fhirBaseURL must be https, not " + url->scheme;
  if (!allowPrivate && PrivateHost(url->host))
    return "fhirBaseURL points at a loopback, private or link-local address (" + url->host +
           "); set nuts.allow_private_holder_addresses only for a test set-up";
  return std::nullopt;
}

}  // namespace zb::gateway
