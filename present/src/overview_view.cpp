// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/overview_view.h"

#include <map>

#include "present/dose_texts.h"
#include "present/ica_texts.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

std::string DateOf(const std::optional<d::Instant>& t) {
  return t ? d::FormatDate(d::NetherlandsDate(*t)) : std::string();
}

std::string Gds(const d::TreatmentLine& l) {
  std::string out;
  if (l.gds.inRoll) out = Tr("in rol");
  if (l.gds.keepOutOfRoll) out += (out.empty() ? "" : ", ") + Tr("niet in GDS");
  if (l.gds.timing != d::RollTiming::kNone) out += (out.empty() ? "" : ", ") + RollTimingLabel(l.gds.timing);
  return out;
}

// "Apotheek Centrum (apotheek)", or just "apotheek" while the directory has not named it yet (the
// register then only knows the kind).
std::string NamedSource(const d::SourceOutcome& s) {
  const std::string kind = SourceKindLabel(s.source.kind);
  return s.source.name.empty() || s.source.name == kind ? kind : Fmt("{0} ({1})", {s.source.name, kind});
}

}  // namespace

std::string IncompleteBanner(const d::PatientPicture& picture) {
  // Sources that delivered nothing first (their whole part is missing), then partial ones (what
  // came is shown, the named kinds are not).
  std::string none, partial;
  for (const auto* s : picture.Missing()) {
    std::string& list = s->status == d::SourceStatus::kPartial ? partial : none;
    const std::string call = CallText(s->source);
    list +=
        (list.empty() ? "" : "; ") + (call.empty() ? Fmt("{0}: {1}", {NamedSource(*s), DescribeSource(*s)})
                                                   : Fmt("{0}: {1}, {2}", {NamedSource(*s), DescribeSource(*s), call}));
  }
  if (none.empty() && partial.empty()) return {};
  if (partial.empty()) {
    return Fmt("ONVOLLEDIG OVERZICHT: geen gegevens van {0}. Medicatie en ICA van deze bron(nen) ontbreken hieronder.",
               {none});
  }
  if (none.empty()) {
    return Fmt("ONVOLLEDIG OVERZICHT: onvolledige gegevens van {0}. Wat wel binnenkwam staat hieronder.", {partial});
  }
  return Fmt(
      "ONVOLLEDIG OVERZICHT: geen gegevens van {0}. Onvolledige gegevens van {1}. Wat wel binnenkwam staat hieronder.",
      {none, partial});
}

std::string PeriodText(const d::TreatmentLine& l) {
  std::string s;
  if (l.start) s += Fmt("vanaf {0}", {DateOf(l.start)});
  if (l.end) {
    s += (s.empty() ? "" : " ") + Fmt("t/m {0}", {DateOf(l.end)});
  } else if (l.status == d::TreatmentStatus::kCurrent || l.status == d::TreatmentStatus::kFuture ||
             l.status == d::TreatmentStatus::kUncertain) {
    s += (s.empty() ? "" : ", ") + Tr("doorlopend");
  }
  if (l.resumesAt) s += ", " + Fmt("hervat {0}", {DateOf(l.resumesAt)});
  return s;
}

std::string CallText(const d::Source& source) {
  return source.phone.empty() ? std::string() : Fmt("bel {0}", {source.phone});
}

Tone ToneOf(d::SourceStatus status) {
  switch (status) {
    case d::SourceStatus::kData:
      return Tone::kGood;
    case d::SourceStatus::kNoData:
      return Tone::kNeutral;
    case d::SourceStatus::kPartial:
      return Tone::kWarning;
    case d::SourceStatus::kPending:
      return Tone::kPending;
    case d::SourceStatus::kConsentRefused:
    case d::SourceStatus::kNoConsent:
    case d::SourceStatus::kAccessDenied:
    case d::SourceStatus::kPatientUnknown:
    case d::SourceStatus::kNotConnected:
      return Tone::kWarning;
    case d::SourceStatus::kUnreachable:
    case d::SourceStatus::kFailed:
    case d::SourceStatus::kCancelled:
      return Tone::kDanger;
  }
  return Tone::kDanger;
}

std::map<std::string, std::string> SourceNames(const d::PatientPicture& picture) {
  std::map<std::string, std::string> names;
  for (const auto& s : picture.sources()) {
    if (!s.source.name.empty()) names[s.source.id] = s.source.name;
  }
  return names;
}

