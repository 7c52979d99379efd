// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PatientLookups through a gateway session without a local store: what `zorgbrug-cli overview
// --bsn` asks with the CLI's own session. Nothing is stored, so there is no offline picture.
#include <chrono>
#include <memory>
#include <string>

#include "workstation/patient_lookups.h"

namespace zb::workstation {

struct GatewaySession {
  std::string gateway;                        // https URL
  std::string caFile;                         // trust for it (empty: the system store)
  std::string token;                          // the gateway session
  std::chrono::milliseconds deadline{15000};  // per source
};

class GatewayLookups final : public PatientLookups {
 public:
  explicit GatewayLookups(const GatewaySession& session);
  ~GatewayLookups() override;

  domain::Result<std::optional<OfflinePicture>> OpenOffline(const domain::RegisteredPatient& patient) override;
  domain::Result<LookupId> LookUp(const domain::RegisteredPatient& patient, OnSource onSource, OnEnd onEnd) override;
  void Cancel(LookupId id) override;
  std::chrono::milliseconds deadline() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
