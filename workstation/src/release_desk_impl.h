// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a ReleaseDesk needs from the workstation: the store, the logged-in user and the gateway
// session, the gateway client, the audit trail and the organisation's settings.
#include <functional>

#include "net/client/gateway_client.h"
#include "store/local_store.h"
#include "workstation/release_desk.h"
#include "workstation/workstation.h"

namespace zb::workstation {

struct ReleaseDesk::Impl {
  store::LocalStore& store;
  std::function<std::optional<User>()> user;
  std::function<std::string()> session;
  const net::client::GatewayClient& gateway;
  std::function<void(domain::AuditAction, const std::string& bsn, const std::string& context,
                     const std::string& outcome)>
      audit;
  std::vector<std::string> prescriberRoles;
  std::string identifierRoot;  // the organisation's OID root for new block identifiers
};

namespace detail {
// An outbox item as the screens see it (its processing answer decoded).
OutboxEntry EntryOf(const store::OutboxItem& o);
// A refusal the screens tell apart by `problem` ("not_logged_in", "not_found", …).
domain::Error Refused(const std::string& detail, const std::string& problem);
// Outbox item `id` if it is `patient`'s; problem "not_found" otherwise (another patient's looks absent).
domain::Result<store::OutboxItem> PatientItem(store::LocalStore& store, const domain::RegisteredPatient& patient,
                                              std::int64_t id);
}  // namespace detail

}  // namespace zb::workstation
