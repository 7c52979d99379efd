// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the workstation tests share: a store in a temporary folder that trusts the test world's
// gateway, and a resident whose three sources are the sandbox's GP, pharmacy and hospital.
#include <chrono>
#include <string>

#include "domain/patient_register.h"
#include "exchange_world.h"
#include "workstation/workstation.h"

namespace zb::test {

inline workstation::Config StoreConfig(const ExchangeWorld& world, const std::string& dir, const std::string& gateway) {
  workstation::Config c;
  c.gateway = gateway;
  c.caFile = world.caFile();
  c.storePath = dir + "/zorgbrug.db";
  c.keyFile = dir + "/store.key";
  c.useKeychain = false;
  c.deadline = std::chrono::seconds(10);
  return c;
}

inline domain::RegisteredPatient Resident(const std::string& bsn, const std::string& name, domain::Date birth) {
  domain::RegisteredPatient p{
      0, domain::Bsn::Parse(bsn).value(), name, birth, domain::PatientCategory::kAdmitted, std::nullopt, "", {}};
  p.sources = {{{"huisarts", domain::SourceKind::kGeneralPractitioner, "Huisarts"}, "90000401"},
               {{"apotheek", domain::SourceKind::kPharmacy, "Apotheek"}, "90000402"},
               {{"ziekenhuis", domain::SourceKind::kHospital, "Ziekenhuis"}, "90000403"}};
  return p;
}

}  // namespace zb::test
