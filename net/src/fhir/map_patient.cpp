// SPDX-License-Identifier: GPL-3.0-or-later
#include "datatypes.h"
#include "mappers.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

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
