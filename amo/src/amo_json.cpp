// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/amo_json.h"

namespace zb::amo {
namespace {

namespace d = domain;
using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json FieldJson(const d::AmoField& f) {
  json j = {{"text", f.text}, {"value", f.value}, {"confidence", f.confidence}, {"uncertain", f.uncertain}};
  if (!f.why.empty()) j["why"] = f.why;
  if (f.box) {
    j["page"] = f.box->page;
    j["box"] = {f.box->left, f.box->top, f.box->right, f.box->bottom};
  }
  return j;
}

d::AmoField FieldFrom(const json& j) {
  d::AmoField f;
  f.text = j.at("text").get<std::string>();
  f.value = j.at("value").get<std::string>();
  f.confidence = j.at("confidence").get<double>();
  f.uncertain = j.at("uncertain").get<bool>();
  f.why = j.value("why", "");
  if (j.contains("box")) {
    const auto& b = j.at("box");
    f.box = d::PageBox{j.at("page").get<int>(), b.at(0).get<double>(), b.at(1).get<double>(), b.at(2).get<double>(),
                       b.at(3).get<double>()};
  }
  return f;
}

struct NamedHeader {
  const char* name;
  d::AmoField d::AmoHeader::*field;
};
constexpr NamedHeader kHeaderFields[] = {{"patientName", &d::AmoHeader::patientName},
                                         {"bsn", &d::AmoHeader::bsn},
                                         {"birthDate", &d::AmoHeader::birthDate},
                                         {"sex", &d::AmoHeader::sex},
                                         {"hospital", &d::AmoHeader::hospital},
                                         {"department", &d::AmoHeader::department},
                                         {"author", &d::AmoHeader::author},
                                         {"title", &d::AmoHeader::title},
                                         {"printed", &d::AmoHeader::printed},
                                         {"admission", &d::AmoHeader::admission},
                                         {"discharge", &d::AmoHeader::discharge},
                                         {"allergies", &d::AmoHeader::allergies},
                                         {"renalFunction", &d::AmoHeader::renalFunction},
                                         {"weight", &d::AmoHeader::weight},
                                         {"verification", &d::AmoHeader::verification},
                                         {"pharmacy", &d::AmoHeader::pharmacy}};

json DoseJson(const d::AmoDose& dose) {
  return {{"amount", OrNull(dose.amount)}, {"amountMax", OrNull(dose.amountMax)}, {"unit", OrNull(dose.unit)},
          {"perPeriod", dose.perPeriod},   {"period", OrNull(dose.period)},       {"times", dose.times},
          {"asNeeded", dose.asNeeded},     {"condition", OrNull(dose.condition)}, {"maxPerDay", OrNull(dose.maxPerDay)},
          {"schedule", dose.schedule}};
}

std::string Str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? "" : it->get<std::string>();
}

}  // namespace

json ToJson(const d::AmoDocument& doc) {
  json lines = json::array();
  for (const auto& l : doc.lines) {
    json fields = json::object();
    for (const auto& f : d::kAmoLineFields) fields[f.name] = FieldJson(l.*(f.field));
    lines.push_back({{"status", OrNull(d::ToString(l.status))},
                     {"product", l.product.text},
                     {"name", l.name},
                     {"strength", OrNull(l.strength)},
                     {"form", OrNull(l.form)},
                     {"doseText", l.dose.text},
                     {"dose", DoseJson(l.doseReading)},
                     {"route", OrNull(l.route.value)},
                     {"start", OrNull(l.start.value)},
                     {"stop", OrNull(l.stop.value)},
                     {"reason", OrNull(l.reason.value)},
                     {"prescriber", OrNull(l.prescriber.value)},
                     {"remarks", OrNull(l.remarks.value)},
                     {"asNeeded", l.doseReading.asNeeded},
                     {"uncertain", l.Uncertain()},
                     {"uncertainFields", l.UncertainFields()},
                     {"page", l.page},
                     {"fields", fields}});
  }
  json header = json::object();
  for (const auto& f : kHeaderFields) header[f.name] = FieldJson(doc.header.*(f.field));
  return {{"patient",
           {{"name", doc.header.patientName.value},
            {"bsn", OrNull(doc.header.bsn.value)},
            {"birthDate", OrNull(doc.header.birthDate.value)}}},
          {"header", header},
          {"pages", doc.pages},
          {"ocrPages", doc.ocrPages},
          {"warnings", doc.warnings},
          {"lines", lines}};
}

d::Result<d::AmoDocument> FromJson(const json& j) {
  try {
    d::AmoDocument doc;
    doc.pages = j.at("pages").get<int>();
    doc.ocrPages = j.at("ocrPages").get<int>();
    doc.warnings = j.at("warnings").get<std::vector<std::string>>();
    for (const auto& f : kHeaderFields) doc.header.*(f.field) = FieldFrom(j.at("header").at(f.name));
    for (const auto& jl : j.at("lines")) {
      d::AmoLine l;
      for (const auto& f : d::kAmoLineFields) l.*(f.field) = FieldFrom(jl.at("fields").at(f.name));
      l.status = d::AmoStatusFromString(Str(jl, "status"));
      l.name = jl.at("name").get<std::string>();
      l.strength = Str(jl, "strength");
      l.form = Str(jl, "form");
      l.page = jl.at("page").get<int>();
      const auto& dj = jl.at("dose");
      l.doseReading = d::AmoDose{Str(dj, "amount"),
                                 Str(dj, "amountMax"),
                                 Str(dj, "unit"),
                                 dj.at("perPeriod").get<int>(),
                                 Str(dj, "period"),
                                 dj.at("times").get<std::vector<std::string>>(),
                                 dj.at("asNeeded").get<bool>(),
                                 Str(dj, "condition"),
                                 Str(dj, "maxPerDay"),
                                 dj.at("schedule").get<bool>()};
      doc.lines.push_back(std::move(l));
    }
    return doc;
  } catch (const json::exception& e) {
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        std::string("the importer's answer is not what it writes: ") + e.what());
  }
}

}  // namespace zb::amo
