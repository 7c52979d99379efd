// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/sandbox.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>

#include "fhir_holder.h"
#include "net/contract/release_services.h"
#include "net/contract/waarneem_services.h"
#include "net/http/tls_server.h"
#include "net/jose/random.h"
#include "processing_sender.h"
#include "sandbox/pki.h"
#include "world.h"

namespace zb::sandbox {

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void Problem(httplib::Response& res, int status, const std::string& title, const std::string& detail) {
  res.status = status;
  res.set_content(nlohmann::json{{"title", title}, {"status", status}, {"detail", detail}}.dump(),
                  "application/problem+json");
}

namespace {

using domain::ErrorCode;
using domain::MakeError;
using nlohmann::json;
namespace fs = std::filesystem;
namespace jose = net::jose;

bool WriteFile(const fs::path& path, const std::string& content, bool secret) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (secret) ::chmod(path.c_str(), 0600);
  return static_cast<bool>(out);
}

template <class T>
T Must(domain::Result<T> r) {
  if (!r) throw std::runtime_error(r.error().detail);
  return std::move(r).value();
}

class SandboxImpl final : public Sandbox {
 public:
  json Describe() const override { return m_description; }
  void Stop() override {
    {
      std::lock_guard lock(m_world.mutex);
      m_world.stopping = true;
    }
    m_processing.reset();
    for (auto& s : m_servers) {
      if (s) s->Stop();
    }
    std::lock_guard lock(m_restartMutex);
    for (auto& s : m_holderServers) {
      if (s) s->Stop();
    }
  }
  ~SandboxImpl() override { Stop(); }

  domain::Result<bool> Run(const SandboxOptions& o);

 private:
  net::http::TlsServer& NewServer(const TestCa& ca, const std::string& name) {
    const auto issued = Must(ca.IssueServer(name, {"IP:127.0.0.1"}));
    m_servers.push_back(Must(net::http::TlsServer::Create(issued.certificatePem, issued.keyPem)));
    return *m_servers.back();
  }
  int StartServer(net::http::TlsServer& server) { return Must(server.Start(m_world.host, 0)); }

  bool RestartHolder(const std::string& id, const std::string& mode);

