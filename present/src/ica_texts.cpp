// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/ica_texts.h"

#include <algorithm>

#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

// The query kinds that carry ICA (net/contract/query_kinds: the desktop asks these per source).
bool IsIcaKind(const std::string& kind) {
  return kind == "allergies" || kind == "contra-indications" || kind == "surveillance-decisions" || kind == "alerts";
}

std::string Finding(const d::IcaHit& hit) {
  switch (hit.finding) {
    case d::IcaFinding::kHypersensitivity:
      return Fmt("overgevoelig voor {0}", {hit.item});
    case d::IcaFinding::kReaction:
      return Fmt("eerdere reactie op {0}", {hit.item});
    case d::IcaFinding::kSurveillance:
      return Fmt("bewakingsbesluit: niet geven {0}", {hit.item});
    case d::IcaFinding::kContraIndication:
      return Fmt("contra-indicatie {0}", {hit.item});
  }
  return hit.item;
}

std::string Basis(const d::IcaMatch& m) {
  std::string out;
  switch (m.basis) {
    case d::IcaBasis::kSameCode:
      out = Fmt("zelfde {0}-code {1}", {m.level, m.code});
      break;
    case d::IcaBasis::kSameSubstance:
      out = m.substanceAtc.empty() ? Fmt("bevat {0}", {m.substance})
                                   : Fmt("bevat {0} (ATC {1})", {m.substance, m.substanceAtc});
      break;
    case d::IcaBasis::kInGroup:
      out = m.substanceAtc.empty()
                ? Fmt("{0} hoort bij de {1} (ATC {2})", {m.substance, m.group, m.groupAtc})
                : Fmt("{0} hoort bij de {1} (ATC {2} in {3})",
                      {m.substance, m.group.empty() ? m.groupAtc : m.group, m.substanceAtc, m.groupAtc});
      break;
  }
  if (m.byName) out += "; " + Tr("stof herkend aan de productnaam");
  return out;
}

std::string Severity(const d::IcaHit& hit) {
  std::string out = CriticalityLabel(hit.criticality);
  for (const auto& r : hit.reactions) out += (out.empty() ? "" : "; ") + r;
  if (hit.unconfirmed) out += (out.empty() ? "" : "; ") + Tr("niet bevestigd");
  return out;
}

std::string AllergyStripText(const d::Allergy& a) {
  std::string detail = CriticalityLabel(a.criticality);
  for (const auto& r : a.reactions) {
    for (const auto& m : r.manifestations) detail += (detail.empty() ? "" : "; ") + m.Label();
  }
  const std::string what =
      a.reactionRecord ? Fmt("Reactie op {0}", {a.substance.Label()}) : Fmt("Allergie: {0}", {a.substance.Label()});
  return detail.empty() ? what : Fmt("{0} ({1})", {what, detail});
}

Tone AllergyTone(const d::Allergy& a) {
  return a.criticality == d::Criticality::kHigh ? Tone::kDanger : Tone::kWarning;
}

