// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: arbitrary bytes -> FHIR reader -> consolidation -> ICA summary -> texts ->
// agreement writer and back. Any crash, hang, leak or sanitizer report is a bug; a refused input
// is fine.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/ica.h"
#include "domain/overview.h"
#include "net/fhir/reader.h"
#include "net/fhir/writer.h"
#include "present/dose_texts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = zb::domain;
  static zb::net::fhir::Reader reader;  // reused like the real one, so buffer reuse is fuzzed too
  zb::net::fhir::ReadOptions options;
  options.origin = "fuzz";
  options.source = "fuzz";
  options.maxBytes = std::size_t{4} << 20;
  auto doc = reader.Read(std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (!doc) return 0;
  for (const auto& issue : doc->issues) (void)issue.Describe();

  const auto at = d::StartOfNetherlandsDay(d::Date(2026, 3, 10)) + boost::posix_time::hours(12);
  const auto overview = d::Consolidate(doc->medication, at);
  for (const auto& line : overview.lines) (void)zb::present::DoseCell(line.DoseBlock());
  (void)d::SummarizeIca(doc->ica, at);

  // What we read, we can write; what we write, we read back the same.
  for (const auto& ma : doc->medication.agreements) {
    const auto json = zb::net::fhir::WriteAgreementBundle(ma, zb::domain::Patient{});
    zb::net::fhir::Reader again;
    auto back = again.Read(json, options);
    if (!back || back->medication.agreements.size() != 1) __builtin_trap();
  }
  return 0;
}
