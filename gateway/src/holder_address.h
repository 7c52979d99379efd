// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether a holder's FHIR base URL from a Discovery registration may be called. A registration is
// signed by the holder's organisation, not by us: without this check it could point the gateway,
// which sits inside our network, at loopback or private addresses (SSRF), or at plain http.
#include <optional>
#include <string>

namespace zb::gateway {

// nullopt when allowed; otherwise why not, for the log. https only; no user info; no loopback,
// private (RFC 1918, RFC 4193), link-local, unspecified or "localhost" hosts unless `allowPrivate`.
// A host name that resolves to such an address is not caught here (docs/security.md, what is left).
std::optional<std::string> HolderAddressRefusal(const std::string& fhirBase, bool allowPrivate);

}  // namespace zb::gateway
