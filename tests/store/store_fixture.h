// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fresh store file in its own temporary folder, with a random key, and synthetic patients.
#include <catch2/catch.hpp>
#include <string>

#include "child_process.h"
#include "store/local_store.h"

namespace zb::test {

struct StoreFile {
  std::string dir = MakeTempDir("zb-store");
  std::string path = dir + "/zorgbrug.db";
  store::MasterKey key = store::Cipher::RandomKey();
  std::unique_ptr<store::LocalStore> Open() const {
    auto s = store::LocalStore::Open(path, key);
    if (!s) FAIL("store did not open: " << s.error().detail);
    return std::move(s.value());
  }
};

inline domain::RegisteredPatient SyntheticPatient(const std::string& bsn, const std::string& name,
                                                  domain::PatientCategory c = domain::PatientCategory::kAdmitted) {
  domain::RegisteredPatient p{
      0, domain::Bsn::Parse(bsn).value(), name, domain::Date(1938, 4, 12), c, std::nullopt, "Afdeling Linde, kamer 12",
      {}};
  p.sources.push_back({{"", domain::SourceKind::kGeneralPractitioner, "Huisartsenpraktijk Test"}, "90000101"});
  p.sources.push_back({{"", domain::SourceKind::kPharmacy, "Apotheek Test"}, "90000102"});
  return p;
}

// The bytes of the database file and its WAL, to prove what is (not) stored in the clear.
inline std::string RawFiles(const std::string& path) {
  return ReadTextFile(path) + ReadTextFile(path + "-wal");  // an absent file reads as empty
}

}  // namespace zb::test
