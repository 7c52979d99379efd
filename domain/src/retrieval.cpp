// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/retrieval.h"

#include <algorithm>
#include <array>
#include <string>

namespace zb::domain {

const char* ToString(SourceStatus status) {
  switch (status) {
    case SourceStatus::kPending:
      return "pending";
    case SourceStatus::kData:
      return "data";
    case SourceStatus::kPartial:
      return "partial";
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
  for (auto s : {SourceStatus::kPending, SourceStatus::kData, SourceStatus::kPartial, SourceStatus::kNoData,
                 SourceStatus::kPatientUnknown, SourceStatus::kConsentRefused, SourceStatus::kNoConsent,
                 SourceStatus::kAccessDenied, SourceStatus::kNotConnected, SourceStatus::kUnreachable,
                 SourceStatus::kFailed, SourceStatus::kCancelled}) {
    if (code == ToString(s)) return s;
  }
  return SourceStatus::kFailed;
}

namespace {
constexpr std::string_view kGatewayBusyPrefix = "gateway-busy-";
}  // namespace

std::string GatewayBusyReason(int waitSeconds) {
  return std::string(kGatewayBusyPrefix) + std::to_string(std::max(1, waitSeconds));
}

std::optional<int> GatewayBusyWait(std::string_view reason) {
  if (reason.substr(0, kGatewayBusyPrefix.size()) != kGatewayBusyPrefix) return std::nullopt;
  const std::string_view digits = reason.substr(kGatewayBusyPrefix.size());
  if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::stoi(std::string(digits));
}

SourceOutcome PendingOutcome(const Source& source, const std::string& ura) {
  SourceOutcome o;
  o.source = source;
  o.ura = ura;
  return o;
}

bool Answered(SourceStatus s) { return s == SourceStatus::kData || s == SourceStatus::kNoData; }

std::optional<SourceDecision> DecideSource(const std::vector<QueryOutcome>& outcomes) {
  if (outcomes.empty()) return std::nullopt;
  // A refusal explains a source better than a failure next to it.
  static constexpr std::array kMostTelling{
      SourceStatus::kConsentRefused, SourceStatus::kNoConsent,    SourceStatus::kAccessDenied,
      SourceStatus::kPatientUnknown, SourceStatus::kNotConnected, SourceStatus::kUnreachable,
      SourceStatus::kFailed,         SourceStatus::kCancelled,    SourceStatus::kPending};
  SourceDecision decision;
  bool anyAnswered = false, anyData = false, anyMissing = false;
  for (const auto& o : outcomes) {
    anyAnswered = anyAnswered || Answered(o.status);
    anyData = anyData || o.status == SourceStatus::kData;
    anyMissing = anyMissing || !Answered(o.status);
  }
  if (!anyMissing) {
    decision.status = anyData ? SourceStatus::kData : SourceStatus::kNoData;
    const auto data = std::find_if(outcomes.begin(), outcomes.end(),
                                   [](const QueryOutcome& o) { return o.status == SourceStatus::kData; });
    decision.deciding = data == outcomes.end() ? 0 : static_cast<std::size_t>(data - outcomes.begin());
    return decision;
  }
  for (SourceStatus wanted : kMostTelling) {
    const auto it =
        std::find_if(outcomes.begin(), outcomes.end(), [wanted](const QueryOutcome& o) { return o.status == wanted; });
    if (it == outcomes.end()) continue;
    decision.deciding = static_cast<std::size_t>(it - outcomes.begin());
    decision.status = wanted;
    break;
  }
  if (!anyAnswered) return decision;
  // Some queries answered: the source is partial, and says which kinds are missing. A kind that
  // answered on one page and failed on the next is missing too (its answer is not whole).
  decision.status = SourceStatus::kPartial;
  for (const auto& o : outcomes) {
    if (Answered(o.status)) continue;
    if (std::find(decision.missing.begin(), decision.missing.end(), o.query) == decision.missing.end()) {
      decision.missing.push_back(o.query);
    }
  }
  return decision;
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
