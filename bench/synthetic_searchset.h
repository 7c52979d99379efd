// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Generates large, realistic MP9 3.0 searchset Bundles for benchmarks: a GP (MA, VV), a pharmacy
// (TA, MVE, MGB) and a hospital (change and stop patterns), all about one synthetic patient,
// with every extension the real profiles carry. Deterministic for a given seed.
#include <cstddef>
#include <string>
#include <vector>

namespace zb::bench {

struct GeneratedSource {
  std::string id;
  std::string json;
  std::size_t resources = 0;
};

std::vector<GeneratedSource> GenerateSources(std::size_t treatments, unsigned seed = 42);

}  // namespace zb::bench