// Sources whose ICA part is not known: not answered at all, or partial without an ICA kind.
std::string MissingIcaSources(const d::PatientPicture& picture) {
  std::string out;
  for (const auto& s : picture.sources()) {
    const bool missing = s.status == d::SourceStatus::kPartial
                             ? std::any_of(s.missing.begin(), s.missing.end(), IsIcaKind)
                             : !d::Answered(s.status);
    if (!missing) continue;
    const std::string status = s.status == d::SourceStatus::kPending ? Tr("wordt opgehaald…") : DescribeSource(s);
    out += (out.empty() ? "" : "; ") + Fmt("{0}: {1}", {SourceKindLabel(s.source.kind), status});
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> SourceShortNames(const d::PatientPicture& picture) {
  std::map<std::string, std::string> names;
  std::map<d::SourceKind, int> perKind;
  for (const auto& s : picture.sources()) ++perKind[s.source.kind];
  for (const auto& s : picture.sources()) {
    const bool unique = perKind[s.source.kind] == 1 && s.source.kind != d::SourceKind::kUnknown;
    names[s.source.id] = unique || s.source.name.empty() ? SourceKindLabel(s.source.kind) : s.source.name;
  }
  return names;
}

std::string IcaHitText(const d::IcaHit& hit, const std::map<std::string, std::string>& names) {
  std::string out = Finding(hit);
  const std::string severity = Severity(hit);
  if (!severity.empty()) out += " — " + severity;
  if (!hit.sources.empty()) out += " (" + JoinSourceNames(hit.sources, names) + ")";
  out += ": " + Basis(hit.match);
  if (!hit.Warns()) {
    out += ". " + Fmt("Volgens het bewakingsbesluit van {0} wel veilig binnen de groep.",
                      {JoinSourceNames(hit.safeWithinBy, names)});
  }
  return out;
}

std::string IcaMark(const d::LineIcaCheck& line) {
  for (const auto& hit : line.hits) {
    if (hit.Warns()) return Fmt("ICA: {0}", {Finding(hit)});
  }
  return {};
}

std::string IcaChecksText(const d::IcaCheck& check) {
  std::string out = Fmt(
      "ICA-controle: {0} medicatieregels (actueel, toekomstig, onderbroken) vergeleken met {1} allergieën, reacties en "
      "bewakingsbesluiten van alle bronnen: zelfde code (HPK, PRK, GPK, SNK, SSK, ATC), zelfde stof en stofgroep "
      "volgens de {2}.",
      {std::to_string(check.linesChecked), std::to_string(check.itemsChecked), check.knowledgeBase});
  if (!check.contraIndicationsChecked) {
    out +=
        " " +
        Tr("Niet gecontroleerd: contra-indicaties, interacties en doseringen. Een gelicentieerde G-Standaard-controle "
           "is niet aangesloten; controleer die in het voorschrijfsysteem of met de apotheek.");
  }
  return out;
}

std::vector<IcaStripItem> BuildIcaStrip(const d::IcaSummary& ica, const d::PatientPicture& picture) {
  const auto names = SourceShortNames(picture);
  std::vector<IcaStripItem> strip;
  auto Add = [&](std::string text, const std::vector<std::string>& sources, Tone tone) {
    strip.push_back({std::move(text), Fmt("gemeld door: {0}", {JoinSourceNames(sources, names)}), tone});
  };
  for (const auto& a : ica.allergies) {
    if (a.current) Add(AllergyStripText(a.item), a.sources, AllergyTone(a.item));
  }
  for (const auto& c : ica.contraIndications) {
    if (c.current) Add(Fmt("Contra-indicatie: {0}", {c.item.code.Label()}), c.sources, Tone::kWarning);
  }
  for (const auto& s : ica.surveillanceDecisions) {
    if (!s.current) continue;
    std::string safe;
    for (const auto& c : s.item.safeWithin) safe += (safe.empty() ? "" : ", ") + c.Label();
    Add(safe.empty() ? Fmt("Niet geven: {0}", {s.item.unsafe.Label()})
                     : Fmt("Niet geven: {0} (wel: {1})", {s.item.unsafe.Label(), safe}),
        s.sources, Tone::kWarning);
  }
  for (const auto& a : ica.alerts) {
    if (a.current) Add(Fmt("Alert: {0}", {a.item.code.Label()}), a.sources, Tone::kNeutral);
  }
  const std::string missing = MissingIcaSources(picture);
  if (strip.empty()) {
    strip.push_back({missing.empty() ? Tr("Geen ICA ontvangen: geen bron meldt allergieën of contra-indicaties")
                                     : Fmt("Geen ICA ontvangen — ontbreekt van {0}", {missing}),
                     "", missing.empty() ? Tone::kNeutral : Tone::kWarning});
  } else if (!missing.empty()) {
    strip.push_back({Fmt("ICA ontbreekt van {0}", {missing}), "", Tone::kWarning});
  }
  return strip;
}

}  // namespace zb::present
