// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The on-call report (waarneemverslag, waarneem.md §3, docs/waarneem-ig.md): what the covering
// physician of an evening, night or weekend shift tells the patient's own physician — why they
// were called, S/O/E/P, the medication changed during the shift (MP9 blocks, referred to by
// identifier), requests to the own physician with a due date, and agreements with family or team.
// Signing freezes a version (B-R1); a correction is a new version that replaces the signed one.
#include <optional>
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/date_time.h"
#include "domain/patient.h"
#include "domain/prescription_draft.h"
#include "domain/result.h"

namespace zb::domain {

namespace systems {
// ICPC-1-NL, the code system of the NHG (and of ext-SOAPReport.SOAPLineCode).
inline constexpr std::string_view kIcpc1Nl = "http://hl7.org/fhir/sid/icpc-1-nl";
}  // namespace systems

enum class ContactKind { kVisit, kPhone, kVideo };
// Who called the on-call physician.
enum class Caller { kNurse, kFamily, kPatient, kOther };

struct LocumContact {
  Instant start;               // UTC
  std::optional<Instant> end;  // UTC
  ContactKind kind = ContactKind::kVisit;
  Caller caller = Caller::kNurse;
  std::string callerDetail;    // e.g. "EVV'er afdeling Linde"
  std::optional<int> urgency;  // U1..U5 when the ANW triage recorded it
  std::string location;        // e.g. "Zorgcentrum De Linde, afd. 2"
};

enum class VitalKind { kBloodPressure, kPulse, kTemperature, kSpO2, kRespiratoryRate, kGlucose };

struct VitalSign {
  VitalKind kind = VitalKind::kPulse;
  double value = 0;      // blood pressure: systolic
  double diastolic = 0;  // blood pressure only
  bool operator==(const VitalSign&) const = default;
};
// The UCUM unit each kind is recorded in (mm[Hg], /min, Cel, %, /min, mmol/L).
const char* UcumUnit(VitalKind kind);
// The plausible range a value must lie in to be signed (a typing error, not a clinical judgement).
bool Plausible(const VitalSign& v);
// The value with its unit as printed and in the document's narrative: "132/78 mmHg", "37,2 °C",
// "96 %" (decimal comma, as every number a Dutch clinician reads).
std::string VitalValueText(const VitalSign& v);
// A diagnosis as printed and in the narrative: "Ongeval/letsel (ICPC A80)" (the code when no display).
std::string DiagnosisText(const Coding& c);

enum class RequestPriority { kRoutine, kUrgent };

// A request to the own physician; becomes a Task with its own status at the sender.
struct FollowUpRequest {
  std::string text;
  Date due;
  RequestPriority priority = RequestPriority::kRoutine;
  bool operator==(const FollowUpRequest&) const = default;
};

// A medication change made during the shift: the MP9 agreement as released to the pharmacy, in the
// overview's words.
struct ShiftMedication {
  BlockId agreement;  // the MA (or stop-MA) by identifier
  std::string text;   // e.g. "gestopt: Temazepam 10 mg — sufheid"
  bool operator==(const ShiftMedication&) const = default;
};

// What the patient's overview showed when the report was written (B: "the overview's current
// medication and ICA at the time of the contact are attached"): lines as the screen worded them,
// and which sources were missing. Context for the reader, not a source: it is not consolidated
// again and never becomes medication; the own physician retrieves the live overview.
struct ReportContext {
  Instant retrievedAt;                  // when the shown data were retrieved (UTC); a stored retrieval keeps its time
  std::string incomplete;               // the overview's incomplete banner; "" when every source answered
  std::vector<std::string> sources;     // one per source: "Huisarts Centrum (huisarts): geen toestemming …"
  std::vector<std::string> medication;  // one per line: product, dose, period, sources, marks
  std::vector<std::string> ica;         // one per allergy, intolerance or contra-indication
  bool operator==(const ReportContext&) const = default;
};

enum class ReportStatus { kDraft, kFinal, kAmended };
const char* ToString(ReportStatus status);

struct LocumReport {
  std::string id;        // unique per version (urn:uuid in FHIR)
  std::string replaces;  // the id of the signed version this one corrects; empty for a first version
  int version = 1;
  ReportStatus status = ReportStatus::kDraft;
  std::optional<Instant> signedAt;

  Patient patient;
  LocumContact contact;
  Prescriber author;       // the covering physician from the DEZI verklaring, and their organisation
  std::string replyPhone;  // how the own physician reaches the covering one about this shift

  std::string reason;      // reden van contact
  std::string subjective;  // S
  std::string objective;   // O (text), with the vital signs measured
  std::vector<VitalSign> vitals;
  std::string evaluation;         // E (text)
  std::vector<Coding> diagnoses;  // E coded: ICPC-1-NL or SNOMED
  bool episodeProposal = false;   // the first diagnosis is proposed as an episode (provisional)
  std::string plan;               // P / beleid: what was done
  std::vector<ShiftMedication> medication;
  std::vector<FollowUpRequest> requests;
  std::string agreements;  // afspraken met familie / zorgteam
  // The overview at the time of writing, when the report was written from it; frozen with the rest.
  std::optional<ReportContext> context;
};

// Why a report cannot be signed, each naming the field to fill in or correct.
struct ReportProblem {
  std::string field;   // "reason", "contact.start", "vitals[1]", "requests[0].due", "author.role" ...
  std::string detail;  // English, for logs; the screen words it from `field`
};

// Everything that stops signing at `now`: no valid BSN or name, a contact in the future or ending
// before it starts, an urgency outside U1..U5, no reason, neither evaluation nor plan, an
// implausible vital sign, a diagnosis outside ICPC-1-NL/SNOMED, a request without text or with a due
// date before the contact, an author without a physician role (DEZI role 01.xxx) or organisation.
std::vector<ReportProblem> SignProblems(const LocumReport& report, Instant now);

// Signs a draft: kRefused naming the problems, else the report frozen as final (amended when it
// replaces a version) with signedAt = now.
Result<LocumReport> Sign(LocumReport report, Instant now);

// A new draft version that corrects a signed one; its content copied, `newId` its id.
Result<LocumReport> Correct(const LocumReport& signedReport, std::string newId);

}  // namespace zb::domain
