// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A holder's next-page link is outside input that the desktop sends on with the user's session:
// it is resolved and normalised (RFC 3986 remove-dot-segments) before it is compared with the
// holder's FHIR base, so "<base>/../../api/v1/relay/<other holder>/…" cannot reach elsewhere, and
// it may not switch to another resource type or another patient than the page it came from.
#include <string>
#include <variant>

namespace zb::net::client {

struct NextLinkRefused {
  std::string why;  // English, for the source's detail line
};

// The link relative to `fhirBase` (path + query, no leading '/'), or why it is refused.
// `previous` is the path and query of the request whose answer carried the link, `previousBody`
// its form body (POST _search).
std::variant<std::string, NextLinkRefused> CheckNextLink(const std::string& fhirBase, const std::string& next,
                                                         const std::string& previous,
                                                         const std::string& previousBody = "");

// RFC 3986 §5.2.4.
std::string RemoveDotSegments(std::string path);

}  // namespace zb::net::client
