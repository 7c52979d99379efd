// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrollment.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace zb::gateway {

bool EnrollmentRegister::Enrolled(const std::string& bsn) {
  if (m_file.empty() || bsn.empty()) return false;
  std::lock_guard lock(m_mutex);
  std::error_code ec;
  const auto modified = std::filesystem::last_write_time(m_file, ec);
  if (!ec && modified != m_read) {
    std::ifstream in(m_file);
    const auto root = nlohmann::json::parse(in, nullptr, false);
    if (!root.is_object() || !root.value("patients", nlohmann::json()).is_array()) {
      // Keep the last good register: a half-written file must not un-enrol everyone.
      std::clog << "enrollment register " << m_file
                << " is not readable JSON with a patients list; kept the last one\n";
    } else {
      m_bsns.clear();
      for (const auto& p : root["patients"]) {
        if (p.is_object() && p.value("bsn", nlohmann::json()).is_string()) m_bsns.insert(p["bsn"].get<std::string>());
      }
      m_read = modified;
    }
  }
  return m_bsns.count(bsn) > 0;
}

}  // namespace zb::gateway
