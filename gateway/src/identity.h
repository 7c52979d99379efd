// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The validated identity of a logged-in professional, from the DEZI verklaring, and the specific
// reasons a login can fail (each becomes a `code` in the gateway's problem+json answers).
#include <cstdint>
#include <string>

#include "domain/result.h"
#include "net/contract/gateway_api.h"

namespace zb::gateway {

struct Identity {
  std::string deziNumber;
  std::string initials;
  std::string prefix;
  std::string surname;
  std::string roleCode;
  std::string roleName;
  std::string ura;
  std::string organisation;
  std::string verklaringId;
  std::string verklaring;  // the signed verklaring (a bearer attestation: kept in memory only)
  std::int64_t verklaringExpires = 0;

  std::string DisplayName() const { return initials + " " + (prefix.empty() ? "" : prefix + " ") + surname; }
};

// A refusal of the gateway API in the project's one error shape: a domain::Error carrying the
// contract's problem code (net/contract/gateway_api.h lists them) and the HTTP status it is sent with.
inline domain::Error Failure(int status, std::string code, std::string detail) {
  return net::contract::ToError(net::contract::Problem{status, std::move(code), std::move(detail)});
}

}  // namespace zb::gateway
