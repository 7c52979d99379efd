// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/release_desk.h"

#include <algorithm>

#include "domain/open_substance_groups.h"
#include "draft_book_impl.h"
#include "net/contract/release_services.h"
#include "net/fhir/prescription_writer.h"
#include "net/fhir/release_bundle_check.h"
#include "net/http/client.h"
#include "net/jose/random.h"
#include "offline_picture.h"
#include "processing_text.h"
#include "release_desk_impl.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;
using store::OutboxState;

namespace {

constexpr const char* kPharmacy = "pharmacy";
constexpr const char* kCareRecord = "care-record";

using detail::Refused;

// Waits between attempts: 30 s, doubling, at most an hour — a receiver down for the night is not
// hammered, one back after a restart is reached within minutes.
domain::Instant NextAttempt(domain::Instant now, int attempts) {
  const int exponent = std::clamp(attempts - 1, 0, 7);
  const long seconds = std::min(3600L, 30L << exponent);
  return now + boost::posix_time::seconds(seconds);
}

// The decisions as the release's own signals name them. The user decided on the signals of
// DraftBook::Check, whose new treatments carry placeholder identifiers (identifiers are minted only
// here); compiled in the same order, the n-th block of both names the same treatment.
std::vector<domain::SignalDecision> ReleaseKeys(std::vector<domain::SignalDecision> decisions,
                                                const std::vector<DraftEntry>& drafts, const domain::Overview& overview,
                                                const domain::Prescriber& prescriber, domain::Instant now,
                                                const CompiledDrafts& real) {
  const CompiledDrafts shown = CompileAll(drafts, overview, prescriber, DutchMoment(now), CheckMint());
  for (std::size_t i = 0; i < shown.agreements.size() && i < real.agreements.size(); ++i) {
    const std::string from = "|" + shown.agreements[i].h.treatment.Key() + "|";
    const std::string to = "|" + real.agreements[i].h.treatment.Key() + "|";
    if (from == to) continue;
    for (auto& d : decisions) {
      if (const auto at = d.key.find(from); at != std::string::npos) d.key.replace(at, from.size(), to);
    }
  }
  return decisions;
}

}  // namespace

const char* ToString(DeliveryState state) { return store::ToString(static_cast<OutboxState>(static_cast<int>(state))); }

domain::Error detail::Refused(const std::string& detail, const std::string& problem) {
  return domain::Error{ErrorCode::kRefused, detail, problem};
}

domain::Result<store::OutboxItem> detail::PatientItem(store::LocalStore& store,
                                                      const domain::RegisteredPatient& patient, std::int64_t id) {
  auto item = store.outbox().Get(id);
  if (!item) return item.error();
  if (!item.value() || item.value()->patientId != patient.id)
    return Refused("no outbox item " + std::to_string(id) + " for this patient", "not_found");
  return std::move(*item.value());
}

OutboxEntry detail::EntryOf(const store::OutboxItem& o) {
  OutboxEntry e;
  e.id = o.id;
  e.release = o.release;
  e.bundleIdentifier = o.bundleIdentifier;
  e.target = o.target;
  e.receiverUra = o.receiverUra;
  e.receiverName = o.receiverName;
  e.state = static_cast<DeliveryState>(static_cast<int>(o.state));
  e.attempts = o.attempts;
  e.answer = o.answer;
  e.summary = o.lines;
  e.updatedAt = o.updatedAt;
  e.processedAt = o.processedAt;
  e.processing = DecodeProcessing(o.processing);
  return e;
}

