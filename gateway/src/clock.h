// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Seconds since the epoch: the unit of JWT times (iat, nbf, exp) and of session expiry.
#include <chrono>
#include <cstdint>

namespace zb::gateway {

inline std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace zb::gateway
