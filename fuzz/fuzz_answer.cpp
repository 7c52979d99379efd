// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for how the desktop reads a holder's answer (relayed by the gateway): status from
// the first byte (200, 401, 403, 404, 451, 500, 503), the rest as the body (and as a Retry-After
// value). It must always end in one status with a detail, never crash or hang. The same bytes are
// read as a receiver's answer to a release (delivered only on 200/201 with a transaction-response,
// never both delivered and refused), as a lookup's searchset, as a Bundle to check before sending,
// and as the gateway's searchset of a pharmacy's processing answers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer.h"
#include "net/fhir/processing_answer.h"
#include "net/fhir/release_bundle_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr long kStatuses[] = {200, 401, 403, 404, 451, 500, 503};
  zb::net::http::Response response;
  response.status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
  response.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  response.headers.push_back({"Retry-After", response.body.substr(0, 8)});
  const auto answer = zb::net::client::ReadAnswer("MA", response);
  if (answer.outcome.status == zb::domain::SourceStatus::kPending) __builtin_trap();  // every answer decides
  (void)zb::net::client::AccessDecision("MA", nlohmann::json::parse(response.body, nullptr, false));
  const long releaseStatus = data[0] % 2 ? 201 : response.status;
  const auto release = zb::net::fhir::ReadReleaseAnswer(releaseStatus, response.body);
  if (release.delivered && release.refused) __builtin_trap();
  if (release.delivered && releaseStatus != 200 && releaseStatus != 201) __builtin_trap();
  (void)zb::net::fhir::SearchMatches(response.body);
  (void)zb::net::fhir::FirstAgreementIdentifier(response.body);
  // A processing answer is only taken with what it answers; identifiers always "system|value".
  for (const auto& b : zb::net::fhir::ReadProcessingSearch(response.body).blocks)
    if (b.authorising.find('|') == std::string::npos) __builtin_trap();
  for (const auto& id : zb::net::fhir::RequestIdentifiers(response.body))
    if (id.find('|') == std::string::npos) __builtin_trap();
  (void)zb::net::fhir::CheckReleaseBundle(
      response.body, data[0] % 3 ? zb::net::fhir::ReleaseTarget::kPharmacy : zb::net::fhir::ReleaseTarget::kCareRecord);
  return 0;
}
