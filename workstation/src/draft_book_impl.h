// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a DraftBook needs from the workstation: the store, the logged-in user and the audit trail.
#include <functional>

#include "store/local_store.h"
#include "workstation/draft_book.h"
#include "workstation/workstation.h"

namespace zb::workstation {

struct DraftBook::Impl {
  store::LocalStore& store;
  std::function<std::optional<User>()> user;
  std::function<void(domain::AuditAction, const std::string& bsn, const std::string& context,
                     const std::string& outcome)>
      audit;
  std::vector<std::string> prescriberRoles;
};

}  // namespace zb::workstation
