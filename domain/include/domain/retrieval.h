// SPDX-License-Identifier: GPL-3.0-or-later
// What happened at each source when a patient's data was looked up, and the picture built from
// the sources that have answered so far. A source that did not answer with data or "nothing" makes
// the picture incomplete, and the picture says which source and why, so a screen can never show a
// missing pharmacy as "no medication" (docs/consent-signals.md).
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/ica.h"
#include "domain/overview.h"
#include "domain/patient.h"
#include "domain/source.h"

namespace zb::domain {

enum class SourceStatus {
  kPending,         // still being asked
  kData,            // answered with data
  kPartial,         // some queries answered, others were refused or failed: the missing kinds are named
  kNoData,          // answered: knows the patient (or was asked by BSN) and has nothing
  kPatientUnknown,  // answered: does not know this patient
  kConsentRefused,  // the patient refused consent for this exchange
  kNoConsent,       // no consent registered (neither given nor refused)
  kAccessDenied,    // no treatment relation, or another stated reason, or none given (bare 403)
  kNotConnected,    // the organisation is not in the directory of any service we use
  kUnreachable,     // could not be reached: connect, TLS, no answer before the deadline
  kFailed,          // an HTTP error or an answer that cannot be used (malformed, cut off, too large)
  kCancelled,       // the lookup was abandoned (another patient was chosen)
};
// Stable machine codes: "data", "no-data", "patient-unknown", "consent-refused", ...
const char* ToString(SourceStatus s);
// The status for a code of ToString; kFailed for an unknown code (a stored value we no longer know).
SourceStatus SourceStatusFromString(std::string_view code);
// Data or no data: the source's part of the picture is known.
bool Answered(SourceStatus s);

// The outcome of one request (or page) at a source.
struct QueryOutcome {
  std::string query;  // e.g. "MA", "TA", "patient-search"
  SourceStatus status = SourceStatus::kPending;
  std::string reason;  // machine code: the holder's access-outcome code or a transport code
  std::string detail;  // language-neutral detail: what the source said, or what went wrong
};

// A source's status from all of its requests (docs/consent-signals.md, "one source, many queries"):
// - every request answered: data when any returned data, else no data;
// - some answered (data or nothing) and others did not: partial, with the kinds that did not
//   deliver named and the most telling refusal or failure among them as the reason — never
//   "unreachable" next to data that is shown;
// - none answered: the most telling refusal or failure (consent refused, no consent, access
//   denied, patient unknown, not connected, unreachable, failed, cancelled, pending).
struct SourceDecision {
  SourceStatus status = SourceStatus::kFailed;
  std::size_t deciding = 0;          // index of the outcome that gives the reason and detail
  std::vector<std::string> missing;  // partial: query kinds without an answer, in order, once each
};
// nullopt for no outcomes at all.
std::optional<SourceDecision> DecideSource(const std::vector<QueryOutcome>& outcomes);

struct SourceOutcome {
  Source source;
  std::string ura;
  SourceStatus status = SourceStatus::kPending;
  std::string reason;
  std::string detail;
  std::vector<std::string> missing;  // kPartial: the query kinds that did not deliver ("MVE", "TA")
  std::chrono::milliseconds elapsed{0};
  std::chrono::milliseconds slowestRequest{0};  // the longest single request of this source
  std::size_t requests = 0;                     // HTTP requests made, pages and retries included
  std::size_t resources = 0;                    // resources received
  std::size_t blocks = 0;                       // building blocks and ICA items taken from them
  // The longest chain of requests that each waited for the one before (patient search, then its
  // queries; surveillance decisions, then hypersensitivities; pages): the holders' service time
  // counts this many times in the lookup's duration, however parallel the rest.
  std::size_t rounds = 0;
};

// The reason of a source the organisation's gateway turned away as busy, with the wait it gave
// ("gateway-busy-2"): made where the refusal is read, shown as "gateway druk, probeer over 2 s".
std::string GatewayBusyReason(int waitSeconds);
// The wait in such a reason; nullopt for any other reason.
std::optional<int> GatewayBusyWait(std::string_view reason);

// A source that is about to be asked: status pending, nothing measured yet.
SourceOutcome PendingOutcome(const Source& source, const std::string& ura);

// What one source delivered: its outcome plus the data (empty unless data).
struct SourceDelivery {
  SourceOutcome outcome;
  MedicationData medication;
  IcaData ica;
  std::vector<Patient> patients;
  std::vector<std::string> issues;  // mapping problems, described
  // The source's answer as received (one FHIR Bundle), opaque to the domain: the local store keeps
  // it sealed so the picture can be rebuilt offline. Empty unless the source sent data.
  std::string snapshot;
};

// A patient's picture as the sources come in. Rebuild() re-consolidates everything delivered so
// far, so what the fast sources delivered is shown while the slow ones are still being asked.
class PatientPicture {
 public:
  PatientPicture(std::string bsn, std::vector<SourceOutcome> expected);

  const std::string& bsn() const { return m_bsn; }
  // Replaces the pending entry of the same source id. False when the source is not expected.
  bool Deliver(SourceDelivery delivery);
  const std::vector<SourceOutcome>& sources() const { return m_sources; }
  // Every source answered (data or no data) — only then may the overview be called complete.
  bool Complete() const;
  bool Finished() const;  // no source pending
  // Every source still pending gets `status` with `reason` (a stopped lookup: kCancelled; one
  // that outran its deadline: kUnreachable), so a source never stays "being asked" once nobody
  // asks it any more. Returns how many were closed.
  std::size_t ClosePending(SourceStatus status, const std::string& reason);
  std::vector<const SourceOutcome*> Missing() const;  // pending ones included
  Overview Consolidate(Instant at, ConsolidationOptions options = {}) const;
  IcaSummary Ica(Instant at) const;
  const std::vector<Patient>& patients() const { return m_patients; }
  const MedicationData& medication() const { return m_medication; }
  const IcaData& ica() const { return m_ica; }
  const std::vector<std::string>& issues() const { return m_issues; }

 private:
  std::string m_bsn;
  std::vector<SourceOutcome> m_sources;
  MedicationData m_medication;
  IcaData m_ica;
  std::vector<Patient> m_patients;
  std::vector<std::string> m_issues;
};

}  // namespace zb::domain
