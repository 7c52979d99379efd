// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/local_store.h"

#include "hex.h"
#include "schema.h"

namespace zb::store {

namespace {
constexpr const char* kKeyCheck = "key-check";
constexpr const char* kKeyCheckPlain = "zorgbrug local store key check v1";
}  // namespace

LocalStore::LocalStore(std::shared_ptr<Database> db, const MasterKey& key)
    : m_db(std::move(db)),
      m_cipher(key),
      m_patients(m_db, m_cipher),
      m_retrievals(m_db, m_cipher),
      m_drafts(m_db, m_cipher),
      m_outbox(m_db, m_cipher),
      m_reports(m_db, m_cipher),
      m_amos(m_db, m_cipher),
      m_audit(m_db, m_cipher),
      m_settings(m_db) {}

domain::Result<std::unique_ptr<LocalStore>> LocalStore::Open(const std::string& path, const MasterKey& key,
                                                             std::shared_ptr<HeadAnchor> anchor) {
  auto db = Database::Open(path);
  if (!db) return db.error();
  if (auto v = detail::Migrate(*db.value()); !v) return v.error();
  std::unique_ptr<LocalStore> store(new LocalStore(db.value(), key));
  // A sealed check value tells a wrong key (keychain reset, file from another machine) apart from
  // damaged rows, before anything is read or written with the wrong key.
  auto check = store->m_settings.Get(kKeyCheck);
  if (!check) return check.error();
  if (check.value()) {
    const Blob sealed = detail::FromHex(*check.value()).value_or(Blob());
    auto plain = store->m_cipher.Open(sealed, kKeyCheck);
    if (!plain || plain.value() != kKeyCheckPlain) {
      return domain::MakeError(domain::ErrorCode::kRefused,
                               path + " is encrypted with another key than the one in this computer's keychain");
    }
  } else {
    const Blob sealed = store->m_cipher.Seal(kKeyCheckPlain, kKeyCheck);
    const std::string hex = detail::ToHex(sealed.data(), sealed.size());
    if (auto r = store->m_settings.Set(kKeyCheck, hex); !r) return r.error();
  }
  store->m_audit.SetAnchor(std::move(anchor));
  return store;
}

}  // namespace zb::store
