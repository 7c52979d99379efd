// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The validated identity of a logged-in professional, from the DEZI verklaring, and the specific
// reasons a login can fail (each becomes a `code` in the gateway's problem+json answers).
#include <cstdint>
#include <string>

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

struct Failure {
  int status;        // HTTP status for the gateway API
  std::string code;  // stable machine-readable id, e.g. "verklaring_revoked"
  std::string detail;
};

}  // namespace zb::gateway
