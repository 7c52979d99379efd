// SPDX-License-Identifier: GPL-3.0-or-later
// What a reference's display alone does not say well: the prescriber's name and role (an MP9
// requester is a PractitionerRole pointing at a Practitioner and an Organization; its display is
// often a generated "Healthcare professional (role), …" string) and the indication (reasonReference
// to a Condition or Observation, included with _include=MedicationRequest:reason).
#include "mappers.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

namespace {

std::optional<Object> Target(DocumentState& st, Object holder, Object reference) {
  auto text = st.c.Str(reference, "reference");
  if (!text || text->empty()) return std::nullopt;
  return st.index.Resolve(*text, holder);
}

std::string_view TypeOf(Object resource) {
  std::string_view type;
  if (resource["resourceType"].get(type)) return {};
  return type;
}

// name[0].text, else the given names and the family name.
std::string PersonName(Context& c, Object practitioner) {
  auto names = c.Arr(practitioner, "name");
  if (!names) return {};
  for (Element e : *names) {
    Object n;
    if (e.get(n)) continue;
    if (auto text = c.Str(n, "text"); text && !text->empty()) return std::string(*text);
    std::string out;
    if (auto given = c.Arr(n, "given")) {
      for (Element g : *given) {
        std::string_view part;
        if (!g.get(part) && !part.empty()) out += (out.empty() ? "" : " ") + std::string(part);
      }
    }
    if (auto family = c.Str(n, "family"); family && !family->empty())
      out += (out.empty() ? "" : " ") + std::string(*family);
    if (!out.empty()) return out;
  }
  return {};
}

std::string FirstConceptLabel(Context& c, Object o, std::string_view key) {
  for (const auto& cc : ConceptArray(c, o, key)) {
    if (auto label = cc.Label(); !label.empty()) return label;
  }
  return {};
}

std::string OrganisationName(DocumentState& st, Object holder, Object reference) {
  if (auto org = Target(st, holder, reference); org && TypeOf(*org) == "Organization") {
    if (auto name = st.c.Str(*org, "name"); name && !name->empty()) return std::string(*name);
  }
  return std::string(st.c.Str(reference, "display").value_or(""));
}

// "Bertine van Doorn (Huisarts), Huisartsenpraktijk Pulver & Partners" from a PractitionerRole.
std::string RoleDisplay(DocumentState& st, Object role) {
  Context& c = st.c;
  std::string person, organisation;
  if (auto ref = c.Obj(role, "practitioner")) {
    if (auto p = Target(st, role, *ref); p && TypeOf(*p) == "Practitioner") person = PersonName(c, *p);
    if (person.empty()) person = std::string(c.Str(*ref, "display").value_or(""));
  }
  if (auto ref = c.Obj(role, "organization")) organisation = OrganisationName(st, role, *ref);
  std::string function = FirstConceptLabel(c, role, "specialty");
  if (function.empty()) function = FirstConceptLabel(c, role, "code");
  std::string out = person;
  if (!function.empty()) out += out.empty() ? function : " (" + function + ")";
  if (!organisation.empty()) out += (out.empty() ? "" : ", ") + organisation;
  return out;
}

}  // namespace

std::optional<d::Actor> ResolvedActorField(DocumentState& st, Object resource, std::string_view key) {
  Context& c = st.c;
  auto actor = ActorField(c, resource, key);
  auto ref = c.Obj(resource, key);
  if (!actor || !ref) return actor;
  Context::Scope s(c, key);
  auto target = Target(st, resource, *ref);
  if (!target) return actor;
  const std::string_view type = TypeOf(*target);
  std::string display;
  if (type == "PractitionerRole") {
    display = RoleDisplay(st, *target);
  } else if (type == "Practitioner") {
    display = PersonName(c, *target);
  } else if (type == "Organization") {
    display = std::string(c.Str(*target, "name").value_or(""));
  }
  if (!display.empty()) actor->display = std::move(display);
  return actor;
}

std::vector<d::Concept> ReasonReferences(DocumentState& st, Object resource) {
  Context& c = st.c;
  std::vector<d::Concept> out;
  auto arr = c.Arr(resource, "reasonReference");
  if (!arr) return out;
  std::ptrdiff_t i = 0;
  for (Element e : *arr) {
    Context::Scope s(c, "reasonReference", i++);
    auto ref = c.AsObject(e, "a Reference");
    if (!ref) continue;
    d::Concept reason;
    if (auto target = Target(st, resource, *ref)) {
      // A Condition names the problem in code; a PrescriptionReason Observation may carry it as value.
      if (TypeOf(*target) == "Observation") {
        if (auto v = ConceptField(c, *target, "valueCodeableConcept")) reason = std::move(*v);
      }
      if (reason.empty()) {
        if (auto v = ConceptField(c, *target, "code")) reason = std::move(*v);
      }
    }
    if (reason.empty()) {
      // Not in the answer: the display is all there is (the generated "Problem" says nothing).
      const std::string display(c.Str(*ref, "display").value_or(""));
      if (!display.empty() && display != "Problem") reason.text = display;
    }
    if (!reason.empty()) out.push_back(std::move(reason));
  }
  return out;
}

}  // namespace zb::net::fhir::detail
