// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway's receiving endpoint for a pharmacy's "voorschriftverwerking" (MP-VAO,
// prescribing.md §1): POST <gateway>/inbound of an mp-MedicationPrescriptionProcessing-Bundle with a
// token the pharmacy's node obtained from ours for scope zorgbrug-voorschriftverwerking. The token is
// introspected at our node, its DPoP proof validated there; the Bundle is checked, kept sealed, and
// audited with the sending organisation and the patient. Desktops read the answers back through
// POST /api/v1/processing, only those of the pharmacy they sent to, about the patient they name.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "domain/result.h"
#include "gateway/audit_log.h"
#include "identity.h"
#include "inbound_token.h"
#include "nuts_client.h"
#include "processing_inbox.h"

namespace zb::gateway {

// Reads a processing Bundle: nullopt-free, the problems say what is wrong (element and why).
struct ProcessingBundle {
  std::string bsn;
  std::vector<std::string> identifiers;  // of each TA/MVE
  std::vector<std::string> authorising;  // the MA/VV each refers to, in the same order
  nlohmann::json resources = nlohmann::json::array();
  std::vector<std::string> entryTypes;  // resourceType of each entry, for the transaction-response
  std::vector<std::string> problems;
};
ProcessingBundle ReadProcessingBundle(const std::string& body);

class InboundProcessing {
 public:
  InboundProcessing(NutsClient& nuts, AuditLog& audit, ProcessingInbox& inbox, std::string subject)
      : m_nuts(nuts), m_audit(audit), m_inbox(inbox), m_subject(std::move(subject)) {}
  InboundAnswer Receive(const InboundCall& call);
  // The answers `pharmacyUra` sent about `bsn` for the prescriptions `identifiers` ("system|value"),
  // as a searchset Bundle of MedicationDispense (TA, MVE). Audited as a read by the user.
  domain::Result<std::string> Read(const Identity& user, const std::string& pharmacyUra, const std::string& bsn,
                                   const std::set<std::string>& identifiers, const std::string& client);

 private:
  bool AuditReceipt(const InboundCall& call, const IntrospectedToken* sender, const std::string& bsn, std::size_t count,
                    int status, const std::string& error);
  NutsClient& m_nuts;
  AuditLog& m_audit;
  ProcessingInbox& m_inbox;
  std::string m_subject;  // our subject on the node: tokens must come from its authorization server
};

}  // namespace zb::gateway
