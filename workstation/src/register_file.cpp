// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/register_file.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "net/json_member.h"

namespace zb::workstation {

using domain::ErrorCode;
using domain::MakeError;
using net::StringMember;
using nlohmann::json;

domain::Result<std::vector<domain::RegisteredPatient>> ReadRegisterFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kIo, "cannot read the patient register " + path);
  const json reg = json::parse(in, nullptr, false);
  if (!reg.is_object() || !reg.contains("patients") || !reg["patients"].is_array()) {
    return MakeError(ErrorCode::kInvalidFormat, path + ": not a patient register (an object with a 'patients' array)");
  }
  std::vector<domain::RegisteredPatient> out;
  std::size_t index = 0;
  for (const auto& p : reg["patients"]) {
    const std::string where = path + ": patients[" + std::to_string(index++) + "]";
    auto bsn = domain::Bsn::Parse(StringMember(p, "bsn"));
    if (!bsn) return MakeError(ErrorCode::kInvalidFormat, where + ": bsn is not a valid BSN");
    domain::RegisteredPatient r{0,
                                bsn.value(),
                                StringMember(p, "name"),
                                std::nullopt,
                                domain::PatientCategory::kAdmitted,
                                std::nullopt,
                                StringMember(p, "location"),
                                {}};
    if (const std::string birth = StringMember(p, "birth_date"); !birth.empty()) {
      auto d = domain::DateTime::Parse(birth);
      if (!d || d->precision() != domain::DatePrecision::kDay)
        return MakeError(ErrorCode::kInvalidFormat, where + ": birth_date is not a date (jjjj-mm-dd)");
      r.birthDate = d->LocalDate();
    }
    if (const std::string c = StringMember(p, "category"); !c.empty()) {
      auto category = domain::PatientCategoryFromString(c);
      if (!category)
        return MakeError(ErrorCode::kInvalidFormat, where + ": category must be expected, admitted or temporary");
      r.category = *category;
    }
    const json sources = p.is_object() && p.contains("sources") ? p["sources"] : json::array();
    for (const auto& s : sources) {
      domain::KnownSource k;
      k.source.id = StringMember(s, "id");
      k.source.kind = domain::SourceKindFromString(StringMember(s, "kind"));
      k.source.name = net::StringMemberOr(s, "name", k.source.id);
      k.ura = StringMember(s, "ura");
      if (k.source.id.empty() || k.ura.empty())
        return MakeError(ErrorCode::kMissing, where + ": a source lacks id or ura");
      r.sources.push_back(std::move(k));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace zb::workstation
