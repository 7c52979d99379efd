// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why a login failed, in words a physician acts on: the gateway's and the login flow's problem
// codes ("verklaring_revoked", "login_timeout", …) to a sentence that says what to do. The
// technical detail stays available for the service desk.
#include <string>

#include "domain/result.h"

namespace zb::present {

// `code` as the gateway or the desktop login reported it; empty when the code is not one we explain.
std::string LoginProblemLabel(const std::string& code);
// The workstation's login error → the explained sentence for its problem code; else its detail.
std::string DescribeLoginFailure(const domain::Error& error);

}  // namespace zb::present
