// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sending side of on-call reports (docs/waarneem-ig.md §5): a desktop hands over a signed
// report (its FHIR document and PDF) for the patient's own organisation; the gateway keeps it
// sealed with a workflow Task, posts a notification to the receiver and serves the Task, document
// and PDF to that receiver only (a token whose organisation equals Task.owner; others 403), each
// read audited with the reader's URA and DEZI number. A notification that fails is retried with
// back-off, also after a restart; the receiver keeps one per workflow Task, so a resend is safe.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "domain/result.h"
#include "gateway/audit_log.h"
#include "gateway/config.h"
#include "identity.h"
#include "inbound_token.h"
#include "peer_call.h"
#include "sealed_shelf.h"

namespace zb::gateway {

struct ReportSubmission {
  std::string receiverUra;
  std::string document;  // the signed FHIR document Bundle (JSON)
  std::string pdf;       // the PDF bytes
  std::string patient;   // the BSN the desktop declares
  std::string client;
  std::optional<ConfigTeam> team;  // the receiver's team it is addressed to; none: the organisation
};

class ReportSender {
 public:
  // `ownBase`: our report FHIR base as other organisations reach it (registered on Discovery).
  ReportSender(const GatewayConfig& config, SealedShelf& shelf, PeerCaller& peers, NutsClient& nuts, AuditLog& audit,
               std::string ownBase);
  ~ReportSender();
  ReportSender(const ReportSender&) = delete;
  ReportSender& operator=(const ReportSender&) = delete;

  // Keeps the report (once per Composition id: the same again answers what is kept, created false)
  // and tries the notification once; the retry thread does the rest. Answers the outbox entry.
  domain::Result<std::pair<nlohmann::json, bool>> Publish(const Identity& user, const ReportSubmission& submission);
  // The organisation's sent reports, newest first, each with its state.
  nlohmann::json Outbox() const;
  // Another organisation's pull: GET Task/{id}, Composition/{id}/$document, Binary/{id}; PUT Task/{id}.
  InboundAnswer Serve(const InboundCall& call, const std::string& method, const std::string& kind,
                      const std::string& id);

 private:
  void Notify(const std::string& key);
  void RetryLoop();
  [[nodiscard]] bool AuditEvent(const std::string& event, const nlohmann::json& actor, const nlohmann::json& record,
                                const std::string& client, int status, const std::string& error);

  const GatewayConfig& m_config;
  SealedShelf& m_shelf;
  PeerCaller& m_peers;
  NutsClient& m_nuts;
  AuditLog& m_audit;
  std::string m_ownBase;
  std::mutex m_mutex;                 // one change of a record at a time (read, change, put)
  std::set<std::string> m_notifying;  // reports whose notification is on its way (under m_mutex)
  std::mutex m_wakeMutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_retry;
};

// The outbox entry of a kept report, as the desktops see it (no document, no PDF).
nlohmann::json OutboxEntryOf(const nlohmann::json& record);

}  // namespace zb::gateway
