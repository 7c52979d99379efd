// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shared state of the simulated world: who the personas are, what DEZI and the node have
// handed out, and the counters and captures the control plane reports to tests.
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "holder_behaviour.h"
#include "holder_data.h"
#include "knooppunt_policy.h"
#include "net/jose/key.h"

namespace zb::sandbox {

std::int64_t Now();

// How a persona's verklaring or userinfo deviates from the happy path.
// kExtraAudienceNoAzp: the id_token names a second audience and no azp (OIDC Core 3.1.3.7 says refuse).
enum class PersonaFault { kNone, kRevoked, kExpired, kBadSignature, kUnknownJku, kExtraAudienceNoAzp };
enum class ClaimStyle { kAcceptance, kK07Example };  // dezi.md §1.15

struct Persona {
  std::string id;
  std::string label;
  std::string deziNummer;
  std::string initials;
  std::optional<std::string> prefix;
  std::string surname;
  std::string ura;
  std::string organisation;
  std::string roleCode;
  std::string roleName;
  PersonaFault fault = PersonaFault::kNone;
  ClaimStyle style = ClaimStyle::kAcceptance;
  bool userinfoAsPlainJws = false;  // what the acceptance environment did (dezi.md §1.7)
};
const std::vector<Persona>& Personas();
const Persona* FindPersona(const std::string& id);

struct HolderInfo {
  std::string id;    // huisarts, apotheek, ziekenhuis
  std::string kind;  // gp (zorginzage R4) or mp9 (MP9 3.0 + CiO)
  std::string name;
  std::string ura;
  std::string city;
  std::string phone;  // Organization.telecom in the address directory
  std::string fhirBase;
  std::string authServer;
  std::vector<std::string> services;  // discovery services it is registered on (= accepted scopes)
  std::string did;
  std::optional<net::jose::Key> didKey;  // signs its discovery registration (VP)
  bool refuseTokens = false;             // its authorization server answers every token request with an error
  HolderBehaviour behaviour;             // service time, paging, access decisions, injected fault
};

struct IssuedToken {
  std::string type;  // DPoP or Bearer
  std::string authServer;
  std::string scope;
  std::string jkt;  // DPoP key thumbprint the token is bound to
  std::string clientId;
  nlohmann::json employee;  // introspection claims about the user (empty: none presented)
  std::int64_t expiresAt = 0;
  bool revokedAtHolder = false;  // the holder's node no longer accepts it (control plane)
  nlohmann::json claims{};       // introspection claims from the knooppunt presentation definition
};

// A release a receiver accepted (fhir_receiver.h), kept for the repeat answer and the tests.
struct ReceivedBundle {
  std::string identifier;   // Bundle.identifier system|value
  nlohmann::json response;  // the transaction-response it answered
  nlohmann::json bundle;
  nlohmann::json sender;  // the user the token names
};

// A pharmacy's processing answer still to send back (processing_sender.h).
struct ProcessingJob {
  std::string holderId;
  nlohmann::json prescription;  // the Bundle it accepted
  std::int64_t dueMs = 0;       // steady-clock milliseconds
};

struct PendingAuthorization {
  std::string clientId, redirectUri, state, nonce, challenge;
  std::int64_t created = 0;
};
struct AuthorizationCode {
  PendingAuthorization request;
  std::string personaId;
  std::int64_t expiresAt = 0;
};
struct DeziAccessToken {
  std::string personaId, clientId;
  std::int64_t expiresAt = 0;
};

// An organisation whose care application uses this node (a nuts-node v6 subject). The first is the
// demo organisation (gateway.json); the second a nursing home of its own (gateway-b.json), so two
// gateways can send each other on-call reports (docs/waarneem-ig.md §5).
struct Subject {
  std::string id;  // the subject's name in the internal API's paths
  std::string ura;
  std::string name;
  std::string did;
  std::string kid;                    // of `key`, the subject's DID key; signs its DPoP proofs
  std::optional<net::jose::Key> key;  // also signs its Discovery registrations (VP)
  // Its Discovery registrations (activateServiceForSubject): service -> registration parameters.
  std::map<std::string, nlohmann::json> activations;
};

struct World {
  std::mutex mutex;
  bool stopping = false;  // set before the servers stop, so waiting handlers give up
  // Restarts a holder's listener on its port: "stop" (connections refused), "wrong-host" (another
  // certificate) or "normal". Set by the sandbox; called without the mutex held.
  std::function<bool(const std::string& holderId, const std::string& mode)> restartHolder;
  std::string host;
  std::string nodeVariant;
  // DEZI
  std::string deziIssuer;
  std::string deziClientId;
  std::vector<std::string> deziRedirectUris;
  std::optional<net::jose::Key> opKey;  // signs id_token and userinfo
  std::string opKid;
  std::optional<net::jose::Key> esealKey;  // signs verklaringen (served at /dezi/jwks.json)
  std::string esealKid;
  std::optional<net::jose::Key> foreignKey;       // a key DEZI does not own (bad-signature persona)
  std::optional<net::jose::Key> rpEncryptionKey;  // public half of the gateway's userinfo key
  std::string rpEncryptionKid;
  std::map<std::string, PendingAuthorization> pending;
  std::map<std::string, AuthorizationCode> codes;
  std::set<std::string> usedCodes;
  std::map<std::string, DeziAccessToken> deziTokens;
  std::map<std::string, std::string> verklaringStatus;  // verklaring_id -> status
  // Nuts node
  std::string nodeUrl;
  std::vector<Subject> subjects;  // [0]: the demo organisation
  std::string audience = "zorgbrug-sandbox-node";
  std::vector<std::pair<std::string, net::jose::Key>> authorizedKeys;  // user name, key
  std::vector<HolderInfo> holders;
  std::optional<KnooppuntPolicy> knooppunt;  // loaded when the sandbox was given the published files
  bool knooppuntPresentation = false;  // the node checks its presentation definition (scope medicatieoverdracht-gf)
  std::vector<nlohmann::json> capturedClaims;  // introspection claims of the last tokens issued
  std::map<std::string, IssuedToken> tokens;
  std::map<std::string, std::pair<std::string, std::int64_t>> tokenCache;  // request hash -> token, expiry
  std::map<std::string, std::set<std::string>> seenDpopJti;                // per holder
  std::map<std::string, int> counters;
  std::vector<std::string> capturedTokenV2;                     // last authentication JWTs (for conformance checks)
  std::vector<nlohmann::json> capturedDpop;                     // {proof, method, url, token}
  std::map<std::string, std::vector<ReceivedBundle>> received;  // holder id -> releases accepted, in order
  // Entries a holder gained after start (control plane: a source changes a line): "holder|bsn" -> entries.
  std::map<std::string, std::vector<nlohmann::json>> amendments;
  std::map<std::string, const HolderData*> holderData;  // holder id -> its demo data (read-only)
  // The pharmacy answers each accepted prescription after this delay; < 0 holds them (control plane).
  int processingDelayMs = 300;
  std::vector<ProcessingJob> processingJobs;
  std::vector<nlohmann::json> processingLog;  // per answer sent: {holder, status, error, url}

