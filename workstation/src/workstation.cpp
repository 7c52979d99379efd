// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/workstation.h"

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <map>

#include "net/client/gateway_client.h"
#include "net/client/login.h"
#include "net/client/retriever.h"
#include "net/json_member.h"
#include "offline_picture.h"
#include "platform/key_vault.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;

std::string User::Describe() const {
  return audit.name + ", " + roleName + " (" + audit.roleCode + "), " + organisation + " (URA " +
         audit.organisationUra + ")";
}

struct Workstation::Impl {
  Config config;
  std::string keyWarning;
  std::unique_ptr<store::LocalStore> store;
  net::client::GatewayClient gateway;
  net::client::Retriever retriever;

  struct Pending {
    std::int64_t patientId = 0;
    std::string bsn;
    std::size_t expected = 0;
    std::vector<store::CachedSource> delivered;
    OnEnd onEnd;
  };
  mutable std::mutex mutex;
  std::optional<User> user;
  std::string session;
  std::map<LookupId, Pending> pending;

  Impl(Config c, std::string warning, std::unique_ptr<store::LocalStore> s, net::http::ClientOptions options)
      : config(std::move(c)),
        keyWarning(std::move(warning)),
        store(std::move(s)),
        gateway(config.gateway, options),
        retriever(gateway) {}

  void Delivered(LookupId id, domain::SourceDelivery d, const OnSource& onSource);
  void Finish(LookupId id, Pending p);
  void Record(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
              const std::string& outcome);
};

Workstation::Workstation(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Workstation::~Workstation() {
  // Stop every lookup before the store and callbacks go away.
  std::vector<LookupId> ids;
  {
    std::lock_guard lock(m_impl->mutex);
    for (const auto& [id, p] : m_impl->pending) ids.push_back(id);
  }
  for (auto id : ids) Cancel(id);
}

domain::Result<std::unique_ptr<Workstation>> Workstation::Open(const Config& config) {
  if (config.storePath.empty()) return MakeError(ErrorCode::kMissing, "no location for the local store");
  auto key = platform::LoadOrCreateKey({config.storePath, config.keyFile, config.useKeychain, true});
  if (!key) return key.error();
  auto s = store::LocalStore::Open(config.storePath, key->key);
  if (!s) return s.error();
  net::http::ClientOptions options;
  options.caFile = config.caFile;
  auto impl = std::make_unique<Impl>(config, key->warning, std::move(s.value()), options);
  return std::unique_ptr<Workstation>(new Workstation(std::move(impl)));
}

const std::string& Workstation::keyWarning() const { return m_impl->keyWarning; }
store::LocalStore& Workstation::store() { return *m_impl->store; }
const Config& Workstation::config() const { return m_impl->config; }

std::optional<User> Workstation::user() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->user;
}

domain::Result<User> Workstation::LogIn(net::client::BrowserLauncher& browser, std::chrono::milliseconds timeout) {
  auto r = net::client::Login(m_impl->gateway, browser, timeout);
  if (auto* e = std::get_if<net::client::ApiError>(&r)) {
    return MakeError(e->status == 0 ? ErrorCode::kUnavailable : ErrorCode::kRefused, e->code + ": " + e->detail);
  }
  const auto& info = std::get<net::client::SessionInfo>(r);
  using net::StringMember;
  User u;
  u.audit = {StringMember(info.user, "dezi_number"), StringMember(info.user, "display_name"),
             StringMember(info.user, "role_code"), StringMember(info.user, "ura")};
  u.roleName = StringMember(info.user, "role_name");
  u.organisation = StringMember(info.user, "organisation");
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->user = u;
    m_impl->session = info.token;
  }
  Audit(domain::AuditAction::kLogin, "", "dezi", "ok");
  return u;
}

domain::Result<std::vector<Organisation>> Workstation::FindOrganisations(const std::string& uraOrName) {
  std::string session;
  {
    std::lock_guard lock(m_impl->mutex);
    session = m_impl->session;
  }
  if (session.empty()) return MakeError(ErrorCode::kRefused, "niet ingelogd: log in om het adresboek te doorzoeken");
  const bool isUra = uraOrName.size() == 8 && uraOrName.find_first_not_of("0123456789") == std::string::npos;
  auto r = m_impl->gateway.Directory(session, "", isUra ? uraOrName : "", isUra ? "" : uraOrName);
  if (auto* e = std::get_if<net::client::ApiError>(&r)) {
    return MakeError(e->status == 0 ? ErrorCode::kUnavailable : ErrorCode::kRefused,
                     "adresboek niet te raadplegen: " + e->detail);
  }
  std::vector<Organisation> out;
  const auto& answer = std::get<nlohmann::json>(r);
  const auto holders = answer.is_object() ? answer.value("holders", nlohmann::json::array()) : nlohmann::json::array();
  for (const auto& h : holders) {
    if (!h.is_object()) continue;
    using net::StringMember;
    const std::string ura = StringMember(h, "ura");
    auto it = std::find_if(out.begin(), out.end(), [&ura](const Organisation& o) { return o.ura == ura; });
    if (it == out.end()) {
      out.push_back({ura, StringMember(h, "name"), StringMember(h, "city"), {}});
      it = out.end() - 1;
    }
    it->services.push_back(StringMember(h, "service"));
  }
  return out;
}

