// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include "datatypes.h"
#include "mappers.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

namespace {

// The BSN among identifiers (an array) or in one Identifier object.
std::optional<std::string> BsnIn(Element identifiers) {
  auto check = [](Element e) -> std::optional<std::string> {
    Object o;
    std::string_view sys, value;
    if (e.get(o) || o["system"].get(sys) || sys != d::systems::kBsn || o["value"].get(value)) return std::nullopt;
    return std::string(value);
  };
  Array arr;
  if (!identifiers.get(arr)) {
    for (Element e : arr) {
      if (auto bsn = check(e)) return bsn;
    }
    return std::nullopt;
  }
  return check(identifiers);
}

}  // namespace

void NoteSubject(DocumentState& st, Object resource, std::string_view key) {
  Context& c = st.c;
  auto ref = c.Obj(resource, key);
  std::optional<std::string> bsn;
  if (ref) {
    std::string_view reference;
    Element identifier;
    if (!(*ref)["reference"].get(reference)) {
      if (auto target = st.index.Resolve(reference, resource)) {
        std::string_view type;
        Element ids;
        if (!(*target)["resourceType"].get(type) && type == "Patient" && !(*target)["identifier"].get(ids))
          bsn = BsnIn(ids);
      }
    }
    if (!bsn && !(*ref)["identifier"].get(identifier)) bsn = BsnIn(identifier);
  } else {
    Context::Scope s(c, key);
    c.Warn("names no patient (R4 requires it); whom it is about is known only from the document's Patient");
  }
  if (!bsn) {
    ++st.out.subjectsWithoutBsn;
    return;
  }
  auto& seen = st.out.subjectBsns;
  if (std::find(seen.begin(), seen.end(), *bsn) == seen.end()) seen.push_back(*bsn);
}

void MapPatient(DocumentState& st, Object resource) {
  Context& c = st.c;
  d::Patient p;
  p.source = c.options().source;
  if (auto ids = c.Arr(resource, "identifier")) {
    std::ptrdiff_t i = 0;
    for (Element e : *ids) {
      Context::Scope s(c, "identifier", i++);
      Object o;
      std::string_view sys, value;
      if (e.get(o) || o["system"].get(sys) || sys != d::systems::kBsn || o["value"].get(value)) continue;
      auto bsn = d::Bsn::Parse(value);
      if (bsn) {
        p.bsn = bsn.value();
      } else {
        c.Warn(bsn.error().detail + "; the patient is not identified by BSN");
      }
    }
  }
  if (auto names = c.Arr(resource, "name")) {
    for (Element e : *names) {
      Object o;
      if (e.get(o)) continue;
      if (auto text = c.Str(o, "text")) {
        p.name = *text;
      } else {
        std::string given;
        if (auto g = c.Arr(o, "given")) {
          for (Element ge : *g) {
            std::string_view part;
            if (!ge.get(part)) given += std::string(part) + " ";
          }
        }
        p.name = given + std::string(c.Str(o, "family").value_or(""));
      }
      if (!p.name.empty()) break;
    }
  }
  if (auto bd = c.DateTime(resource, "birthDate")) p.birthDate = bd->LocalDate();
  st.out.patients.push_back(std::move(p));
}

void MapOperationOutcome(DocumentState& st, Object r) {
  Context& c = st.c;
  auto issues = c.Arr(r, "issue");
  if (!issues) return;
  for (Element e : *issues) {
    Object o;
    if (e.get(o)) continue;
    OperationOutcomeIssue out;
    out.severity = std::string(c.Str(o, "severity").value_or(""));
    out.code = std::string(c.Str(o, "code").value_or(""));
    out.diagnostics = std::string(c.Str(o, "diagnostics").value_or(""));
    if (auto details = ConceptField(c, o, "details")) out.details = details->codings;
    st.out.outcomes.push_back(std::move(out));
  }
}

}  // namespace zb::net::fhir::detail
