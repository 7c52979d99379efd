// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/workstation.h"

#include <boost/date_time/posix_time/posix_time.hpp>
#include <fstream>
#include <map>
#include <mutex>

#include "draft_book_impl.h"
#include "login_browser.h"
#include "net/client/gateway_client.h"
#include "net/client/login.h"
#include "net/client/retriever.h"
#include "offline_picture.h"
#include "platform/key_vault.h"
#include "platform/paths.h"
#include "platform/private_file.h"
#include "preference_storage.h"
#include "release_desk_impl.h"
#include "store/anchor_beside_key.h"
#include "store/local_store.h"
#include "workstation/register_file.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;

std::string User::Describe() const {
  return audit.name + ", " + roleName + " (" + audit.roleCode + "), " + organisation + " (URA " +
         audit.organisationUra + ")";
}

std::string DefaultStorePath() { return platform::DefaultStorePath(); }

namespace {

User FromSession(const net::contract::SessionInfo& session) {
  const auto& user = session.user;
  User u;
  u.audit = {user.deziNumber, user.displayName, user.roleCode, user.ura};
  u.roleName = user.roleName;
  u.organisation = user.organisation;
  u.mayRetrieve = std::find(session.permissions.begin(), session.permissions.end(),
                            net::contract::kPermissionRetrieve) != session.permissions.end();
  u.mayRelease = std::find(session.permissions.begin(), session.permissions.end(), net::contract::kPermissionRelease) !=
                 session.permissions.end();
  return u;
}

// A lookup on its way: what has arrived, so that the end can be saved and audited in one piece.
// Shared with the retriever's callback, which may run before LookUp has returned the id.
struct Pending {
  std::mutex mutex;
  std::int64_t patientId = 0;
  std::string bsn;
  std::size_t expected = 0;
  std::vector<store::CachedSource> delivered;
  bool finished = false;
};

}  // namespace

struct Workstation::Impl {
  Config config;
  std::string keyWarning;
  std::unique_ptr<store::LocalStore> store;
  net::client::GatewayClient gateway;
  net::client::Retriever retriever;

  mutable std::mutex mutex;  // guards user, session and lookups
  std::optional<User> user;
  std::string session;
  std::map<LookupId, std::shared_ptr<Pending>> lookups;
  std::unique_ptr<DraftBook> drafts;
  std::unique_ptr<ReportBook> reports;
  std::unique_ptr<ReleaseDesk> releases;

  Impl(Config c, std::string warning, std::unique_ptr<store::LocalStore> s, net::http::ClientOptions options)
      : config(std::move(c)),
        keyWarning(std::move(warning)),
        store(std::move(s)),
        gateway(config.gateway, options),
        retriever(gateway) {}

  std::string Session() const {
    std::lock_guard lock(mutex);
    return session;
  }
  void Delivered(LookupId id, Pending& pending, domain::SourceDelivery delivery, const OnSource& onSource,
                 const OnEnd& onEnd);
  LookupEnd Finish(Pending& pending);
  void Record(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
              const std::string& outcome);
};

