// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/amo_identity.h"

#include <algorithm>
#include <cctype>

#include "domain/amo_text.h"
#include "domain/date_time.h"

namespace zb::domain {
namespace {

std::string MaskedDigits(const std::string& digits) {
  return digits.size() > 3 ? std::string(digits.size() - 3, '*') + digits.substr(digits.size() - 3) : digits;
}

// The words of a name that identify: no initials, no punctuation. "Jansen, A." and "A. Jansen" and
// "JANSEN A" give {"jansen"}.
std::vector<std::string> NameWords(const std::string& name) {
  std::string cleaned;
  for (char c : amo::Folded(name)) cleaned += (c == '.' || c == ',' || c == '-') ? ' ' : c;
  std::vector<std::string> out;
  for (auto& w : amo::Words(cleaned))
    if (w.size() > 1) out.push_back(w);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<AmoIdentityDifference> AmoIdentityDifferences(const AmoHeader& amo, const Patient& patient) {
  std::vector<AmoIdentityDifference> out;
  const std::string ownBsn = patient.bsn ? patient.bsn->digits() : "";
  // OCR confidence does not decide here: a misread that still equals the chosen patient's BSN (which
  // passes the 11-test) and birth date is not a risk, while anything that does not read is refused.
  if (amo.bsn.value.empty() || amo.bsn.value != ownBsn)
    out.push_back(
        {"bsn",
         amo.bsn.Present() ? MaskedDigits(amo.bsn.value.empty() ? amo.bsn.text : amo.bsn.value) : "niet op de AMO",
         MaskedDigits(ownBsn)});
  const std::string ownBirth = patient.birthDate ? FormatDate(*patient.birthDate) : "";
  std::string amoBirth;
  if (auto d = ParseUserDate(amo.birthDate.value); d) amoBirth = FormatDate(d.value());
  if (amoBirth.empty() || amoBirth != ownBirth)
    out.push_back({"birthDate", amo.birthDate.Present() ? amo.birthDate.text : "niet op de AMO", ownBirth});
  const auto amoWords = NameWords(amo.patientName.text);
  const auto ownWords = NameWords(patient.name);
  const bool allThere = !ownWords.empty() && std::all_of(ownWords.begin(), ownWords.end(), [&](const std::string& w) {
    return std::find(amoWords.begin(), amoWords.end(), w) != amoWords.end();
  });
  if (!allThere)
    out.push_back({"name", amo.patientName.Present() ? amo.patientName.text : "niet op de AMO", patient.name});
  return out;
}

}  // namespace zb::domain
