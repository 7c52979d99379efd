// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/structured_amo.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <map>

#include "domain/amo_reading.h"
#include "net/fhir/reader.h"

namespace zb::amo {
namespace {

namespace d = domain;

d::AmoField Field(std::string text, std::string value = {}) {
  d::AmoField f;
  f.text = std::move(text);
  f.value = value.empty() ? f.text : std::move(value);
  return f;
}

std::string IsoDate(const std::optional<d::DateTime>& t) {
  return t ? boost::gregorian::to_iso_extended_string(t->LocalDate()) : "";
}

std::string DoseText(const d::BlockHeader& h) {
  if (!h.renderedDosage.empty()) return h.renderedDosage;
  std::string text;
  for (const auto& dosage : h.dosage) text += (text.empty() ? "" : "; ") + dosage.text;
  return text;
}

// The structured dose as the PDF path reads it: amount, unit, frequency per day or week, times,
// as needed. Several dosage lines (a schedule) are a schedule.
d::AmoDose DoseOf(const d::BlockHeader& h) {
  d::AmoDose out;
  if (h.dosage.size() > 1) {
    out.schedule = true;
    return out;
  }
  if (h.dosage.empty()) return out;
  const d::Dosage& dosage = h.dosage.front();
  out.asNeeded = dosage.asNeeded;
  out.condition = dosage.asNeededCriterion.Label();
  if (dosage.timing.frequency && dosage.timing.period && *dosage.timing.period == 1.0) {
    out.perPeriod = *dosage.timing.frequency;
    out.period = dosage.timing.periodUnit;
  } else if (!dosage.timing.timeOfDay.empty()) {
    out.perPeriod = static_cast<int>(dosage.timing.timeOfDay.size());
    out.period = "d";
  }
  for (const auto& t : dosage.timing.timeOfDay) out.times.push_back(t.substr(0, 5));
  if (!dosage.doseAndRate.empty() && dosage.doseAndRate.front().dose) {
    const auto& q = *dosage.doseAndRate.front().dose;
    out.amount = q.decimal;
    out.unit = q.code == "1" ? "stuk" : q.unit;
  }
  if (dosage.maxDosePerPeriod && dosage.maxDosePerPeriod->numerator)
    out.maxPerDay = dosage.maxDosePerPeriod->numerator->decimal;
  return out;
}

}  // namespace

bool LooksLikeJson(const std::string& head) {
  for (char c : head) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return c == '{';
  }
  return false;
}

d::Result<d::AmoDocument> ReadStructuredAmo(const std::string& json, const std::string& origin) {
  net::fhir::Reader reader;
  auto read = reader.Read(json, net::fhir::ReadOptions{origin, "amo", std::size_t{64} << 20, 96});
  if (!read) return read.error();
  const auto& doc = read.value();
  if (doc.medication.agreements.empty()) {
    return d::MakeError(d::ErrorCode::kMissing,
                        origin + ": the FHIR " + doc.resourceType + " holds no MP9 medication agreement to import");
  }
  if (doc.patients.size() != 1 || doc.subjectBsns.size() > 1) {
    return d::MakeError(d::ErrorCode::kInconsistent,
                        origin + ": the bundle must be about exactly one patient (it names " +
                            std::to_string(std::max(doc.patients.size(), doc.subjectBsns.size())) + ")");
  }
  d::AmoDocument out;
  const auto& patient = doc.patients.front();
  out.header.patientName = Field(patient.name);
  if (patient.bsn) out.header.bsn = Field(patient.bsn->digits());
  if (patient.birthDate) out.header.birthDate = Field(boost::gregorian::to_iso_extended_string(*patient.birthDate));
  for (const auto& issue : doc.issues) out.warnings.push_back(issue.Describe());

  // Agreements in registration order; an agreement that another one changes is history, not a line.
  std::vector<const d::MedicationAgreement*> agreements;
  for (const auto& ma : doc.medication.agreements) agreements.push_back(&ma);
  std::map<std::string, bool> replaced;
  for (const auto* ma : agreements)
    if (ma->priorPrescription && !ma->h.IsStop()) replaced[ma->priorPrescription->Key()] = true;
  std::string latest;
  for (const auto* ma : agreements) {
    if (ma->h.registered) latest = std::max(latest, ma->h.registered->ToIso());
    if (!ma->h.author.display.empty() && out.header.author.text.empty())
      out.header.author = Field(ma->h.author.display);
  }
  for (const auto* ma : agreements) {
    if (replaced.count(ma->h.id.Key())) continue;
    if (ma->h.stop.type == d::StopType::kCancelled) {
      out.warnings.push_back("agreement " + ma->h.id.value + " was cancelled (never took effect): not a line");
      continue;
    }
    d::AmoLine line;
    const auto& h = ma->h;
    if (h.stop.type == d::StopType::kStopped) {
      line.status = d::AmoStatus::kStopped;
    } else if (h.stop.type == d::StopType::kSuspended) {
      line.status = d::AmoStatus::kPaused;
    } else if (ma->priorPrescription) {
      line.status = d::AmoStatus::kChanged;
    } else {
      line.status = d::AmoStatus::kContinue;
      line.statusText.uncertain = true;
      line.statusText.why = "MP9 zegt niet of dit nieuw of ongewijzigd is: kies de status";
    }
    line.statusText.text =
        line.statusText.text.empty() ? "MP9 " + std::string(d::ToString(line.status)) : line.statusText.text;
    line.statusText.value = d::ToString(line.status);
    line.product = Field(h.product->DisplayName());
    const auto reading = d::ReadAmoProduct(line.product.text);
    line.name = reading.name;
    line.strength = reading.strength;
    line.form = reading.form;
    line.dose = Field(DoseText(h));
    line.doseReading = DoseOf(h);
    line.dose.value = d::AmoDoseValue(line.doseReading);
    if (!h.dosage.empty() && !h.dosage.front().route.Label().empty()) {
      const std::string route = h.dosage.front().route.Label();
      line.route = Field(route, d::ReadAmoRoute(route).value_or(route));
    }
    if (h.period) {
      line.start = Field(IsoDate(h.period->start));
      line.stop = Field(IsoDate(h.period->end));
    }
    if (!h.reason.Label().empty()) line.reason = Field(h.reason.Label());
    if (!h.author.display.empty()) line.prescriber = Field(h.author.display);
    out.lines.push_back(std::move(line));
  }
  if (!latest.empty()) out.header.printed = Field(latest.substr(0, 10));
  out.header.title = Field("MP9-medicatieafspraken (" + origin + ")");
  return out;
}

}  // namespace zb::amo
