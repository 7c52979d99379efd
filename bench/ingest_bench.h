// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `zorgbrug-bench ingest`: FHIR searchsets -> parse + map + consolidate, against simdjson's raw
// DOM parse of the same bytes; prints throughput, the ratio and peak memory against the targets.
namespace zb::bench {
int RunIngest(int argc, char** argv);
}
