// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A pharmacy's processing answer as the outbox keeps it (sealed in the item's record): one line per
// TA/MVE, tab-separated fields. Tabs and line breaks inside a field become spaces: the fields are
// display text, and a pharmacy's text must not be able to add a line.
#include <sstream>
#include <string>
#include <vector>

#include "domain/processing.h"

namespace zb::workstation::detail {

inline std::string Flat(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

inline std::string EncodeProcessing(const std::vector<domain::ProcessedBlock>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    out += b.kind == domain::ProcessedBlock::Kind::kDispense ? "MVE" : "TA";
    out += "\t" + Flat(b.authorising) + "\t" + Flat(b.product) + "\t" + Flat(b.detail) + "\t" +
           (b.moment ? domain::DateTime::FromInstant(*b.moment).ToIso() : std::string()) + "\t" +
           (b.stop ? "stop" : "") + "\n";
  }
  return out;
}

inline std::vector<domain::ProcessedBlock> DecodeProcessing(const std::string& text) {
  std::vector<domain::ProcessedBlock> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    if (f.size() != 6) continue;
    domain::ProcessedBlock b;
    b.kind = f[0] == "MVE" ? domain::ProcessedBlock::Kind::kDispense
                           : domain::ProcessedBlock::Kind::kAdministrationAgreement;
    b.authorising = f[1];
    b.product = f[2];
    b.detail = f[3];
    if (auto m = domain::DateTime::Parse(f[4])) b.moment = m.value().Earliest();
    b.stop = f[5] == "stop";
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace zb::workstation::detail
