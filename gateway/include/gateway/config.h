// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's configuration file (JSON). Relative paths are resolved against the file's folder.
// Load() checks every setting and names the bad one, so a wrong deployment fails at start, not
// at the first login.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::gateway {

struct DiscoveryService {
  std::string service;  // Discovery Service id on the node
  std::string scope;    // OAuth scope asked for when relaying to holders found there
  // The holders' access policy asks for the knooppunt presentation (medicatieoverdracht-gf): a
  // PatientEnrollmentCredential for the patient asked about and a HealthCareProfessionalDelegation-
  // Credential for the user; only patients in the enrolment register are looked up.
  bool knooppuntPresentation{};
};

enum class UserIdentity {
  kEmployeeCredential,  // nuts-node v6.2: self-asserted NutsEmployeeCredential built from the verklaring
  kDeziIdToken,         // project-gf node: the verklaring itself as id_token
};

// A team of the organisation that on-call reports can be addressed to (docs/waarneem-ig.md §5a).
struct ConfigTeam {
  std::string id;  // assigned by the organisation: [a-z0-9-], at most 64
  std::string name;
  std::string location;  // where it works, e.g. "Locatie De Berk"; may be empty
};

struct GatewayConfig {
  std::string configDir;
  std::string listenHost = "127.0.0.1";
  int listenPort = 0;
  int keepAliveSeconds = 5;  // idle kept-alive connections are closed after this
  // Capacity (docs/deployment.md): handlers that may block on outgoing calls, requests that may
  // wait for one (beyond: 503 + Retry-After), connections per client address.
  int workers = 48;
  int headDeadlineSeconds = 10;  // TLS handshake + request head, in total, whatever the client's pace
  int maxQueued = 2048;
  // A new request is refused (503) while the oldest queued one has waited this long.
  int admissionQueueWaitMs = 2000;
  int maxConnectionsPerClient = 1000;
  // The reverse proxy (nginx) whose X-Real-IP names the real client in the audit trail.
  std::vector<std::string> trustedProxies;
  int loginAttemptsPerMinute = 30;  // per client address; each attempt is an audit record
  int inboundCallsPerMinute = 120;  // per address at /inbound: each call is an introspection and an audit record
  std::string tlsCertificate;
  std::string tlsKey;
  std::string caFile;  // trust for outgoing calls; empty = system store
  std::string ura;
  std::string organisationName;
  std::vector<ConfigTeam> teams;  // organisation.teams; none: reports go to the organisation as a whole
  // DEZI
  std::string deziIssuer;
  std::string deziClientId;
  std::vector<std::string> redirectUris;
  std::string userinfoKeyFile;
  std::vector<std::string> allowedJku;
  std::vector<std::string> envelopeIssuers;
  bool acceptUnencryptedUserinfo = false;
  // Roles per feature: "login", "relay".
  std::map<std::string, std::vector<std::string>> roles;
  // Nuts node
  std::string nodeUrl;
  std::string subject;
  std::string tokenV2Key;
  std::string tokenV2Issuer;
  std::string tokenV2Audience;
  UserIdentity userIdentity = UserIdentity::kEmployeeCredential;
  std::string tokenType = "DPoP";
  std::vector<DiscoveryService> discovery;
  // The organisation's register of expected, admitted and temporary patients (the ECD's export,
  // resources/demo/register.json format): its patients are the ones the organisation enrols.
  std::string enrollmentRegister;
  std::string addressDirectory;  // FHIR base of the mCSD Query Directory; empty: no phone numbers
  int sessionMinutes = 480;
  int sessionIdleSeconds = 1800;  // a session unused this long ends (a workstation left logged in)
  // The receiving endpoint for pharmacies' processing answers (prescribing.md §1, MP-VAO): where
  // the sealed answers are kept and their key; empty directory = no endpoint. `publicUrl` is the
  // gateway's address as other organisations reach it (registered on Discovery); empty = its own
  // listening address (the sandbox, tests).
  std::string inboundDirectory;
  std::string inboundKeyFile;
  std::string publicUrl;
  std::string auditFile;
  std::string auditKeyFile;
  std::string auditHeadFile;  // the sealed head (count + last MAC); default: the trail's name + ".head"
  // Below this much free space on the trail's file system the gateway warns (log + /health).
  std::int64_t auditMinFreeMegabytes = 1024;
  // Discovery registrations whose fhirBaseURL is on a loopback, private or link-local address are
  // left out unless this is set (the sandbox, a test set-up): otherwise a registration could steer
  // the gateway into the organisation's own network.
  bool allowPrivateHolderAddresses = false;

  bool RoleAllowed(const std::string& feature, const std::string& roleCode) const;
};

domain::Result<GatewayConfig> LoadConfig(const std::string& path);

}  // namespace zb::gateway
