// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's HTTPS JSON API (docs/gateway-api.yaml) and its wiring.
#include "gateway/gateway.h"

#include <sys/statvfs.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "clock.h"
#include "dezi_login.h"
#include "gateway/audit_log.h"
#include "net/contract/gateway_api_json.h"
#include "net/contract/release_services.h"
#include "net/contract/waarneem_services.h"
#include "net/http/async_server.h"
#include "net/jose/base64url.h"
#include "net/json_member.h"
#include "nuts_client.h"
#include "peer_call.h"
#include "processing_inbound.h"
#include "rate_limiter.h"
#include "relay.h"
#include "report_receiver.h"
#include "report_sender.h"
#include "report_teams.h"
#include "session_proof.h"
#include "sessions.h"

namespace zb::gateway {
namespace {

using domain::ErrorCode;
using domain::MakeError;
using net::StringMember;
using nlohmann::json;
namespace contract = net::contract;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using net::http::ServerRequest;
using net::http::ServerResponse;

// What an endpoint may receive: a login request is four short strings; a relayed search a short form.
constexpr std::size_t kMaxLoginBody = 16 * 1024;
constexpr std::size_t kMaxSearchBody = 16 * 1024;
// A release is one patient's transaction Bundle: a few dozen resources, far below this.
constexpr std::size_t kMaxReleaseBody = 2 * 1024 * 1024;
// An on-call report: its document (a few dozen kB) and its PDF, base64url in JSON.
constexpr std::size_t kMaxReportBody = 8 * 1024 * 1024;
// A notification Task or an acknowledgement: a small resource.
constexpr std::size_t kMaxTaskBody = 64 * 1024;

void SendProblem(ServerResponse& res, const domain::Error& e) {
  res.status = e.status;
  res.contentType = "application/problem+json";
  res.body = contract::ToJson(contract::Problem{e.status, e.problem, e.detail}).dump();
}

void SendJson(ServerResponse& res, std::string body, int status = 200) {
  res.status = status;
  res.contentType = "application/json";
  res.body = std::move(body);
}

// The features of the gateway this user's role may use (roles.<feature> in the configuration).
std::vector<std::string> PermissionsOf(const GatewayConfig& config, const Identity& u) {
  std::vector<std::string> out;
  if (config.RoleAllowed("relay", u.roleCode)) out.emplace_back(contract::kPermissionRetrieve);
  if (config.RoleAllowed("release", u.roleCode)) out.emplace_back(contract::kPermissionRelease);
  return out;
}

contract::SessionUser UserOf(const Identity& u) {
  return {u.deziNumber, u.DisplayName(), u.initials, u.prefix,      u.surname,
          u.roleCode,   u.roleName,      u.ura,      u.organisation};
}

// Outgoing calls: 32 MB is far beyond any patient's medication record; a larger answer is refused
// while it arrives, so one holder cannot exhaust the gateway's memory. Plain http only where
// `loopbackHttp` (the node's internal API, whose URL LoadConfig checked).
net::http::ClientOptions Outgoing(const GatewayConfig& config, bool loopbackHttp) {
  return {config.caFile, std::chrono::milliseconds(5000), std::chrono::milliseconds(20000), 32U << 20, loopbackHttp};
}

class GatewayImpl final : public Gateway {
 public:
  GatewayImpl(const GatewayConfig& config, net::jose::Key userinfoKey, net::jose::Key tokenV2Key,
              std::unique_ptr<AuditLog> audit, std::unique_ptr<ProcessingInbox> inbox,
              std::unique_ptr<SealedShelf> reportsOut, std::unique_ptr<SealedShelf> reportsIn)
      : m_config(config),
        // DEZI, the holders and the address directory: https only.
        m_http(Outgoing(config, false)),
        m_nodeHttp(Outgoing(config, true)),
        m_audit(std::move(audit)),
        m_dezi(m_config, m_http, std::move(userinfoKey)),
        m_nuts(m_config, m_nodeHttp, std::move(tokenV2Key)),
        m_relay(m_config, m_http, m_nuts, *m_audit),
        m_inbox(std::move(inbox)),
        m_peers(m_relay, m_nuts, m_http),
        m_reportsOut(std::move(reportsOut)),
        m_reportsIn(std::move(reportsIn)) {
    if (m_inbox) m_inbound = std::make_unique<InboundProcessing>(m_nuts, *m_audit, *m_inbox, m_config.subject);
  }
  ~GatewayImpl() override { Stop(); }

