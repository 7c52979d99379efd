// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/prescription_writer.h"

#include <map>

#include "write_json.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using namespace write;

namespace {

struct Entries {
  json list = json::array();
  void Add(const std::string& fullUrl, json resource) {
    const std::string type = resource["resourceType"];
    list.push_back(
        {{"fullUrl", fullUrl}, {"resource", std::move(resource)}, {"request", {{"method", "POST"}, {"url", type}}}});
  }
};

json Reference(const std::string& url, std::string_view type, const std::string& display) {
  return {{"reference", url}, {"type", std::string(type)}, {"display", display}};
}

json NameJson(const std::string& text) { return json::array({{{"use", "official"}, {"text", text}}}); }

json DispenseRequestJson(const d::DispenseRequest& vv, const EntryContext& ctx, const std::string& performerUrl) {
  const d::BlockHeader& h = vv.h;
  json j = {{"resourceType", "MedicationRequest"}};
  j["meta"] = MetaJson("mp-DispenseRequest", ctx.actionable);
  json exts = json::array();
  for (const auto& w : vv.additionalWishes) {
    exts.push_back({{"url", Nictiz(url::kAdditionalWishes)},
                    {"valueCodeableConcept", {{"coding", json::array({CodingJson(w)})}}}});
  }
  if (!h.treatment.empty()) {
    exts.push_back({{"url", Nictiz(url::kTreatmentId)},
                    {"valueIdentifier", IdentifierJson(h.treatment.system, h.treatment.value)}});
  }
  if (!exts.empty()) j["extension"] = exts;
  j["identifier"] = json::array({IdentifierJson(h.id.system, h.id.value)});
  j["status"] = h.fhirStatus.empty() ? std::string("active") : h.fhirStatus;
  j["intent"] = "order";
  j["category"] = CategoryJson(category::kDispenseRequest, "verstrekkingsverzoek");
  j["medicationReference"] = Reference(ctx.medicationUrl, "Medication", h.product->DisplayName());
  j["subject"] = SubjectJson(ctx);
  if (h.registered) j["authoredOn"] = h.registered->ToIso();
  j["requester"] = Reference(ctx.requesterUrl, "PractitionerRole", h.author.display);
  if (!performerUrl.empty()) j["performer"] = Reference(performerUrl, "Organization", vv.performer.display);
  if (vv.basedOnAgreement) j["basedOn"] = json::array({AgreementRelationJson(*vv.basedOnAgreement)});
  json request = json::object();
  if (!vv.dispenseLocation.display.empty()) {
    request["extension"] =
        json::array({{{"url", Nictiz(url::kDispenseLocation)},
                      {"valueReference", {{"type", "Location"}, {"display", vv.dispenseLocation.display}}}}});
  }
  if (vv.quantity) request["quantity"] = QuantityJson(*vv.quantity);
  if (!request.empty()) j["dispenseRequest"] = request;
  return j;
}

json OrganizationJson(const d::Actor& org) {
  json j = {{"resourceType", "Organization"}};
  j["meta"] = MetaJson("nl-core-HealthcareProvider-Organization", false);
  if (org.identifier) j["identifier"] = json::array({IdentifierJson(org.identifier->system, org.identifier->code)});
  if (!org.display.empty()) j["name"] = org.display;
  return j;
}

}  // namespace

