// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/locum_report.h"

#include <cmath>

namespace zb::domain {

namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string Indexed(const char* name, std::size_t i) { return std::string(name) + "[" + std::to_string(i) + "]"; }

}  // namespace

const char* UcumUnit(VitalKind kind) {
  switch (kind) {
    case VitalKind::kBloodPressure:
      return "mm[Hg]";
    case VitalKind::kPulse:
      return "/min";
    case VitalKind::kTemperature:
      return "Cel";
    case VitalKind::kSpO2:
      return "%";
    case VitalKind::kRespiratoryRate:
      return "/min";
    case VitalKind::kGlucose:
      return "mmol/L";
  }
  return "";
}

// Wide ranges: they catch a slipped key (a pulse of 720, a temperature of 3.7), never a sick patient.
bool Plausible(const VitalSign& v) {
  auto in = [](double x, double lo, double hi) { return std::isfinite(x) && x >= lo && x <= hi; };
  switch (v.kind) {
    case VitalKind::kBloodPressure:
      return in(v.value, 40, 300) && in(v.diastolic, 20, 200) && v.diastolic < v.value;
    case VitalKind::kPulse:
      return in(v.value, 20, 250);
    case VitalKind::kTemperature:
      return in(v.value, 30, 44);
    case VitalKind::kSpO2:
      return in(v.value, 40, 100);
    case VitalKind::kRespiratoryRate:
      return in(v.value, 4, 70);
    case VitalKind::kGlucose:
      return in(v.value, 0.5, 60);
  }
  return false;
}

namespace {

std::string Decimal(double v) {
  std::string s = std::to_string(std::round(v * 10) / 10);  // one decimal at most
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

}  // namespace

std::string VitalValueText(const VitalSign& v) {
  switch (v.kind) {
    case VitalKind::kBloodPressure:
      return Decimal(v.value) + "/" + Decimal(v.diastolic) + " mmHg";
    case VitalKind::kTemperature:
      return Decimal(v.value) + " °C";
    case VitalKind::kSpO2:
      return Decimal(v.value) + " %";
    case VitalKind::kPulse:
    case VitalKind::kRespiratoryRate:
      return Decimal(v.value) + " /min";
    case VitalKind::kGlucose:
      return Decimal(v.value) + " mmol/l";
  }
  return Decimal(v.value);
}

std::string DiagnosisText(const Coding& c) {
  const std::string system = c.system == systems::kIcpc1Nl ? "ICPC" : "SNOMED";
  return (c.display.empty() ? c.code : c.display) + " (" + system + " " + c.code + ")";
}

const char* ToString(ReportStatus status) {
  switch (status) {
    case ReportStatus::kDraft:
      return "draft";
    case ReportStatus::kFinal:
      return "final";
    case ReportStatus::kAmended:
      return "amended";
  }
  return "draft";
}

std::vector<ReportProblem> SignProblems(const LocumReport& r, Instant now) {
  std::vector<ReportProblem> out;
  auto add = [&out](std::string field, std::string detail) { out.push_back({std::move(field), std::move(detail)}); };
  if (r.status != ReportStatus::kDraft) add("status", "only a draft can be signed; correct a signed report instead");
  if (!r.patient.bsn) add("patient.bsn", "the patient has no valid BSN");
  if (Blank(r.patient.name)) add("patient.name", "the patient has no name");
  if (r.contact.start.is_not_a_date_time()) {
    add("contact.start", "the contact has no start time");
  } else {
    if (r.contact.start > now) add("contact.start", "the contact starts in the future");
    if (r.contact.end && *r.contact.end < r.contact.start) add("contact.end", "the contact ends before it starts");
    if (r.contact.end && *r.contact.end > now) add("contact.end", "the contact ends in the future");
  }
  if (r.contact.urgency && (*r.contact.urgency < 1 || *r.contact.urgency > 5))
    add("contact.urgency", "urgency must be U1 to U5");
  if (Blank(r.reason)) add("reason", "the reason for the contact is empty");
  if (Blank(r.evaluation) && r.diagnoses.empty() && Blank(r.plan))
    add("evaluation", "neither an evaluation nor a plan is written");
  for (std::size_t i = 0; i < r.vitals.size(); ++i) {
    if (!Plausible(r.vitals[i])) add(Indexed("vitals", i), "the value lies outside the plausible range");
  }
  for (std::size_t i = 0; i < r.diagnoses.size(); ++i) {
    const Coding& c = r.diagnoses[i];
    if (c.system != systems::kIcpc1Nl && c.system != systems::kSnomed)
      add(Indexed("diagnoses", i), "a diagnosis is coded in ICPC-1-NL or SNOMED CT");
    else if (Blank(c.code))
      add(Indexed("diagnoses", i), "the diagnosis has no code");
  }
  if (r.episodeProposal && r.diagnoses.empty()) add("diagnoses", "an episode proposal needs a coded diagnosis");
  for (std::size_t i = 0; i < r.medication.size(); ++i) {
    if (r.medication[i].agreement.empty())
      add(Indexed("medication", i), "a medication change names the agreement it released");
  }
  for (std::size_t i = 0; i < r.requests.size(); ++i) {
    const FollowUpRequest& q = r.requests[i];
    if (Blank(q.text)) add(Indexed("requests", i) + ".text", "the request is empty");
    if (q.due.is_not_a_date())
      add(Indexed("requests", i) + ".due", "the request has no due date");
    else if (!r.contact.start.is_not_a_date_time() && q.due < NetherlandsDate(r.contact.start))
      add(Indexed("requests", i) + ".due", "the due date lies before the contact");
  }
  // The context is what the overview showed; a retrieval time after signing is a clock or copy error.
  if (r.context && (r.context->retrievedAt.is_not_a_date_time() || r.context->retrievedAt > now))
    add("context.retrievedAt", "the overview's retrieval time is missing or lies in the future");
  // B-R1: physicians only (DEZI role 01.xxx, "arts" with or without a specialism: an ANIOS covers shifts too).
  if (r.author.roleCode.rfind("01.", 0) != 0) add("author.role", "only a physician (DEZI role 01.xxx) signs a report");
  if (Blank(r.author.name) || Blank(r.author.deziNumber)) add("author", "the author has no name or DEZI number");
  if (Blank(r.author.organisationUra)) add("author.organisation", "the author's organisation (URA) is unknown");
  return out;
}

Result<LocumReport> Sign(LocumReport report, Instant now) {
  const auto problems = SignProblems(report, now);
  if (!problems.empty()) {
    std::string detail = "the report cannot be signed:";
    for (const auto& p : problems) detail += " " + p.field + " (" + p.detail + ");";
    return MakeError(ErrorCode::kRefused, detail);
  }
  report.status = report.replaces.empty() ? ReportStatus::kFinal : ReportStatus::kAmended;
  report.signedAt = now;
  return report;
}

Result<LocumReport> Correct(const LocumReport& signedReport, std::string newId) {
  if (signedReport.status == ReportStatus::kDraft || !signedReport.signedAt)
    return MakeError(ErrorCode::kInconsistent, "report " + signedReport.id + " is not signed: edit the draft itself");
  if (newId.empty() || newId == signedReport.id)
    return MakeError(ErrorCode::kInvalidFormat, "a corrected version needs an id of its own");
  LocumReport next = signedReport;
  next.id = std::move(newId);
  next.replaces = signedReport.id;
  next.version = signedReport.version + 1;
  next.status = ReportStatus::kDraft;
  next.signedAt.reset();
  return next;
}

}  // namespace zb::domain