  domain::Result<bool> Listen() {
    net::http::AsyncServerOptions options;
    options.keepAlive = std::chrono::seconds(m_config.keepAliveSeconds);
    options.workers = m_config.workers;
    options.headDeadline = std::chrono::seconds(m_config.headDeadlineSeconds);
    options.maxQueued = m_config.maxQueued;
    options.admissionQueueWait = std::chrono::milliseconds(m_config.admissionQueueWaitMs);
    options.maxConnectionsPerClient = static_cast<std::size_t>(m_config.maxConnectionsPerClient);
    options.trustedProxies = m_config.trustedProxies;
    options.refusal = [](int status, const std::string& code, const std::string& detail) {
      ServerResponse r;
      SendProblem(r, Failure(status, code, detail));
      return r;
    };
    auto server = net::http::AsyncServer::Create(ReadFile(m_config.tlsCertificate), ReadFile(m_config.tlsKey),
                                                 std::move(options));
    if (!server) return MakeError(server.error().code, "tls.certificate / tls.key: " + server.error().detail);
    m_server = std::move(server).value();
    Routes(*m_server);
    auto port = m_server->Start(m_config.listenHost, m_config.listenPort);
    if (!port) return MakeError(port.error().code, "listen: " + port.error().detail);
    m_url = "https://" + m_config.listenHost + ":" + std::to_string(port.value());
    if (m_reportsOut) {
      // Made now that the address is known; routes reach them only after this (null until then).
      m_reportSender = std::make_unique<ReportSender>(m_config, *m_reportsOut, m_peers, m_nuts, *m_audit, ReportBase());
      m_reportReceiver =
          std::make_unique<ReportReceiver>(m_config, *m_reportsIn, m_peers, m_nuts, *m_audit, ReportBase());
      m_reportsReady = true;
      auto activated = m_nuts.Activate(std::string(contract::kReportService), ReportBase());
      if (!activated)
        std::clog << "reports: not registered on " << contract::kReportService << ": " << activated.error().detail
                  << "\n";
    }
    if (m_inbound) {
      // Pharmacies find where to send their processing answers on Discovery. A node that is down
      // now does not stop the gateway: logins and lookups work, the registration is logged missing.
      auto activated = m_nuts.Activate(std::string(contract::kProcessingService), InboundUrl());
      if (!activated)
        std::clog << "inbound: not registered on " << contract::kProcessingService << ": " << activated.error().detail
                  << "\n";
    }
    return true;
  }
  std::string InboundUrl() const {
    return (m_config.publicUrl.empty() ? m_url : m_config.publicUrl) + std::string(contract::kInboundBase);
  }
  std::string ReportBase() const {
    return (m_config.publicUrl.empty() ? m_url : m_config.publicUrl) + std::string(contract::kReportBase);
  }
  std::string Url() const override { return m_url; }
  void Stop() override {
    if (m_server) m_server->Stop();
    m_reportSender.reset();  // stops its retry thread
  }

 private:
  std::int64_t AuditDiskFreeMegabytes() const {
    struct statvfs fs {};
    const std::string dir = std::filesystem::path(m_config.auditFile).parent_path().string();
    if (statvfs(dir.empty() ? "." : dir.c_str(), &fs) != 0) return -1;
    return static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize) / (1024 * 1024);
  }

  bool Audit(json record) {
    auto ok = m_audit->Append(std::move(record));
    if (!ok) std::clog << "AUDIT FAILURE: " << ok.error().detail << "\n";
    return ok.ok();
  }

  // The session token of "Authorization: DPoP <token>" (or the older "Bearer", refused below).
  static std::string SessionToken(const ServerRequest& req) {
    const std::string auth = req.Header("Authorization");
    for (const char* scheme : {"DPoP ", "Bearer "})
      if (auth.rfind(scheme, 0) == 0) return auth.substr(std::string_view(scheme).size());
    return {};
  }

  static ProofTarget TargetOf(const ServerRequest& req, std::string_view token) {
    const std::string_view target = req.target;
    return {req.method, req.Header("Host"), target.substr(0, target.find('?')), token};
  }