Workstation::Workstation(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Workstation::~Workstation() {
  // Stop every lookup before the store and callbacks go away.
  std::vector<LookupId> ids;
  {
    std::lock_guard lock(m_impl->mutex);
    for (const auto& [id, pending] : m_impl->lookups) ids.push_back(id);
  }
  for (auto id : ids) Cancel(id);
}

domain::Result<std::unique_ptr<Workstation>> Workstation::Open(const Config& config) {
  if (config.storePath.empty()) return MakeError(ErrorCode::kMissing, "no location for the local store");
  auto key = platform::LoadOrCreateKey({config.storePath, config.keyFile, config.useKeychain, true});
  if (!key) return key.error();
  platform::AnchorPlace anchor{config.storePath, platform::AnchorFileFor(config.keyFile), key->inKeychain};
  auto opened = store::LocalStore::Open(config.storePath, key->key, store::AnchorBesideKey(anchor));
  if (!opened) return opened.error();
  net::http::ClientOptions options;
  options.caFile = config.caFile;
  auto impl = std::make_unique<Impl>(config, key->warning, std::move(opened.value()), options);
  Impl* self = impl.get();
  impl->drafts = std::make_unique<DraftBook>(std::make_unique<DraftBook::Impl>(
      DraftBook::Impl{*self->store,
                      [self] {
                        std::lock_guard lock(self->mutex);
                        return self->user;
                      },
                      [self](domain::AuditAction action, const std::string& bsn, const std::string& context,
                             const std::string& outcome) { self->Record(action, bsn, context, outcome); },
                      config.prescriberRoles}));
  impl->reports = std::make_unique<ReportBook>(std::make_unique<ReportBook::Impl>(
      ReportBook::Impl{*self->store,
                       [self] {
                         std::lock_guard lock(self->mutex);
                         return self->user;
                       },
                       [self](domain::AuditAction action, const std::string& bsn, const std::string& context,
                              const std::string& outcome) { self->Record(action, bsn, context, outcome); },
                       [self] {
                         std::lock_guard lock(self->mutex);
                         return self->session;
                       },
                       &self->gateway}));
  impl->releases = std::make_unique<ReleaseDesk>(std::make_unique<ReleaseDesk::Impl>(
      ReleaseDesk::Impl{*self->store,
                        [self] {
                          std::lock_guard lock(self->mutex);
                          return self->user;
                        },
                        [self] {
                          std::lock_guard lock(self->mutex);
                          return self->session;
                        },
                        self->gateway,
                        [self](domain::AuditAction action, const std::string& bsn, const std::string& context,
                               const std::string& outcome) { self->Record(action, bsn, context, outcome); },
                        config.prescriberRoles, config.identifierRoot}));
  return std::unique_ptr<Workstation>(new Workstation(std::move(impl)));
}

const std::string& Workstation::keyWarning() const { return m_impl->keyWarning; }
const Config& Workstation::config() const { return m_impl->config; }
std::chrono::milliseconds Workstation::deadline() const { return m_impl->config.deadline; }

std::optional<User> Workstation::user() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->user;
}

domain::Result<User> Workstation::LogIn(const LoginMethod& method, std::chrono::milliseconds timeout) {
  auto browser = BrowserFor(method, m_impl->config.caFile);
  auto session = net::client::Login(m_impl->gateway, *browser, timeout);
  if (!session) return session.error();
  User u = FromSession(session.value());
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->user = u;
    m_impl->session = session->token;
  }
  Audit(domain::AuditAction::kLogin, "", "dezi", "ok");
  return u;
}

void Workstation::LogOut() {
  std::string session;
  {
    std::lock_guard lock(m_impl->mutex);
    session = std::exchange(m_impl->session, std::string());
  }
  if (!session.empty()) {
    (void)m_impl->gateway.Logout(session);  // the session ends locally even when the gateway is gone
    Audit(domain::AuditAction::kLogout, "", "", "ok");
  }
  std::lock_guard lock(m_impl->mutex);
  m_impl->user.reset();
}

domain::Result<std::vector<Organisation>> Workstation::FindOrganisations(const std::string& uraOrName) {
  const std::string session = m_impl->Session();
  if (session.empty()) return domain::Error{ErrorCode::kRefused, "no session", "not_logged_in"};
  const bool isUra = uraOrName.size() == 8 && uraOrName.find_first_not_of("0123456789") == std::string::npos;
  auto found = m_impl->gateway.Directory(session, "", isUra ? uraOrName : "", isUra ? "" : uraOrName);
  if (!found) return found.error();
  std::vector<Organisation> out;
  for (const auto& entry : found.value()) {
    auto it = std::find_if(out.begin(), out.end(), [&entry](const Organisation& o) { return o.ura == entry.ura; });
    if (it == out.end()) {
      out.push_back({entry.ura, entry.name, entry.city, {}});
      it = out.end() - 1;
    }
    it->services.push_back(entry.service);
  }
  return out;
}

domain::Result<Organisation> Workstation::TestGateway(const std::string& url, const std::string& caFile) {
  if (url.rfind("https://", 0) != 0) return MakeError(ErrorCode::kInvalidFormat, "not an https URL: " + url);
  net::http::ClientOptions options;
  options.caFile = caFile;
  options.timeout = std::chrono::seconds(10);
  net::client::GatewayClient gateway(url, options);
  auto configuration = gateway.LoginConfiguration();
  if (!configuration) return configuration.error();
  return Organisation{configuration->organisation.ura, configuration->organisation.name, "", {}};
}

