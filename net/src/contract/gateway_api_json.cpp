// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/contract/gateway_api_json.h"

namespace zb::net::contract {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using nlohmann::json;

// Reads an object's members by name, remembering the first that is missing or not a string.
class Members {
 public:
  explicit Members(const json& object) : m_object(object) {}
  std::string Text(const char* name, bool required = true) {
    const auto it = m_object.find(name);
    if (it != m_object.end() && it->is_string()) return it->get<std::string>();
    if ((required || it != m_object.end()) && m_problem.empty())
      m_problem = std::string("member '") + name + "' is missing or not a string";
    return {};
  }
  std::int64_t Integer(const char* name) {
    const auto it = m_object.find(name);
    if (it != m_object.end() && it->is_number_integer()) return it->get<std::int64_t>();
    if (m_problem.empty()) m_problem = std::string("member '") + name + "' is missing or not an integer";
    return 0;
  }
  const std::string& problem() const { return m_problem; }

 private:
  const json& m_object;
  std::string m_problem;
};

domain::Result<json> Object(std::string_view body) {
  json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) return MakeError(ErrorCode::kInconsistent, "the answer is not a JSON object");
  return parsed;
}

domain::Error Invalid(const std::string& problem) { return MakeError(ErrorCode::kInconsistent, problem); }

SessionUser ReadUser(const json& object, Members& check) {
  if (!object.is_object()) {
    Members missing(json::object());
    (void)missing.Text("user");
    return {};
  }
  Members m(object);
  SessionUser u{m.Text("dezi_number"),    m.Text("display_name"), m.Text("initials", false), m.Text("prefix", false),
                m.Text("surname", false), m.Text("role_code"),    m.Text("role_name"),       m.Text("ura"),
                m.Text("organisation")};
  if (!m.problem().empty()) (void)check.Text(("user." + m.problem()).c_str());
  return u;
}

}  // namespace

json ToJson(const Problem& problem) {
  return {{"type", "https://zorgbrug.nl/problems/" + problem.code},
          {"title", problem.code},
          {"status", problem.status},
          {"detail", problem.detail},
          {"code", problem.code}};
}

json ToJson(const LoginConfiguration& c) {
  return {{"issuer", c.issuer},
          {"authorization_endpoint", c.authorizationEndpoint},
          {"client_id", c.clientId},
          {"scope", c.scope},
          {"redirect_uris", c.redirectUris},
          {"code_challenge_method", c.codeChallengeMethod},
          {"organisation", {{"ura", c.organisation.ura}, {"name", c.organisation.name}}}};
}

json ToJson(const LoginRequest& r) {
  return {{"code", r.code}, {"code_verifier", r.codeVerifier}, {"redirect_uri", r.redirectUri}, {"nonce", r.nonce}};
}

json ToJson(const SessionUser& u) {
  return {
      {"dezi_number", u.deziNumber},   {"display_name", u.displayName}, {"initials", u.initials},  {"prefix", u.prefix},
      {"surname", u.surname},          {"role_code", u.roleCode},       {"role_name", u.roleName}, {"ura", u.ura},
      {"organisation", u.organisation}};
}

json ToJson(const SessionInfo& s) {
  json out{{"expires_at", s.expiresAt}, {"user", ToJson(s.user)}, {"permissions", s.permissions}};
  if (!s.token.empty()) out["session_token"] = s.token;
  return out;
}

json ToJson(const std::vector<DirectoryEntry>& entries) {
  json holders = json::array();
  for (const auto& h : entries) {
    json entry{
        {"service", h.service}, {"ura", h.ura}, {"name", h.name}, {"city", h.city}, {"fhir_base_url", h.fhirBaseUrl}};
    if (!h.phone.empty()) entry["phone"] = h.phone;
    holders.push_back(std::move(entry));
  }
  return {{"holders", holders}};
}

std::optional<Problem> ReadProblem(int status, std::string_view body) {
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) return std::nullopt;
  const auto code = parsed.find("code");
  if (code == parsed.end() || !code->is_string()) return std::nullopt;
  Problem p{status, code->get<std::string>(), {}};
  const auto detail = parsed.find("detail");
  if (detail != parsed.end() && detail->is_string()) p.detail = detail->get<std::string>();
  return p;
}

domain::Result<LoginConfiguration> ReadLoginConfiguration(std::string_view body) {
  auto object = Object(body);
  if (!object) return object.error();
  const json& j = object.value();
  Members m(j);
  LoginConfiguration c;
  c.issuer = m.Text("issuer");
  c.authorizationEndpoint = m.Text("authorization_endpoint");
  c.clientId = m.Text("client_id");
  c.scope = m.Text("scope", false);
  c.codeChallengeMethod = m.Text("code_challenge_method", false);
  const auto uris = j.find("redirect_uris");
  if (uris != j.end() && uris->is_array()) {
    for (const auto& u : *uris) {
      if (u.is_string()) c.redirectUris.push_back(u.get<std::string>());
    }
  }
  const auto org = j.find("organisation");
  if (org != j.end() && org->is_object()) {
    Members o(*org);
    c.organisation = {o.Text("ura"), o.Text("name")};
    if (!o.problem().empty()) return Invalid("organisation." + o.problem());
  } else {
    return Invalid("member 'organisation' is missing or not an object");
  }
  if (!m.problem().empty()) return Invalid(m.problem());
  return c;
}

domain::Result<LoginRequest> ReadLoginRequest(std::string_view body) {
  auto object = Object(body);
  if (!object) return MakeError(ErrorCode::kInvalidFormat, "body must be a JSON object");
  Members m(object.value());
  // Missing members are left empty: the login validation says which check they fail.
  return LoginRequest{m.Text("code", false), m.Text("code_verifier", false), m.Text("redirect_uri", false),
                      m.Text("nonce", false)};
}

domain::Result<SessionInfo> ReadSessionInfo(std::string_view body, bool tokenRequired) {
  auto object = Object(body);
  if (!object) return object.error();
  const json& j = object.value();
  Members m(j);
  SessionInfo s;
  s.token = m.Text("session_token", tokenRequired);
  s.expiresAt = m.Integer("expires_at");
  const auto user = j.find("user");
  s.user = ReadUser(user == j.end() ? json() : *user, m);
  // Older gateways send no permissions: then nothing is assumed allowed beyond what they refuse.
  const auto permissions = j.find("permissions");
  if (permissions != j.end() && permissions->is_array()) {
    for (const auto& p : *permissions) {
      if (p.is_string()) s.permissions.push_back(p.get<std::string>());
    }
  }
  if (!m.problem().empty()) return Invalid(m.problem());
  return s;
}

domain::Result<std::vector<DirectoryEntry>> ReadDirectory(std::string_view body) {
  auto object = Object(body);
  if (!object) return object.error();
  const auto holders = object.value().find("holders");
  if (holders == object.value().end() || !holders->is_array()) {
    return Invalid("member 'holders' is missing or not an array");
  }
  std::vector<DirectoryEntry> out;
  for (const auto& h : *holders) {
    if (!h.is_object()) return Invalid("an entry of 'holders' is not an object");
    Members m(h);
    DirectoryEntry e{
        m.Text("service"),     m.Text("ura"), m.Text("name"), m.Text("city", false), m.Text("fhir_base_url", false),
        m.Text("phone", false)};
    if (!m.problem().empty()) return Invalid("holders[" + std::to_string(out.size()) + "]." + m.problem());
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace zb::net::contract