  // The session a request belongs to, when its token is valid and it carries a fresh proof made
  // with the key the session is bound to; otherwise a 401 is written to `res`.
  std::optional<Session> Authorised(const ServerRequest& req, ServerResponse& res) {
    const std::string token = SessionToken(req);
    std::optional<Session> session;
    if (!token.empty()) session = m_sessions.Find(token);
    if (!session) {
      res.Set("WWW-Authenticate", "DPoP algs=\"ES256\"");
      SendProblem(res, Failure(401, "session_invalid", "no valid session: log in again"));
      return std::nullopt;
    }
    auto refuse = [&](const domain::Error& e) {
      res.Set("WWW-Authenticate", "DPoP error=\"invalid_dpop_proof\", algs=\"ES256\"");
      std::clog << "request refused: " << e.detail << "\n";
      SendProblem(res, e);
      return std::nullopt;
    };
    if (req.Header("Authorization").rfind("DPoP ", 0) != 0)
      return refuse(
          Failure(401, "session_proof_invalid",
                  "session proof (DPoP): the session is bound to a key; send Authorization: DPoP with a proof"));
    auto proof = CheckSessionProof(req.Header("DPoP"), TargetOf(req, token), Now());
    if (!proof) return refuse(proof.error());
    if (proof->jkt != session->jkt)
      return refuse(
          Failure(401, "session_proof_invalid", "session proof (DPoP): made with another key than the login's"));
    if (!m_proofReplays.FirstUse(*proof, Now()))
      return refuse(Failure(401, "session_proof_invalid", "session proof (DPoP): this proof was used before"));
    m_sessions.Touch(token);
    return session;
  }

  void Routes(net::http::AsyncServer& server) {
    server.Route("GET", "/health",
                 [](const ServerRequest&, ServerResponse& res) { SendJson(res, R"({"status":"ok"})"); });

    server.Route("GET", "/api/v1/login-configuration", [this](const ServerRequest&, ServerResponse& res) {
      auto discovery = m_dezi.Discovery();
      if (!discovery) return SendProblem(res, discovery.error());
      const json& d = discovery.value();
      contract::LoginConfiguration c;
      c.issuer = StringMember(d, "issuer");
      c.authorizationEndpoint = StringMember(d, "authorization_endpoint");
      c.clientId = m_config.deziClientId;
      c.redirectUris = m_config.redirectUris;
      c.organisation = {m_config.ura, m_config.organisationName};
      SendJson(res, contract::ToJson(c).dump());
    });

    server.Route(
        "POST", "/api/v1/sessions",
        [this](const ServerRequest& req, ServerResponse& res) {
          // Each attempt costs an audit record and calls to DEZI: a bounded number per address.
          if (const int wait = m_loginLimiter.Take(req.clientAddress); wait > 0) {
            res.Set("Retry-After", std::to_string(wait));
            return SendProblem(res, Failure(429, "too_many_requests", "too many login attempts from this address"));
          }
          auto body = contract::ReadLoginRequest(req.body);
          if (!body) return SendProblem(res, Failure(400, "login_request_invalid", body.error().detail));
          // The key the session will be bound to, proven before DEZI is asked anything.
          auto proof = CheckSessionProof(req.Header("DPoP"), TargetOf(req, {}), Now());
          if (proof && !m_proofReplays.FirstUse(*proof, Now()))
            proof = Failure(401, "session_proof_invalid", "session proof (DPoP): this proof was used before");
          if (!proof) {
            Audit({{"event", "login"},
                   {"client", req.clientAddress},
                   {"outcome", {{"status", 401}, {"error", proof.error().problem}}}});
            std::clog << "login refused: " << proof.error().detail << "\n";
            res.Set("WWW-Authenticate", "DPoP error=\"invalid_dpop_proof\", algs=\"ES256\"");
            return SendProblem(res, proof.error());
          }
          auto result = m_dezi.Login(LoginRequest{body->code, body->codeVerifier, body->redirectUri, body->nonce});
          if (!result) {
            const auto& f = result.error();
            Audit({{"event", "login"},
                   {"client", req.clientAddress},
                   {"outcome", {{"status", f.status}, {"error", f.problem}}}});
            std::clog << "login refused: " << f.problem << "\n";
            return SendProblem(res, f);
          }
          const Identity& user = result.value();
          const std::int64_t expires =
              std::min<std::int64_t>(Now() + m_config.sessionMinutes * 60, user.verklaringExpires);
          const std::string token = m_sessions.Create(user, expires, proof->jkt);
          if (!Audit({{"event", "login"},
                      {"client", req.clientAddress},
                      {"actor", {{"dezi_number", user.deziNumber}, {"role", user.roleCode}, {"ura", user.ura}}},
                      {"outcome", {{"status", 201}}}})) {
            return SendProblem(
                res, Failure(500, "audit_unavailable", "the audit trail cannot be written; no session without audit"));
          }
          std::clog << "login: role " << user.roleCode << "\n";
          SendJson(res,
                   contract::ToJson(contract::SessionInfo{token, expires, UserOf(user), PermissionsOf(m_config, user)})
                       .dump(),
                   201);
        },
        kMaxLoginBody);

    server.Route("GET", "/api/v1/session", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      SendJson(res, contract::ToJson(contract::SessionInfo{"", session->expiresAt, UserOf(session->user),
                                                           PermissionsOf(m_config, session->user)})
                        .dump());
    });

