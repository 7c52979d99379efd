// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roster readers' refusal: the first problems by place, and how many more.
#include <string>
#include <vector>

#include "domain/result.h"

namespace zb::net::roster {

class Problems {
 public:
  Problems(std::string origin, std::size_t max) : m_origin(std::move(origin)), m_max(max) {}
  void Add(const std::string& where, const std::string& what) {
    if (++m_count <= m_max) m_listed.push_back(where + ": " + what);
  }
  bool any() const { return m_count > 0; }
  domain::Error Refusal() const {
    std::string detail =
        m_origin + ": not imported, " + std::to_string(m_count) + " problem" + (m_count == 1 ? "" : "s") + ":";
    for (const auto& p : m_listed) detail += "\n  " + p;
    if (m_count > m_listed.size()) detail += "\n  … and " + std::to_string(m_count - m_listed.size()) + " more";
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, detail);
  }

 private:
  std::string m_origin;
  std::size_t m_max;
  std::size_t m_count = 0;
  std::vector<std::string> m_listed;
};

}  // namespace zb::net::roster
