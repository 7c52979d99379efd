// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What pharmacies sent back about our prescriptions ("voorschriftverwerking": TA + MVE), kept at
// the gateway until a desktop asks: a desktop may be off when the pharmacy answers, the gateway is
// not. One sealed file per answer (AES-256-GCM under a key of its own, bound to the file name), on
// disk before the pharmacy hears 201; the same answer posted again is kept once.
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::store {
class Cipher;
}

namespace zb::gateway {

struct ProcessingAnswer {
  std::string key;          // SHA-256 (hex) of the answer's TA/MVE identifiers: the same answer is one file
  std::int64_t received{};  // seconds since the epoch
  std::string senderUra;    // the organisation the introspected token names
  std::string senderName;
  std::string bsn;                       // the Patient in the Bundle
  std::vector<std::string> authorising;  // "system|value" of the MA/VV each TA/MVE refers to
  nlohmann::json resources;              // the TA and MVE resources, with a contained display of the product
};

class ProcessingInbox {
 public:
  // `keyFile`: at least 32 random bytes, readable by the gateway only.
  static domain::Result<std::unique_ptr<ProcessingInbox>> Open(const std::string& directory,
                                                               const std::string& keyFile);
  ~ProcessingInbox();
  ProcessingInbox(const ProcessingInbox&) = delete;
  ProcessingInbox& operator=(const ProcessingInbox&) = delete;

  // Stored and synced when it returns true; false (no error) when the same answer was kept before.
  domain::Result<bool> Keep(const ProcessingAnswer& answer);
  // The TA/MVE resources `senderUra` sent about `bsn` that refer to one of `identifiers`.
  nlohmann::json Find(const std::string& senderUra, const std::string& bsn,
                      const std::set<std::string>& identifiers) const;

 private:
  ProcessingInbox(std::string directory, std::unique_ptr<store::Cipher> cipher);
  std::string m_directory;
  std::unique_ptr<store::Cipher> m_cipher;
  mutable std::mutex m_mutex;
  std::vector<ProcessingAnswer> m_answers;
};

}  // namespace zb::gateway
