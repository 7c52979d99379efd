// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an on-call report document. It comes from another organisation's gateway, so nothing is
// trusted: every element is type-checked, references must resolve inside the Bundle, and an error
// names the element and what the sender must fix. Elements we do not use are ignored.
#include <cstdint>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "locum_report_codes.h"
#include "net/fhir/locum_report_fhir.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using nlohmann::json;
using namespace locum;

namespace {

struct Refused {
  std::string detail;
};

const std::string& Str(const json& j, const char* key) {
  static const std::string empty;
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get_ref<const std::string&>() : empty;
}

const json& Arr(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

const json& Obj(const json& j, const char* key) {
  static const json empty = json::object();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : empty;
}

// The first coding of a CodeableConcept in `system`, or null.
const json* CodingIn(const json& cc, std::string_view system) {
  for (const auto& c : Arr(cc, "coding"))
    if (Str(c, "system") == system) return &c;
  return nullptr;
}

bool HasCode(const json& cc, std::string_view system, std::string_view code) {
  const json* c = CodingIn(cc, system);
  return c && Str(*c, "code") == code;
}

d::Instant Moment(const std::string& text, const std::string& path) {
  auto t = d::DateTime::Parse(text);
  if (!t || t->precision() != d::DatePrecision::kSecond)
    throw Refused{path + ": '" + text + "' is not a date and time with seconds and offset"};
  return t->Earliest();
}

std::string NameText(const json& resource) {
  for (const auto& n : Arr(resource, "name")) {
    if (!Str(n, "text").empty()) return Str(n, "text");
    std::string s;
    for (const auto& g : Arr(n, "given"))
      if (g.is_string()) s += g.get<std::string>() + " ";
    s += Str(n, "family");
    if (!s.empty()) return s;
  }
  return "";
}

std::string IdentifierIn(const json& resource, std::string_view system) {
  for (const auto& id : Arr(resource, "identifier"))
    if (Str(id, "system") == system) return Str(id, "value");
  return "";
}

// Narrative -> text: our writer puts one paragraph per line; other writers' markup is stripped.
std::string NarrativeText(const json& section) {
  const std::string& div = Str(Obj(section, "text"), "div");
  std::string out;
  bool inTag = false;
  for (std::size_t i = 0; i < div.size(); ++i) {
    const char c = div[i];
    if (c == '<') {
      if (div.compare(i, 4, "</p>") == 0 && !out.empty()) out += '\n';
      inTag = true;
    } else if (c == '>') {
      inTag = false;
    } else if (!inTag) {
      out += c;
    }
  }
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + 1))
      out.replace(at, std::strlen(from), to);
  }
  // Blank lines at either end carry nothing (and our writer would not give them back).
  while (!out.empty() && out.back() == '\n') out.pop_back();
  out.erase(0, out.find_first_not_of('\n') == std::string::npos ? out.size() : out.find_first_not_of('\n'));
  return out;
}

class DocumentReader {
 public:
  explicit DocumentReader(const json& bundle) : m_bundle(bundle) {
    const auto& entries = Arr(bundle, "entry");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string& url = Str(entries[i], "fullUrl");
      if (!url.empty()) m_byUrl[url] = i;
    }
  }

  // The resource a Reference points at, of `type`; throws naming `path` when it does not resolve.
  const json& Resolve(const json& reference, std::string_view type, const std::string& path) const {
    const std::string& url = Str(reference, "reference");
    auto it = m_byUrl.find(url);
    if (url.empty() || it == m_byUrl.end())
      throw Refused{path + ": the reference '" + url + "' does not point at an entry of the document"};
    const json& res = Obj(Arr(m_bundle, "entry")[it->second], "resource");
    if (Str(res, "resourceType") != type)
      throw Refused{path + ": '" + url + "' is a " + Str(res, "resourceType") + ", not a " + std::string(type)};
    return res;
  }

 private:
  const json& m_bundle;
  std::map<std::string, std::size_t> m_byUrl;
};

