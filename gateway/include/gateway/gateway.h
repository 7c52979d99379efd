// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// zorgbrug-gateway: the organisation's small service between the desktops and the outside world.
// It alone holds the DEZI userinfo decryption key and the node's token_v2 key; it turns a DEZI
// login into a short app session, looks up holders in Discovery and relays FHIR requests with a
// token and DPoP proof for the logged-in user, auditing every one. API: docs/gateway-api.yaml.
#include <memory>
#include <string>

#include "domain/result.h"
#include "gateway/config.h"

namespace zb::gateway {

class Gateway {
 public:
  static domain::Result<std::unique_ptr<Gateway>> Start(const GatewayConfig& config);
  virtual ~Gateway() = default;
  virtual std::string Url() const = 0;
  virtual void Stop() = 0;
};

}  // namespace zb::gateway
