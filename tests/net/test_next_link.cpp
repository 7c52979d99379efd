// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile holder's next-page links (issue 14, point 4): normalised before they are compared.
#include <catch2/catch.hpp>

#include "next_link.h"

using zb::net::client::CheckNextLink;
using zb::net::client::NextLinkRefused;
using zb::net::client::RemoveDotSegments;

namespace {

const std::string kBase = "https://127.0.0.1:9443/api/v1/relay/medicatieoverdracht-gf/90000402";
const std::string kBsn = "http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999991000";
const std::string kFirst = "MedicationRequest?patient.identifier=" + kBsn + "&category=x";

std::string Verdict(const std::string& next, const std::string& previous = kFirst) {
  auto r = CheckNextLink(kBase, next, previous);
  if (const auto* refused = std::get_if<NextLinkRefused>(&r)) return "refused: " + refused->why;
  return std::get<std::string>(r);
}

}  // namespace

TEST_CASE("remove_dot_segments follows RFC 3986 section 5.2.4, including its examples") {
  CHECK(RemoveDotSegments("/a/b/c/./../../g") == "/a/g");
  CHECK(RemoveDotSegments("mid/content=5/../6") == "mid/6");
  CHECK(RemoveDotSegments("/a/b/../../../x") == "/x");
  CHECK(RemoveDotSegments("/a/..") == "/");
  CHECK(RemoveDotSegments("/a/./b/.") == "/a/b/");
  CHECK(RemoveDotSegments("/a/b") == "/a/b");
}

TEST_CASE("a next link of the same search at the same holder is followed") {
  CHECK(Verdict(kBase + "/MedicationRequest?patient.identifier=" + kBsn + "&category=x&_page=2") ==
        "MedicationRequest?patient.identifier=" + kBsn + "&category=x&_page=2");
  // An opaque paging token that names no patient: followed (the request still declares the patient).
  CHECK(Verdict(kBase + "/MedicationRequest?_getpages=abc&_offset=20") == "MedicationRequest?_getpages=abc&_offset=20");
  // Harmless dot segments that stay inside the base are resolved first.
  CHECK(Verdict(kBase + "/x/../MedicationRequest?_page=2") == "MedicationRequest?_page=2");
}

TEST_CASE("a next link that climbs out of the holder's base, hides dots, or changes server is refused") {
  const std::string other = "/api/v1/relay/HuisartsVVTInzage/90000401/MedicationRequest?patient.identifier=" + kBsn;
  CHECK_THAT(Verdict(kBase + "/../../HuisartsVVTInzage/90000401/MedicationRequest?patient.identifier=" + kBsn),
             Catch::StartsWith("refused: the next-page link points outside"));
  CHECK_THAT(Verdict(kBase + "/../../../../../.." + other), Catch::StartsWith("refused"));
  CHECK_THAT(Verdict(kBase + "/%2e%2e/%2E%2E/HuisartsVVTInzage/90000401/MedicationRequest"),
             Catch::Contains("percent-encoding"));
  CHECK_THAT(Verdict(kBase + "/..%2f..%2fHuisartsVVTInzage/MedicationRequest"), Catch::Contains("percent-encoding"));
  CHECK_THAT(Verdict("https://127.0.0.1:9444/api/v1/relay/medicatieoverdracht-gf/90000402/MedicationRequest"),
             Catch::Contains("another server"));
  CHECK_THAT(Verdict("https://user@127.0.0.1:9443/api/v1/relay/medicatieoverdracht-gf/90000402/MedicationRequest"),
             Catch::StartsWith("refused"));
  CHECK_THAT(Verdict("http://127.0.0.1:9443/api/v1/relay/medicatieoverdracht-gf/90000402/MedicationRequest"),
             Catch::StartsWith("refused"));
  // The base itself, a sibling with the base as string prefix, and relative links.
  CHECK_THAT(Verdict(kBase), Catch::StartsWith("refused"));
  CHECK_THAT(Verdict(kBase + "0/MedicationRequest"), Catch::StartsWith("refused"));
  CHECK_THAT(Verdict("/MedicationRequest?_page=2"), Catch::StartsWith("refused"));
  CHECK_THAT(Verdict(kBase + "/Medication Request"), Catch::StartsWith("refused"));
}

TEST_CASE("a next link may not switch the resource type or the patient") {
  CHECK_THAT(Verdict(kBase + "/Patient?identifier=" + kBsn), Catch::Contains("another resource type"));
  const std::string otherBsn = "http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999990019";
  CHECK_THAT(Verdict(kBase + "/MedicationRequest?patient.identifier=" + otherBsn + "&category=x"),
             Catch::Contains("another patient"));
  CHECK_THAT(Verdict(kBase + "/MedicationRequest?patient.identifier=" + kBsn + "&patient.identifier=" + otherBsn),
             Catch::Contains("another patient"));
  // Zorginzage: by the holder's patient id.
  CHECK(Verdict(kBase + "/MedicationRequest?patient=p1&_page=2", "MedicationRequest?patient=p1") ==
        "MedicationRequest?patient=p1&_page=2");
  CHECK_THAT(Verdict(kBase + "/MedicationRequest?patient=p2&_page=2", "MedicationRequest?patient=p1"),
             Catch::Contains("another patient"));
}
