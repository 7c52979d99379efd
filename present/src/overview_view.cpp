// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/overview_view.h"

#include <map>

#include "present/texts.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

std::string DateOf(const std::optional<d::Instant>& t) { return t ? d::FormatDate(d::NetherlandsDate(*t)) : std::string(); }

std::string Gds(const d::TreatmentLine& l) {
  std::string out;
  if (l.gds.inRoll) out = "in rol";
  if (l.gds.keepOutOfRoll) out += (out.empty() ? "" : ", ") + std::string("niet in GDS");
  if (l.gds.timing != d::RollTiming::kNone) out += (out.empty() ? "" : ", ") + RollTimingLabel(l.gds.timing);
  return out;
}

}  // namespace

std::string IncompleteBanner(const d::PatientPicture& picture) {
  const auto missing = picture.Missing();
  if (missing.empty()) return {};
  std::string out = "ONVOLLEDIG OVERZICHT: geen gegevens van ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    out += (i ? "; " : "") + missing[i]->source.name + " (" + SourceKindLabel(missing[i]->source.kind) + "): " + DescribeSource(*missing[i]);
  }
  return out + ". Medicatie en ICA van deze bron(nen) ontbreken hieronder.";
}

std::string PeriodText(const d::TreatmentLine& l) {
  std::string s;
  if (l.start) s += "vanaf " + DateOf(l.start);
  if (l.end) {
    s += (s.empty() ? "" : " ") + std::string("t/m ") + DateOf(l.end);
  } else if (l.status == d::TreatmentStatus::kCurrent || l.status == d::TreatmentStatus::kFuture) {
    s += (s.empty() ? "" : ", ") + std::string("doorlopend");
  }
  if (l.resumesAt) s += ", hervat " + DateOf(l.resumesAt);
  return s;
}

Tone ToneOf(d::SourceStatus s) {
  switch (s) {
    case d::SourceStatus::kData: return Tone::kGood;
    case d::SourceStatus::kNoData: return Tone::kNeutral;
    case d::SourceStatus::kPending: return Tone::kPending;
    case d::SourceStatus::kConsentRefused:
    case d::SourceStatus::kNoConsent:
    case d::SourceStatus::kAccessDenied:
    case d::SourceStatus::kPatientUnknown:
    case d::SourceStatus::kNotConnected: return Tone::kWarning;
    case d::SourceStatus::kUnreachable:
    case d::SourceStatus::kFailed:
    case d::SourceStatus::kCancelled: return Tone::kDanger;
  }
  return Tone::kDanger;
}

OverviewView BuildOverviewView(const d::PatientPicture& picture, const d::Overview& overview, const d::IcaSummary& ica, bool showHistory) {
  OverviewView v;
  // Lines and ICA items name their sources by id; the reader wants the organisation's name.
  std::map<std::string, std::string> names;
  for (const auto& s : picture.sources()) {
    if (!s.source.name.empty()) names[s.source.id] = s.source.name;
  }
  auto Join = [&names](const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
      auto it = names.find(id);
      out += (out.empty() ? "" : ", ") + (it == names.end() ? id : it->second);
    }
    return out;
  };
  v.banner = IncompleteBanner(picture);
  for (const auto& s : picture.sources()) {
    SourceRow r;
    r.name = s.source.name + " (" + SourceKindLabel(s.source.kind) + ")";
    r.status = s.status == d::SourceStatus::kPending ? "wordt opgehaald…" : DescribeSource(s);
    if (s.status != d::SourceStatus::kPending) {
      r.timing = std::to_string(s.elapsed.count()) + " ms, " + std::to_string(s.requests) + " vragen, " + std::to_string(s.resources) + " resources";
    }
    if (!d::Answered(s.status)) r.detail = s.detail;
    r.tone = ToneOf(s.status);
    v.sources.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < overview.lines.size(); ++i) {
    const auto& l = overview.lines[i];
    if (l.status == d::TreatmentStatus::kHistoric && !showHistory) {
      ++v.hiddenHistoric;
      continue;
    }
    MedicationRow r;
    r.status = l.status;
    r.group = StatusHeading(l.status);
    r.product = l.product->DisplayName();
    r.dose = l.DosageText();
    r.period = PeriodText(l);
    r.sources = Join(l.sources);
    r.gds = Gds(l);
    for (const auto& disc : l.discrepancies) r.marks += (r.marks.empty() ? "" : "; ") + Describe(disc);
    r.warning = l.HasWarning();
    r.line = i;
    v.medication.push_back(std::move(r));
  }
  for (const auto& line : ica.allergies) {
    const auto& a = line.item;
    std::string detail = CriticalityLabel(a.criticality);
    for (const auto& reaction : a.reactions) {
      for (const auto& m : reaction.manifestations) detail += (detail.empty() ? "" : "; ") + std::string("reactie: ") + m.Label();
    }
    if (!line.current) detail += (detail.empty() ? "" : "; ") + ClinicalStatusLabel(a.clinical);
    v.ica.push_back({"allergie", (a.reactionRecord ? "reactie op " : "") + a.substance.Label(), detail, Join(line.sources)});
  }
  for (const auto& line : ica.contraIndications) {
    v.ica.push_back({"contra-indicatie", line.item.code.Label(),
                     (line.current ? "" : "niet meer van toepassing") +
                         (line.item.start ? std::string(line.current ? "" : "; ") + "sinds " + d::FormatDate(line.item.start->LocalDate()) : std::string()),
                     Join(line.sources)});
  }
  for (const auto& line : ica.surveillanceDecisions) {
    std::string safe;
    for (const auto& s : line.item.safeWithin) safe += (safe.empty() ? "" : ", ") + s.Label();
    v.ica.push_back({"bewakingsbesluit", "niet geven: " + line.item.unsafe.Label(),
                     (safe.empty() ? "" : "wel veilig: " + safe) + (line.current ? "" : " (vervallen)"), Join(line.sources)});
  }
  for (const auto& line : ica.alerts) {
    v.ica.push_back({"alert", line.item.code.Label(), line.current ? "" : "niet actief", Join(line.sources)});
  }
  return v;
}

}  // namespace zb::present
