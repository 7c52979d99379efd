// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/patient_header.h"

#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string CategoryLabel(d::PatientCategory c) {
  switch (c) {
    case d::PatientCategory::kExpected:
      return Tr("verwachte opname");
    case d::PatientCategory::kAdmitted:
      return Tr("opgenomen");
    case d::PatientCategory::kTemporary:
      return Tr("tijdelijk (ANW)");
  }
  return {};
}

std::string AgoText(d::Instant then, d::Instant now) {
  const auto minutes = (now - then).total_seconds() / 60;
  if (minutes < 2) return Tr("zojuist");
  if (minutes < 120) return Fmt("{0} minuten geleden", {std::to_string(minutes)});
  if (minutes < 48 * 60) return Fmt("{0} uur geleden", {std::to_string(minutes / 60)});
  return Fmt("{0} dagen geleden", {std::to_string(minutes / (24 * 60))});
}

PatientHeader BuildPatientHeader(const d::RegisteredPatient& patient, const d::PatientPicture* picture, bool gds,
                                 const Freshness& freshness, d::Instant now, const d::IcaSummary* ica) {
  PatientHeader h;
  h.title = patient.name;
  h.identity = Fmt("BSN {0}", {patient.bsn.digits()});
  if (patient.birthDate) h.identity += " · " + Fmt("geboren {0}", {d::FormatDate(*patient.birthDate)});
  if (auto age = d::AgeOn(patient.birthDate, d::NetherlandsDate(now)))
    h.identity += " · " + Fmt("{0} jaar", {std::to_string(*age)});
  h.category = CategoryLabel(patient.category);
  h.gds = gds;
  if (picture) {
    for (const auto& s : picture->sources()) {
      SourceChip chip;
      chip.text = Fmt("{0}: {1}", {s.source.name.empty() ? SourceKindLabel(s.source.kind) : s.source.name,
                                   s.status == d::SourceStatus::kPending ? Tr("wordt opgehaald…") : DescribeSource(s)});
      chip.tooltip = s.detail;
      chip.tone = ToneOf(s.status);
      h.chips.push_back(std::move(chip));
    }
    if (ica) h.ica = BuildIcaStrip(*ica, *picture);
  }
  // Data older than this is marked stale even when it was retrieved in this session.
  constexpr long kStaleMinutes = 60;
  if (!freshness.retrievedAt) {
    h.freshness =
        freshness.retrieving ? Tr("nog niets opgehaald; de bronnen worden gevraagd") : Tr("nog niets opgehaald");
    return h;
  }
  const std::string when =
      Fmt("opgehaald {0} ({1})", {d::FormatDateTime(*freshness.retrievedAt), AgoText(*freshness.retrievedAt, now)});
  h.stale = freshness.stored || (now - *freshness.retrievedAt).total_seconds() > kStaleMinutes * 60;
  if (freshness.stored) {
    h.freshness = freshness.retrieving
                      ? Fmt("{0} — opgeslagen gegevens, niet actueel; de bronnen worden nu opnieuw gevraagd", {when})
                      : Fmt("{0} — opgeslagen gegevens, niet actueel", {when});
  } else {
    h.freshness = h.stale ? Fmt("{0} — niet actueel, vernieuw met F5", {when}) : when;
  }
  return h;
}

}  // namespace zb::present
