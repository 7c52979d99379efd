// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/patient_search.h"

#include <algorithm>
#include <cctype>

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

ParsedSearch ParseSearch(const std::string& bsnText, const std::string& birthText, d::Date today) {
  ParsedSearch out;
  std::string digits;
  for (char c : bsnText) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits += c;
    else if (c != ' ' && c != '.' && c != '-') {
      out.errors.bsn = Tr("Een BSN bestaat alleen uit cijfers.");
      break;
    }
  }
  if (out.errors.bsn.empty()) {
    if (digits.empty())
      out.errors.bsn = Tr("Vul het BSN in (9 cijfers).");
    else if (digits.size() != 9)
      out.errors.bsn = Fmt("Een BSN heeft 9 cijfers; u typte er {0}.", {std::to_string(digits.size())});
  }
  std::optional<d::Bsn> bsn;
  if (out.errors.bsn.empty()) {
    auto parsed = d::Bsn::Parse(digits);
    if (parsed)
      bsn = parsed.value();
    else
      out.errors.bsn = Tr("Dit BSN klopt niet (11-proef): controleer de cijfers.");
  }
  std::optional<d::Date> birth;
  if (birthText.empty()) {
    out.errors.birthDate = Tr("Vul de geboortedatum in (dd-mm-jjjj).");
  } else {
    auto parsed = d::ParseUserDate(birthText);
    if (!parsed)
      out.errors.birthDate = Tr("Geboortedatum niet herkend: gebruik dd-mm-jjjj.");
    else if (parsed.value() > today)
      out.errors.birthDate = Tr("De geboortedatum ligt in de toekomst.");
    else
      birth = parsed.value();
  }
  if (bsn && birth) out.query = PatientQuery{*bsn, *birth};
  return out;
}

std::vector<d::RegisteredPatient> FindPatients(const std::vector<d::RegisteredPatient>& all, const PatientQuery& q) {
  std::vector<d::RegisteredPatient> out;
  for (const auto& p : all) {
    if (p.bsn == q.bsn && p.birthDate && *p.birthDate == q.birthDate) out.push_back(p);
  }
  return out;
}

}  // namespace zb::present
