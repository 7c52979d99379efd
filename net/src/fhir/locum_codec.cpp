// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/locum_codec.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace zb::net::fhir {

namespace d = zb::domain;
using json = nlohmann::ordered_json;

namespace {

constexpr int kFormat = 1;

struct Bad {
  std::string detail;
};

std::string InstantText(d::Instant t) { return d::DateTime::FromInstant(t, 0).ToIso(); }

d::Instant InstantOf(const json& j, const char* name) {
  if (!j.contains(name) || !j[name].is_string()) throw Bad{std::string(name) + " is missing"};
  auto t = d::DateTime::Parse(j[name].get<std::string>());
  if (!t || t->precision() != d::DatePrecision::kSecond) throw Bad{std::string(name) + " is not a date and time"};
  return t->Earliest();
}

d::Date DateOf(const json& j, const char* name) {
  if (!j.contains(name) || !j[name].is_string()) throw Bad{std::string(name) + " is missing"};
  auto t = d::DateTime::Parse(j[name].get<std::string>());
  if (!t || t->precision() != d::DatePrecision::kDay) throw Bad{std::string(name) + " is not a date"};
  return t->LocalDate();
}

template <class T>
T Get(const json& j, const char* name, T fallback) {
  if (!j.contains(name)) return fallback;
  return j.at(name).get<T>();  // a wrong type throws json::type_error: refused as a whole
}

// An integer in [lo, hi]; a float, a string or a value out of range is refused (a cast of a huge
// float to int would be undefined behaviour).
int IntIn(const json& j, const char* name, int fallback, int lo, int hi) {
  if (!j.contains(name)) return fallback;
  const json& v = j.at(name);
  if (!v.is_number_integer()) throw Bad{std::string(name) + " is not a whole number"};
  const auto n = v.get<std::int64_t>();
  if (n < lo || n > hi) throw Bad{std::string(name) + " is out of range"};
  return static_cast<int>(n);
}

template <class E, std::size_t N>
E EnumOf(const json& j, const char* name, const char* const (&names)[N]) {
  const std::string v = Get<std::string>(j, name, names[0]);
  for (std::size_t i = 0; i < N; ++i)
    if (v == names[i]) return static_cast<E>(i);
  throw Bad{std::string(name) + " '" + v + "' is unknown"};
}

const char* const kStatus[] = {"draft", "final", "amended"};
const char* const kKinds[] = {"visit", "phone", "video"};
const char* const kCallers[] = {"nurse", "family", "patient", "other"};
const char* const kVitals[] = {"blood-pressure", "pulse", "temperature", "spo2", "respiratory-rate", "glucose"};
const char* const kPriorities[] = {"routine", "urgent"};

d::LocumReport Decode(const json& j) {
  if (!j.is_object() || IntIn(j, "format", 0, 0, 1000) != kFormat)
    throw Bad{"format is not " + std::to_string(kFormat)};
  d::LocumReport r;
  r.id = Get<std::string>(j, "id", "");
  if (r.id.empty()) throw Bad{"id is missing"};
  r.replaces = Get<std::string>(j, "replaces", "");
  r.version = IntIn(j, "version", 1, 1, 10000);
  r.status = EnumOf<d::ReportStatus>(j, "status", kStatus);
  if (j.contains("signedAt")) r.signedAt = InstantOf(j, "signedAt");
  const json& p = j.at("patient");
  if (p.contains("bsn")) {
    auto bsn = d::Bsn::Parse(p.at("bsn").get<std::string>());
    if (!bsn) throw Bad{"patient.bsn does not pass the 11-test"};
    r.patient.bsn = bsn.value();
  }
  r.patient.name = Get<std::string>(p, "name", "");
  if (p.contains("birthDate")) r.patient.birthDate = DateOf(p, "birthDate");
  const json& c = j.at("contact");
  if (c.contains("start")) r.contact.start = InstantOf(c, "start");
  if (c.contains("end")) r.contact.end = InstantOf(c, "end");
  r.contact.kind = EnumOf<d::ContactKind>(c, "kind", kKinds);
  r.contact.caller = EnumOf<d::Caller>(c, "caller", kCallers);
  r.contact.callerDetail = Get<std::string>(c, "callerDetail", "");
  if (c.contains("urgency")) r.contact.urgency = IntIn(c, "urgency", 0, 1, 5);
  r.contact.location = Get<std::string>(c, "location", "");
  const json& a = j.at("author");
  r.author = {Get<std::string>(a, "name", ""), Get<std::string>(a, "dezi", ""),
              Get<std::string>(a, "role", ""), Get<std::string>(a, "roleName", ""),
              Get<std::string>(a, "ura", ""),  Get<std::string>(a, "organisation", "")};
  r.replyPhone = Get<std::string>(j, "replyPhone", "");
  r.reason = Get<std::string>(j, "reason", "");
  r.subjective = Get<std::string>(j, "subjective", "");
  r.objective = Get<std::string>(j, "objective", "");
  for (const auto& v : j.value("vitals", json::array()))
    r.vitals.push_back(
        {EnumOf<d::VitalKind>(v, "kind", kVitals), v.at("value").get<double>(), Get<double>(v, "diastolic", 0)});
  r.evaluation = Get<std::string>(j, "evaluation", "");
  for (const auto& dx : j.value("diagnoses", json::array()))
    r.diagnoses.push_back(
        {dx.at("system").get<std::string>(), dx.at("code").get<std::string>(), Get<std::string>(dx, "display", "")});
  r.episodeProposal = Get<bool>(j, "episodeProposal", false);
  r.plan = Get<std::string>(j, "plan", "");
  for (const auto& m : j.value("medication", json::array()))
    r.medication.push_back(
        {{Get<std::string>(m, "system", ""), m.at("value").get<std::string>()}, Get<std::string>(m, "text", "")});
  for (const auto& q : j.value("requests", json::array()))
    r.requests.push_back({q.at("text").get<std::string>(), q.contains("due") ? DateOf(q, "due") : d::Date(),
                          EnumOf<d::RequestPriority>(q, "priority", kPriorities)});
  r.agreements = Get<std::string>(j, "agreements", "");
  if (j.contains("context")) {
    const json& x = j.at("context");
    d::ReportContext context;
    context.retrievedAt = InstantOf(x, "retrievedAt");
    context.incomplete = Get<std::string>(x, "incomplete", "");
    context.sources = Get<std::vector<std::string>>(x, "sources", {});
    context.medication = Get<std::vector<std::string>>(x, "medication", {});
    context.ica = Get<std::vector<std::string>>(x, "ica", {});
    r.context = std::move(context);
  }
  return r;
}

}  // namespace

