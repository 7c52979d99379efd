// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/draft_book.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/open_substance_groups.h"
#include "draft_book_impl.h"
#include "net/fhir/draft_codec.h"
#include "net/formulary/formulary_fhir.h"
#include "net/roster/roster.h"
#include "offline_picture.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;

std::vector<std::string> DefaultPrescriberRoles() { return {"01.047", "01.056", "01.015"}; }

domain::DateTime DutchMoment(domain::Instant now) {
  const auto local = domain::ToNetherlandsLocal(now);
  const int offset = domain::NetherlandsOffsetMinutes(local.date(), static_cast<int>(local.time_of_day().hours()));
  return domain::DateTime::FromInstant(now, offset);
}

domain::IdentifierMint CheckMint() {
  auto n = std::make_shared<std::uint64_t>(0);
  return {"urn:check:ma", "urn:check:vv", "urn:check:mbh", [n] { return std::to_string(++*n); }};
}

domain::Prescriber PrescriberOf(const User& user) {
  return {user.audit.name, user.audit.userId,          user.audit.roleCode,
          user.roleName,   user.audit.organisationUra, user.organisation};
}

CompiledDrafts CompileAll(const std::vector<DraftEntry>& drafts, const domain::Overview& overview,
                          const domain::Prescriber& prescriber, const domain::DateTime& moment,
                          const domain::IdentifierMint& mint) {
  CompiledDrafts out;
  for (const auto& e : drafts) {
    if (e.draft.action == domain::DraftAction::kContinue) continue;
    const domain::MedicationAgreement* original = nullptr;
    for (const auto& line : overview.lines) {
      for (const auto& a : line.agreements) {
        if (a->h.id == e.draft.against) original = a.get();
      }
    }
    auto compiled = domain::CompileDraft(e.draft, original, prescriber, moment, mint);
    if (!compiled) {
      out.problems.push_back("draft " + std::to_string(e.id) + ": " + compiled.error().detail);
      continue;
    }
    for (auto& ma : compiled->agreements) out.agreements.push_back(std::move(ma));
    for (auto& vv : compiled->dispenseRequests) out.dispenseRequests.push_back(std::move(vv));
  }
  return out;
}

namespace {

// The overview of the patient's last stored retrieval at `now`; nullopt when none is stored.
domain::Result<std::optional<domain::Overview>> StoredOverview(store::LocalStore& store,
                                                               const domain::RegisteredPatient& patient,
                                                               domain::Instant now) {
  auto latest = store.retrievals().Latest(patient.id);
  if (!latest) return latest.error();
  if (!latest.value()) return std::optional<domain::Overview>();
  const OfflinePicture picture = RebuildPicture(patient.bsn.digits(), *latest.value());
  return std::optional<domain::Overview>(picture.picture->Consolidate(now));
}

// What the audit record says about a draft: its number, action and treatment, the treatment by its
// keyed fingerprint (the trail's context is not sealed, and an MBH leads back to the patient).
std::string AuditContext(const store::DraftStore& drafts, std::int64_t id, const std::string& action,
                         const std::string& treatment) {
  return "draft " + std::to_string(id) + ": " + action + ", " +
         (treatment.empty() ? std::string("new treatment") : "treatment " + drafts.TreatmentFingerprint(treatment));
}

// The formulary is kept as imported, in one setting (one write: a crash keeps the old or the new
// one whole): its file name, the import date and the CSV text, one per line before the text. Not
// patient data; read again with the same reader, so what is used is exactly what was checked.
constexpr const char* kFormularyKey = "formulary";
// The pharmacy roster, kept the same way (CSV or FHIR text as imported).
constexpr const char* kRosterKey = "pharmacy-roster";

}  // namespace

domain::Error NotLoggedIn() { return domain::Error{ErrorCode::kRefused, "no session", "not_logged_in"}; }

bool DraftCheck::Releasable() const {
  if (!stale.empty() || !proposals.empty() || !problems.empty()) return false;
  return std::none_of(check.signals.begin(), check.signals.end(),
                      [](const domain::ReleaseSignal& s) { return s.MustHandle() || s.Blocking(); });
}

