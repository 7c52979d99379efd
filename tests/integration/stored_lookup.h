// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the draft and release tests share: a lookup stored on a workstation, and a current line of
// its stored overview governed by exactly one agreement (the line a draft is made against).
#include "workstation/workstation.h"

namespace zb::test {

// Looks the patient up (the result is stored sealed) and waits, at most 20 s, until it is saved.
void LookUpAndStore(workstation::Workstation& w, const domain::RegisteredPatient& patient);

// A current line of the stored overview governed by exactly one agreement; fails the test if none.
domain::BlockId OneAgreementLine(workstation::Workstation& w, const domain::RegisteredPatient& p);

}  // namespace zb::test