  void Count(const std::string& name) { ++counters[name]; }
  Subject& Own() { return subjects.front(); }
  const Subject& Own() const { return subjects.front(); }
  Subject* FindSubject(const std::string& id);
};

// RFC 7807 problem+json, the error shape of nuts-node's internal API.
void Problem(httplib::Response& res, int status, const std::string& title, const std::string& detail);

void RegisterDezi(httplib::Server& server, World& world);
void RegisterNode(httplib::Server& server, World& world);
// What other organisations' calls to us need from our node: Discovery activation, introspection,
// DPoP validation (node_inbound.cpp). Register before RegisterNode (its dpop/{kid} would match).
void RegisterNodeInbound(httplib::Server& server, World& world);
// token_v2 authentication of the caller of the internal API; fills `res` and returns false when it fails.
bool AuthenticateInternalCaller(World& world, const httplib::Request& req, httplib::Response& res);
// The authorization server of our own organisation (the sandbox's first subject) on the node.
std::string OwnAuthServer(const World& world);
std::string AuthServerOf(const World& world, const Subject& subject);
// The subjects' registrations on `service` as the holders Discovery lists (a peer gateway's FHIR
// base and its subject's authorization server).
std::vector<HolderInfo> SubjectRegistrations(const World& world, const std::string& service);
void RegisterControl(httplib::Server& server, World& world);
void RegisterAddressDirectory(httplib::Server& server, World& world);

}  // namespace zb::sandbox