domain::Result<std::string> Workstation::TestGateway(const std::string& url, const std::string& caFile) {
  if (url.rfind("https://", 0) != 0)
    return MakeError(ErrorCode::kInvalidFormat, "het adres moet met https:// beginnen");
  net::http::ClientOptions options;
  options.caFile = caFile;
  options.timeout = std::chrono::seconds(10);
  net::client::GatewayClient gateway(url, options);
  auto r = gateway.LoginConfiguration();
  if (auto* e = std::get_if<net::client::ApiError>(&r)) {
    if (e->code == "gateway_tls_refused")
      return MakeError(ErrorCode::kRefused, "het certificaat van de gateway wordt niet vertrouwd: " + e->detail);
    return MakeError(ErrorCode::kUnavailable, "gateway niet bereikbaar: " + e->detail);
  }
  const auto& config = std::get<nlohmann::json>(r);
  const auto org =
      config.is_object() ? config.value("organisation", nlohmann::json::object()) : nlohmann::json::object();
  return net::StringMember(org, "name") + " (URA " + net::StringMember(org, "ura") + ")";
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

domain::Result<Workstation::LookupId> Workstation::LookUp(const domain::RegisteredPatient& patient, OnSource onSource,
                                                          OnEnd onEnd) {
  net::client::LookupRequest request;
  {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->session.empty()) return MakeError(ErrorCode::kMissing, "not logged in");
    request.session = m_impl->session;
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
  Impl::Pending p{patient.id, patient.bsn.digits(), request.sources.size(), {}, std::move(onEnd)};
  // The lock is held across Start so the first delivery cannot look for its lookup before it is known.
  std::lock_guard lock(m_impl->mutex);
  Impl* impl = m_impl.get();
  const auto id = m_impl->retriever.Start(
      std::move(request), [impl, onSource = std::move(onSource)](LookupId lid, domain::SourceDelivery d) {
        impl->Delivered(lid, std::move(d), onSource);
      });
  m_impl->pending.emplace(id, std::move(p));
  return id;
}

void Workstation::Impl::Delivered(LookupId id, domain::SourceDelivery d, const OnSource& onSource) {
  std::optional<Pending> done;
  {
    std::lock_guard lock(mutex);
    auto it = pending.find(id);
    if (it == pending.end()) return;  // cancelled
    it->second.delivered.push_back({d.outcome, d.snapshot});
    if (it->second.delivered.size() == it->second.expected) {
      done = std::move(it->second);
      pending.erase(it);
    }
  }
  onSource(id, std::move(d));
  if (done) Finish(id, std::move(*done));
}

void Workstation::Impl::Finish(LookupId id, Pending p) {
  store::CachedRetrieval r;
  r.patientId = p.patientId;
  r.retrievedAt = boost::posix_time::second_clock::universal_time();
  r.complete = true;
  std::string missing;
  for (const auto& s : p.delivered) {
    if (!domain::Answered(s.outcome.status)) {
      r.complete = false;
      missing += (missing.empty() ? "" : ",") + std::string(domain::ToString(s.outcome.source.kind)) + "=" +
                 domain::ToString(s.outcome.status);
    }
  }
  r.sources = std::move(p.delivered);
  LookupEnd end;
  end.complete = r.complete;
  if (p.patientId != 0) {
    auto saved = store->retrievals().Save(r);
    end.saved = saved.ok();
    if (!saved) end.saveError = saved.error().detail;
  }
  Record(domain::AuditAction::kRetrieve, p.bsn, std::to_string(r.sources.size()) + " sources",
         r.complete ? "complete" : "incomplete: " + missing);
  if (p.onEnd) p.onEnd(id, end);
}

void Workstation::Cancel(LookupId id) {
  m_impl->retriever.Cancel(id);
  std::lock_guard lock(m_impl->mutex);
  m_impl->pending.erase(id);
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
