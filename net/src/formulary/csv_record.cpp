// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_record.h"

#include <algorithm>
#include <cctype>

namespace zb::net::csv {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Splits one record starting at `at`; advances `at` past its line end. Quoted fields may hold the
// separator, quotes ("") and line breaks. nullopt: a quote is never closed.
std::optional<std::vector<std::string>> Record(std::string_view text, std::size_t& at, char separator,
                                               std::size_t& lines) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  while (at < text.size()) {
    const char c = text[at++];
    if (quoted) {
      if (c == '"' && at < text.size() && text[at] == '"') {
        field += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++lines;
        field += c;
      }
    } else if (c == '"' && Trim(field).empty()) {
      quoted = true;
      field.clear();
    } else if (c == separator) {
      fields.push_back(Trim(field));
      field.clear();
    } else if (c == '\n') {
      ++lines;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) return std::nullopt;
  fields.push_back(Trim(field));
  return fields;
}

std::optional<bool> YesNo(const std::string& s) {
  const auto v = Lower(s);
  if (v.empty() || v == "nee" || v == "n" || v == "no" || v == "0") return false;
  if (v == "ja" || v == "j" || v == "yes" || v == "1") return true;
  return std::nullopt;
}

char SeparatorOf(std::string_view headerLine) {
  return std::count(headerLine.begin(), headerLine.end(), ';') >= std::count(headerLine.begin(), headerLine.end(), ',')
             ? ';'
             : ',';
}

}  // namespace zb::net::csv
