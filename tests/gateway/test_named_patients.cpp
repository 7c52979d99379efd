// SPDX-License-Identifier: GPL-3.0-or-later
// The one rule for which patients a relayed query or form body names (issue 14, point 3): what the
// relay refuses, checks against the declared patient, and writes on the audit trail.
#include <catch2/catch.hpp>

#include "relay.h"

using zb::gateway::PatientsNamedIn;

namespace {
const std::string kBsn = "http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C";
}

TEST_CASE("the patients a query names: BSN identifiers (chained, with modifiers, OR-lists) and Patient references") {
  const auto one = PatientsNamedIn("patient.identifier=" + kBsn + "999991000&category=x");
  CHECK(one.count == 1);
  CHECK(one.bsns == std::vector<std::string>{"999991000"});
  CHECK(one.holderPatient.empty());

  const auto orList = PatientsNamedIn("patient.identifier=" + kBsn + "999991000," + kBsn + "999992000");
  CHECK(orList.count == 2);
  CHECK(orList.bsns == std::vector<std::string>{"999991000", "999992000"});

  const auto twice = PatientsNamedIn("identifier=" + kBsn + "1&identifier:exact=" + kBsn + "1");
  CHECK(twice.count == 2);  // named twice is refused, even for the same patient
  CHECK(twice.bsns == std::vector<std::string>{"1"});

  const auto chained = PatientsNamedIn("_has:Observation:patient:identifier=" + kBsn + "5&subject=Patient/7");
  CHECK(chained.count == 2);
  CHECK(chained.bsns == std::vector<std::string>{"5"});
  CHECK(chained.holderPatient == "Patient/7");

  const auto reference = PatientsNamedIn("patient=abc&category=x");
  CHECK(reference.count == 1);
  CHECK(reference.bsns.empty());
  CHECK(reference.holderPatient == "abc");

  // An identifier of something else (no BSN system) names no patient.
  CHECK(PatientsNamedIn("medication-hypersensitivity-identifier=urn:oid:1.2|3").count == 0);
  CHECK(PatientsNamedIn("").count == 0);
}
