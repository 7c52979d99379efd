// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/discrepancy_texts.h"

#include "present/dose_texts.h"
#include "present/overview_view.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

std::string Arg(const std::vector<std::string>& args, std::size_t i) { return i < args.size() ? args[i] : ""; }

// The status word of a status code as the domain writes it ("current" → "actueel").
std::string StatusWord(const std::string& code) {
  for (auto s : {d::TreatmentStatus::kUncertain, d::TreatmentStatus::kCurrent, d::TreatmentStatus::kFuture,
                 d::TreatmentStatus::kSuspended, d::TreatmentStatus::kRecentlyStopped, d::TreatmentStatus::kCancelled,
                 d::TreatmentStatus::kHistoric, d::TreatmentStatus::kUseOnly}) {
    if (code == d::ToString(s)) return StatusLabel(s);
  }
  return code;
}

// "huisarts: METOPROLOLSUCCINAAT TABLET MGA 50MG — 1 maal per dag 1 stuk (actueel, sinds 29-11-2026, J. de Wit)"
std::string SourceView(const std::vector<std::string>& a, std::size_t at, const d::BlockHeader* governing,
                       const std::map<std::string, std::string>& names) {
  std::string what = Arg(a, at + 2);
  if (const std::string dose = DoseCell(governing); !dose.empty()) what += " — " + dose;
  std::string how = StatusWord(Arg(a, at + 1));
  if (!Arg(a, at + 3).empty()) how += ", " + Fmt("sinds {0}", {IsoAsDutch(Arg(a, at + 3))});
  if (!Arg(a, at + 4).empty()) how += ", " + Arg(a, at + 4);
  return Fmt("{0}: {1} ({2})", {SourceNameOf(Arg(a, at), names), what.empty() ? Tr("geen afspraak") : what, how});
}

std::string SourceList(const std::vector<std::string>& a, const std::map<std::string, std::string>& names) {
  std::string out;
  for (std::size_t at = 0; at < a.size(); at += d::kSourceViewFields) {
    out += (out.empty() ? "" : ", ") + SourceNameOf(a[at], names);
  }
  return out;
}

// kAdministrationDoseDiffers: the pharmacy's administration agreements' doses, then the agreement's.
std::pair<std::string, std::string> PharmacyAndAgreedDose(const d::Discrepancy& x) {
  std::string pharmacy;
  for (std::size_t i = 0; i + 1 < x.blocks.size(); ++i)
    pharmacy += (pharmacy.empty() ? "" : " + ") + DoseCell(x.blocks[i].get());
  return {pharmacy, x.blocks.empty() ? std::string() : DoseCell(x.blocks.back().get())};
}

}  // namespace