domain::Result<std::vector<domain::RegisteredPatient>> Workstation::ListPatients(domain::PatientCategory category) {
  return m_impl->store->patients().List(category);
}

domain::Result<domain::RegisteredPatient> Workstation::SavePatient(domain::RegisteredPatient patient,
                                                                   domain::Date today) {
  std::string problems;
  for (const auto& e : domain::Validate(patient, today)) problems += (problems.empty() ? "" : "\n") + e.detail;
  if (!problems.empty()) return MakeError(ErrorCode::kInvalidFormat, problems);
  const bool edit = patient.id != 0;
  auto id = m_impl->store->patients().Save(patient);
  if (!id) return id.error();
  patient.id = id.value();
  Audit(edit ? domain::AuditAction::kEditPatient : domain::AuditAction::kRegisterPatient, patient.bsn.digits(),
        "patient-dialog", "ok");
  return patient;
}

domain::Result<std::optional<domain::RegisteredPatient>> Workstation::FindPatient(const domain::Bsn& bsn) {
  return m_impl->store->patients().FindByBsn(bsn);
}

domain::Result<std::size_t> Workstation::ImportRegister(const std::string& path) {
  auto patients = ReadRegisterFile(path);
  if (!patients) return patients.error();
  std::size_t added = 0;
  for (const auto& p : patients.value()) {
    auto known = m_impl->store->patients().FindByBsn(p.bsn);
    if (!known) return known.error();
    if (known.value()) continue;
    auto saved = m_impl->store->patients().Save(p);
    if (!saved) return saved.error();
    Audit(domain::AuditAction::kRegisterPatient, p.bsn.digits(), "import " + path, "ok");
    ++added;
  }
  return added;
}

DraftBook& Workstation::drafts() { return *m_impl->drafts; }
ReportBook& Workstation::reports() { return *m_impl->reports; }
ReleaseDesk& Workstation::releases() { return *m_impl->releases; }

domain::Result<Preferences> Workstation::LoadPreferences() {
  return workstation::LoadPreferences(m_impl->store->settings());
}

domain::Result<bool> Workstation::SavePreferences(const Preferences& preferences) {
  return workstation::SavePreferences(m_impl->store->settings(), preferences);
}

void Workstation::Audit(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
                        const std::string& outcome) {
  m_impl->Record(action, patientBsn, context, outcome);
}

void Workstation::Impl::Record(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
                               const std::string& outcome) {
  domain::AuditEvent e;
  e.at = boost::posix_time::microsec_clock::universal_time();
  {
    std::lock_guard lock(mutex);
    if (user)
      e.actor = user->audit;
    else
      e.actor.name = "unknown";
  }
  e.patientBsn = patientBsn;
  e.action = action;
  e.context = context;
  e.outcome = outcome;
  // Not yet reported to the user when the append fails (a full disk, say): see the closing note.
  (void)store->audit().Append(e);
}

AuditTrailView Workstation::AuditTrail(const std::optional<domain::Bsn>& patient) {
  auto& trail = m_impl->store->audit();
  const auto check = trail.Verify();
  AuditTrailView view;
  view.intact = check.intact;
  view.checked = check.records;
  view.problem = check.problem;
  auto records = patient ? trail.ForPatient(*patient) : trail.All();
  if (!records) {
    view.entries = records.error();
  } else {
    std::vector<AuditEntry> entries;
    for (const auto& r : records.value()) entries.push_back({r.seq, r.event});
    view.entries = std::move(entries);
  }
  Audit(domain::AuditAction::kViewAuditTrail, patient ? patient->digits() : "", "audit-dialog", "ok");
  return view;
}

domain::Result<bool> Workstation::ExportAudit(const std::optional<domain::Bsn>& patient, const std::string& path) {
  auto tsv = m_impl->store->audit().ExportTsv(patient);
  if (!tsv) return tsv.error();
  if (auto written = platform::WritePrivateFile(path, tsv.value()); !written) return written.error();
  Audit(domain::AuditAction::kExportAuditTrail, patient ? patient->digits() : "", "audit-dialog", "ok");
  return true;
}

