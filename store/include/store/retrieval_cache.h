// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The last retrieval of each patient: per source its outcome and what it sent (an opaque snapshot
// the net layer can read back), sealed. It is what the workstation shows when the sources cannot
// be asked, always with its time of retrieval.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "domain/result.h"
#include "domain/retrieval.h"
#include "store/cipher.h"
#include "store/database.h"

namespace zb::store {

struct CachedSource {
  domain::SourceOutcome outcome;
  std::string snapshot;  // the source's answer as received (FHIR Bundle JSON); empty without data
};

struct CachedRetrieval {
  std::int64_t patientId = 0;
  domain::Instant retrievedAt;
  bool complete = false;
  std::vector<CachedSource> sources;
};

class RetrievalCache {
 public:
  RetrievalCache(std::shared_ptr<Database> db, const Cipher& cipher) : m_db(std::move(db)), m_cipher(cipher) {}
  // Replaces the patient's previous retrieval (only the latest is kept: data minimisation).
  domain::Result<bool> Save(const CachedRetrieval& r);
  domain::Result<std::optional<CachedRetrieval>> Latest(std::int64_t patientId);

 private:
  std::shared_ptr<Database> m_db;
  const Cipher& m_cipher;
};

}  // namespace zb::store