std::string Describe(const d::Discrepancy& discrepancy, const std::map<std::string, std::string>& names) {
  const auto& a = discrepancy.args;
  switch (discrepancy.kind) {
    case d::DiscrepancyKind::kAdministrationDoseDiffers: {
      const auto [pharmacy, agreed] = PharmacyAndAgreedDose(discrepancy);
      return Fmt("Dosering van de apotheek wijkt af: {0}; afgesproken: {1}", {pharmacy, agreed});
    }
    case d::DiscrepancyKind::kAdministrationOutdated:
      return Tr("De apotheek werkt nog met een eerdere afspraak; de wijziging is daar nog niet verwerkt");
    case d::DiscrepancyKind::kUseReportsNotUsed:
      return Arg(a, 1) == "stopped"
                 ? Tr("Medicatiegebruik meldt dat de patiënt dit gestopt is, terwijl de afspraak loopt")
             : Arg(a, 1) == "suspended"
                 ? Tr("Medicatiegebruik meldt dat de patiënt dit tijdelijk niet gebruikt, terwijl de afspraak loopt")
                 : Tr("Medicatiegebruik meldt dat de patiënt dit niet gebruikt, terwijl de afspraak loopt");
    case d::DiscrepancyKind::kUseNotAsAgreed:
      return Tr("Medicatiegebruik: niet volgens afspraak gebruikt");
    case d::DiscrepancyKind::kSourcesDisagree:
      return Fmt("Bronnen verschillen ({0})", {SourceList(a, names)});
    case d::DiscrepancyKind::kKnownAtOneSourceOnly:
      return Fmt("Alleen bekend bij {0}", {SourceNameOf(Arg(a, 0), names)});
    case d::DiscrepancyKind::kSameBlockDiffers:
      return Fmt("Dezelfde bouwsteen verschilt tussen {0} en {1}",
                 {SourceNameOf(Arg(a, 1), names), SourceNameOf(Arg(a, 2), names)});
    case d::DiscrepancyKind::kPossibleDuplicate:
      return Fmt("Mogelijk dubbel: zelfde geneesmiddel in andere behandeling ({0})", {Arg(a, 1)});
    case d::DiscrepancyKind::kStopWithoutTarget:
      return Tr("Een stopbericht hoort bij geen bekende afspraak");
    case d::DiscrepancyKind::kStatusUncertain: {
      const std::string what = Arg(a, 1) == "suspended"   ? Tr("onderbroken")
                               : Arg(a, 1) == "cancelled" ? Tr("geannuleerd")
                                                          : Tr("gestopt");
      return Arg(a, 2).empty()
                 ? Fmt("Status onzeker — controleer: {0} meldt {1}, maar het bericht noemt geen afspraak die wij kennen",
                       {SourceNameOf(discrepancy.sources.empty() ? "" : discrepancy.sources.front(), names), what})
                 : Fmt("Status onzeker — controleer: {0} meldt {1} voor afspraak {2}, die wij niet ontvingen",
                       {SourceNameOf(discrepancy.sources.empty() ? "" : discrepancy.sources.front(), names), what,
                        Arg(a, 2)});
    }
    case d::DiscrepancyKind::kLinkedByValue:
      return Fmt("Gegevenskwaliteit: {0} verwijst naar {1}; gekoppeld aan {2} (zelfde nummer, ander systeem)",
                 {Arg(a, 0), Arg(a, 1), Arg(a, 2)});
    case d::DiscrepancyKind::kAdministrationAfterStop:
      return Tr("De apotheek heeft nog een lopende toedieningsafspraak");
    case d::DiscrepancyKind::kNoAgreementKnown:
      return Fmt("Geen medicatieafspraak bekend, alleen {0}", {Arg(a, 0)});
    case d::DiscrepancyKind::kUnknownEnd:
      return Fmt("Einddatum onbekend: duur in eenheid '{0}'", {Arg(a, 1)});
  }
  return "";
}

std::vector<std::string> DiscrepancyCard(const d::Discrepancy& discrepancy, const d::TreatmentLine& line,
                                         const std::map<std::string, std::string>& names) {
  std::vector<std::string> card{Describe(discrepancy, names)};
  const auto& a = discrepancy.args;
  if (discrepancy.kind == d::DiscrepancyKind::kSourcesDisagree) {
    for (std::size_t at = 0, i = 0; at < a.size(); at += d::kSourceViewFields, ++i) {
      card.push_back(SourceView(a, at, i < discrepancy.blocks.size() ? discrepancy.blocks[i].get() : nullptr, names));
    }
  }
  const bool change = discrepancy.kind == d::DiscrepancyKind::kSourcesDisagree ||
                      discrepancy.kind == d::DiscrepancyKind::kAdministrationOutdated ||
                      discrepancy.kind == d::DiscrepancyKind::kAdministrationDoseDiffers;
  if (change && line.gds.inRoll && line.gds.timing == d::RollTiming::kNextRollChange) {
    card.push_back(Tr("GDS: de wijziging gaat in per de volgende rolwissel"));
  }
  return card;
}

}  // namespace zb::present