    server.Route("DELETE", "/api/v1/session", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      m_sessions.Remove(SessionToken(req));
      Audit({{"event", "logout"},
             {"client", req.clientAddress},
             {"actor",
              {{"dezi_number", session->user.deziNumber},
               {"role", session->user.roleCode},
               {"ura", session->user.ura}}}});
      res.status = 204;
    });

    server.Route("GET", "/api/v1/directory", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      auto found = m_relay.Directory(req.Param("service"), req.Param("ura"), req.Param("name"));
      if (!found) return SendProblem(res, found.error());
      std::vector<contract::DirectoryEntry> entries;
      for (const auto& h : found.value()) entries.push_back({h.service, h.ura, h.name, h.city, h.fhirBase, h.phone});
      SendJson(res, contract::ToJson(entries).dump());
    });

    auto relay = [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      RelayRequest r{
          req.matches[1], req.matches[2], req.method, req.matches[3], req.query, req.body, req.Header("Content-Type")};
      // The desktop says how long it still waits; the holder gets no longer than that, so a slow
      // holder is given up here (with a reason) instead of being left running after the client went.
      const std::string wait = req.Header(contract::kTimeoutHeader);
      if (!wait.empty() && wait.size() < 9 && wait.find_first_not_of("0123456789") == std::string::npos) {
        r.timeout = std::chrono::milliseconds(std::max(100, std::stoi(wait)));
      }
      r.patient = req.Header(contract::kPatientHeader);
      r.client = req.clientAddress;
      auto result = m_relay.Perform(session->user, r);
      if (!result) return SendProblem(res, result.error());
      auto& out = result.value();
      res.status = static_cast<int>(out.status);
      if (out.retried) res.Set(std::string(contract::kTokenRenewedHeader), "true");
      if (!out.retryAfter.empty()) res.Set("Retry-After", out.retryAfter);
      res.contentType = out.contentType.empty() ? "application/fhir+json" : out.contentType;
      res.body = std::move(out.body);
    };
    const std::string pattern = R"(/api/v1/relay/([A-Za-z0-9._-]+)/([0-9]{8})/(.+))";
    server.Route("GET", pattern, relay);
    server.Route("POST", pattern, relay, kMaxSearchBody);

    // A release: one transaction Bundle to one receiver (relay_release.cpp).
    server.Route(
        "POST", R"(/api/v1/release/([A-Za-z0-9._-]+)/([0-9]{8}))",
        [this](const ServerRequest& req, ServerResponse& res) {
          auto session = Authorised(req, res);
          if (!session) return;
          DeliveryRequest d{req.matches[1], req.matches[2], req.body, req.Header(contract::kPatientHeader),
                            req.clientAddress};
          auto result = m_relay.Deliver(session->user, d);
          if (!result) return SendProblem(res, result.error());
          auto& out = result.value();
          res.status = static_cast<int>(out.status);
          res.contentType = out.contentType.empty() ? "application/fhir+json" : out.contentType;
          res.body = std::move(out.body);
        },
        kMaxReleaseBody);
    if (m_inbound) InboundRoutes(server);
    if (m_reportsOut) ReportRoutes(server);
  }

  // Another organisation's call: rate-limited per address (each is an introspection and an audit record).
  bool Throttled(const ServerRequest& req, ServerResponse& res) {
    const int wait = m_inboundLimiter.Take(req.clientAddress);
    if (wait <= 0) return false;
    res.status = 429;
    res.contentType = "application/fhir+json";
    res.body = OperationOutcomeText("throttled", "too many calls from this address; retry after the given seconds");
    res.Set("Retry-After", std::to_string(wait));
    return true;
  }
  static void Answer(ServerResponse& res, InboundAnswer answer) {
    res.status = answer.status;
    res.contentType = answer.contentType;
    res.body = std::move(answer.body);
    if (!answer.wwwAuthenticate.empty()) res.Set("WWW-Authenticate", answer.wwwAuthenticate);
  }
  static InboundCall CallOf(const ServerRequest& req) {
    return {req.Header("Authorization"), req.Header("DPoP"), "", req.body, req.clientAddress};
  }

  // On-call reports (report_sender.h, report_receiver.h): the desktops' API and the FHIR base
  // other organisations call.
  void ReportRoutes(net::http::AsyncServer& server) {
    const std::string base(contract::kReportBase);
    server.Route(
        "POST", base + "/Task",
        [this](const ServerRequest& req, ServerResponse& res) {
          if (!m_reportsReady) return Answer(res, Refusal(Issue(503, "transient", "starting")));
          if (!Throttled(req, res)) Answer(res, m_reportReceiver->Notify(CallOf(req)));
        },
        kMaxTaskBody);
    const std::string uuid = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    auto serve = [this](const char* method, const char* kind) {
      return [this, method, kind](const ServerRequest& req, ServerResponse& res) {
        if (!m_reportsReady) return Answer(res, Refusal(Issue(503, "transient", "starting")));
        if (!Throttled(req, res)) Answer(res, m_reportSender->Serve(CallOf(req), method, kind, req.matches[1]));
      };
    };
    server.Route("GET", base + "/HealthcareService", [this](const ServerRequest& req, ServerResponse& res) {
      if (!m_reportsReady) return Answer(res, Refusal(Issue(503, "transient", "starting")));
      if (!Throttled(req, res)) Answer(res, m_reportReceiver->Teams(CallOf(req)));
    });
    server.Route("GET", base + "/Task/" + uuid, serve("GET", "Task"));
    server.Route("PUT", base + "/Task/" + uuid, serve("PUT", "Task"), kMaxTaskBody);
    server.Route("GET", base + "/Binary/" + uuid, serve("GET", "Binary"));
    server.Route("GET", base + "/Composition/" + uuid + R"(/\$document)", serve("GET", "Composition"));

    // The desktop sends a signed report: {"receiver_ura", "document": {...}, "pdf": base64url}.
    server.Route(
        "POST", "/api/v1/reports",
        [this](const ServerRequest& req, ServerResponse& res) {
          auto session = Authorised(req, res);
          if (!session) return;
          if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
          const json body = json::parse(req.body, nullptr, false);
          const auto pdf = net::jose::Base64UrlDecode(body.is_object() ? StringMember(body, "pdf") : std::string());
          if (!body.is_object() || !body.value("document", json()).is_object() || !pdf)
            return SendProblem(res, Failure(400, "report_invalid", "give receiver_ura, document and pdf (base64url)"));
          std::optional<ConfigTeam> team;
          if (body.value("team", json()).is_object()) {
            team = ConfigTeam{StringMember(body["team"], "id"), StringMember(body["team"], "name"), ""};
            static const std::regex teamId("^[a-z0-9-]{1,64}$");
            if (!std::regex_match(team->id, teamId) || team->name.empty())
              return SendProblem(res, Failure(400, "report_invalid", "team needs an id (a-z, 0-9, -) and a name"));
          }
          auto published =
              m_reportSender->Publish(session->user, {StringMember(body, "receiver_ura"), body["document"].dump(), *pdf,
                                                      req.Header(contract::kPatientHeader), req.clientAddress, team});
          if (!published) return SendProblem(res, published.error());
          SendJson(res, published->first.dump(), published->second ? 201 : 200);
        },
        kMaxReportBody);
    // Teams to address a report to: our own (the inbox filter) and another organisation's, read
    // from its gateway with a token of our node (docs/waarneem-ig.md §5a).
    server.Route("GET", "/api/v1/teams", [this](const ServerRequest& req, ServerResponse& res) {
      if (!Authorised(req, res)) return;
      json teams = json::array();
      for (const auto& t : m_config.teams) teams.push_back({{"id", t.id}, {"name", t.name}, {"location", t.location}});
      SendJson(res, teams.dump());
    });
    server.Route(
        "GET", "/api/v1/organisations/([0-9]{8})/teams", [this](const ServerRequest& req, ServerResponse& res) {
          auto session = Authorised(req, res);
          if (!session) return;
          if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
          const std::string ura = req.matches[1];
          auto answer = m_peers.Call(session->user, ura, contract::kReportNotifyScope, "GET", "HealthcareService");
          if (!answer) return SendProblem(res, answer.error());
          if (answer->status != 200)
            return SendProblem(res, Failure(502, "teams_unavailable",
                                            "URA " + ura + " answered HTTP " + std::to_string(answer->status) +
                                                " to the question for its teams"));
          auto teams = ReadTeams(answer->body, ura);
          if (!teams) return SendProblem(res, teams.error());
          SendJson(res, teams->dump());
        });
    server.Route("GET", "/api/v1/reports", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
      SendJson(res, m_reportSender->Outbox().dump());
    });
    server.Route("GET", "/api/v1/inbox", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
      SendJson(res, m_reportReceiver->Inbox().dump());
    });
    const std::string item = "/api/v1/inbox/([0-9a-f]{40})/";
    server.Route(
        "POST", item + "pull",
        [this](const ServerRequest& req, ServerResponse& res) {
          auto session = Authorised(req, res);
          if (!session) return;
          if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
          const json body = json::parse(req.body, nullptr, false);
          const bool markRead = !body.is_object() || body.value("mark_read", json(true)) != json(false);
          auto pulled = m_reportReceiver->Pull(session->user, req.matches[1], req.clientAddress, markRead);
          if (!pulled) return SendProblem(res, pulled.error());
          SendJson(res, pulled->dump());
        },
        kMaxTaskBody);
    // The requests of pulled reports, as the organisation's to-dos; completing one completes it at its sender.
    server.Route("GET", "/api/v1/todos", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
      SendJson(res, m_reportReceiver->Todos().dump());
    });
    server.Route("POST", "/api/v1/todos/" + uuid + "/complete", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
      auto done = m_reportReceiver->CompleteRequest(session->user, req.matches[1], req.clientAddress);
      if (!done) return SendProblem(res, done.error());
      SendJson(res, done->dump());
    });
    server.Route("POST", item + "acknowledge", [this](const ServerRequest& req, ServerResponse& res) {
      auto session = Authorised(req, res);
      if (!session) return;
      if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
      auto done = m_reportReceiver->Acknowledge(session->user, req.matches[1], req.clientAddress);
      if (!done) return SendProblem(res, done.error());
      SendJson(res, done->dump());
    });
  }

  void InboundRoutes(net::http::AsyncServer& server) {
    // A pharmacy's processing answer (processing_inbound.h): no session, a Nuts token instead.
    server.Route(
        "POST", std::string(contract::kInboundBase),
        [this](const ServerRequest& req, ServerResponse& res) {
          // Each call costs an introspection at the node and an audit record: bounded per address.
          if (const int wait = m_inboundLimiter.Take(req.clientAddress); wait > 0) {
            res.status = 429;
            res.contentType = "application/fhir+json";
            res.body =
                OperationOutcomeText("throttled", "too many calls from this address; retry after the given seconds");
            res.Set("Retry-After", std::to_string(wait));
            return;
          }
          auto answer = m_inbound->Receive(
              {req.Header("Authorization"), req.Header("DPoP"), InboundUrl(), req.body, req.clientAddress});
          res.status = answer.status;
          res.contentType = "application/fhir+json";
          res.body = std::move(answer.body);
          if (!answer.wwwAuthenticate.empty()) res.Set("WWW-Authenticate", answer.wwwAuthenticate);
        },
        kMaxReleaseBody);
    // The desktop asks for the answers to what it released: {"pharmacy_ura", "identifiers": [...]}.
    server.Route(
        "POST", "/api/v1/processing",
        [this](const ServerRequest& req, ServerResponse& res) {
          auto session = Authorised(req, res);
          if (!session) return;
          if (!m_reportsReady) return SendProblem(res, Failure(503, "gateway_busy", "the gateway is starting; retry"));
          if (!m_config.RoleAllowed("relay", session->user.roleCode))
            return SendProblem(res, Failure(403, "role_not_allowed", "this role may not read pharmacy answers"));
          const json body = json::parse(req.body, nullptr, false);
          const std::string bsn = req.Header(contract::kPatientHeader);
          std::set<std::string> identifiers;
          if (body.is_object() && body.value("identifiers", json()).is_array()) {
            for (const auto& i : body["identifiers"])
              if (i.is_string()) identifiers.insert(i.get<std::string>());
          }
          const std::string pharmacy = body.is_object() ? StringMember(body, "pharmacy_ura") : std::string();
          if (bsn.empty() || pharmacy.empty() || identifiers.empty())
            return SendProblem(res, Failure(400, "processing_query_invalid",
                                            "name the patient (header), pharmacy_ura and identifiers"));
          auto found = m_inbound->Read(session->user, pharmacy, bsn, identifiers, req.clientAddress);
          if (!found) return SendProblem(res, found.error());
          res.status = 200;
          res.contentType = "application/fhir+json";
          res.body = std::move(found).value();
        },
        kMaxSearchBody);
  }

  GatewayConfig m_config;
  net::http::Client m_http;
  net::http::Client m_nodeHttp;
  std::unique_ptr<AuditLog> m_audit;
  DeziLogin m_dezi;
  NutsClient m_nuts;
  Relay m_relay;
  std::unique_ptr<ProcessingInbox> m_inbox;
  std::unique_ptr<InboundProcessing> m_inbound;
  PeerCaller m_peers;
  std::unique_ptr<SealedShelf> m_reportsOut;
  std::unique_ptr<SealedShelf> m_reportsIn;
  std::unique_ptr<ReportSender> m_reportSender;
  std::unique_ptr<ReportReceiver> m_reportReceiver;
  std::atomic<bool> m_reportsReady{false};
  SessionStore m_sessions{m_config.sessionIdleSeconds};
  ProofReplays m_proofReplays;
  RateLimiter m_loginLimiter{m_config.loginAttemptsPerMinute};
  RateLimiter m_inboundLimiter{m_config.inboundCallsPerMinute};
  std::atomic<bool> m_diskWarned{false};
  std::unique_ptr<net::http::AsyncServer> m_server;
  std::string m_url;
};

}  // namespace