std::string SourceNameOf(const std::string& id, const std::map<std::string, std::string>& names) {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

std::string JoinSourceNames(const std::vector<std::string>& ids, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + SourceNameOf(id, names);
  return out;
}

OverviewView BuildOverviewView(const d::PatientPicture& picture, const d::Overview& overview, const d::IcaSummary& ica,
                               bool showHistory, const d::IcaCheck* check, const ChangesSincePrevious* changes) {
  OverviewView v;
  const auto names = SourceNames(picture);
  const auto shortNames = SourceShortNames(picture);
  auto Join = [&names](const std::vector<std::string>& ids) { return JoinSourceNames(ids, names); };
  v.banner = IncompleteBanner(picture);
  for (const auto& s : picture.sources()) {
    SourceRow r;
    r.name = NamedSource(s);
    r.phone = s.source.phone;
    r.status = s.status == d::SourceStatus::kPending ? Tr("wordt opgehaald…") : DescribeSource(s);
    if (s.status != d::SourceStatus::kPending) {
      r.timing = Fmt("{0} ms, {1} vragen, {2} resources",
                     {std::to_string(s.elapsed.count()), std::to_string(s.requests), std::to_string(s.resources)});
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
    r.dose = DoseCell(l.DoseBlock());
    r.period = PeriodText(l);
    r.sources = JoinSourceNames(l.sources, shortNames);
    r.sourcesFull = Join(l.sources);
    r.gds = Gds(l);
    for (const auto& disc : l.discrepancies) r.marks += (r.marks.empty() ? "" : "; ") + Describe(disc, shortNames);
    r.warning = l.HasWarning();
    const d::LineChangeInfo* change = nullptr;
    if (changes) {
      auto it = changes->lines.find(l.treatment.value);
      if (it != changes->lines.end()) change = &it->second;
    }
    if (change) {
      r.change = ChangeText(*change);
      r.changed = true;
      r.marks = Fmt("{0} sinds vorige ophaling", {r.change}) + (r.marks.empty() ? "" : "; " + r.marks);
    }
    if (const auto* hits = check ? check->For(l) : nullptr) {
      r.ica = IcaMark(*hits);
      r.icaWarning = hits->Warns();
      if (!r.ica.empty()) r.marks = r.ica + (r.marks.empty() ? "" : "; " + r.marks);  // the ICA first: it decides
      for (const auto& hit : hits->hits) {
        const std::string sentence = IcaHitText(hit, shortNames);
        r.icaText += (r.icaText.empty() ? "" : "\n") + sentence;
        if (hit.Warns()) v.icaWarnings.push_back(Fmt("{0}: {1}", {r.product, sentence}));
      }
    }
    r.line = i;
    v.medication.push_back(std::move(r));
  }
  if (check) v.icaChecks = IcaChecksText(*check);
  if (changes) {
    const std::string when = d::FormatDateTime(changes->previousAt);
    const std::size_t n = changes->lines.size();
    v.changesSince = n == 0   ? Fmt("Niets gewijzigd sinds de ophaling van {0}", {when})
                     : n == 1 ? Fmt("1 wijziging sinds de ophaling van {0} (Ctrl+J: alleen wijzigingen)", {when})
                              : Fmt("{0} wijzigingen sinds de ophaling van {1} (Ctrl+J: alleen wijzigingen)",
                                    {std::to_string(n), when});
  }
  for (const auto& line : ica.allergies) {
    const auto& a = line.item;
    std::string detail = CriticalityLabel(a.criticality);
    for (const auto& reaction : a.reactions) {
      for (const auto& m : reaction.manifestations)
        detail += (detail.empty() ? "" : "; ") + Fmt("reactie: {0}", {m.Label()});
    }
    if (!line.current) detail += (detail.empty() ? "" : "; ") + ClinicalStatusLabel(a.clinical);
    v.ica.push_back({Tr("allergie"),
                     a.reactionRecord ? Fmt("reactie op {0}", {a.substance.Label()}) : a.substance.Label(), detail,
                     Join(line.sources)});
  }
  for (const auto& line : ica.contraIndications) {
    std::string detail = line.current ? "" : Tr("niet meer van toepassing");
    if (line.item.start)
      detail += (detail.empty() ? "" : "; ") + Fmt("sinds {0}", {d::FormatDate(line.item.start->LocalDate())});
    v.ica.push_back({Tr("contra-indicatie"), line.item.code.Label(), detail, Join(line.sources)});
  }
  for (const auto& line : ica.surveillanceDecisions) {
    std::string safe;
    for (const auto& s : line.item.safeWithin) safe += (safe.empty() ? "" : ", ") + s.Label();
    std::string detail = safe.empty() ? "" : Fmt("wel veilig: {0}", {safe});
    if (!line.current) detail += (detail.empty() ? "" : " ") + Tr("(vervallen)");
    v.ica.push_back(
        {Tr("bewakingsbesluit"), Fmt("niet geven: {0}", {line.item.unsafe.Label()}), detail, Join(line.sources)});
  }
  for (const auto& line : ica.alerts) {
    v.ica.push_back({Tr("alert"), line.item.code.Label(), line.current ? "" : Tr("niet actief"), Join(line.sources)});
  }
  return v;
}

std::string ChangeText(const d::LineChangeInfo& change) {
  switch (change.change) {
    case d::LineChange::kNew:
      return Tr("nieuw");
    case d::LineChange::kStopped:
      return Tr("gestopt");
    case d::LineChange::kChanged:
      break;
  }
  std::vector<std::string> what;
  if (change.product) what.push_back(Tr("geneesmiddel"));
  if (change.dose) what.push_back(Tr("dosering"));
  if (change.period) what.push_back(Tr("periode"));
  if (change.status) what.push_back(Tr("status"));
  std::string list;
  for (std::size_t i = 0; i < what.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == what.size() ? " " + Tr("en") + " " : ", ") + what[i];
  }
  return Fmt("gewijzigd: {0}", {list});
}

std::string HiddenHistoryText(std::size_t hidden) {
  const std::string n = std::to_string(hidden);
  return hidden == 1 ? Fmt("{0} oudere behandeling verborgen (Ctrl+H)", {n})
                     : Fmt("{0} oudere behandelingen verborgen (Ctrl+H)", {n});
}

std::string HiddenHistoryPrintedText(std::size_t hidden) {
  const std::string n = std::to_string(hidden);
  return hidden == 1 ? Fmt("{0} oudere behandeling (historie) niet afgedrukt.", {n})
                     : Fmt("{0} oudere behandelingen (historie) niet afgedrukt.", {n});
}

}  // namespace zb::present