ReleaseDesk::ReleaseDesk(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ReleaseDesk::~ReleaseDesk() = default;

domain::Result<ReleaseResult> ReleaseDesk::Release(const domain::RegisteredPatient& patient,
                                                   const ReleaseRequest& request, domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return Refused("no session", "not_logged_in");
  const auto& roles = m_impl->prescriberRoles;
  if (std::find(roles.begin(), roles.end(), user->audit.roleCode) == roles.end() || !user->mayRelease)
    return Refused("role " + user->audit.roleCode + " may prepare drafts but not release them; a prescriber releases",
                   "role_not_allowed");
  const std::string& root = m_impl->identifierRoot;
  if (root.empty())
    return domain::Error{ErrorCode::kMissing,
                         "the organisation's identifier root (an OID) is not configured; new blocks need it",
                         "identifier_root_missing"};
  auto stored = LoadStoredDrafts(m_impl->store, patient, now);
  if (!stored) return stored.error();
  const OfflinePicture& picture = stored->picture;
  const domain::Overview& overview = stored->overview;
  const auto* latest = &stored->retrieval;
  const auto* drafts = &stored->drafts;
  if (drafts->empty()) return domain::Error{ErrorCode::kMissing, "the patient has no drafts", "nothing_to_release"};
  std::vector<std::string> problems;
  std::vector<std::int64_t> ids;
  for (const auto& e : *drafts) {
    ids.push_back(e.id);
    if (e.freshness.Blocks())
      problems.push_back("draft " + std::to_string(e.id) + ": the source changed this line since; confirm it again");
    if (e.proposal)
      problems.push_back("draft " + std::to_string(e.id) + " is a proposal; a prescriber must adopt it first");
  }
  const std::string oid = root.rfind("urn:oid:", 0) == 0 ? root : "urn:oid:" + root;
  const domain::IdentifierMint mint{oid + ".1", oid + ".2", oid + ".3", [] { return net::jose::RandomUuid(); }};
  const domain::Prescriber prescriber = PrescriberOf(*user);
  CompiledDrafts compiled = CompileAll(*drafts, overview, prescriber, DutchMoment(now), mint);
  problems.insert(problems.end(), compiled.problems.begin(), compiled.problems.end());
  if (!problems.empty()) return MakeError(ErrorCode::kRefused, "nothing was released: " + problems.front());
  if (compiled.agreements.empty())
    return domain::Error{ErrorCode::kMissing, "the drafts continue every line unchanged: there is nothing to send",
                         "nothing_to_release"};
  const domain::OpenSubstanceGroups knowledge;
  const auto check = domain::CheckRelease(compiled.agreements, overview, picture.picture->Ica(now), knowledge);
  auto agreements =
      domain::ApplyDecisions(std::move(compiled.agreements), check,
                             ReleaseKeys(request.decisions, *drafts, overview, prescriber, now, compiled));
  if (!agreements) return agreements.error();

  // The receivers: the patient's own pharmacy as the last retrieval names it, the home's own record.
  std::string pharmacyUra = request.pharmacyUra, pharmacyName;
  for (const auto& s : latest->sources) {
    const bool pharmacy = s.outcome.source.kind == domain::SourceKind::kPharmacy;
    if (pharmacy && (pharmacyUra.empty() || pharmacyUra == s.outcome.ura)) {
      pharmacyUra = s.outcome.ura;
      pharmacyName = s.outcome.source.name;
      break;
    }
  }
  const std::string recordUra = request.careRecordUra.empty() ? user->audit.organisationUra : request.careRecordUra;

  const domain::Patient who{patient.bsn, patient.name, patient.birthDate, ""};
  const std::string release = net::jose::RandomUuid();
  struct Target {
    net::fhir::ReleaseTarget target;
    const char* name;
    std::string ura, receiver;
  };
  const Target targets[] = {{net::fhir::ReleaseTarget::kPharmacy, kPharmacy, pharmacyUra, pharmacyName},
                            {net::fhir::ReleaseTarget::kCareRecord, kCareRecord, recordUra, user->organisation}};
  std::vector<store::OutboxItem> items;
  for (const auto& t : targets) {
    net::fhir::ReleaseContent content{who, prescriber, agreements.value(), {}, {oid + ".4", net::jose::RandomUuid()}};
    if (t.target == net::fhir::ReleaseTarget::kPharmacy) content.dispenseRequests = compiled.dispenseRequests;
    std::string bundle = net::fhir::WriteReleaseBundle(content, t.target);
    // A Bundle failing the sending TestScripts' rules is never queued, so never sent.
    const auto wrong = net::fhir::CheckReleaseBundle(bundle, t.target);
    if (!wrong.empty())
      return MakeError(ErrorCode::kInvalidFormat,
                       std::string("the ") + t.name + " Bundle fails the MP9 sending rules: " + wrong.front());
    store::OutboxItem item;
    item.patientId = patient.id;
    item.release = release;
    item.bundleIdentifier = content.bundleId.Key();
    item.target = t.name;
    item.receiverUra = t.ura;
    item.receiverName = t.receiver;
    item.state = t.ura.empty() ? OutboxState::kNoReceiver : OutboxState::kQueued;
    item.author = user->audit;
    item.createdAt = item.updatedAt = now;
    item.bundle = std::move(bundle);
    item.lines = std::to_string(agreements->size()) + " MA, " +
                 std::to_string(t.target == net::fhir::ReleaseTarget::kPharmacy ? content.dispenseRequests.size() : 0) +
                 " VV";
    // The decisions with their reasons stay with the release, sealed (the trail names only their kind).
    for (const auto& d : request.decisions) item.lines += "\ndecision " + d.key + ": " + d.reason;
    items.push_back(std::move(item));
  }
  auto queued = m_impl->store.outbox().Enqueue(items, ids);
  if (!queued) return queued.error();
  // Every decision on a signal is on the trail (A-R8), named by kind and treatment fingerprint;
  // its free-text reason stays in the sealed Bundle's agreement.
  for (const auto& d : request.decisions) {
    const std::string kind = d.key.substr(0, d.key.find('|'));
    m_impl->audit(domain::AuditAction::kReleaseQueued, patient.bsn.digits(),
                  "release " + release + ": signal " + kind + " decided", "ok");
  }
  m_impl->audit(domain::AuditAction::kReleaseQueued, patient.bsn.digits(),
                "release " + release + ": " + std::to_string(agreements->size()) + " agreements from " +
                    std::to_string(ids.size()) + " drafts to pharmacy " +
                    (pharmacyUra.empty() ? "(none)" : pharmacyUra) + " and record " + recordUra,
                "ok");
  ReleaseResult out{release, {}};
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].id = queued.value()[i];
    out.queued.push_back(detail::EntryOf(items[i]));
  }
  return out;
}

