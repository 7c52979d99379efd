// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The synthetic on-call report of the tests and of the IG's example (docs/fhir/): A. Jansen of the
// demo, seen at night by the covering SO of another home. Fictitious people, test BSN.
#include "domain/locum_report.h"

namespace zb::test {

// A draft with every section filled; contact 02-12-2026 02:10–02:45 Dutch time.
domain::LocumReport ExampleLocumDraft();
// The same, signed at 03:05 that night.
domain::LocumReport ExampleLocumReport();

}  // namespace zb::test
