// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PatientLookups answered from FHIR files instead of the gateway: one file per source (its name
// without .json is the source id; "huisarts", "apotheek", else a hospital), read with the same
// reader the lookup uses. For the GUI benchmark, which measures the screen, not the network.
#include <string>
#include <vector>

#include "domain/patient_register.h"
#include "workstation/patient_lookups.h"

namespace zb::workstation {

class FileLookups final : public PatientLookups {
 public:
  // Every *.json file in `folder`, by name.
  static domain::Result<FileLookups> InFolder(const std::string& folder);

  // The sources as a registered patient's record names them.
  const std::vector<domain::KnownSource>& sources() const { return m_sources; }

  domain::Result<std::optional<OfflinePicture>> OpenOffline(const domain::RegisteredPatient& patient) override;
  // Reads the files on the calling thread and delivers each one, then the end (never saved).
  domain::Result<LookupId> LookUp(const domain::RegisteredPatient& patient, OnSource onSource, OnEnd onEnd) override;
  void Cancel(LookupId id) override;
  std::chrono::milliseconds deadline() const override;

 private:
  std::vector<domain::KnownSource> m_sources;
  std::vector<std::string> m_files;
  LookupId m_next = 1;
};

}  // namespace zb::workstation
