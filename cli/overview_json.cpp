// SPDX-License-Identifier: GPL-3.0-or-later
// Machine-readable overview: stable keys, language-neutral codes (texts are for people; scripts
// get the codes and arguments the domain produced).
#include <nlohmann/json.hpp>

#include "overview_report.h"
#include "present/dose_texts.h"

namespace zb::cli {

namespace d = zb::domain;
using json = nlohmann::ordered_json;

namespace {

json Iso(const std::optional<d::Instant>& t) { return t ? json(d::DateTime::FromInstant(*t).ToIso()) : json(nullptr); }

json ProductJson(const d::Product& p) {
  json codes = json::array();
  for (const auto& c : p.codes)
    codes.push_back({{"level", d::ToString(c.level)}, {"system", c.coding.system}, {"code", c.coding.code}});
  return {{"name", p.DisplayName()}, {"codes", codes}};
}

json LineJson(const d::TreatmentLine& line) {
  json j;
  j["treatment"] = {{"system", line.treatment.system}, {"value", line.treatment.value}};
  j["status"] = d::ToString(line.status);
  j["product"] = ProductJson(*line.product);
  j["dosage"] = line.DoseBlock() ? zb::present::DoseOf(*line.DoseBlock()).Full() : std::string();
  j["start"] = Iso(line.start);
  j["end"] = Iso(line.end);
  j["resumesAt"] = Iso(line.resumesAt);
  j["sources"] = line.sources;
  j["gds"] = {
      {"inRoll", line.gds.inRoll}, {"keepOutOfRoll", line.gds.keepOutOfRoll}, {"timing", d::ToString(line.gds.timing)}};
  json agreements = json::array();
  for (const auto& ma : line.agreements) agreements.push_back(ma->h.id.value);
  j["agreements"] = agreements;
  json tas = json::array();
  for (const auto& ta : line.administrationAgreements)
    tas.push_back({{"id", ta->h.id.value}, {"source", ta->h.source}, {"gds", ta->distributedInGds}});
  j["administrationAgreements"] = tas;
  j["endedBy"] = line.endedBy ? json(line.endedBy->h.id.value) : json(nullptr);
  json blocks = json::array();
  for (const auto& b : line.blocks)
    blocks.push_back({{"kind", d::Abbreviation(b->kind)},
                      {"id", b->id.value},
                      {"source", b->source},
                      {"stop", d::ToString(b->stop.type)}});
  j["blocks"] = blocks;
  json disc = json::array();
  for (const auto& x : line.discrepancies) {
    disc.push_back({{"kind", d::ToString(x.kind)},
                    {"severity", x.severity == d::Severity::kWarning ? "warning" : "info"},
                    {"sources", x.sources},
                    {"args", x.args}});
  }
  j["discrepancies"] = disc;
  json trace = json::array();
  for (const auto& t : line.trace)
    trace.push_back({{"code", d::ToString(t.code)}, {"block", t.block}, {"args", t.args}});
  j["trace"] = trace;
  return j;
}

template <class T, class F>
json IcaLines(const std::vector<d::IcaLine<T>>& lines, F&& item) {
  json arr = json::array();
  for (const auto& l : lines) {
    json j = item(l.item);
    j["current"] = l.current;
    j["sources"] = l.sources;
    arr.push_back(j);
  }
  return arr;
}

}  // namespace

void WriteJson(std::ostream& out, const ReportInput& in) {
  json j;
  j["at"] = Iso(in.overview.at);
  j["complete"] = in.data.skipped == 0 && (!in.picture || in.picture->Complete());
  j["skippedResources"] = in.data.skipped;
  json sources = json::array();
  if (in.picture) {
    for (const auto& s : in.picture->sources()) {
      sources.push_back({{"id", s.source.id},
                         {"kind", d::ToString(s.source.kind)},
                         {"name", s.source.name},
                         {"ura", s.ura},
                         {"phone", s.source.phone},
                         {"status", d::ToString(s.status)},
                         {"reason", s.reason},
                         {"missing", s.missing},
                         {"detail", s.detail},
                         {"elapsedMs", s.elapsed.count()},
                         {"requests", s.requests},
                         {"resources", s.resources},
                         {"blocks", s.blocks}});
    }
  } else {
    for (const auto& s : in.data.sources) sources.push_back({{"id", s.id}, {"kind", d::ToString(s.kind)}});
  }
  j["sources"] = sources;
  json lines = json::array();
  for (const auto& l : in.overview.lines) lines.push_back(LineJson(l));
  j["treatments"] = lines;
  j["ica"]["allergies"] = IcaLines(in.ica.allergies, [](const d::Allergy& a) {
    return json{{"substance", a.substance.Label()},
                {"criticality", d::ToString(a.criticality)},
                {"clinicalStatus", d::ToString(a.clinical)},
                {"reactionRecord", a.reactionRecord}};
  });
  j["ica"]["contraIndications"] = IcaLines(in.ica.contraIndications, [](const d::ContraIndication& c) {
    return json{{"code", c.code.Label()}, {"category", c.categoryCode}};
  });
  j["ica"]["surveillanceDecisions"] = IcaLines(in.ica.surveillanceDecisions, [](const d::SurveillanceDecision& s) {
    return json{{"unsafe", s.unsafe.Label()}};
  });
  j["ica"]["alerts"] = IcaLines(in.ica.alerts, [](const d::Alert& a) { return json{{"code", a.code.Label()}}; });
  json issues = json::array();
  for (const auto& i : in.data.issues) {
    issues.push_back(
        {{"severity", i.severity == net::fhir::IssueSeverity::kError ? "error" : "warning"}, {"text", i.Describe()}});
  }
  j["issues"] = issues;
  out << j.dump(2) << "\n";
}

}  // namespace zb::cli