void ReadContact(const json& enc, d::LocumReport& r) {
  const json& period = Obj(enc, "period");
  r.contact.start = Moment(Str(period, "start"), "Encounter.period.start");
  if (!Str(period, "end").empty()) r.contact.end = Moment(Str(period, "end"), "Encounter.period.end");
  for (const auto& t : Arr(enc, "type")) {
    for (const auto& k : kContactClasses)
      if (HasCode(t, kContactFormSystem, k.form)) r.contact.kind = k.kind;
  }
  if (const json* u = CodingIn(Obj(enc, "priority"), kUrgencySystem)) {
    const std::string& code = Str(*u, "code");
    if (code.size() != 2 || code[0] != 'U' || code[1] < '1' || code[1] > '5')
      throw Refused{"Encounter.priority: urgency '" + code + "' is not U1..U5"};
    r.contact.urgency = code[1] - '0';
  }
  for (const auto& p : Arr(enc, "participant")) {
    for (const auto& t : Arr(p, "type")) {
      for (const auto& k : kCallers) {
        if (HasCode(t, kCallerSystem, k.code)) {
          r.contact.caller = k.caller;
          r.contact.callerDetail = Str(t, "text");
        }
      }
    }
  }
  for (const auto& rc : Arr(enc, "reasonCode")) {
    if (!Str(rc, "text").empty()) r.reason = Str(rc, "text");
  }
  for (const auto& l : Arr(enc, "location")) r.contact.location = Str(Obj(l, "location"), "display");
}

void ReadVital(const json& obs, d::LocumReport& r, const std::string& path) {
  for (const auto& v : kVitalCodes) {
    if (!HasCode(Obj(obs, "code"), kLoinc, v.loinc)) continue;
    d::VitalSign sign{v.kind, 0, 0};
    auto number = [&](const json& q, const std::string& at) {
      auto it = Obj(q, "valueQuantity").find("value");
      if (it == Obj(q, "valueQuantity").end() || !it->is_number())
        throw Refused{at + ".valueQuantity.value: a vital sign needs a number"};
      return it->get<double>();
    };
    if (v.kind == d::VitalKind::kBloodPressure) {
      for (const auto& c : Arr(obs, "component")) {
        if (HasCode(Obj(c, "code"), kLoinc, kSystolic)) sign.value = number(c, path + ".component");
        if (HasCode(Obj(c, "code"), kLoinc, kDiastolic)) sign.diastolic = number(c, path + ".component");
      }
    } else {
      sign.value = number(obs, path);
    }
    r.vitals.push_back(sign);
    return;
  }
}

// Section 9: the two snapshot Lists. A line is text (entry.item.display); a List of another kind
// in this section is refused rather than shown as context it is not.
d::ReportContext ReadContext(const DocumentReader& doc, const json& sec, const std::string& path) {
  d::ReportContext x;
  bool dated = false;
  const auto& items = Arr(sec, "entry");
  for (std::size_t e = 0; e < items.size(); ++e) {
    const std::string at = path + ".entry[" + std::to_string(e) + "]";
    const json& list = doc.Resolve(items[e], "List", at);
    std::vector<std::string>* lines = HasCode(Obj(list, "code"), kLoinc, kMedicationListCode) ? &x.medication
                                      : HasCode(Obj(list, "code"), kLoinc, kIcaListCode)      ? &x.ica
                                                                                              : nullptr;
    if (!lines)
      throw Refused{at +
                    " (List.code): the context holds a medication list (LOINC 10160-0) or an ICA list (LOINC 48765-2)"};
    x.retrievedAt = Moment(Str(list, "date"), at + " (List.date)");
    dated = true;
    for (const auto& entry : Arr(list, "entry")) {
      const std::string& text = Str(Obj(entry, "item"), "display");
      if (text.empty()) throw Refused{at + " (List.entry.item.display): a context line has no text"};
      lines->push_back(text);
    }
    x.sources.clear();  // both Lists carry the sources' states; keep one copy
    for (const auto& n : Arr(list, "note")) x.sources.push_back(Str(n, "text"));
    for (const auto& ext : Arr(list, "extension"))
      if (Str(ext, "url") == kContextIncomplete) x.incomplete = Str(ext, "valueString");
  }
  if (!dated) throw Refused{path + ": the context section names no List"};
  return x;
}