domain::Result<Workstation::LookupId> Workstation::LookUp(const domain::RegisteredPatient& patient, OnSource onSource,
                                                          OnEnd onEnd) {
  net::client::LookupRequest request;
  request.session = m_impl->Session();
  if (request.session.empty()) return MakeError(ErrorCode::kMissing, "not logged in");
  if (const auto current = user(); current && !current->mayRetrieve) {
    // The gateway would refuse every query: ask nothing, and say so (not an incomplete overview).
    return domain::Error{ErrorCode::kRefused, "role " + current->audit.roleCode + " may not retrieve",
                         "role_not_allowed"};
  }
  if (patient.sources.empty()) return MakeError(ErrorCode::kMissing, "no sources are known for this patient");
  request.bsn = patient.bsn.digits();
  request.birthDate = patient.birthDate;
  request.deadline = m_impl->config.deadline;
  for (const auto& s : patient.sources) {
    net::client::SourceSpec spec;
    spec.source = s.source;
    if (spec.source.id.empty()) spec.source.id = "ura-" + s.ura;
    spec.ura = s.ura;
    request.sources.push_back(std::move(spec));
  }
  auto pending = std::make_shared<Pending>();
  pending->patientId = patient.id;
  pending->bsn = patient.bsn.digits();
  pending->expected = request.sources.size();
  Impl* impl = m_impl.get();
  // Not under the lock: a source settled from the directory cache is delivered inside Start.
  const auto id = m_impl->retriever.Start(std::move(request),
                                          [impl, pending, onSource = std::move(onSource), onEnd = std::move(onEnd)](
                                              LookupId lookup, domain::SourceDelivery delivery) {
                                            impl->Delivered(lookup, *pending, std::move(delivery), onSource, onEnd);
                                          });
  std::scoped_lock lock(m_impl->mutex, pending->mutex);
  if (!pending->finished) m_impl->lookups.emplace(id, pending);  // kept for Cancel and the destructor
  return id;
}

void Workstation::Impl::Delivered(LookupId id, Pending& pending, domain::SourceDelivery delivery,
                                  const OnSource& onSource, const OnEnd& onEnd) {
  bool last = false;
  {
    std::lock_guard lock(pending.mutex);
    pending.delivered.push_back({delivery.outcome, delivery.snapshot});
    last = pending.delivered.size() == pending.expected;
    pending.finished = last;
  }
  if (onSource) onSource(id, std::move(delivery));
  if (!last) return;
  {
    std::lock_guard lock(mutex);
    lookups.erase(id);
  }
  const LookupEnd end = Finish(pending);
  if (onEnd) onEnd(id, end);
}

LookupEnd Workstation::Impl::Finish(Pending& pending) {
  store::CachedRetrieval r;
  r.patientId = pending.patientId;
  r.retrievedAt = boost::posix_time::second_clock::universal_time();
  r.complete = true;
  std::string missing;
  {
    std::lock_guard lock(pending.mutex);
    r.sources = std::move(pending.delivered);
  }
  for (const auto& s : r.sources) {
    if (!domain::Answered(s.outcome.status)) {
      r.complete = false;
      missing += (missing.empty() ? "" : ",") + std::string(domain::ToString(s.outcome.source.kind)) + "=" +
                 domain::ToString(s.outcome.status);
    }
  }
  LookupEnd end;
  end.complete = r.complete;
  if (pending.patientId != 0) {
    auto saved = store->retrievals().Save(r);
    end.saved = saved.ok();
    if (!saved) end.saveError = saved.error().detail;
  }
  Record(domain::AuditAction::kRetrieve, pending.bsn, std::to_string(r.sources.size()) + " sources",
         r.complete ? "complete" : "incomplete: " + missing);
  return end;
}

void Workstation::Cancel(LookupId id) {
  m_impl->retriever.Cancel(id);  // no callback of this lookup runs after this
  std::lock_guard lock(m_impl->mutex);
  m_impl->lookups.erase(id);
}

domain::Result<std::optional<OfflinePicture>> Workstation::OpenOffline(const domain::RegisteredPatient& patient) {
  auto latest = m_impl->store->retrievals().Latest(patient.id);
  if (!latest) return latest.error();
  if (!latest.value()) return std::optional<OfflinePicture>();
  OfflinePicture out = RebuildPicture(patient.bsn.digits(), *latest.value());
  Audit(domain::AuditAction::kViewOffline, patient.bsn.digits(),
        "retrieved " + boost::posix_time::to_iso_extended_string(out.retrievedAt) + "Z", "ok");
  return std::optional<OfflinePicture>(std::move(out));
}

}  // namespace zb::workstation
