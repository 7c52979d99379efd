// SPDX-License-Identifier: GPL-3.0-or-later
#include "next_link.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "net/http/client.h"

namespace zb::net::client {
namespace {

constexpr std::string_view kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn|";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string ResourceTypeOf(const std::string& pathAndQuery) {
  return pathAndQuery.substr(0, pathAndQuery.find_first_of("/?"));
}

// Every value that names a patient, sorted: references, chained identifiers, and BSN identifiers.
std::vector<std::string> PatientsIn(std::string_view query) {
  std::vector<std::string> out;
  for (const auto& [name, value] : http::ParseForm(query)) {
    const std::string base = name.substr(0, name.find(':'));
    const bool bsn = base.find("identifier") != std::string::npos && value.find(kBsnSystem) != std::string::npos;
    if (bsn || base == "patient" || base == "subject") out.push_back(base + "=" + value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string RemoveDotSegments(std::string input) {
  std::string output;
  while (!input.empty()) {
    if (input.rfind("../", 0) == 0) {
      input.erase(0, 3);
    } else if (input.rfind("./", 0) == 0) {
      input.erase(0, 2);
    } else if (input.rfind("/./", 0) == 0) {
      input.erase(0, 2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.rfind("/../", 0) == 0 || input == "/..") {
      input = input == "/.." ? "/" : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const auto next = input.find('/', input.front() == '/' ? 1 : 0);
      output += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return output;
}

std::variant<std::string, NextLinkRefused> CheckNextLink(const std::string& fhirBase, const std::string& next,
                                                         const std::string& previous, const std::string& previousBody) {
  if (next.find_first_of(std::string(" \t\r\n\\\0", 6)) != std::string::npos)
    return NextLinkRefused{"the next-page link holds characters a URL cannot hold"};
  auto base = http::ParseUrl(fhirBase);
  auto link = http::ParseUrl(next);
  if (!base || !link) return NextLinkRefused{"the next-page link is not an absolute http(s) URL"};
  // Encoded dots and slashes would be decoded by a server after our check: refuse them outright.
  const std::string lowerPath = Lower(link->path);
  if (lowerPath.find("%2e") != std::string::npos || lowerPath.find("%2f") != std::string::npos ||
      lowerPath.find("%5c") != std::string::npos)
    return NextLinkRefused{"the next-page link hides dots or slashes in percent-encoding"};
  if (Lower(link->scheme) != Lower(base->scheme) || Lower(link->host) != Lower(base->host) || link->port != base->port)
    return NextLinkRefused{"the next-page link points to another server than the holder's FHIR base"};
  const std::string path = RemoveDotSegments(link->path);
  std::string prefix = base->path;
  if (prefix.empty() || prefix.back() != '/') prefix += "/";
  if (path.rfind(prefix, 0) != 0 || path.size() == prefix.size())
    return NextLinkRefused{"the next-page link points outside the holder's FHIR base"};
  std::string relative = path.substr(prefix.size());
  if (!link->query.empty()) relative += "?" + link->query;
  // A page of the same search: same resource type, and no other patient (an opaque paging token
  // that names none is fine; the desktop still declares its patient with the request).
  if (ResourceTypeOf(relative) != ResourceTypeOf(previous))
    return NextLinkRefused{"the next-page link asks for another resource type (" + ResourceTypeOf(relative) + ")"};
  const auto named = PatientsIn(link->query);
  if (!named.empty()) {
    const auto q = previous.find('?');
    auto before = PatientsIn(q == std::string::npos ? std::string_view() : std::string_view(previous).substr(q + 1));
    if (before.empty()) before = PatientsIn(previousBody);
    if (named != before) return NextLinkRefused{"the next-page link asks about another patient"};
  }
  return relative;
}

}  // namespace zb::net::client
