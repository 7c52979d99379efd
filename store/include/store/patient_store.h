// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patients a physician works with and where their data lives. Identity is sealed; a patient is
// found by BSN through its keyed hash.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "domain/patient_register.h"
#include "domain/result.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

class PatientStore {
 public:
  PatientStore(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // Inserts (id 0) or updates (id set) with its sources; returns the id. A second patient with the
  // same BSN is refused (kInconsistent) and names the BSN only masked.
  domain::Result<std::int64_t> Save(const domain::RegisteredPatient& p);
  domain::Result<std::optional<domain::RegisteredPatient>> FindByBsn(const domain::Bsn& bsn);
  domain::Result<std::optional<domain::RegisteredPatient>> Get(std::int64_t id);
  // All patients of a category, by name.
  domain::Result<std::vector<domain::RegisteredPatient>> List(domain::PatientCategory category);
  domain::Result<bool> Remove(std::int64_t id);

 private:
  // One patient by a WHERE clause with one bound value; nullopt when none matches.
  domain::Result<std::optional<domain::RegisteredPatient>> FindOne(const char* where,
                                                                   const std::function<void(Statement&)>& bind);
  domain::Result<domain::RegisteredPatient> Load(std::int64_t id, const std::string& category, const Blob& record);
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
