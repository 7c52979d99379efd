// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The plain text inside a sealed record, and the canonical form of an audit record that its MAC
// covers: named fields, each written as name ':' length ':' bytes, so any value (even one holding
// separators) reads back exactly and two different records never serialise the same way.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace zb::store::detail {

class FieldWriter {
 public:
  FieldWriter& Add(std::string_view name, std::string_view value) {
    m_out.append(name).append(":").append(std::to_string(value.size())).append(":").append(value);
    return *this;
  }
  const std::string& str() const { return m_out; }

 private:
  std::string m_out;
};

// nullopt when the text is not a field list (a damaged or foreign record).
inline std::optional<std::map<std::string, std::string>> ReadFields(std::string_view text) {
  std::map<std::string, std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t c1 = text.find(':', i);
    if (c1 == std::string_view::npos) return std::nullopt;
    const std::size_t c2 = text.find(':', c1 + 1);
    if (c2 == std::string_view::npos || c2 == c1 + 1 || c2 - c1 > 11) return std::nullopt;
    std::size_t len = 0;
    for (std::size_t k = c1 + 1; k < c2; ++k) {
      if (text[k] < '0' || text[k] > '9') return std::nullopt;
      len = len * 10 + static_cast<std::size_t>(text[k] - '0');
    }
    if (len > text.size() - c2 - 1) return std::nullopt;
    out[std::string(text.substr(i, c1 - i))] = std::string(text.substr(c2 + 1, len));
    i = c2 + 1 + len;
  }
  return out;
}

}  // namespace zb::store::detail