std::string EncodeLocumReport(const d::LocumReport& r) {
  json j = {{"format", kFormat}, {"id", r.id}};
  if (!r.replaces.empty()) j["replaces"] = r.replaces;
  j["version"] = r.version;
  j["status"] = kStatus[static_cast<int>(r.status)];
  if (r.signedAt) j["signedAt"] = InstantText(*r.signedAt);
  json p = json::object();
  if (r.patient.bsn) p["bsn"] = r.patient.bsn->digits();
  p["name"] = r.patient.name;
  if (r.patient.birthDate) p["birthDate"] = boost::gregorian::to_iso_extended_string(*r.patient.birthDate);
  j["patient"] = p;
  json c = json::object();
  if (!r.contact.start.is_not_a_date_time()) c["start"] = InstantText(r.contact.start);
  if (r.contact.end) c["end"] = InstantText(*r.contact.end);
  c["kind"] = kKinds[static_cast<int>(r.contact.kind)];
  c["caller"] = kCallers[static_cast<int>(r.contact.caller)];
  c["callerDetail"] = r.contact.callerDetail;
  if (r.contact.urgency) c["urgency"] = *r.contact.urgency;
  c["location"] = r.contact.location;
  j["contact"] = c;
  j["author"] = {{"name", r.author.name},           {"dezi", r.author.deziNumber},
                 {"role", r.author.roleCode},       {"roleName", r.author.roleName},
                 {"ura", r.author.organisationUra}, {"organisation", r.author.organisationName}};
  j["replyPhone"] = r.replyPhone;
  j["reason"] = r.reason;
  j["subjective"] = r.subjective;
  j["objective"] = r.objective;
  j["vitals"] = json::array();
  for (const auto& v : r.vitals)
    j["vitals"].push_back(
        {{"kind", kVitals[static_cast<int>(v.kind)]}, {"value", v.value}, {"diastolic", v.diastolic}});
  j["evaluation"] = r.evaluation;
  j["diagnoses"] = json::array();
  for (const auto& dx : r.diagnoses)
    j["diagnoses"].push_back({{"system", dx.system}, {"code", dx.code}, {"display", dx.display}});
  j["episodeProposal"] = r.episodeProposal;
  j["plan"] = r.plan;
  j["medication"] = json::array();
  for (const auto& m : r.medication)
    j["medication"].push_back({{"system", m.agreement.system}, {"value", m.agreement.value}, {"text", m.text}});
  j["requests"] = json::array();
  for (const auto& q : r.requests) {
    json item = {{"text", q.text}, {"priority", kPriorities[static_cast<int>(q.priority)]}};
    if (!q.due.is_not_a_date()) item["due"] = boost::gregorian::to_iso_extended_string(q.due);  // a draft may lack it
    j["requests"].push_back(std::move(item));
  }
  j["agreements"] = r.agreements;
  if (r.context)
    j["context"] = {{"retrievedAt", InstantText(r.context->retrievedAt)},
                    {"incomplete", r.context->incomplete},
                    {"sources", r.context->sources},
                    {"medication", r.context->medication},
                    {"ica", r.context->ica}};
  return j.dump();
}

d::Result<d::LocumReport> DecodeLocumReport(std::string_view text, const std::string& origin) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": not valid JSON");
  try {
    return Decode(j);
  } catch (const Bad& e) {
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": " + e.detail);
  } catch (const json::exception& e) {
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        origin + ": an element is missing or of the wrong type (" + std::string(e.what()) + ")");
  }
}

}  // namespace zb::net::fhir
