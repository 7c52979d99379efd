// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

#include "domain/markup_text.h"
#include "locum_report_codes.h"
#include "net/fhir/locum_report_fhir.h"
#include "write_json.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using namespace write;
using namespace locum;

namespace {

std::string Iso(d::Instant utc) {
  const auto offset = (d::ToNetherlandsLocal(utc) - utc).total_seconds() / 60;
  return d::DateTime::FromInstant(utc, static_cast<int>(offset)).ToIso();
}

std::string IsoDate(d::Date date) { return boost::gregorian::to_iso_extended_string(date); }

// Narrative: one paragraph per line of text; what the receiver's reader shows when it cannot use
// the structure, so it holds the whole content of the section.
json Narrative(const std::vector<std::string>& paragraphs) {
  std::string div = R"(<div xmlns="http://www.w3.org/1999/xhtml">)";
  for (const auto& p : paragraphs) {
    std::size_t at = 0;
    while (at <= p.size()) {
      const std::size_t nl = std::min(p.find('\n', at), p.size());
      div += "<p>" + d::XmlEscaped(p.substr(at, nl - at)) + "</p>";
      at = nl + 1;
    }
  }
  div += "</div>";
  return {{"status", "generated"}, {"div", div}};
}

const VitalCode& VitalOf(d::VitalKind kind) {
  for (const auto& v : kVitalCodes)
    if (v.kind == kind) return v;
  return kVitalCodes[0];
}

std::string VitalText(const d::VitalSign& v) { return std::string(VitalOf(v.kind).dutch) + " " + d::VitalValueText(v); }

json Ref(const std::string& url, std::string_view type, const std::string& display) {
  return {{"reference", url}, {"type", std::string(type)}, {"display", display}};
}

json Coded(std::string_view system, std::string_view code, std::string_view display) {
  return {{"coding",
           json::array(
               {{{"system", std::string(system)}, {"code", std::string(code)}, {"display", std::string(display)}}})}};
}

json Quantity(double value, const char* unit) {
  return {{"value", value}, {"unit", unit}, {"system", std::string(kUcum)}, {"code", unit}};
}

struct Builder {
  Builder(const d::LocumReport& report, std::string seedText) : r(report), seed(std::move(seedText)) {}
  const d::LocumReport& r;
  std::string seed;
  std::string patientUrl, roleUrl, practitionerUrl, organisationUrl, encounterUrl;
  json entries = json::array();
  std::vector<json> sectionEntries[kSectionCount];
  std::vector<std::string> sectionText[kSectionCount];

  std::string Url(const char* salt, std::size_t i = 0) { return UuidFrom(seed + "|" + std::to_string(i), salt); }
  void Add(const std::string& url, json resource) {
    entries.push_back({{"fullUrl", url}, {"resource", std::move(resource)}});
  }
  json Subject() const { return Ref(patientUrl, "Patient", r.patient.name); }
  json Author() const { return Ref(roleUrl, "PractitionerRole", r.author.name); }

  json SoapLine(SectionIndex s, const std::string& text, const d::Coding* code) {
    json j = {{"resourceType", "Observation"}};
    j["meta"] = {{"profile", json::array({std::string(kSoapLineProfile)})}};
    if (code)
      j["extension"] = json::array({{{"url", std::string(kSoapLineCode)},
                                     {"valueCodeableConcept", {{"coding", json::array({CodingJson(*code)})}}}}});
    j["status"] = "final";
    j["code"] = Coded(kSections[s].system, kSections[s].code, kSections[s].title);
    j["subject"] = Subject();
    j["encounter"] = Ref(encounterUrl, "Encounter", "Waarneemcontact");
    j["effectiveDateTime"] = Iso(r.contact.start);
    j["performer"] = json::array({Author()});
    j["valueString"] = text;
    return j;
  }
  void AddToSection(SectionIndex s, const std::string& url, json resource, std::string_view type,
                    const std::string& display) {
    sectionEntries[s].push_back(Ref(url, type, display));
    Add(url, std::move(resource));
  }