  World m_world;
  std::optional<TestCa> m_ca;
  std::vector<std::unique_ptr<net::http::TlsServer>> m_servers;
  std::mutex m_restartMutex;
  std::vector<std::unique_ptr<net::http::TlsServer>> m_holderServers;  // per holder; null while "refused"
  std::vector<int> m_holderPorts;
  std::vector<HolderData> m_data;
  std::unique_ptr<ProcessingSender> m_processing;
  json m_description;
};

// A holder that refuses connections has no listener; one with a wrong-host certificate presents a
// certificate from the same CA for a name the gateway never asked for. Same port either way, so
// the directory keeps pointing at it.
bool SandboxImpl::RestartHolder(const std::string& id, const std::string& mode) {
  std::lock_guard lock(m_restartMutex);
  std::size_t i = 0;
  while (i < m_world.holders.size() && m_world.holders[i].id != id) ++i;
  if (i == m_world.holders.size() || !m_ca) return false;
  if (m_holderServers[i]) m_holderServers[i]->Stop();
  m_holderServers[i].reset();
  if (mode == "stop") return true;
  const std::string san = mode == "wrong-host" ? "DNS:wrong-host.example" : "IP:127.0.0.1";
  auto issued = m_ca->IssueServer(id + ".sandbox", {san});
  if (!issued) return false;
  auto server = net::http::TlsServer::Create(issued->certificatePem, issued->keyPem);
  if (!server) return false;
  RegisterHolder(server.value()->routes(), m_world, m_world.holders[i], m_data[i]);
  if (!server.value()->Start(m_world.host, m_holderPorts[i])) return false;
  m_holderServers[i] = std::move(server).value();
  return true;
}

domain::Result<bool> SandboxImpl::Run(const SandboxOptions& options) {
  const fs::path dir = options.stateDir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return MakeError(ErrorCode::kIo, "cannot create the state directory " + dir.string());
  World& w = m_world;
  w.host = options.host;
  w.nodeVariant = options.nodeVariant;
  const TestCa ca = Must(TestCa::Generate("Zorgbrug sandbox test CA"));
  w.opKey = Must(jose::Key::GenerateRsa(2048));
  w.opKid = "gtwpr.jwt.dezi.sandbox";
  w.esealKey = Must(jose::Key::GenerateRsa(2048));
  w.esealKid = jose::RandomUuid();
  w.foreignKey = Must(jose::Key::GenerateRsa(2048));
  // Two organisations use this node: the demo nursing home and a second one (on-call reports go
  // between them); the DEZI persona "andere-ura" works at the second.
  w.subjects = {
      {"zorgbrug-demo", "90000380", "Tést Zorginstelling 01", "", "", Must(jose::Key::GenerateEcP256()), {}},
      {"zorgbrug-demo-b", "90000381", "Tést Zorginstelling 02", "", "", Must(jose::Key::GenerateEcP256()), {}}};
  // What each organisation would generate and register: the userinfo decryption key (its public
  // half goes to DEZI; the sandbox's two gateways share one DEZI client) and a token_v2 key each
  // (the public half goes into the node's authorized_keys).
  const jose::Key userinfoKey = Must(jose::Key::GenerateRsa(2048));
  const jose::Key tokenV2Key = Must(jose::Key::GenerateEcP256());
  const jose::Key tokenV2KeyB = Must(jose::Key::GenerateEcP256());
  w.rpEncryptionKey = userinfoKey.PublicOnly();
  w.rpEncryptionKid = jose::RandomUuid();
  w.authorizedKeys.emplace_back("zorgbrug-gateway", tokenV2Key.PublicOnly());
  w.authorizedKeys.emplace_back("zorgbrug-gateway-b", tokenV2KeyB.PublicOnly());
  w.deziClientId = jose::RandomUuid();
  w.deziRedirectUris = {"http://127.0.0.1/callback"};

  // Synthetic phone numbers: Dutch subscriber numbers never start with 0 after the area code, so
  // these cannot reach anyone.
  struct HolderSpec {
    const char *id, *kind, *name, *ura, *city, *phone;
    std::vector<std::string> services;
  };
  const std::vector<HolderSpec> holders{
      {"huisarts", "gp", "Huisartsenpraktijk De Linde", "90000401", "Utrecht", "030-0000401", {"HuisartsVVTInzage"}},
      {"apotheek",
       "mp9",
       "Apotheek Centrum",
       "90000402",
       "Utrecht",
       "030-0000402",
       {"medicatieoverdracht-gf", std::string(net::contract::kPrescriptionService)}},
      {"ziekenhuis", "mp9", "Ziekenhuis Rivierenland", "90000403", "Tiel", "0344-000403", {"medicatieoverdracht-gf"}},
      // The nursing home's own record (MP-MGO): it receives what a release tells the home; it is
      // not a source of the overview (it is on no retrieval service).
      {"ecd",
       "ecd",
       "ECD Tést Zorginstelling 01",
       "90000380",
       "Utrecht",
       "030-0000380",
       {std::string(net::contract::kMedicationDataService)}}};
  w.holders.reserve(holders.size());
  m_data.reserve(holders.size());
  for (const auto& spec : holders) {
    HolderInfo h;
    h.id = spec.id;
    h.kind = spec.kind;
    h.name = spec.name;
    h.ura = spec.ura;
    h.city = spec.city;
    h.phone = spec.phone;
    h.services = spec.services;
    h.didKey = Must(jose::Key::GenerateEcP256());
    w.holders.push_back(std::move(h));
    auto data = HolderData::Load(options.dataDir, std::string(spec.id) + ".json");
    if (!data) return data.error();
    m_data.push_back(std::move(data).value());
  }

  if (!options.knooppuntDir.empty()) {
    auto policy = KnooppuntPolicy::Load(options.knooppuntDir);
    if (!policy) return policy.error();
    w.knooppunt = std::move(policy).value();
    w.knooppuntPresentation = options.knooppuntPresentation;
  }

  auto& dezi = NewServer(ca, "dezi.sandbox");
  RegisterDezi(dezi.routes(), w);
  auto& node = NewServer(ca, "nuts-node.sandbox");
  RegisterNodeInbound(node.routes(), w);
  RegisterNode(node.routes(), w);
  RegisterControl(node.routes(), w);
  RegisterAddressDirectory(node.routes(), w);
  for (std::size_t i = 0; i < w.holders.size(); ++i) {
    const auto issued = Must(ca.IssueServer(w.holders[i].id + ".sandbox", {"IP:127.0.0.1"}));
    m_holderServers.push_back(Must(net::http::TlsServer::Create(issued.certificatePem, issued.keyPem)));
    RegisterHolder(m_holderServers.back()->routes(), w, w.holders[i], m_data[i]);
    w.holders[i].behaviour.access = m_data[i].accessDecisions();
    w.holderData[w.holders[i].id] = &m_data[i];
  }
  m_ca = ca;
  w.restartHolder = [this](const std::string& id, const std::string& mode) { return RestartHolder(id, mode); };
  {
    // URLs are known only after binding; hold the lock so no request sees them half-filled.
    std::lock_guard lock(w.mutex);
    w.deziIssuer = "https://" + options.host + ":" + std::to_string(StartServer(dezi));
    w.nodeUrl = "https://" + options.host + ":" + std::to_string(StartServer(node));
    const std::string didHost = "did:web:" + options.host + "%3A" + std::to_string(node.port());
    for (auto& subject : w.subjects) {
      subject.did = didHost + ":iam:" + jose::RandomUuid();
      subject.kid = subject.did + "#" + jose::RandomUuid();
    }
    for (std::size_t i = 0; i < w.holders.size(); ++i) {
      HolderInfo& h = w.holders[i];
      m_holderPorts.push_back(StartServer(*m_holderServers[i]));
      h.fhirBase = "https://" + options.host + ":" + std::to_string(m_holderPorts.back()) + "/fhir";
      h.authServer = w.nodeUrl + "/oauth2/" + h.id;
      h.did = didHost + ":iam:" + jose::RandomUuid();
    }
  }

  const fs::path caFile = dir / "ca.pem";
  // nginx in front of the gateway verifies it by name (it has no IP-SAN check): with no DNS name
  // among the alternative names, OpenSSL checks the subject's CN, "zorgbrug-gateway".
  const auto gatewayTls = Must(ca.IssueServer("zorgbrug-gateway", {"IP:127.0.0.1"}));
  bool ok = WriteFile(caFile, ca.certificatePem(), false) &&
            WriteFile(dir / "gateway-tls.pem", gatewayTls.certificatePem, false) &&
            WriteFile(dir / "gateway-tls-key.pem", gatewayTls.keyPem, true) &&
            WriteFile(dir / "userinfo-key.pem", userinfoKey.PrivatePem(), true) &&
            WriteFile(dir / "token-v2-key.pem", tokenV2Key.PrivatePem(), true) &&
            WriteFile(dir / "token-v2-key-b.pem", tokenV2KeyB.PrivatePem(), true) &&
            WriteFile(dir / "authorized_keys",
                      tokenV2Key.OpenSshLine("zorgbrug-gateway") + "\n" +
                          tokenV2KeyB.OpenSshLine("zorgbrug-gateway-b") + "\n",
                      false);
  // A state folder used again keeps its audit keys: the trails there are chained with them.
  // Likewise the keys of what the gateways keep (pharmacies' answers, on-call reports).
  for (const char* name : {"audit-key.bin", "inbound-key.bin", "audit-key-b.bin", "inbound-key-b.bin"})
    ok = ok && (fs::exists(dir / name) || WriteFile(dir / name, jose::RandomToken(32), true));
  json gateway{{"listen", {{"host", "127.0.0.1"}, {"port", 0}}},
               {"tls", {{"certificate", "gateway-tls.pem"}, {"key", "gateway-tls-key.pem"}}},
               {"trust", {{"ca_file", "ca.pem"}}},
               {"organisation", {{"ura", "90000380"}, {"name", "Tést Zorginstelling 01"}}},
               {"dezi",
                {{"issuer", w.deziIssuer},
                 {"client_id", w.deziClientId},
                 {"redirect_uris", w.deziRedirectUris},
                 {"userinfo_decryption_key", "userinfo-key.pem"},
                 {"allowed_jku", {w.deziIssuer + "/dezi/jwks.json"}},
                 {"envelope_issuers", {"auth.dezi.nl", "https://auth.dezi.nl"}},
                 {"accept_unencrypted_userinfo", false}}},
               {"roles",
                {{"login", {"01.047", "01.056", "01.015", "00.000"}},
                 {"relay", {"01.047", "01.056", "01.015"}},
                 {"release", {"01.047", "01.056", "01.015"}}}},
               {"nuts",
                {{"internal_api", w.nodeUrl},
                 {"subject", w.Own().id},
                 {"token_v2", {{"key", "token-v2-key.pem"}, {"issuer", "zorgbrug-gateway"}, {"audience", w.audience}}},
                 {"user_identity", options.nodeVariant == "gf" ? "dezi-id-token" : "employee-credential"},
                 {"token_type", "DPoP"},
                 // The sandbox's holders live on 127.0.0.1; a real organisation's do not.
                 {"allow_private_holder_addresses", true}}},
               {"discovery",
                {{{"service", "HuisartsVVTInzage"}, {"scope", "HuisartsVVTInzage"}},
                 {{"service", "medicatieoverdracht-gf"}, {"scope", "medicatieoverdracht-gf"}},
                 {{"service", net::contract::kPrescriptionService}, {"scope", net::contract::kPrescriptionService}},
                 {{"service", net::contract::kMedicationDataService}, {"scope", net::contract::kMedicationDataService}},
                 {{"service", net::contract::kReportService}, {"scope", net::contract::kReportPullScope}}}},
               {"address_directory", {{"fhir_base", w.nodeUrl + "/mcsd"}}},
               {"session", {{"lifetime_minutes", 480}}},
               {"inbound", {{"directory", "inbound"}, {"key", "inbound-key.bin"}}},
               {"audit", {{"file", "audit.jsonl"}, {"key", "audit-key.bin"}}}};
  if (w.knooppuntPresentation) {
    // The holders' policy is the knooppunt's: the gateway presents the patient's enrolment (the
    // organisation's register, here the demo register) and the user's delegation.
    gateway["enrollment"] = {{"register_file", fs::absolute(fs::path(options.dataDir) / "register.json").string()}};
    for (auto& d : gateway["discovery"]) {
      if (d["service"] == "medicatieoverdracht-gf") d["presentation"] = "knooppunt";
    }
  }
  // The second organisation's gateway: the same world, its own subject, keys, trail and store.
  json gatewayB = gateway;
  // Its SO teams, to which the covering physician can address a report (docs/waarneem-ig.md §5a).
  gatewayB["organisation"] = {
      {"ura", w.subjects[1].ura},
      {"name", w.subjects[1].name},
      {"teams", json::array({{{"id", "so-berk"}, {"name", "SO-team De Berk"}, {"location", "Locatie De Berk"}},
                             {{"id", "so-eik"}, {"name", "SO-team De Eik"}, {"location", "Locatie De Eik"}}})}};
  gatewayB["nuts"]["subject"] = w.subjects[1].id;
  gatewayB["nuts"]["token_v2"] = {
      {"key", "token-v2-key-b.pem"}, {"issuer", "zorgbrug-gateway-b"}, {"audience", w.audience}};
  gatewayB["inbound"] = {{"directory", "inbound-b"}, {"key", "inbound-key-b.bin"}};
  gatewayB["audit"] = {{"file", "audit-b.jsonl"}, {"key", "audit-key-b.bin"}};
  gatewayB.erase("enrollment");
  ok = ok && WriteFile(dir / "gateway.json", gateway.dump(2) + "\n", false) &&
       WriteFile(dir / "gateway-b.json", gatewayB.dump(2) + "\n", false);
  if (!ok) return MakeError(ErrorCode::kIo, "cannot write into the state directory " + dir.string());
  m_processing = std::make_unique<ProcessingSender>(w, fs::absolute(caFile).string());

  json holdersOut = json::object();
  for (const auto& h : w.holders) holdersOut[h.id] = {{"name", h.name}, {"ura", h.ura}, {"fhir_base", h.fhirBase}};
  m_description = {{"zorgbrug-sandbox", "ready"},
                   {"ca", fs::absolute(caFile).string()},
                   {"dezi", w.deziIssuer},
                   {"node", w.nodeUrl},
                   {"control", w.nodeUrl + "/__test"},
                   {"node_variant", w.nodeVariant},
                   {"holders", holdersOut},
                   {"gateway_config", fs::absolute(dir / "gateway.json").string()},
                   {"gateway_config_b", fs::absolute(dir / "gateway-b.json").string()},
                   {"authorized_keys", fs::absolute(dir / "authorized_keys").string()}};
  return true;
}

}  // namespace

domain::Result<std::unique_ptr<Sandbox>> Sandbox::Start(const SandboxOptions& options) {
  auto sandbox = std::make_unique<SandboxImpl>();
  try {
    auto ok = sandbox->Run(options);
    if (!ok) return ok.error();
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kIo, std::string("sandbox start failed: ") + e.what());
  }
  return std::unique_ptr<Sandbox>(std::move(sandbox));
}

}  // namespace zb::sandbox