DraftBook::DraftBook(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
DraftBook::~DraftBook() = default;

// The stored drafts, decoded, each with its freshness against `overview` (null: none stored).
domain::Result<std::vector<DraftEntry>> Entries(store::LocalStore& store, const domain::RegisteredPatient& patient,
                                                const domain::Overview* overview) {
  auto stored = store.drafts().List(patient.id);
  if (!stored) return stored.error();
  std::vector<DraftEntry> out;
  for (const auto& s : stored.value()) {
    auto draft = net::fhir::DecodeDraft(s.payload, "draft " + std::to_string(s.id));
    if (!draft) return draft.error();
    DraftEntry e{s.id, std::move(draft.value()), s.author, s.proposal, s.createdAt, s.updatedAt, {}};
    e.freshness = domain::CheckFreshness(e.draft, overview);
    out.push_back(std::move(e));
  }
  return out;
}

domain::Result<StoredDrafts> LoadStoredDrafts(store::LocalStore& store, const domain::RegisteredPatient& patient,
                                              domain::Instant now) {
  auto latest = store.retrievals().Latest(patient.id);
  if (!latest) return latest.error();
  if (!latest.value())
    return domain::Error{ErrorCode::kMissing, "no retrieval of this patient is stored; look the patient up first",
                         "no_retrieval"};
  StoredDrafts out{*latest.value(), RebuildPicture(patient.bsn.digits(), *latest.value()), {}, {}};
  out.overview = out.picture.picture->Consolidate(now);
  auto drafts = Entries(store, patient, &out.overview);  // the same overview, not a second read
  if (!drafts) return drafts.error();
  out.drafts = std::move(drafts.value());
  return out;
}

domain::Result<std::vector<DraftEntry>> DraftBook::List(const domain::RegisteredPatient& patient) {
  auto overview = StoredOverview(m_impl->store, patient, boost::posix_time::second_clock::universal_time());
  if (!overview) return overview.error();
  return Entries(m_impl->store, patient, overview.value() ? &*overview.value() : nullptr);
}

domain::Result<DraftEntry> DraftBook::Save(const domain::RegisteredPatient& patient, domain::MedicationDraft draft,
                                           std::int64_t id, domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  std::optional<store::StoredDraft> previous;
  if (id != 0) {
    auto found = m_impl->store.drafts().Get(id);
    if (!found) return found.error();
    if (!found.value() || found.value()->patientId != patient.id)
      return MakeError(ErrorCode::kMissing,
                       "draft " + std::to_string(id) + " does not exist (any more) for this patient");
    previous = std::move(found.value());
  }
  auto overview = StoredOverview(m_impl->store, patient, now);
  if (!overview) return overview.error();
  if (!overview.value() && draft.action != domain::DraftAction::kStart)
    return domain::Error{ErrorCode::kMissing, "no retrieval of this patient is stored; look the patient up first",
                         "no_retrieval"};
  const domain::Overview empty;
  auto bound = domain::BindDraft(draft, overview.value() ? *overview.value() : empty, DutchMoment(now));
  if (!bound) return bound.error();

  auto formulary = Formulary();
  if (!formulary) return formulary.error();
  if (auto allowed = domain::CheckAgainstFormulary(draft, formulary.value()); !allowed) return allowed.error();

  const auto& roles = m_impl->prescriberRoles;
  store::StoredDraft record;
  record.id = id;
  record.patientId = patient.id;
  record.treatment = draft.treatment.empty() ? std::string() : draft.treatment.Key();
  record.author = user->audit;
  record.proposal = std::find(roles.begin(), roles.end(), user->audit.roleCode) == roles.end();
  record.updatedAt = now;
  record.payload = net::fhir::EncodeDraft(draft);
  auto saved = m_impl->store.drafts().Save(record);
  if (!saved) return saved.error();
  m_impl->audit(previous ? domain::AuditAction::kDraftEdited : domain::AuditAction::kDraftCreated, patient.bsn.digits(),
                AuditContext(m_impl->store.drafts(), saved.value(), domain::ToString(draft.action), record.treatment),
                record.proposal ? "proposal" : "ok");
  DraftEntry entry{
      saved.value(), std::move(draft), record.author, record.proposal, previous ? previous->createdAt : now, now, {}};
  entry.freshness = domain::CheckFreshness(entry.draft, overview.value() ? &*overview.value() : nullptr);
  return entry;
}

domain::Result<DraftEntry> DraftBook::Confirm(const domain::RegisteredPatient& patient, std::int64_t id,
                                              domain::Instant now) {
  auto listed = List(patient);
  if (!listed) return listed.error();
  for (auto& e : listed.value()) {
    if (e.id != id) continue;
    if (!e.freshness.Blocks() && !e.proposal) return e;
    if (e.freshness.Blocks()) {
      // The agreement the list found governing the line now; none (line ended or gone): Save says why.
      e.draft.against = e.freshness.nowAgreement;
      e.draft.againstRegistered.reset();
    }
    // Saved by a prescriber, a proposal becomes theirs (adopted); by anyone else it stays one.
    return Save(patient, std::move(e.draft), id, now);
  }
  return domain::Error{ErrorCode::kMissing, "no draft " + std::to_string(id) + " for this patient", "not_found"};
}

domain::Result<bool> DraftBook::Remove(const domain::RegisteredPatient& patient, std::int64_t id) {
  if (!m_impl->user()) return NotLoggedIn();
  auto found = m_impl->store.drafts().Get(id);
  if (!found) return found.error();
  if (!found.value() || found.value()->patientId != patient.id) return false;
  // The audit names the action and treatment even when the draft no longer reads back.
  auto draft = net::fhir::DecodeDraft(found.value()->payload, "draft " + std::to_string(id));
  auto removed = m_impl->store.drafts().Remove(id);
  if (!removed) return removed.error();
  const std::string context =
      AuditContext(m_impl->store.drafts(), id, draft ? domain::ToString(draft.value().action) : "unreadable",
                   found.value()->treatment);
  m_impl->audit(domain::AuditAction::kDraftDeleted, patient.bsn.digits(), context, "ok");
  return removed.value();
}

domain::Result<DraftCheck> DraftBook::Check(const domain::RegisteredPatient& patient, domain::Instant now) {
  const auto user = m_impl->user();
  if (!user) return NotLoggedIn();
  auto stored = LoadStoredDrafts(m_impl->store, patient, now);
  if (!stored) return stored.error();
  const OfflinePicture& picture = stored->picture;
  const domain::Overview& overview = stored->overview;
  const auto& drafts = stored->drafts;
  // The blocks as release would compile them now; identifiers are minted only at release.
  DraftCheck out;
  for (const auto& e : drafts) {
    if (e.freshness.Blocks()) out.stale.push_back(e.id);
    if (e.proposal) out.proposals.push_back(e.id);
  }
  CompiledDrafts compiled = CompileAll(drafts, overview, PrescriberOf(*user), DutchMoment(now), CheckMint());
  out.problems = std::move(compiled.problems);
  std::vector<domain::MedicationAgreement> released = std::move(compiled.agreements);
  const domain::OpenSubstanceGroups knowledge;
  out.check = domain::CheckRelease(released, overview, picture.picture->Ica(now), knowledge);
  return out;
}

namespace {

// A list as imported: the file's text, checked by `read` before it replaces the stored one.
template <class Read>
domain::Result<std::size_t> ImportList(store::LocalStore& store, const char* key, const std::string& path,
                                       domain::Date today, Read read) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string name = std::filesystem::path(path).filename().string();
  auto items = read(text.str(), name);
  if (!items) return items.error();
  auto saved = store.settings().Set(key, name + "\n" + domain::FormatDate(today) + "\n" + text.str());
  if (!saved) return saved.error();
  return items->size();
}

struct StoredList {
  std::string origin;
  std::optional<domain::Date> updated;
  std::string text;
};

// nullopt: nothing imported yet.
domain::Result<std::optional<StoredList>> ReadStored(store::LocalStore& store, const char* key, const char* what) {
  auto stored = store.settings().Get(key);
  if (!stored) return stored.error();
  if (!stored.value()) return std::optional<StoredList>{};
  const std::string& value = *stored.value();
  const auto first = value.find('\n');
  const auto second = first == std::string::npos ? first : value.find('\n', first + 1);
  if (second == std::string::npos)
    return MakeError(ErrorCode::kInvalidFormat, std::string("the stored ") + what + " is damaged; import it again");
  StoredList out{value.substr(0, first), std::nullopt, value.substr(second + 1)};
  if (auto parsed = domain::ParseUserDate(value.substr(first + 1, second - first - 1))) out.updated = parsed.value();
  return std::optional<StoredList>(std::move(out));
}

}  // namespace