d::LocumReport ReadDocument(const json& bundle) {
  if (Str(bundle, "resourceType") != "Bundle" || Str(bundle, "type") != "document")
    throw Refused{"Bundle.type: an on-call report is a document Bundle"};
  const auto& entries = Arr(bundle, "entry");
  static const json none = json::object();
  const json& comp = entries.empty() ? none : Obj(entries[0], "resource");
  if (Str(comp, "resourceType") != "Composition")
    throw Refused{"Bundle.entry[0]: the first entry must be the Composition"};
  if (!HasCode(Obj(comp, "type"), "http://snomed.info/sct", "11591000146107"))
    throw Refused{"Composition.type: not a patient contact report (SNOMED 11591000146107)"};
  const DocumentReader doc(bundle);
  d::LocumReport r;
  const std::string& identifier = Str(Obj(comp, "identifier"), "value");
  r.id = identifier.rfind("urn:uuid:", 0) == 0 ? identifier.substr(9) : Str(comp, "id");
  if (r.id.empty()) throw Refused{"Composition.identifier: the report has no identifier"};
  for (const auto& e : Arr(comp, "extension")) {
    if (Str(e, "url") != kVersionExtension) continue;
    const auto it = e.find("valueInteger");
    const auto n = it != e.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
    if (n < 1 || n > 10000) throw Refused{"Composition.extension (report version): not a version number 1..10000"};
    r.version = static_cast<int>(n);
  }
  const std::string& status = Str(comp, "status");
  if (status == "final")
    r.status = d::ReportStatus::kFinal;
  else if (status == "amended")
    r.status = d::ReportStatus::kAmended;
  else
    throw Refused{"Composition.status: '" + status + "' is not a signed report (final or amended)"};
  for (const auto& rel : Arr(comp, "relatesTo")) {
    const std::string& target = Str(Obj(rel, "targetIdentifier"), "value");
    if (Str(rel, "code") == "replaces") r.replaces = target.rfind("urn:uuid:", 0) == 0 ? target.substr(9) : target;
  }
  std::string signedText;
  for (const auto& a : Arr(comp, "attester"))
    if (Str(a, "mode") == "professional") signedText = Str(a, "time");
  if (signedText.empty()) throw Refused{"Composition.attester: the report is not attested by a professional"};
  r.signedAt = Moment(signedText, "Composition.attester.time");

  const json& patient = doc.Resolve(Obj(comp, "subject"), "Patient", "Composition.subject");
  const std::string bsn = IdentifierIn(patient, d::systems::kBsn);
  if (!bsn.empty()) {
    auto parsed = d::Bsn::Parse(bsn);
    if (!parsed) throw Refused{"Patient.identifier: the BSN does not pass the 11-test"};
    r.patient.bsn = parsed.value();
  }
  r.patient.name = NameText(patient);
  if (!Str(patient, "birthDate").empty()) {
    auto birth = d::DateTime::Parse(Str(patient, "birthDate"));
    if (birth) r.patient.birthDate = birth->LocalDate();
  }
  const auto& authors = Arr(comp, "author");
  if (authors.empty()) throw Refused{"Composition.author: the report has no author"};
  const json& role = doc.Resolve(authors[0], "PractitionerRole", "Composition.author[0]");
  const json& practitioner = doc.Resolve(Obj(role, "practitioner"), "Practitioner", "PractitionerRole.practitioner");
  r.author.name = NameText(practitioner);
  r.author.deziNumber = IdentifierIn(practitioner, d::systems::kUzi);
  for (const auto& c : Arr(role, "code")) {
    if (const json* rc = CodingIn(c, kRoleSystem)) {
      r.author.roleCode = Str(*rc, "code");
      r.author.roleName = Str(*rc, "display");
    }
  }
  for (const auto& t : Arr(role, "telecom"))
    if (Str(t, "system") == "phone") r.replyPhone = Str(t, "value");
  const json& org = doc.Resolve(Obj(comp, "custodian"), "Organization", "Composition.custodian");
  r.author.organisationUra = IdentifierIn(org, d::systems::kUra);
  r.author.organisationName = Str(org, "name");

  const auto& sections = Arr(comp, "section");
  for (std::size_t s = 0; s < sections.size(); ++s) {
    const json& sec = sections[s];
    const json& code = Obj(sec, "code");
    int which = -1;
    for (int k = 0; k < kSectionCount; ++k)
      if (HasCode(code, kSections[k].system, kSections[k].code)) which = k;
    const std::string path = "Composition.section[" + std::to_string(s) + "]";
    if (which < 0 && HasCode(code, kContextSection.system, kContextSection.code)) {
      r.context = ReadContext(doc, sec, path);
      continue;
    }
    if (which < 0) continue;  // a section of another writer: its narrative is in the PDF, not our model
    if (which == kAgreements) {
      if (!sec.contains("emptyReason")) r.agreements = NarrativeText(sec);
      continue;
    }
    const auto& items = Arr(sec, "entry");
    for (std::size_t e = 0; e < items.size(); ++e) {
      const std::string at = path + ".entry[" + std::to_string(e) + "]";
      const json& ref = items[e];
      if (which == kMedication) {
        const json& id = Obj(ref, "identifier");
        if (Str(id, "value").empty()) throw Refused{at + ": a medication entry names its agreement by identifier"};
        r.medication.push_back({d::BlockId{Str(id, "system"), Str(id, "value")}, Str(ref, "display")});
        continue;
      }
      const std::string& type = Str(ref, "type");
      if (which == kReason) {
        ReadContact(doc.Resolve(ref, "Encounter", at), r);
      } else if (which == kRequests) {
        const json& task = doc.Resolve(ref, "Task", at);
        d::FollowUpRequest q;
        q.text = Str(task, "description");
        const std::string& due = Str(Obj(Obj(task, "restriction"), "period"), "end");
        auto dueDate = d::DateTime::Parse(due);
        if (!dueDate) throw Refused{at + " (Task.restriction.period.end): the request has no valid due date"};
        q.due = dueDate->LocalDate();
        q.priority = Str(task, "priority") == "routine" || Str(task, "priority").empty() ? d::RequestPriority::kRoutine
                                                                                         : d::RequestPriority::kUrgent;
        r.requests.push_back(std::move(q));
      } else if (type == "Condition") {
        const json& cond = doc.Resolve(ref, "Condition", at);
        if (HasCode(Obj(cond, "verificationStatus"), "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "provisional"))
          r.episodeProposal = true;
      } else {
        const json& obs = doc.Resolve(ref, "Observation", at);
        if (!HasCode(Obj(obs, "code"), kSections[which].system, kSections[which].code)) {
          if (which == kO) ReadVital(obs, r, at);
          continue;
        }
        std::string* text = which == kS   ? &r.subjective
                            : which == kO ? &r.objective
                            : which == kE ? &r.evaluation
                                          : &r.plan;
        const json* dx = nullptr;
        for (const auto& x : Arr(obs, "extension"))
          if (Str(x, "url") == kSoapLineCode) dx = &Obj(x, "valueCodeableConcept");
        if (dx && which == kE) {
          const auto& codings = Arr(*dx, "coding");
          if (codings.empty()) throw Refused{at + ": the SOAP line code has no coding"};
          r.diagnoses.push_back({Str(codings[0], "system"), Str(codings[0], "code"), Str(codings[0], "display")});
        } else {
          *text += (text->empty() ? "" : "\n") + Str(obs, "valueString");
        }
      }
    }
  }
  if (r.contact.start.is_not_a_date_time())
    throw Refused{"Composition.section: the reason section does not name the contact (Encounter)"};
  return r;
}

}  // namespace

d::Result<d::LocumReport> ReadLocumReport(std::string_view text, const std::string& origin) {
  const json bundle = json::parse(text, nullptr, false);
  if (bundle.is_discarded())
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": the on-call report is not valid JSON");
  try {
    return ReadDocument(bundle);
  } catch (const Refused& e) {
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": " + e.detail);
  } catch (const json::exception&) {
    return d::MakeError(d::ErrorCode::kInvalidFormat, origin + ": the on-call report has an element of the wrong type");
  }
}

}  // namespace zb::net::fhir
