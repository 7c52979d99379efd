// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for what drafting reads: the home's formulary CSV (outside data, from a pharmacy or
// a spreadsheet) and a stored draft document (input starting with '{'). Either is read into items
// or a draft, or refused with a reason; never a crash, a hang or a half-read value. What is
// accepted must hold up: every formulary item has a name and a code, and a draft that reads back
// writes the same text again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/fhir/draft_codec.h"
#include "net/formulary/formulary_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!text.empty() && text.front() == '{') {
    auto draft = zb::net::fhir::DecodeDraft(text, "draft");
    if (draft) {
      const auto once = zb::net::fhir::EncodeDraft(draft.value());
      auto again = zb::net::fhir::DecodeDraft(once, "draft");
      if (!again || zb::net::fhir::EncodeDraft(again.value()) != once) __builtin_trap();
    } else if (draft.error().detail.empty()) {
      __builtin_trap();
    }
    return 0;
  }
  auto items = zb::net::formulary::ReadFormularyCsv(text, "formulary.csv");
  if (!items) {
    if (items.error().detail.empty()) __builtin_trap();
    return 0;
  }
  for (const auto& item : items.value()) {
    if (item.name.empty() || (item.prk.empty() && item.gpk.empty() && item.hpk.empty())) __builtin_trap();
  }
  return 0;
}