  json VitalObservation(const d::VitalSign& v) {
    const auto& code = VitalOf(v.kind);
    json j = {{"resourceType", "Observation"}, {"status", "final"}};
    const bool lab = v.kind == d::VitalKind::kGlucose;
    j["category"] = json::array({Coded("http://terminology.hl7.org/CodeSystem/observation-category",
                                       lab ? "laboratory" : "vital-signs", lab ? "Laboratory" : "Vital Signs")});
    j["code"] = Coded(kLoinc, code.loinc, code.display);
    j["subject"] = Subject();
    j["encounter"] = Ref(encounterUrl, "Encounter", "Waarneemcontact");
    j["effectiveDateTime"] = Iso(r.contact.start);
    j["performer"] = json::array({Author()});
    if (v.kind == d::VitalKind::kBloodPressure) {
      j["component"] = json::array({{{"code", Coded(kLoinc, kSystolic, "Systolic blood pressure")},
                                     {"valueQuantity", Quantity(v.value, "mm[Hg]")}},
                                    {{"code", Coded(kLoinc, kDiastolic, "Diastolic blood pressure")},
                                     {"valueQuantity", Quantity(v.diastolic, "mm[Hg]")}}});
    } else {
      j["valueQuantity"] = Quantity(v.value, d::UcumUnit(v.kind));
    }
    return j;
  }

  json Encounter() {
    const d::LocumContact& c = r.contact;
    const ContactClass* cls = &kContactClasses[0];
    for (const auto& k : kContactClasses)
      if (k.kind == c.kind) cls = &k;
    const CallerCode* caller = &kCallers[0];
    for (const auto& k : kCallers)
      if (k.caller == c.caller) caller = &k;
    json j = {{"resourceType", "Encounter"}};
    j["meta"] = {{"profile", json::array({Nictiz("nl-core-Encounter")})}};
    j["status"] = "finished";
    j["class"] = {{"system", std::string(kActCode)},
                  {"code", std::string(cls->actCode)},
                  {"display", std::string(cls->actDisplay)}};
    j["type"] = json::array({Coded(kContactFormSystem, cls->form, cls->formDisplay)});
    if (c.urgency) {
      const std::string u = "U" + std::to_string(*c.urgency);
      j["priority"] = Coded(kUrgencySystem, u, u);
    }
    j["subject"] = Subject();
    json callerType = Coded(kCallerSystem, caller->code, caller->display);
    if (!c.callerDetail.empty()) callerType["text"] = c.callerDetail;
    j["participant"] =
        json::array({{{"type", json::array({Coded("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF",
                                                  "primary performer")})},
                      {"individual", Author()}},
                     {{"type", json::array({callerType})}}});
    j["period"] = {{"start", Iso(c.start)}};
    if (c.end) j["period"]["end"] = Iso(*c.end);
    j["reasonCode"] = json::array({{{"text", r.reason}}});
    if (!c.location.empty()) j["location"] = json::array({{{"location", {{"display", c.location}}}}});
    j["serviceProvider"] = Ref(organisationUrl, "Organization", r.author.organisationName);
    return j;
  }