domain::Result<std::size_t> DraftBook::ImportFormulary(const std::string& path, domain::Date today) {
  return ImportList(m_impl->store, kFormularyKey, path, today, [](std::string_view text, const std::string& name) {
    return net::formulary::ReadFormulary(text, name);
  });
}

domain::Result<domain::Formulary> DraftBook::Formulary() {
  auto stored = ReadStored(m_impl->store, kFormularyKey, "formulary");
  if (!stored) return stored.error();
  if (!stored.value()) return domain::Formulary{};
  auto items = net::formulary::ReadFormulary(stored.value()->text, stored.value()->origin);
  if (!items) return items.error();
  return domain::Formulary(std::move(items.value()), stored.value()->origin, stored.value()->updated);
}

domain::Result<std::size_t> DraftBook::ImportRoster(const std::string& path, domain::Date today) {
  return ImportList(m_impl->store, kRosterKey, path, today,
                    [](std::string_view text, const std::string& name) { return net::roster::ReadRoster(text, name); });
}

domain::Result<domain::PharmacyRoster> DraftBook::Roster() {
  auto stored = ReadStored(m_impl->store, kRosterKey, "pharmacy roster");
  if (!stored) return stored.error();
  if (!stored.value()) return domain::PharmacyRoster{};
  auto pharmacies = net::roster::ReadRoster(stored.value()->text, stored.value()->origin);
  if (!pharmacies) return pharmacies.error();
  return domain::PharmacyRoster(std::move(pharmacies.value()), stored.value()->updated);
}

}  // namespace zb::workstation
