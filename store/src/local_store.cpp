// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/local_store.h"

#include "schema.h"

namespace zb::store {

namespace {
constexpr const char* kKeyCheck = "key-check";
constexpr const char* kKeyCheckPlain = "zorgbrug local store key check v1";
}  // namespace

LocalStore::LocalStore(std::shared_ptr<Database> db, const MasterKey& key)
    : m_db(std::move(db)), m_cipher(key), m_patients(m_db, m_cipher), m_retrievals(m_db, m_cipher), m_audit(m_db, m_cipher), m_settings(m_db) {}

domain::Result<std::unique_ptr<LocalStore>> LocalStore::Open(const std::string& path, const MasterKey& key) {
  auto db = Database::Open(path);
  if (!db) return db.error();
  if (auto v = detail::Migrate(*db.value()); !v) return v.error();
  std::unique_ptr<LocalStore> store(new LocalStore(db.value(), key));
  // A sealed check value tells a wrong key (keychain reset, file from another machine) apart from
  // damaged rows, before anything is read or written with the wrong key.
  auto check = store->m_settings.Get(kKeyCheck);
  if (!check) return check.error();
  if (check.value()) {
    const std::string& hex = *check.value();
    Blob sealed;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      const std::string pair = hex.substr(i, 2);
      if (pair.find_first_not_of("0123456789abcdef") != std::string::npos) break;
      sealed.push_back(static_cast<unsigned char>(std::stoi(pair, nullptr, 16)));
    }
    auto plain = store->m_cipher.Open(sealed, kKeyCheck);
    if (!plain || plain.value() != kKeyCheckPlain) {
      return domain::MakeError(domain::ErrorCode::kRefused, path + " is encrypted with another key than the one in this computer's keychain");
    }
  } else {
    const Blob sealed = store->m_cipher.Seal(kKeyCheckPlain, kKeyCheck);
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (unsigned char b : sealed) {
      hex += kHex[b >> 4];
      hex += kHex[b & 15];
    }
    if (auto r = store->m_settings.Set(kKeyCheck, hex); !r) return r.error();
  }
  return store;
}

}  // namespace zb::store
