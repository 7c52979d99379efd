// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/amo_use.h"

namespace zb::domain {
namespace {

std::optional<DateTime> DateOf(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  auto d = DateTime::Parse(iso);
  return d ? std::optional<DateTime>(d.value()) : std::nullopt;
}

UseStatus UseOf(AmoStatus s) {
  switch (s) {
    case AmoStatus::kStopped:
      return UseStatus::kStopped;
    case AmoStatus::kPaused:
      return UseStatus::kSuspended;
    case AmoStatus::kContinue:
    case AmoStatus::kChanged:
    case AmoStatus::kNew:
      return UseStatus::kUsing;
    case AmoStatus::kUnknown:
      break;
  }
  return UseStatus::kUnknown;
}

Dosage DosageOf(const AmoLine& l) {
  Dosage d;
  const AmoDose& r = l.doseReading;
  d.text = l.dose.text;
  if (r.perPeriod > 0) {
    d.timing.frequency = r.perPeriod;
    d.timing.period = 1;
    d.timing.periodUnit = r.period;
  }
  for (const auto& t : r.times) d.timing.timeOfDay.push_back(t + ":00");
  d.asNeeded = r.asNeeded;
  if (!r.condition.empty()) d.asNeededCriterion.text = r.condition;
  if (!r.amount.empty()) {
    Quantity q;
    q.decimal = r.amount;
    q.unit = r.unit;
    q.system = "http://unitsofmeasure.org";
    q.code = r.unit == "stuk" || r.unit.empty() ? "1" : r.unit == "IE" ? "[iU]" : r.unit == "microgram" ? "ug" : r.unit;
    DoseAndRate dr;
    dr.dose = q;
    d.doseAndRate.push_back(dr);
  }
  if (!l.route.value.empty()) d.route.text = l.route.value;
  return d;
}

}  // namespace

Source AmoSource(const AmoHeader& h, const std::string& importId) {
  std::string date = h.discharge.value.empty() ? h.printed.value : h.discharge.value;
  if (auto d = ParseUserDate(date)) date = FormatDate(d.value());
  const std::string hospital = h.hospital.value.empty() ? "ziekenhuis niet vermeld" : h.hospital.value;
  return Source{"amo-" + importId, SourceKind::kImport, "AMO " + hospital + (date.empty() ? "" : " " + date)};
}

MedicationUse AmoLineToUse(const AmoDocument& doc, size_t index, const std::string& importId) {
  const AmoLine& l = doc.lines.at(index);
  MedicationUse u;
  u.h.kind = BlockKind::kMedicationUse;
  u.h.id = BlockId{"urn:zorgbrug:amo-line", importId + "-" + std::to_string(index + 1)};
  // The AMO names no treatment (MBH): each line is its own until the SO links it by continuing it.
  u.h.treatment = BlockId{"urn:zorgbrug:amo-treatment", importId + "-" + std::to_string(index + 1)};
  u.h.source = AmoSource(doc.header, importId).id;
  u.h.copy = true;  // a copy of what the hospital recorded, not our own observation
  Product p;
  p.text = l.product.text;
  u.h.product = SharedProduct(p);
  PeriodOfUse period;
  period.start = DateOf(l.start.value);
  period.end = DateOf(l.stop.value);
  if (period.start || period.end) u.h.period = period;
  u.h.dosage.push_back(DosageOf(l));
  u.h.renderedDosage = l.dose.text;  // the original text, verbatim (ext-RenderedDosageInstruction)
  u.h.reason.text = l.reason.value;
  u.h.author = Actor{l.prescriber.value, std::nullopt};
  u.h.note = "AMO " + importId + ", pagina " + std::to_string(l.page);
  u.informant = Actor{doc.header.hospital.value, std::nullopt};
  u.use = UseOf(l.status);
  u.asserted = DateOf(doc.header.discharge.value.empty() ? doc.header.printed.value : doc.header.discharge.value);
  return u;
}

}  // namespace zb::domain
