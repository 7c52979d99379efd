// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The receiving side of on-call reports (docs/waarneem-ig.md §5): the notification endpoint
// (POST <base>/Task with a token from our node for the notify scope) keeps one notification per
// sender and workflow Task — only who sent it and where the Task is, nothing about the patient —
// after checking that the Task lies under the sender's own registered FHIR base (so a notification
// cannot steer our pulls elsewhere). Desktops list the inbox, pull a report live with the user's
// own token (audited at both sides) and acknowledge it ("gelezen en overgenomen"), which completes
// the sender's workflow Task with who and when.
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.h"
#include "gateway/audit_log.h"
#include "gateway/config.h"
#include "identity.h"
#include "inbound_token.h"
#include "peer_call.h"
#include "sealed_shelf.h"

namespace zb::gateway {

class ReportReceiver {
 public:
  ReportReceiver(const GatewayConfig& config, SealedShelf& shelf, PeerCaller& peers, NutsClient& nuts, AuditLog& audit,
                 std::string ownBase)
      : m_config(config), m_shelf(shelf), m_peers(peers), m_nuts(nuts), m_audit(audit), m_ownBase(std::move(ownBase)) {}

  InboundAnswer Notify(const InboundCall& call);
  // GET <base>/HealthcareService: our teams, for a sender choosing whom to address (notify scope).
  InboundAnswer Teams(const InboundCall& call);
  // The notifications, newest first: {id, sender_ura, sender_name, received_at, state, ...}.
  nlohmann::json Inbox() const;
  // {"task", "document", "pdf" (base64url)} of notification `id`, pulled now as `user`.
  // `markRead` false: a summary for the inbox list; the item stays "new" (audited all the same).
  domain::Result<nlohmann::json> Pull(const Identity& user, const std::string& id, const std::string& client,
                                      bool markRead = true);
  // The requests of every pulled report, as to-dos: [{item, patient, sender_ura, sender_name,
  // received_at, request: {id, text, due, priority, status, completed_by, completed_at}}], open
  // ones first, earliest due first.
  nlohmann::json Todos() const;
  // Completes request `requestId` at its sender (the sub-Task: status completed, by whom and when).
  domain::Result<nlohmann::json> CompleteRequest(const Identity& user, const std::string& requestId,
                                                 const std::string& client);
  // Completes the sender's workflow Task as read and taken over by `user` (a physician).
  domain::Result<nlohmann::json> Acknowledge(const Identity& user, const std::string& id, const std::string& client);

 private:
  [[nodiscard]] bool AuditEvent(const std::string& event, const nlohmann::json& actor, const nlohmann::json& record,
                                const std::string& client, int status, const std::string& error);
  const GatewayConfig& m_config;
  SealedShelf& m_shelf;
  PeerCaller& m_peers;
  NutsClient& m_nuts;
  AuditLog& m_audit;
  std::string m_ownBase;
  std::mutex m_mutex;
};

}  // namespace zb::gateway
