// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-cli release and outbox (prescribing.md): a prescriber releases a patient's drafts —
// queued in the outbox, then sent through the gateway — and sees per Bundle where it stands.
#include <boost/date_time/posix_time/posix_time.hpp>

#include "draft_command.h"
#include "workstation/workstation.h"

namespace zb::cli {

// After the login. `release`: queue the drafts first (false: only send what is due and list).
// Exit 0 when every Bundle of the patient is delivered; 3 when a signal needs a decision (its key
// is printed); 2 refused; 6 something is not delivered (yet).
int RunRelease(workstation::Workstation& w, const domain::RegisteredPatient& patient, const DraftArgs& args,
               bool release, boost::posix_time::ptime now);

}  // namespace zb::cli
