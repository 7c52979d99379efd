// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/retrieval.h"

#include <algorithm>
#include <array>

namespace zb::domain {

const char* ToString(SourceStatus status) {
  switch (status) {
    case SourceStatus::kPending:
      return "pending";
    case SourceStatus::kData:
      return "data";
    case SourceStatus::kNoData:
      return "no-data";
    case SourceStatus::kPatientUnknown:
      return "patient-unknown";
    case SourceStatus::kConsentRefused:
      return "consent-refused";
    case SourceStatus::kNoConsent:
      return "no-consent";
    case SourceStatus::kAccessDenied:
      return "access-denied";
    case SourceStatus::kNotConnected:
      return "not-connected";
    case SourceStatus::kUnreachable:
      return "unreachable";
    case SourceStatus::kFailed:
      return "failed";
    case SourceStatus::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

SourceStatus SourceStatusFromString(std::string_view code) {
  for (auto s :
       {SourceStatus::kPending, SourceStatus::kData, SourceStatus::kNoData, SourceStatus::kPatientUnknown,
        SourceStatus::kConsentRefused, SourceStatus::kNoConsent, SourceStatus::kAccessDenied,
        SourceStatus::kNotConnected, SourceStatus::kUnreachable, SourceStatus::kFailed, SourceStatus::kCancelled}) {
    if (code == ToString(s)) return s;
  }
  return SourceStatus::kFailed;
}

SourceOutcome PendingOutcome(const Source& source, const std::string& ura) {
  SourceOutcome o;
  o.source = source;
  o.ura = ura;
  return o;
}

bool Answered(SourceStatus s) { return s == SourceStatus::kData || s == SourceStatus::kNoData; }

std::size_t DecidingOutcome(const std::vector<QueryOutcome>& outcomes) {
  // A refusal explains the whole source better than a failure next to it; a failure of one query
  // still outweighs data from the others, because the source's part is then incomplete.
  static constexpr std::array kOrder{
      SourceStatus::kConsentRefused, SourceStatus::kNoConsent,    SourceStatus::kAccessDenied,
      SourceStatus::kPatientUnknown, SourceStatus::kNotConnected, SourceStatus::kUnreachable,
      SourceStatus::kFailed,         SourceStatus::kCancelled,    SourceStatus::kPending,
      SourceStatus::kData,           SourceStatus::kNoData};
  for (SourceStatus wanted : kOrder) {
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (outcomes[i].status == wanted) return i;
    }
  }
  return std::string::npos;
}

PatientPicture::PatientPicture(std::string bsn, std::vector<SourceOutcome> expected)
    : m_bsn(std::move(bsn)), m_sources(std::move(expected)) {
  for (auto& s : m_sources) s.status = SourceStatus::kPending;
}

bool PatientPicture::Deliver(SourceDelivery d) {
  auto it = std::find_if(m_sources.begin(), m_sources.end(),
                         [&](const SourceOutcome& s) { return s.source.id == d.outcome.source.id; });
  if (it == m_sources.end() || it->status != SourceStatus::kPending) return false;
  *it = std::move(d.outcome);
  m_medication.Append(std::move(d.medication));
  m_ica.Append(std::move(d.ica));
  for (auto& p : d.patients) m_patients.push_back(std::move(p));
  for (auto& i : d.issues) m_issues.push_back(std::move(i));
  return true;
}

bool PatientPicture::Complete() const {
  return std::all_of(m_sources.begin(), m_sources.end(), [](const SourceOutcome& s) { return Answered(s.status); });
}

bool PatientPicture::Finished() const {
  return std::none_of(m_sources.begin(), m_sources.end(),
                      [](const SourceOutcome& s) { return s.status == SourceStatus::kPending; });
}

std::size_t PatientPicture::ClosePending(SourceStatus status, const std::string& reason) {
  std::size_t closed = 0;
  for (auto& s : m_sources) {
    if (s.status != SourceStatus::kPending) continue;
    s.status = status;
    s.reason = reason;
    ++closed;
  }
  return closed;
}

std::vector<const SourceOutcome*> PatientPicture::Missing() const {
  std::vector<const SourceOutcome*> out;
  for (const auto& s : m_sources) {
    if (!Answered(s.status)) out.push_back(&s);
  }
  return out;
}

Overview PatientPicture::Consolidate(Instant at, ConsolidationOptions options) const {
  // Only sources that answered count as "asked and answered" for "known at one source only".
  options.respondingSources.clear();
  for (const auto& s : m_sources) {
    if (Answered(s.status)) options.respondingSources.push_back(s.source.id);
  }
  return domain::Consolidate(m_medication, at, options);
}

IcaSummary PatientPicture::Ica(Instant at) const { return SummarizeIca(m_ica, at); }

}  // namespace zb::domain
