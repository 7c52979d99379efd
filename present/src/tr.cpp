// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/tr.h"

#include <vector>

namespace zb::present {

namespace {
std::string Identity(const char* msgid) { return msgid; }
Translator g_translator = &Identity;
}  // namespace

void SetTranslator(Translator translator) { g_translator = translator ? translator : &Identity; }

std::string Tr(const char* msgid) { return g_translator(msgid); }

std::string Fmt(const char* pattern, std::initializer_list<std::string> args) {
  const std::string p = Tr(pattern);
  const std::vector<std::string> a(args);
  std::string out;
  out.reserve(p.size() + 32);
  for (std::size_t i = 0; i < p.size(); ++i) {
    // {n} with a single digit: enough for every pattern we have, and unambiguous.
    if (p[i] == '{' && i + 2 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '9' && p[i + 2] == '}') {
      const auto n = static_cast<std::size_t>(p[i + 1] - '0');
      if (n < a.size()) out += a[n];
      i += 2;
      continue;
    }
    out += p[i];
  }
  return out;
}

}  // namespace zb::present