  void Build() {
    const d::LocumContact& c = r.contact;
    // Reden van contact: the Encounter, its reason, who called and the urgency.
    std::string who;
    for (const auto& k : kCallers)
      if (k.caller == c.caller) who = std::string(k.display);
    sectionText[kReason] = {r.reason, "Gebeld door: " + who +
                                          (c.callerDetail.empty() ? "" : " (" + c.callerDetail + ")") +
                                          (c.urgency ? " — urgentie U" + std::to_string(*c.urgency) : "")};
    std::string when = "Contact: " + d::FormatDateTime(c.start) + (c.end ? " tot " + d::FormatDateTime(*c.end) : "");
    for (const auto& k : kContactClasses)
      if (k.kind == c.kind) when += ", " + std::string(k.formDisplay);
    if (!c.location.empty()) when += ", " + c.location;
    sectionText[kReason].push_back(when);
    AddToSection(kReason, encounterUrl, Encounter(), "Encounter", "Waarneemcontact");

    auto line = [&](SectionIndex s, const std::string& text, const char* salt) {
      if (text.empty()) return;
      sectionText[s].push_back(text);
      AddToSection(s, Url(salt), SoapLine(s, text, nullptr), "Observation", kSections[s].title.data());
    };
    line(kS, r.subjective, "s");
    line(kO, r.objective, "o");
    for (std::size_t i = 0; i < r.vitals.size(); ++i) {
      sectionText[kO].push_back(VitalText(r.vitals[i]));
      AddToSection(kO, Url("vital", i), VitalObservation(r.vitals[i]), "Observation", VitalText(r.vitals[i]));
    }
    line(kE, r.evaluation, "e");
    for (std::size_t i = 0; i < r.diagnoses.size(); ++i) {
      const auto& dx = r.diagnoses[i];
      const std::string text = dx.display.empty() ? dx.code : dx.display;
      sectionText[kE].push_back("Diagnose: " + d::DiagnosisText(dx));
      AddToSection(kE, Url("dx", i), SoapLine(kE, text, &dx), "Observation", text);
    }
    if (r.episodeProposal && !r.diagnoses.empty()) {
      const auto& dx = r.diagnoses.front();
      json cond = {{"resourceType", "Condition"}};
      cond["meta"] = {{"profile", json::array({Nictiz("nl-core-Problem")})}};
      cond["clinicalStatus"] = Coded("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active");
      cond["verificationStatus"] =
          Coded("http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional", "Provisional");
      cond["code"] = {{"coding", json::array({CodingJson(dx)})}};
      cond["subject"] = Subject();
      cond["encounter"] = Ref(encounterUrl, "Encounter", "Waarneemcontact");
      cond["recorder"] = Author();
      sectionText[kE].push_back("Voorstel episode: " + d::DiagnosisText(dx));
      AddToSection(kE, Url("episode"), std::move(cond), "Condition", "Voorstel episode");
    }
    line(kP, r.plan, "p");
    for (const auto& m : r.medication) {
      sectionText[kMedication].push_back(m.text);
      sectionEntries[kMedication].push_back({{"type", "MedicationRequest"},
                                             {"identifier", IdentifierJson(m.agreement.system, m.agreement.value)},
                                             {"display", m.text}});
    }
    for (std::size_t i = 0; i < r.requests.size(); ++i) {
      const auto& q = r.requests[i];
      const bool urgent = q.priority == d::RequestPriority::kUrgent;
      json t = {{"resourceType", "Task"},
                {"status", "requested"},
                {"intent", "order"},
                {"priority", urgent ? "urgent" : "routine"}};
      t["code"] = Coded(kTaskCodeSystem, "verzoek-eigen-arts", "Verzoek aan eigen arts");
      t["description"] = q.text;
      t["for"] = Subject();
      t["encounter"] = Ref(encounterUrl, "Encounter", "Waarneemcontact");
      t["authoredOn"] = Iso(*r.signedAt);
      t["requester"] = Author();
      t["restriction"] = {{"period", {{"end", IsoDate(q.due)}}}};
      sectionText[kRequests].push_back(q.text + " — vóór " + d::FormatDate(q.due) + (urgent ? " (spoed)" : ""));
      AddToSection(kRequests, Url("request", i), std::move(t), "Task", q.text);
    }
    if (!r.agreements.empty()) sectionText[kAgreements].push_back(r.agreements);
  }

  // A snapshot List of the overview's lines: each line as the screen worded it, the sources'
  // states as notes (so each List stands alone), and the incomplete banner when there was one.
  json ContextList(std::string_view loinc, const char* display, const char* title,
                   const std::vector<std::string>& lines) const {
    const d::ReportContext& x = *r.context;
    json j = {{"resourceType", "List"}};
    if (!x.incomplete.empty())
      j["extension"] = json::array({{{"url", std::string(kContextIncomplete)}, {"valueString", x.incomplete}}});
    j["status"] = "current";
    j["mode"] = "snapshot";
    j["title"] = title;
    j["code"] = Coded(kLoinc, loinc, display);
    j["subject"] = Subject();
    j["encounter"] = Ref(encounterUrl, "Encounter", "Waarneemcontact");
    j["date"] = Iso(x.retrievedAt);
    j["source"] = Author();
    if (!x.sources.empty()) {
      j["note"] = json::array();
      for (const auto& s : x.sources) j["note"].push_back({{"text", s}});
    }
    if (lines.empty()) {
      j["emptyReason"] = Coded("http://terminology.hl7.org/CodeSystem/list-empty-reason", "nilknown", "Nil Known");
    } else {
      j["entry"] = json::array();
      for (const auto& line : lines) j["entry"].push_back({{"item", {{"display", line}}}});
    }
    return j;
  }

