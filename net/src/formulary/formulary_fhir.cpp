// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/formulary/formulary_fhir.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "domain/codes.h"
#include "net/json_member.h"

namespace zb::net::formulary {

namespace d = zb::domain;
using nlohmann::json;

namespace {

constexpr std::string_view kAtc = "http://www.whocc.no/atc";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string TextOf(const json& cc) {
  std::string text = StringMember(cc, "text");
  if (!text.empty()) return text;
  for (const auto& c : MemberRef(cc, "coding")) {
    text = StringMember(c, "display");
    if (!text.empty()) return text;
  }
  return {};
}

std::string CodeIn(const json& cc, std::string_view system) {
  for (const auto& c : MemberRef(cc, "coding")) {
    if (StringMember(c, "system") == system) return StringMember(c, "code");
  }
  return {};
}

std::string NumberText(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    std::string s = v.dump();
    return s;
  }
  return {};
}

// The Medication's item, or problems (each prefixed with `where`).
d::FormularyItem Item(const json& m, const std::string& where, std::vector<std::string>& problems) {
  d::FormularyItem item;
  const json& code = MemberRef(m, "code");
  item.name = TextOf(code);
  item.prk = CodeIn(code, d::systems::kPrk);
  item.gpk = CodeIn(code, d::systems::kGpk);
  item.hpk = CodeIn(code, d::systems::kHpk);
  item.atc = CodeIn(code, kAtc);
  item.form = Lower(TextOf(MemberRef(m, "form")));
  const json& ingredients = MemberRef(m, "ingredient");
  if (ingredients.is_array() && !ingredients.empty()) {
    const json& first = ingredients.front();
    const json& substance = MemberRef(first, "itemCodeableConcept");
    item.substance = Lower(TextOf(substance));
    if (item.atc.empty()) item.atc = CodeIn(substance, kAtc);
    const json& numerator = MemberRef(MemberRef(first, "strength"), "numerator");
    const std::string value = NumberText(MemberRef(numerator, "value"));
    if (!value.empty())
      item.strength = value + " " + StringMemberOr(numerator, "unit", StringMember(numerator, "code"));
  }
  for (const auto& e : MemberRef(m, "extension")) {
    if (StringMember(e, "url") != kInGdsExtension) continue;
    const json& v = MemberRef(e, "valueBoolean");
    if (!v.is_boolean())
      problems.push_back(where + ", extension formulary-in-gds: valueBoolean (true or false) expected");
    else
      item.inGds = v.get<bool>();
  }
  auto digits = [](const std::string& s) {
    return s.size() <= 8 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  };
  if (item.name.empty()) problems.push_back(where + ", code: no text and no coding display (the product's name)");
  if (item.prk.empty() && item.gpk.empty() && item.hpk.empty())
    problems.push_back(where + ", code.coding: no PRK, GPK or HPK code");
  for (const auto& [name, value] : {std::pair{"PRK", &item.prk}, {"GPK", &item.gpk}, {"HPK", &item.hpk}}) {
    if (!digits(*value)) problems.push_back(where + ", code.coding " + name + ": '" + *value + "' is not digits");
  }
  return item;
}

}  // namespace

d::Result<std::vector<d::FormularyItem>> ReadFormularyFhir(std::string_view text, const std::string& origin,
                                                           const CsvLimits& limits) {
  if (text.size() > limits.maxBytes)
    return d::MakeError(d::ErrorCode::kOutOfRange, origin + ": larger than " + std::to_string(limits.maxBytes >> 20) +
                                                       " MB; is this the formulary?");
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": not JSON (expected a FHIR Bundle of Medication)");
  std::vector<std::pair<std::string, const json*>> medications;
  const std::string type = StringMember(doc, "resourceType");
  if (type == "Medication") {
    medications.emplace_back("Medication", &doc);
  } else if (type == "Bundle") {
    const json& entries = MemberRef(doc, "entry");
    for (std::size_t i = 0; entries.is_array() && i < entries.size(); ++i) {
      const json& r = MemberRef(entries[i], "resource");
      if (StringMember(r, "resourceType") != "Medication") continue;  // e.g. an OperationOutcome beside them
      const std::string id = StringMember(r, "id");
      medications.emplace_back("entry " + std::to_string(i + 1) + (id.empty() ? "" : " (Medication/" + id + ")"), &r);
    }
  } else {
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        origin + ": resourceType '" + type + "'; expected a Bundle of Medication or one Medication");
  }
  if (medications.empty()) return d::MakeError(d::ErrorCode::kMissing, origin + ": the Bundle holds no Medication");
  if (medications.size() > limits.maxRows)
    return d::MakeError(d::ErrorCode::kOutOfRange,
                        origin + ": more than " + std::to_string(limits.maxRows) + " products");
  std::vector<d::FormularyItem> items;
  std::vector<std::string> problems;
  for (const auto& [where, m] : medications) items.push_back(Item(*m, where, problems));
  if (!problems.empty()) {
    std::string detail = origin + ": not imported, " + std::to_string(problems.size()) + " problem" +
                         (problems.size() == 1 ? "" : "s") + ":";
    for (std::size_t i = 0; i < problems.size() && i < limits.maxProblems; ++i) detail += "\n  " + problems[i];
    if (problems.size() > limits.maxProblems)
      detail += "\n  … and " + std::to_string(problems.size() - limits.maxProblems) + " more";
    return d::MakeError(d::ErrorCode::kInvalidFormat, detail);
  }
  return items;
}

d::Result<std::vector<d::FormularyItem>> ReadFormulary(std::string_view text, const std::string& origin,
                                                       const CsvLimits& limits) {
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  const auto first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '{') return ReadFormularyFhir(rest, origin, limits);
  return ReadFormularyCsv(text, origin, limits);
}

}  // namespace zb::net::formulary
