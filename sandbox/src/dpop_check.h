// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The DPoP proof checks of RFC 9449 as a resource server makes them (scheme, typ/alg, signature with
// the embedded key, that key's thumbprint = the token's cnf.jkt, htm, htu, ath, fresh iat, single-use
// jti): one rule for the holders' PEP and for the node's /internal/auth/v2/dpop/validate.
#include <functional>
#include <set>
#include <string>

#include "net/http/client.h"

namespace zb::sandbox {

// "" when the proof is good; otherwise why not. `urlMatches` judges the proof's htu; `seenJti`
// remembers the proofs already used at this place.
std::string DpopProofProblem(const std::string& proof, const std::string& token, const std::string& jkt,
                             const std::string& method,
                             const std::function<bool(const net::http::UrlParts&)>& urlMatches,
                             std::set<std::string>& seenJti);

}  // namespace zb::sandbox
