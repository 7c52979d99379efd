// SPDX-License-Identifier: GPL-3.0-or-later
// The node's side of what other organisations send us (nuts.md §2; nuts-node auth v2, discovery v1):
// our organisation activates a Discovery Service with its endpoint, and our resource server (the
// gateway) introspects a token our authorization server issued to another organisation and has
// the node validate its DPoP proof. The token itself is issued by a function call from the
// sending holder (processing_sender.cpp), as the vp_token-bearer leg between nodes is elsewhere.
#include <algorithm>

#include "dpop_check.h"
#include "net/http/client.h"
#include "world.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;

void ServeActivate(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!AuthenticateInternalCaller(world, req, res)) return;
  const std::string service = req.matches[1], subject = net::http::UrlDecode(req.matches[2].str());
  Subject* s = world.FindSubject(subject);
  if (!s) return Problem(res, 404, "Not found", "unknown subject " + subject);
  const json body = json::parse(req.body, nullptr, false);
  const json params = body.is_object() ? body.value("registrationParameters", json::object()) : json();
  if (!params.is_object()) return Problem(res, 400, "Invalid request", "registrationParameters must be an object");
  s->activations[service] = params;
  world.Count("node.activations");
  res.status = 200;
}

void ServeIntrospect(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!AuthenticateInternalCaller(world, req, res)) return;
  world.Count("node.introspections");
  const std::string token = req.get_param_value("token");
  auto it = world.tokens.find(token);
  json out{{"active", false}};
  // A token any of this node's subjects' authorization servers issued; `iss` says which, so the
  // resource server checks it was its own organisation's (a node serves several).
  const bool ours = it != world.tokens.end() &&
                    std::any_of(world.subjects.begin(), world.subjects.end(),
                                [&](const Subject& s) { return it->second.authServer == AuthServerOf(world, s); });
  if (ours && it->second.expiresAt > Now()) {
    const IssuedToken& t = it->second;
    out = {{"active", true},   {"iss", t.authServer}, {"client_id", t.clientId},
           {"scope", t.scope}, {"exp", t.expiresAt},  {"iat", t.expiresAt - 900}};
    if (!t.jkt.empty()) out["cnf"] = {{"jkt", t.jkt}};
    for (const auto& [k, v] : t.claims.items()) out[k] = v;
    if (t.employee.is_object())
      for (const auto& [k, v] : t.employee.items()) out[k] = v;
  }
  res.set_content(out.dump(), "application/json");
}

void ServeDpopValidate(World& world, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(world.mutex);
  if (!AuthenticateInternalCaller(world, req, res)) return;
  const json body = json::parse(req.body, nullptr, false);
  for (const char* member : {"dpop_proof", "method", "thumbprint", "token", "url"}) {
    if (!body.is_object() || !body.value(member, json()).is_string())
      return Problem(res, 400, "Invalid request", std::string(member) + " is required");
  }
  const auto expected = net::http::ParseUrl(body["url"].get<std::string>());
  const std::string problem = DpopProofProblem(
      body["dpop_proof"], body["token"], body["thumbprint"], body["method"],
      [&](const net::http::UrlParts& htu) {
        return expected && htu.host == expected->host && htu.port == expected->port && htu.path == expected->path;
      },
      world.seenDpopJti["node-validate"]);
  json out{{"valid", problem.empty()}};
  if (!problem.empty()) out["reason"] = problem;
  res.set_content(out.dump(), "application/json");
}

}  // namespace

void RegisterNodeInbound(httplib::Server& server, World& world) {
  server.Post(R"(/internal/discovery/v1/([^/]+)/([^/]+))",
              [&world](const httplib::Request& req, httplib::Response& res) { ServeActivate(world, req, res); });
  server.Post("/internal/auth/v2/accesstoken/introspect",
              [&world](const httplib::Request& req, httplib::Response& res) { ServeIntrospect(world, req, res); });
  server.Post("/internal/auth/v2/dpop/validate",
              [&world](const httplib::Request& req, httplib::Response& res) { ServeDpopValidate(world, req, res); });
}

}  // namespace zb::sandbox
