// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/date_placeholders.h"

#include <charconv>
#include <cstdio>

namespace zb::net::fhir {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Parses "D, -60" style tail; returns false when the placeholder is not one we know.
bool Shift(std::string_view body, domain::Date today, domain::Date& out) {
  // body: "DATE, T, D, -60"
  std::string_view parts[4];
  std::size_t n = 0;
  while (n < 4) {
    const auto comma = body.find(',');
    parts[n++] = Trim(body.substr(0, comma));
    if (comma == std::string_view::npos) break;
    body.remove_prefix(comma + 1);
  }
  if (n != 4 || parts[0] != "DATE" || parts[1] != "T") return false;
  std::string_view num = parts[3];
  if (!num.empty() && num.front() == '+') num.remove_prefix(1);
  int offset = 0;
  auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), offset);
  if (ec != std::errc() || ptr != num.data() + num.size() || offset < -100000 || offset > 100000) return false;
  try {
    if (parts[2] == "D")
      out = today + boost::gregorian::days(offset);
    else if (parts[2] == "M")
      out = today + boost::gregorian::months(offset);
    else if (parts[2] == "Y")
      out = today + boost::gregorian::years(offset);
    else
      return false;
  } catch (const std::exception&) {
    return false;  // outside Boost's calendar range
  }
  return true;
}

}  // namespace

std::string SubstituteDatePlaceholders(std::string_view text, domain::Date today) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("${", pos);
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    domain::Date shifted;
    if (Shift(text.substr(open + 2, close - open - 2), today, shifted)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(shifted.year()) % 10000,
                    static_cast<int>(shifted.month()), static_cast<int>(shifted.day()));
      out += buf;
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace zb::net::fhir
