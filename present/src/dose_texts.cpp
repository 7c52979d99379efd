// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/dose_texts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// One unit of time in the reader's language: "dag", "uur" ("" for one we do not know).
std::string UnitWord(const std::string& ucum) {
  if (ucum == "h") return Tr("uur");
  if (ucum == "d") return Tr("dag");
  if (ucum == "wk") return Tr("week");
  if (ucum == "mo") return Tr("maand");
  if (ucum == "min") return Tr("minuut");
  return ucum;
}

// A number of units of time: "1 dag", "2 dagen", "8 uur" (each a whole message: languages differ
// in where they use a plural).
std::string Span(double n, const std::string& ucum) {
  const std::string count = Num(n);
  const bool one = n == 1;
  if (ucum == "h") return one ? Tr("1 uur") : Fmt("{0} uur", {count});
  if (ucum == "d") return one ? Tr("1 dag") : Fmt("{0} dagen", {count});
  if (ucum == "wk") return one ? Tr("1 week") : Fmt("{0} weken", {count});
  if (ucum == "mo") return one ? Tr("1 maand") : Fmt("{0} maanden", {count});
  if (ucum == "min") return one ? Tr("1 minuut") : Fmt("{0} minuten", {count});
  return count + " " + ucum;
}

// The code displays of the units and routes most prescriptions use. Anything else is the source's
// display as it came: a code's display is data, not ours to reword.
const char* const kKnownDisplays[] = {N_("stuk"),    N_("Oraal"),          N_("Cutaan"),    N_("Subcutaan"),
                                      N_("Rectaal"), N_("Intramusculair"), N_("Inhalatie"), N_("Oculair"),
                                      N_("Nasaal"),  N_("Sublinguaal"),    N_("Bij pijn")};

std::string Display(const std::string& text) {
  for (const char* known : kKnownDisplays) {
    if (text == known) return Tr(known);
  }
  return text;
}

std::string QuantityText(const d::Quantity& q) {
  const std::string& unit = q.gstdUnit && !q.gstdUnit->display.empty() ? q.gstdUnit->display : q.unit;
  if (unit.empty() || unit == "1") return q.decimal;
  return q.decimal.empty() ? Display(unit) : q.decimal + " " + Display(unit);
}

std::string RangeText(const d::Range& r) {
  const std::string low = r.low ? r.low->decimal : std::string("?");
  const std::string high = r.high ? QuantityText(*r.high) : (r.low ? "? " + Display(r.low->unit) : std::string("?"));
  return low + " - " + high;
}

std::string Frequency(const d::Timing& t) {
  const std::string times = t.frequencyMax
                                ? Fmt("{0} à {1}", {std::to_string(*t.frequency), std::to_string(*t.frequencyMax)})
                                : std::to_string(*t.frequency);
  return Fmt("{0} maal per {1}", {times, *t.period == 1 ? UnitWord(t.periodUnit) : Span(*t.period, t.periodUnit)});
}

std::string DescribeLine(const d::Dosage& dosage) {
  std::string out;
  const d::Timing& t = dosage.timing;
  if (t.frequency && t.period) out = Frequency(t);
  for (const auto& dr : dosage.doseAndRate) {
    if (dr.dose) out += (out.empty() ? "" : " ") + QuantityText(*dr.dose);
    if (dr.doseRange) out += (out.empty() ? "" : " ") + RangeText(*dr.doseRange);
  }
  if (dosage.asNeeded) out = Fmt("zo nodig {0}", {out});
  if (!dosage.route.empty()) out += ", " + Display(dosage.route.Label());
  if (!dosage.asNeededCriterion.empty()) {
    std::string conditions = Display(dosage.asNeededCriterion.Label());
    for (const auto& also : dosage.asNeededAlso) conditions += " " + Tr("of") + " " + Display(also.Label());
    out += " (" + conditions + ")";
  }
  return out;
}

std::vector<const d::Dosage*> InSequence(const std::vector<d::Dosage>& dosage) {
  std::vector<const d::Dosage*> ordered;
  for (const auto& x : dosage) ordered.push_back(&x);
  std::stable_sort(ordered.begin(), ordered.end(), [](const d::Dosage* a, const d::Dosage* b) {
    return a->sequence.value_or(0) < b->sequence.value_or(0);
  });
  return ordered;
}

}  // namespace

std::string DescribeDosage(const std::vector<d::Dosage>& dosage) {
  std::string out;
  for (const d::Dosage* x : InSequence(dosage)) {
    const std::string line = x->text.empty() ? DescribeLine(*x) : x->text;
    if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
  }
  return out;
}

DoseText DoseOf(const d::BlockHeader& block) {
  DoseText dose;
  if (!block.renderedDosage.empty()) {
    dose = {block.renderedDosage, true, {}};
  } else {
    dose.text = DescribeDosage(block.dosage);
    dose.fromSource =
        std::any_of(block.dosage.begin(), block.dosage.end(), [](const d::Dosage& x) { return !x.text.empty(); });
  }
  // The cycle changes what the dosage means, so it is never left out.
  if (block.cycle && dose.text.find("cycl") == std::string::npos)
    dose.note = Fmt("(cyclisch schema, herhalen na {0})", {Span(block.cycle->value, block.cycle->unit)});
  return dose;
}

std::string DoseCell(const d::BlockHeader* block) {
  if (!block) return {};
  const DoseText dose = DoseOf(*block);
  if (dose.text.empty() || !dose.fromSource) return dose.Full();
  const std::string quoted = "\u201C" + dose.text + "\u201D";
  return dose.note.empty() ? quoted : quoted + " " + dose.note;
}

}  // namespace zb::present
