// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The organisation's enrolment: its register of expected, admitted and temporary patients (the
// ECD's export; resources/demo/register.json is the format). A planned admission is a registered
// expected patient, which is what lets the physician see medication before the treatment relation
// exists at the holder. Re-read when the file changes, so the secretariat's updates count at once.
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

namespace zb::gateway {

class EnrollmentRegister {
 public:
  explicit EnrollmentRegister(std::string file) : m_file(std::move(file)) {}
  // Whether the BSN is in the register (false when there is no register or it cannot be read).
  bool Enrolled(const std::string& bsn);

 private:
  std::string m_file;
  std::mutex m_mutex;
  std::filesystem::file_time_type m_read{};
  std::set<std::string> m_bsns;
};

}  // namespace zb::gateway