  // Section 9: the narrative says what the lists are (and are not) before their lines.
  json ContextSection() {
    const d::ReportContext& x = *r.context;
    std::vector<std::string> text{"Medicatie en ICA zoals het overzicht ze toonde bij het schrijven, opgehaald " +
                                  d::FormatDateTime(x.retrievedAt) +
                                  ". Context, geen bron: haal voor besluiten het actuele overzicht op."};
    if (!x.incomplete.empty()) text.push_back(x.incomplete);
    for (const auto& s : x.sources) text.push_back("Bron: " + s);
    text.push_back(x.medication.empty() ? "Medicatie: geen regels in het overzicht." : "Medicatie:");
    for (const auto& m : x.medication) text.push_back("• " + m);
    text.push_back(x.ica.empty() ? "ICA: geen regels in het overzicht." : "ICA:");
    for (const auto& i : x.ica) text.push_back("• " + i);
    json sec = {{"title", std::string(kContextSection.title)},
                {"code", Coded(kContextSection.system, kContextSection.code, kContextSection.title)},
                {"text", Narrative(text)}};
    const std::string medicationUrl = Url("context-medication"), icaUrl = Url("context-ica");
    sec["entry"] = json::array(
        {Ref(medicationUrl, "List", "Medicatie bij het contact"), Ref(icaUrl, "List", "ICA bij het contact")});
    Add(medicationUrl, ContextList(kMedicationListCode, "History of Medication use Narrative",
                                   "Medicatie bij het contact", x.medication));
    Add(icaUrl, ContextList(kIcaListCode, "Allergies and adverse reactions Document", "ICA bij het contact", x.ica));
    return sec;
  }
};

const char* kEmptyText[kSectionCount] = {"",
                                         "Niets vastgelegd.",
                                         "Niets vastgelegd.",
                                         "Niets vastgelegd.",
                                         "Niets vastgelegd.",
                                         "Geen medicatie gewijzigd.",
                                         "Geen verzoeken.",
                                         "Geen afspraken vastgelegd."};

}  // namespace