domain::Result<std::vector<OutboxEntry>> ReleaseDesk::Send(domain::Instant now) {
  const auto user = m_impl->user();
  const std::string session = m_impl->session();
  if (!user || session.empty()) return Refused("no session", "not_logged_in");
  auto pending = m_impl->store.outbox().Pending(now);
  if (!pending) return pending.error();
  std::vector<OutboxEntry> out;
  for (auto& item : pending.value()) {
    auto patient = m_impl->store.patients().Get(item.patientId);
    if (!patient) return patient.error();
    if (!patient.value()) continue;  // the patient was removed; the cascade removes the item too
    const std::string bsn = patient.value()->bsn.digits();
    const std::string service(item.target == kPharmacy ? net::contract::kPrescriptionService
                                                       : net::contract::kMedicationDataService);
    OutboxState state = OutboxState::kRetry;
    std::string answer;
    bool known = false;
    if (item.state == OutboxState::kSending) {
      // The answer to an earlier POST was lost: it may have arrived. Ask before sending again.
      const std::string id = net::fhir::FirstAgreementIdentifier(item.bundle);
      auto found = m_impl->gateway.Relay(session, service, item.receiverUra, "GET",
                                         "MedicationRequest?identifier=" + net::http::UrlEncode(id));
      const auto matches = found && found->status == 200 ? net::fhir::SearchMatches(found->body) : std::nullopt;
      if (!matches) {
        answer = "whether the earlier attempt arrived is unknown: " +
                 (found ? "HTTP " + std::to_string(found->status) : found.error().detail);
        state = OutboxState::kSending;
        known = true;
      } else if (*matches > 0) {
        answer = "found at the receiver after a lost answer";
        state = OutboxState::kDelivered;
        known = true;
      }
    }
    if (!known) {
      // Marked before the POST: a crash from here on leaves "sending", so the next run looks first.
      if (auto r = m_impl->store.outbox().Mark(item.id, OutboxState::kSending, item.attempts + 1, std::nullopt,
                                               item.answer, now);
          !r)
        return r.error();
      ++item.attempts;
      auto response = m_impl->gateway.Release(session, service, item.receiverUra, item.bundle, bsn);
      if (!response) {
        const auto& e = response.error();
        answer = e.detail;
        if (e.problem == "receiver_no_answer")
          state = OutboxState::kSending;
        else if (e.status >= 400 && e.status < 500 && e.status != 429)
          state = OutboxState::kRefused;
        else
          state = OutboxState::kRetry;
      } else {
        const auto read = net::fhir::ReadReleaseAnswer(response->status, response->body);
        answer = read.text;
        state = read.delivered ? OutboxState::kDelivered : read.refused ? OutboxState::kRefused : OutboxState::kRetry;
      }
    }
    const bool again = state == OutboxState::kRetry || state == OutboxState::kSending;
    if (auto r = m_impl->store.outbox().Mark(item.id, state, item.attempts,
                                             again ? std::optional(NextAttempt(now, item.attempts)) : std::nullopt,
                                             answer, now);
        !r)
      return r.error();
    m_impl->audit(domain::AuditAction::kReleaseSent, bsn,
                  "release " + item.release + ": " + item.target + " URA " + item.receiverUra + ", attempt " +
                      std::to_string(item.attempts),
                  store::ToString(state));
    item.state = state;
    item.answer = answer;
    item.updatedAt = now;
    out.push_back(detail::EntryOf(item));
  }
  if (auto r = CollectProcessing(session, now, out); !r) return r.error();
  return out;
}

