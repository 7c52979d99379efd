// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the Nictiz sending TestScripts assert on a POSTed release Bundle (prescribing.md §2, the
// list in mp9-testscripts-send/README.md), checked in C++ before a Bundle is queued — a Bundle
// failing them is never sent — and by the sandbox's receivers on arrival. The TestScripts' own
// FHIRPath expressions run on generated Bundles in the conformance tests (npm fhirpath), so this
// copy of the rules is checked against the originals there.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/fhir/prescription_writer.h"

namespace zb::net::fhir {

// One line per problem, naming the entry; empty when the Bundle passes. To the pharmacy: the
// Bundle profile, and every MA/VV an order (actionable tag, intent order). To the care record:
// no MA/VV with the actionable tag.
std::vector<std::string> CheckReleaseBundle(std::string_view bundle, ReleaseTarget target);

}  // namespace zb::net::fhir

namespace zb::net::fhir {

// What a receiver answered to a release (prescribing.md A-R5): delivered only for 200/201 with a
// transaction-response Bundle; `text` holds the created locations, or the OperationOutcome's issue
// texts of a refusal, or what was wrong with the answer.
struct ReleaseAnswer {
  bool delivered = false;
  bool refused = false;  // 4xx: the receiver will not take this Bundle; not sent again
  std::string text;
};
ReleaseAnswer ReadReleaseAnswer(long status, std::string_view body);

// The identifier ("system|value") of the Bundle's first medication agreement: what a sender looks
// up at the receiver when the answer to a POST was lost. Empty when there is none.
std::string FirstAgreementIdentifier(std::string_view bundle);
// The number of matches in a searchset; nullopt when `body` is not one.
std::optional<std::size_t> SearchMatches(std::string_view body);

}  // namespace zb::net::fhir