domain::Result<std::string> WriteLocumReport(const d::LocumReport& r, const WriteOptions& options) {
  if (r.status == d::ReportStatus::kDraft || !r.signedAt)
    return d::MakeError(d::ErrorCode::kInconsistent,
                        "report " + r.id + " is a draft: only a signed report is a document");
  Builder b{r, "locum|" + r.id};
  b.patientUrl = b.Url("patient");
  b.roleUrl = b.Url("role");
  b.practitionerUrl = b.Url("practitioner");
  b.organisationUrl = b.Url("organisation");
  b.encounterUrl = b.Url("encounter");
  b.Build();

  const std::string compositionUrl = "urn:uuid:" + r.id;
  const std::string signedAt = Iso(*r.signedAt);
  json comp = {{"resourceType", "Composition"}, {"id", r.id}};
  comp["meta"] = {{"profile", json::array({std::string(kProfile)})}};
  comp["language"] = "nl-NL";
  comp["extension"] = json::array({{{"url", std::string(kVersionExtension)}, {"valueInteger", r.version}}});
  comp["identifier"] = IdentifierJson(std::string(kUrnUuid), compositionUrl);
  comp["status"] = d::ToString(r.status);
  comp["type"] = Coded("http://snomed.info/sct", "11591000146107", "patiëntcontactverslag");
  comp["category"] = json::array({Coded(kCategorySystem, "waarneemverslag", "Waarneemverslag")});
  comp["subject"] = b.Subject();
  comp["encounter"] = Ref(b.encounterUrl, "Encounter", "Waarneemcontact");
  comp["date"] = signedAt;
  comp["author"] = json::array({b.Author()});
  comp["title"] = "Waarneemverslag " + d::FormatDate(d::NetherlandsDate(r.contact.start)) + " " + r.patient.name;
  comp["attester"] = json::array({{{"mode", "professional"}, {"time", signedAt}, {"party", b.Author()}}});
  comp["custodian"] = Ref(b.organisationUrl, "Organization", r.author.organisationName);
  if (!r.replaces.empty())
    comp["relatesTo"] =
        json::array({{{"code", "replaces"},
                      {"targetIdentifier", IdentifierJson(std::string(kUrnUuid), "urn:uuid:" + r.replaces)}}});
  json sections = json::array();
  for (int s = 0; s < kSectionCount; ++s) {
    json sec = {{"title", std::string(kSections[s].title)},
                {"code", Coded(kSections[s].system, kSections[s].code, kSections[s].title)}};
    const bool empty = b.sectionText[s].empty();
    sec["text"] = Narrative(empty ? std::vector<std::string>{kEmptyText[s]} : b.sectionText[s]);
    if (!b.sectionEntries[s].empty()) sec["entry"] = b.sectionEntries[s];
    if (empty && b.sectionEntries[s].empty())
      sec["emptyReason"] = Coded("http://terminology.hl7.org/CodeSystem/list-empty-reason", "nilknown", "Nil Known");
    sections.push_back(std::move(sec));
  }
  if (r.context) sections.push_back(b.ContextSection());
  comp["section"] = std::move(sections);

  json patient = {{"resourceType", "Patient"}};
  patient["meta"] = {{"profile", json::array({Nictiz("nl-core-Patient")})}};
  if (r.patient.bsn)
    patient["identifier"] = json::array({IdentifierJson(std::string(d::systems::kBsn), r.patient.bsn->digits())});
  patient["name"] = json::array({{{"use", "official"}, {"text", r.patient.name}}});
  if (r.patient.birthDate) patient["birthDate"] = IsoDate(*r.patient.birthDate);

  json role = {{"resourceType", "PractitionerRole"}};
  role["meta"] = {{"profile", json::array({Nictiz("nl-core-HealthProfessional-PractitionerRole")})}};
  role["practitioner"] = Ref(b.practitionerUrl, "Practitioner", r.author.name);
  role["organization"] = Ref(b.organisationUrl, "Organization", r.author.organisationName);
  role["code"] = json::array({Coded(kRoleSystem, r.author.roleCode, r.author.roleName)});
  if (!r.replyPhone.empty())
    role["telecom"] = json::array({{{"system", "phone"}, {"value", r.replyPhone}, {"use", "work"}}});

  json practitioner = {{"resourceType", "Practitioner"}};
  practitioner["meta"] = {{"profile", json::array({Nictiz("nl-core-HealthProfessional-Practitioner")})}};
  practitioner["identifier"] = json::array({IdentifierJson(std::string(d::systems::kUzi), r.author.deziNumber)});
  practitioner["name"] = json::array({{{"use", "official"}, {"text", r.author.name}}});

  json organisation = {{"resourceType", "Organization"}};
  organisation["meta"] = {{"profile", json::array({Nictiz("nl-core-HealthcareProvider-Organization")})}};
  organisation["identifier"] = json::array({IdentifierJson(std::string(d::systems::kUra), r.author.organisationUra)});
  organisation["name"] = r.author.organisationName;

  json all = json::array();
  all.push_back({{"fullUrl", compositionUrl}, {"resource", std::move(comp)}});
  all.push_back({{"fullUrl", b.patientUrl}, {"resource", std::move(patient)}});
  all.push_back({{"fullUrl", b.roleUrl}, {"resource", std::move(role)}});
  all.push_back({{"fullUrl", b.practitionerUrl}, {"resource", std::move(practitioner)}});
  all.push_back({{"fullUrl", b.organisationUrl}, {"resource", std::move(organisation)}});
  for (auto& e : b.entries) all.push_back(std::move(e));

  json bundle = {{"resourceType", "Bundle"}};
  bundle["identifier"] = IdentifierJson(std::string(kUrnUuid), b.Url("bundle"));
  bundle["type"] = "document";
  bundle["timestamp"] = signedAt;
  bundle["entry"] = std::move(all);
  return bundle.dump(options.pretty ? 2 : -1);
}

}  // namespace zb::net::fhir