domain::Result<std::unique_ptr<Gateway>> Gateway::Start(const GatewayConfig& config) {
  auto userinfoKey = net::jose::Key::FromPemFile(config.userinfoKeyFile);
  if (!userinfoKey || !userinfoKey->hasPrivate() || userinfoKey->type() != net::jose::Key::Type::kRsa) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "setting 'dezi.userinfo_decryption_key' must name a private RSA key (PEM)");
  }
  auto tokenV2Key = net::jose::Key::FromPemFile(config.tokenV2Key);
  if (!tokenV2Key || !tokenV2Key->hasPrivate()) {
    return MakeError(ErrorCode::kInvalidFormat,
                     "setting 'nuts.token_v2.key' must name a private EC P-256 or RSA key (PEM)");
  }
  auto audit = AuditLog::Open({config.auditFile, config.auditHeadFile, config.auditKeyFile});
  if (!audit) return MakeError(audit.error().code, "setting 'audit': " + audit.error().detail);
  std::unique_ptr<ProcessingInbox> inbox;
  if (!config.inboundDirectory.empty()) {
    auto opened = ProcessingInbox::Open(config.inboundDirectory, config.inboundKeyFile);
    if (!opened) return MakeError(opened.error().code, "setting 'inbound': " + opened.error().detail);
    inbox = std::move(opened).value();
  }
  // On-call reports are kept beside the processing answers, under the same key (each file bound
  // to its name): what this organisation sent, and the notifications it received.
  std::unique_ptr<SealedShelf> reportsOut, reportsIn;
  if (!config.inboundDirectory.empty()) {
    auto out = SealedShelf::Open(config.inboundDirectory + "/reports-sent", config.inboundKeyFile);
    if (!out) return MakeError(out.error().code, "setting 'inbound' (sent reports): " + out.error().detail);
    auto in = SealedShelf::Open(config.inboundDirectory + "/reports-received", config.inboundKeyFile);
    if (!in) return MakeError(in.error().code, "setting 'inbound' (received reports): " + in.error().detail);
    reportsOut = std::move(out).value();
    reportsIn = std::move(in).value();
  }
  auto gateway =
      std::make_unique<GatewayImpl>(config, userinfoKey.value(), tokenV2Key.value(), std::move(audit).value(),
                                    std::move(inbox), std::move(reportsOut), std::move(reportsIn));
  auto ok = gateway->Listen();
  if (!ok) return ok.error();
  return std::unique_ptr<Gateway>(std::move(gateway));
}

}  // namespace zb::gateway
