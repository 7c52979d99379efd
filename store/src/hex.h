// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lower-case hex for MACs and for the sealed key check kept in the (text) settings table.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zb::store::detail {

inline std::string ToHex(const unsigned char* data, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  return out;
}

// nullopt for an odd length or a character that is not lower-case hex.
inline std::optional<std::vector<unsigned char>> FromHex(std::string_view text) {
  auto nibble = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  if (text.size() % 2 != 0) return std::nullopt;
  std::vector<unsigned char> out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = nibble(text[i]);
    const int lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return out;
}

}  // namespace zb::store::detail