std::string WriteReleaseBundle(const ReleaseContent& c, ReleaseTarget target, const WriteOptions& options) {
  const bool pharmacy = target == ReleaseTarget::kPharmacy;
  const std::string seed = c.bundleId.Key() + (pharmacy ? "|pharmacy" : "|ecd");
  const std::string patientUrl = UuidFrom(seed, "patient");
  const std::string roleUrl = UuidFrom(seed, "role");
  const std::string practitionerUrl = UuidFrom(seed, "practitioner");
  const std::string organisationUrl = UuidFrom(seed, "organisation");
  const d::Prescriber& p = c.prescriber;

  // One Medication entry per product, one Organization entry per pharmacy.
  std::map<std::string, std::pair<std::string, const d::Product*>> products;
  auto productUrl = [&](const d::SharedProduct& product) {
    std::string key = product->DisplayName();
    for (const auto& pc : product->codes) key += "|" + pc.coding.system + "|" + pc.coding.code;
    auto [it, added] = products.try_emplace(key, UuidFrom(seed + key, "medication"), &*product);
    return it->second.first;
  };
  std::map<std::string, std::pair<std::string, d::Actor>> pharmacies;

  Entries e;
  EntryContext ctx;
  ctx.patientUrl = patientUrl;
  ctx.patientDisplay = c.patient.name;
  ctx.requesterUrl = roleUrl;
  ctx.actionable = pharmacy;
  for (const auto& ma : c.agreements) {
    ctx.medicationUrl = productUrl(ma.h.product);
    e.Add(UuidFrom(seed + ma.h.id.Key(), "ma"), AgreementJson(ma, ctx));
  }
  if (pharmacy) {
    for (const auto& vv : c.dispenseRequests) {
      ctx.medicationUrl = productUrl(vv.h.product);
      std::string performerUrl;
      if (!vv.performer.display.empty() || vv.performer.identifier) {
        const std::string key = vv.performer.display + (vv.performer.identifier ? vv.performer.identifier->code : "");
        performerUrl = pharmacies.try_emplace(key, UuidFrom(seed + key, "pharmacy"), vv.performer).first->second.first;
      }
      e.Add(UuidFrom(seed + vv.h.id.Key(), "vv"), DispenseRequestJson(vv, ctx, performerUrl));
    }
  }

  json patient = {{"resourceType", "Patient"}};
  patient["meta"] = MetaJson("nl-core-Patient", false);
  if (c.patient.bsn)
    patient["identifier"] = json::array({IdentifierJson(std::string(d::systems::kBsn), c.patient.bsn->digits())});
  if (!c.patient.name.empty()) patient["name"] = NameJson(c.patient.name);
  if (c.patient.birthDate) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(c.patient.birthDate->year()),
                  static_cast<int>(c.patient.birthDate->month()), static_cast<int>(c.patient.birthDate->day()));
    patient["birthDate"] = buf;
  }
  e.Add(patientUrl, patient);

  json role = {{"resourceType", "PractitionerRole"}};
  role["meta"] = MetaJson("nl-core-HealthProfessional-PractitionerRole", false);
  role["practitioner"] = Reference(practitionerUrl, "Practitioner", p.name);
  role["organization"] = Reference(organisationUrl, "Organization", p.organisationName);
  // The DEZI role, as text: which Vektis specialism code an SO carries is not settled (prescribing.md §11.7).
  if (!p.roleName.empty() || !p.roleCode.empty())
    role["code"] = json::array({{{"text", p.roleName + " (DEZI-rol " + p.roleCode + ")"}}});
  e.Add(roleUrl, role);

  json practitioner = {{"resourceType", "Practitioner"}};
  practitioner["meta"] = MetaJson("nl-core-HealthProfessional-Practitioner", false);
  if (!p.deziNumber.empty())
    practitioner["identifier"] = json::array({IdentifierJson(std::string(d::systems::kUzi), p.deziNumber)});
  if (!p.name.empty()) practitioner["name"] = NameJson(p.name);
  e.Add(practitionerUrl, practitioner);

  d::Actor organisation{p.organisationName, d::Coding{std::string(d::systems::kUra), p.organisationUra, ""}};
  e.Add(organisationUrl, OrganizationJson(organisation));
  for (const auto& [key, pharmacyEntry] : pharmacies)
    e.Add(pharmacyEntry.first, OrganizationJson(pharmacyEntry.second));
  for (const auto& [key, product] : products) e.Add(product.first, ProductJson(*product.second, ""));

  json bundle = {{"resourceType", "Bundle"}};
  if (pharmacy) bundle["meta"] = {{"profile", json::array({Nictiz("mp-MedicationPrescription-Bundle")})}};
  if (!c.bundleId.empty()) bundle["identifier"] = IdentifierJson(c.bundleId.system, c.bundleId.value);
  bundle["type"] = "transaction";
  bundle["entry"] = std::move(e.list);
  return bundle.dump(options.pretty ? 2 : -1);
}

}  // namespace zb::net::fhir