domain::Result<OutboxEntry> ReleaseDesk::ConfirmHandDelivery(const domain::RegisteredPatient& patient,
                                                             std::int64_t entryId, domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return Refused("no session", "not_logged_in");
  auto item = detail::PatientItem(m_impl->store, patient, entryId);
  if (!item) return item.error();
  auto& o = item.value();
  if (o.state != OutboxState::kNoReceiver && o.state != OutboxState::kRefused)
    return Refused(std::string("outbox item is ") + store::ToString(o.state) +
                       ": only an item without a receiver, or refused, is confirmed by hand",
                   "not_confirmable");
  const std::string answer = "confirmed delivered by hand by " + user->audit.name + " (" + user->audit.userId + ")" +
                             (o.answer.empty() ? std::string() : "; before: " + o.answer);
  if (auto r = m_impl->store.outbox().Mark(o.id, OutboxState::kHandDelivered, o.attempts, std::nullopt, answer, now);
      !r)
    return r.error();
  m_impl->audit(domain::AuditAction::kReleaseSent, patient.bsn.digits(),
                "release " + o.release + ": " + o.target + " confirmed delivered by hand", "hand-delivered");
  o.state = OutboxState::kHandDelivered;
  o.answer = answer;
  o.updatedAt = now;
  return detail::EntryOf(o);
}

domain::Result<std::vector<OutboxEntry>> ReleaseDesk::Outbox(const domain::RegisteredPatient& patient) {
  auto items = m_impl->store.outbox().List(patient.id);
  if (!items) return items.error();
  std::vector<OutboxEntry> out;
  for (const auto& o : items.value()) out.push_back(detail::EntryOf(o));
  return out;
}

}  // namespace zb::workstation
