// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/config.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "domain/identifiers.h"
#include "net/http/client.h"

namespace zb::gateway {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using nlohmann::json;
namespace fs = std::filesystem;

// Walks "a.b.c" and reports the first problem with the setting's full name.
class Reader {
 public:
  Reader(const json& root, std::string dir) : m_root(root), m_dir(std::move(dir)) {}

  const json* Find(const std::string& path) const {
    const json* node = &m_root;
    std::size_t start = 0;
    while (true) {
      const auto dot = path.find('.', start);
      const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
      if (dot == std::string::npos) return node;
      start = dot + 1;
    }
  }
  std::string String(const std::string& path, bool required = true, const std::string& fallback = {}) {
    const json* n = Find(path);
    if (!n) {
      if (required) Fail(path, "is missing");
      return fallback;
    }
    if (!n->is_string() || n->get<std::string>().empty()) {
      Fail(path, "must be a non-empty string");
      return fallback;
    }
    return n->get<std::string>();
  }
  std::string File(const std::string& path, bool required = true) {
    std::string value = String(path, required);
    if (value.empty()) return value;
    fs::path p(value);
    if (p.is_relative()) p = fs::path(m_dir) / p;
    if (!fs::exists(p)) Fail(path, "names a file that does not exist: " + p.string());
    return p.string();
  }
  // A private key or secret: the gateway's own, readable by nobody else (a key that others could
  // read must be considered leaked, so the gateway does not start with it).
  std::string SecretFile(const std::string& path, bool required = true) {
    const std::string file = File(path, required);
    struct stat st {};
    if (!file.empty() && ::stat(file.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
      Fail(path, "names " + file + ", which group or others can read: run chmod 600 " + file +
                     " (and replace the key if others may have read it)");
    return file;
  }
  std::string Url(const std::string& path, bool allowLoopbackHttp = false) {
    std::string value = String(path);
    if (value.empty()) return value;
    auto url = net::http::ParseUrl(value);
    if (!url) {
      Fail(path, "is not a URL: " + url.error().detail);
    } else if (url->scheme != "https" && !(allowLoopbackHttp && net::http::IsLoopbackHost(url->host))) {
      Fail(path, "must be an https URL (plain http only to a node on loopback)");
    }
    while (!value.empty() && value.back() == '/') value.pop_back();
    return value;
  }
  std::vector<std::string> Strings(const std::string& path, bool required = true) {
    const json* n = Find(path);
    std::vector<std::string> out;
    if (!n) {
      if (required) Fail(path, "is missing");
      return out;
    }
    if (!n->is_array() || n->empty()) {
      Fail(path, "must be a non-empty list of strings");
      return out;
    }
    for (const auto& v : *n) {
      if (!v.is_string())
        Fail(path, "must contain only strings");
      else
        out.push_back(v.get<std::string>());
    }
    return out;
  }
  int Integer(const std::string& path, int fallback, int min, int max) {
    const json* n = Find(path);
    if (!n) return fallback;
    if (!n->is_number_integer() || n->get<int>() < min || n->get<int>() > max) {
      Fail(path, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return fallback;
    }
    return n->get<int>();
  }
  bool Boolean(const std::string& path, bool fallback) {
    const json* n = Find(path);
    if (!n) return fallback;
    if (!n->is_boolean()) Fail(path, "must be true or false");
    return n->is_boolean() ? n->get<bool>() : fallback;
  }
  void Fail(const std::string& path, const std::string& why) {
    if (m_error.empty()) m_error = "setting '" + path + "' " + why;
  }
  const std::string& error() const { return m_error; }

 private:
  const json& m_root;
  std::string m_dir;
  std::string m_error;
};

}  // namespace

bool GatewayConfig::RoleAllowed(const std::string& feature, const std::string& roleCode) const {
  auto it = roles.find(feature);
  return it != roles.end() && std::find(it->second.begin(), it->second.end(), roleCode) != it->second.end();
}

domain::Result<GatewayConfig> LoadConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kIo, "cannot read the configuration file " + path);
  const json root = json::parse(in, nullptr, false);
  if (!root.is_object()) return MakeError(ErrorCode::kInvalidFormat, path + " is not a JSON object");
  GatewayConfig c;
  c.configDir = fs::absolute(path).parent_path().string();
  Reader r(root, c.configDir);
  c.listenHost = r.String("listen.host", false, "127.0.0.1");
  c.listenPort = r.Integer("listen.port", 0, 0, 65535);
  c.keepAliveSeconds = r.Integer("listen.keep_alive_seconds", 5, 1, 300);
  c.headDeadlineSeconds = r.Integer("listen.head_deadline_seconds", 10, 1, 120);
  c.workers = r.Integer("listen.workers", 48, 1, 1024);
  c.maxQueued = r.Integer("listen.max_queued", 2048, 0, 100000);
  c.admissionQueueWaitMs = r.Integer("listen.admission_queue_wait_ms", 2000, 10, 60000);
  c.maxConnectionsPerClient = r.Integer("listen.max_connections_per_client", 1000, 1, 100000);
  c.loginAttemptsPerMinute = r.Integer("listen.login_attempts_per_minute", 30, 1, 100000);
  c.inboundCallsPerMinute = r.Integer("listen.inbound_calls_per_minute", 120, 1, 100000);
  if (r.Find("listen.trusted_proxies")) c.trustedProxies = r.Strings("listen.trusted_proxies");
  c.tlsCertificate = r.File("tls.certificate");
  c.tlsKey = r.SecretFile("tls.key");
  c.caFile = r.File("trust.ca_file", false);
  c.ura = r.String("organisation.ura");
  if (!c.ura.empty() && !domain::Ura::Parse(c.ura)) r.Fail("organisation.ura", "must be 8 digits (the URA)");
  c.organisationName = r.String("organisation.name");
  if (const json* teams = r.Find("organisation.teams")) {
    static const std::regex teamId("^[a-z0-9-]{1,64}$");
    if (!teams->is_array()) r.Fail("organisation.teams", "must list {id, name, location}");
    for (std::size_t i = 0; teams->is_array() && i < teams->size(); ++i) {
      const json& t = (*teams)[i];
      const std::string at = "organisation.teams." + std::to_string(i);
      ConfigTeam team;
      if (t.is_object()) {
        team.id = t.value("id", json()).is_string() ? t["id"].get<std::string>() : "";
        team.name = t.value("name", json()).is_string() ? t["name"].get<std::string>() : "";
        team.location = t.value("location", json()).is_string() ? t["location"].get<std::string>() : "";
      }
      if (!std::regex_match(team.id, teamId)) r.Fail(at + ".id", "must be 1 to 64 of a-z, 0-9 and -");
      if (team.name.empty()) r.Fail(at + ".name", "must name the team as the senders will see it");
      for (const auto& other : c.teams)
        if (other.id == team.id) r.Fail(at + ".id", "'" + team.id + "' is used twice");
      c.teams.push_back(std::move(team));
    }
  }
  c.deziIssuer = r.Url("dezi.issuer");
  c.deziClientId = r.String("dezi.client_id");
  c.redirectUris = r.Strings("dezi.redirect_uris");
  c.userinfoKeyFile = r.SecretFile("dezi.userinfo_decryption_key");
  c.allowedJku = r.Strings("dezi.allowed_jku");
  for (const auto& jku : c.allowedJku) {
    if (jku.rfind("https://", 0) != 0) r.Fail("dezi.allowed_jku", "must list https URLs only: " + jku);
  }
  const std::string issuerHost = c.deziIssuer.substr(c.deziIssuer.find("://") + 3);
  c.envelopeIssuers = r.Find("dezi.envelope_issuers") ? r.Strings("dezi.envelope_issuers")
                                                      : std::vector<std::string>{c.deziIssuer, issuerHost};
  c.acceptUnencryptedUserinfo = r.Boolean("dezi.accept_unencrypted_userinfo", false);
  static const std::regex roleCode("^[0-9]{2}\\.[0-9]{3}$");
  for (const char* feature : {"login", "relay", "release"}) {
    // Sending a release is optional: a gateway without roles.release lets nobody send one.
    if (std::string(feature) == "release" && !r.Find("roles.release")) continue;
    c.roles[feature] = r.Strings(std::string("roles.") + feature);
    for (const auto& role : c.roles[feature]) {
      if (!std::regex_match(role, roleCode))
        r.Fail(std::string("roles.") + feature, "holds '" + role + "', not a role code NN.NNN");
    }
  }
  c.nodeUrl = r.Url("nuts.internal_api", true);
  c.subject = r.String("nuts.subject");
  c.tokenV2Key = r.SecretFile("nuts.token_v2.key");
  c.tokenV2Issuer = r.String("nuts.token_v2.issuer");
  c.tokenV2Audience = r.String("nuts.token_v2.audience");
  const std::string identity = r.String("nuts.user_identity", false, "employee-credential");
  if (identity == "dezi-id-token")
    c.userIdentity = UserIdentity::kDeziIdToken;
  else if (identity != "employee-credential")
    r.Fail("nuts.user_identity", "must be employee-credential or dezi-id-token");
  c.allowPrivateHolderAddresses = r.Boolean("nuts.allow_private_holder_addresses", false);
  c.tokenType = r.String("nuts.token_type", false, "DPoP");
  if (c.tokenType != "DPoP" && c.tokenType != "Bearer") r.Fail("nuts.token_type", "must be DPoP or Bearer");
  const json* discovery = r.Find("discovery");
  if (!discovery || !discovery->is_array() || discovery->empty()) {
    r.Fail("discovery", "must list the Discovery Services to search ({service, scope})");
  } else {
    for (std::size_t i = 0; i < discovery->size(); ++i) {
      const std::string base = "discovery." + std::to_string(i);
      const json& d = (*discovery)[i];
      if (!d.is_object() || !d.value("service", json()).is_string() || !d.value("scope", json()).is_string()) {
        r.Fail("discovery[" + std::to_string(i) + "]", "needs string members service and scope");
      } else {
        const std::string presentation = d.value("presentation", "");
        if (!presentation.empty() && presentation != "knooppunt")
          r.Fail("discovery[" + std::to_string(i) + "].presentation", "must be \"knooppunt\" or absent");
        c.discovery.push_back({d["service"], d["scope"], presentation == "knooppunt"});
      }
    }
  }
  c.enrollmentRegister = r.File("enrollment.register_file", false);
  for (const auto& d : c.discovery) {
    if (d.knooppuntPresentation && c.enrollmentRegister.empty())
      r.Fail("enrollment.register_file",
             "is needed: Discovery Service " + d.service + " uses the knooppunt presentation");
  }
  if (r.Find("address_directory")) c.addressDirectory = r.Url("address_directory.fhir_base");
  c.sessionMinutes = r.Integer("session.lifetime_minutes", 480, 5, 24 * 60);
  c.sessionIdleSeconds = r.Integer("session.idle_seconds", 1800, 2, 24 * 3600);
  if (r.Find("inbound")) {
    c.inboundDirectory = r.String("inbound.directory");
    if (!c.inboundDirectory.empty() && fs::path(c.inboundDirectory).is_relative())
      c.inboundDirectory = (fs::path(c.configDir) / c.inboundDirectory).string();
    c.inboundKeyFile = r.SecretFile("inbound.key");
    if (r.Find("inbound.public_url")) c.publicUrl = r.Url("inbound.public_url");
  }
  c.auditFile = r.String("audit.file");
  if (!c.auditFile.empty() && fs::path(c.auditFile).is_relative())
    c.auditFile = (fs::path(c.configDir) / c.auditFile).string();
  c.auditKeyFile = r.SecretFile("audit.key");
  c.auditHeadFile = r.String("audit.head_file", false, c.auditFile.empty() ? "" : c.auditFile + ".head");
  if (!c.auditHeadFile.empty() && fs::path(c.auditHeadFile).is_relative())
    c.auditHeadFile = (fs::path(c.configDir) / c.auditHeadFile).string();
  c.auditMinFreeMegabytes = r.Integer("audit.min_free_megabytes", 1024, 0, 1 << 30);
  if (!r.error().empty()) return MakeError(ErrorCode::kInvalidFormat, path + ": " + r.error());
  return c;
}

}  // namespace zb::gateway
