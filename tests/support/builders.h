// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small builders for domain values, so rule tests read like the clinical story they test.
#include <cstdio>
#include <stdexcept>
#include <string>

#include "domain/building_blocks.h"
#include "domain/overview.h"

namespace zb::test {

namespace d = zb::domain;

// Day n relative to the fixed test day 2026-03-10, at hh:mm Dutch time.
inline d::DateTime Day(int n, int hour = 0, int minute = 0) {
  const d::Date date = d::Date(2026, 3, 10) + boost::gregorian::days(n);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()), hour, minute);
  return d::DateTime::Parse(buf).value();
}
inline d::DateTime EndOfDay(int n) {
  return d::DateTime::Parse(d::DateTime(Day(n)).ToIso().substr(0, 10) + "T23:59:59").value();
}
inline d::Instant At(int n, int hour = 12) { return Day(n, hour).Earliest(); }

inline d::Product Prk(const std::string& code, const std::string& name) {
  d::Product p;
  p.codes.push_back({d::ProductCodeLevel::kPrk, {std::string(d::systems::kPrk), code, name}, true});
  return p;
}

inline d::Dosage Daily(int timesPerDay, const std::string& dose, const std::string& unit = "stuk") {
  d::Dosage ds;
  ds.timing.frequency = timesPerDay;
  ds.timing.period = 1;
  ds.timing.periodUnit = std::string(1, 'd');  // not = "d": GCC 12 -Wstringop-overflow false positive when inlined
  d::Quantity q;
  q.decimal = dose;
  q.unit = unit;
  q.system = std::string(d::systems::kUcum);
  q.code = unit == "stuk" ? "1" : unit;
  ds.doseAndRate.push_back({q, {}, {}, {}});
  ds.route.codings.push_back({std::string(d::systems::kGstdRoute), "9", "Oraal"});
  return ds;
}

// One dose at a named part of the day (EventTiming: MORN, EVE, ...).
inline d::Dosage PartOfDay(const std::string& when, const std::string& dose) {
  d::Dosage ds = Daily(1, dose);
  ds.timing = d::Timing{};
  ds.timing.when = {when};
  return ds;
}

struct MaBuilder {
  d::MedicationAgreement ma;
  MaBuilder(const std::string& id, const std::string& mbh, const std::string& source = "huisarts") {
    ma.h.kind = d::BlockKind::kMedicationAgreement;
    ma.h.id = {"urn:oid:ma", id};
    ma.h.treatment = {"urn:oid:mbh", mbh};
    ma.h.source = source;
    ma.h.product = Prk("1001", "FUROSEMIDE TABLET 40MG");
    ma.h.dosage = {Daily(1, "1")};
  }
  MaBuilder& Start(int day) {
    Period().start = Day(day);
    return *this;
  }
  MaBuilder& End(int day) {
    Period().end = EndOfDay(day);
    return *this;
  }
  MaBuilder& Days(double n) {
    Period().duration = d::Duration{n, "d"};
    return *this;
  }
  MaBuilder& Registered(int day, int hour = 9) {
    ma.h.registered = Day(day, hour);
    return *this;
  }
  MaBuilder& Stop(d::StopType t) {
    const char* code = t == d::StopType::kStopped     ? "410546004"
                       : t == d::StopType::kSuspended ? "385655000"
                                                      : "89925002";
    ma.h.stop = *d::StopInfoFromCode({std::string(d::systems::kSnomed), code, ""});
    return *this;
  }
  MaBuilder& Prior(const std::string& id, const std::string& system = "urn:oid:ma") {
    ma.priorPrescription = d::BlockId{system, id};
    return *this;
  }
  MaBuilder& Product(const d::Product& p) {
    ma.h.product = p;
    return *this;
  }
  MaBuilder& Dose(const d::Dosage& ds) {
    ma.h.dosage = {ds};
    return *this;
  }
  MaBuilder& Copy() {
    ma.h.copy = true;
    return *this;
  }
  MaBuilder& Info(const std::string& code) {
    ma.additionalInformation.push_back({std::string(d::systems::kMaAdditionalInfo), code, ""});
    return *this;
  }
  d::PeriodOfUse& Period() {
    if (!ma.h.period) ma.h.period = d::PeriodOfUse{};
    return *ma.h.period;
  }
  operator d::MedicationAgreement() const { return ma; }  // NOLINT: builder
};

struct TaBuilder {
  d::AdministrationAgreement ta;
  TaBuilder(const std::string& id, const std::string& mbh, const std::string& source = "apotheek") {
    ta.h.kind = d::BlockKind::kAdministrationAgreement;
    ta.h.id = {"urn:oid:ta", id};
    ta.h.treatment = {"urn:oid:mbh", mbh};
    ta.h.source = source;
    ta.h.product = Prk("1001", "FUROSEMIDE TABLET 40MG");
    ta.h.dosage = {Daily(1, "1")};
  }
  TaBuilder& Start(int day) {
    Period().start = Day(day);
    return *this;
  }
  TaBuilder& End(int day) {
    Period().end = EndOfDay(day);
    return *this;
  }
  TaBuilder& Registered(int day) {
    ta.h.registered = Day(day, 10);
    return *this;
  }
  TaBuilder& For(const std::string& maId) {
    ta.authorizingAgreement = d::BlockId{"urn:oid:ma", maId};
    return *this;
  }
  TaBuilder& Gds() {
    ta.distributedInGds = true;
    return *this;
  }
  TaBuilder& Dose(const d::Dosage& ds) {
    ta.h.dosage = {ds};
    return *this;
  }
  TaBuilder& Stop(d::StopType t) {
    const char* code = t == d::StopType::kStopped ? "410546004" : "385655000";
    ta.h.stop = *d::StopInfoFromCode({std::string(d::systems::kSnomed), code, ""});
    return *this;
  }
  TaBuilder& Previous(const std::string& id) {
    ta.previousAgreement = d::BlockId{"urn:oid:ta", id};
    return *this;
  }
  d::PeriodOfUse& Period() {
    if (!ta.h.period) ta.h.period = d::PeriodOfUse{};
    return *ta.h.period;
  }
  operator d::AdministrationAgreement() const { return ta; }  // NOLINT: builder
};

inline d::MedicationUse Use(const std::string& id, const std::string& mbh, d::UseStatus status, int assertedDay,
                            std::optional<bool> asAgreed = true, const std::string& source = "apotheek") {
  d::MedicationUse u;
  u.h.kind = d::BlockKind::kMedicationUse;
  u.h.id = {"urn:oid:mgb", id};
  u.h.treatment = {"urn:oid:mbh", mbh};
  u.h.source = source;
  u.h.product = Prk("2001", "PARACETAMOL TABLET 500MG");
  u.use = status;
  u.asserted = Day(assertedDay, 10);
  u.h.registered = u.asserted;
  u.asAgreed = asAgreed;
  return u;
}

// The line of a treatment (a copy, so it may outlive a temporary overview); throws when absent.
inline d::TreatmentLine LineOf(const d::Overview& o, const std::string& mbh) {
  for (const auto& l : o.lines) {
    if (l.treatment.value == mbh) return l;
  }
  throw std::runtime_error("no line for treatment " + mbh);
}

inline bool Has(const d::TreatmentLine& l, d::DiscrepancyKind k) {
  for (const auto& x : l.discrepancies) {
    if (x.kind == k) return true;
  }
  return false;
}

inline bool Traced(const d::TreatmentLine& l, d::TraceCode c) {
  for (const auto& t : l.trace) {
    if (t.code == c) return true;
  }
  return false;
}

}  // namespace zb::test
