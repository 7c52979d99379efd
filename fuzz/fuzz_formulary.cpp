// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for what drafting reads: the home's formulary (outside data, from a pharmacy or a
// spreadsheet: CSV, or FHIR Medication resources), the organisation's pharmacy roster (CSV, or FHIR
// HealthcareService), a stored draft document, and an on-call report pulled from another
// organisation (a FHIR document). Input starting with '{' goes to the JSON
// readers, anything else to the CSV readers. Each is read or refused with a reason; never a crash,
// a hang or a half-read value. What is accepted must hold up: every formulary item has a name and
// a code; every roster pharmacy a name and at least one window of real days and minutes; a draft
// that reads back writes the same text again; an on-call report that reads is signed, and writing
// it and reading that back gives the same document again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/fhir/draft_codec.h"
#include "net/fhir/locum_codec.h"
#include "net/fhir/locum_report_fhir.h"
#include "net/formulary/formulary_fhir.h"
#include "net/roster/roster.h"

namespace {

void CheckItems(const zb::domain::Result<std::vector<zb::domain::FormularyItem>>& items) {
  if (!items) {
    if (items.error().detail.empty()) __builtin_trap();
    return;
  }
  for (const auto& item : items.value()) {
    if (item.name.empty() || (item.prk.empty() && item.gpk.empty() && item.hpk.empty())) __builtin_trap();
  }
}

void CheckRoster(const zb::domain::Result<std::vector<zb::domain::RosterPharmacy>>& roster) {
  if (!roster) {
    if (roster.error().detail.empty()) __builtin_trap();
    return;
  }
  for (const auto& p : roster.value()) {
    if (p.name.empty() || p.windows.empty()) __builtin_trap();
    for (const auto& w : p.windows) {
      if (w.days.empty() || w.from < 0 || w.from >= 24 * 60 || w.to < 0 || w.to > 24 * 60) __builtin_trap();
      for (int d : w.days) {
        if (d < 1 || d > 7) __builtin_trap();
      }
    }
  }
}

void CheckStoredLocumReport(std::string_view text) {
  auto report = zb::net::fhir::DecodeLocumReport(text, "report");
  if (!report) {
    if (report.error().detail.empty()) __builtin_trap();
    return;
  }
  const auto once = zb::net::fhir::EncodeLocumReport(report.value());
  auto again = zb::net::fhir::DecodeLocumReport(once, "report");
  if (!again || zb::net::fhir::EncodeLocumReport(again.value()) != once) __builtin_trap();
}

void CheckLocumReport(std::string_view text) {
  auto report = zb::net::fhir::ReadLocumReport(text, "verslag.json");
  if (!report) {
    if (report.error().detail.empty()) __builtin_trap();
    return;
  }
  if (report->status == zb::domain::ReportStatus::kDraft || !report->signedAt) __builtin_trap();
  auto once = zb::net::fhir::WriteLocumReport(report.value());
  if (!once) __builtin_trap();
  auto again = zb::net::fhir::ReadLocumReport(once.value(), "verslag.json");
  if (!again) __builtin_trap();
  auto twice = zb::net::fhir::WriteLocumReport(again.value());
  if (!twice || twice.value() != once.value()) __builtin_trap();
}

}  // namespace

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
    CheckItems(zb::net::formulary::ReadFormularyFhir(text, "formulary.json"));
    CheckRoster(zb::net::roster::ReadRosterFhir(text, "roster.json"));
    CheckLocumReport(text);
    CheckStoredLocumReport(text);
    return 0;
  }
  CheckItems(zb::net::formulary::ReadFormularyCsv(text, "formulary.csv"));
  CheckRoster(zb::net::roster::ReadRosterCsv(text, "roster.csv"));
  return 0;
}
