// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir_receiver.h"

#include <algorithm>
#include <chrono>

#include "holder_data.h"
#include "net/contract/release_services.h"
#include "net/fhir/release_bundle_check.h"
#include "net/jose/random.h"
#include "net/json_member.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
namespace contract = net::contract;
namespace jose = net::jose;

constexpr const char* kFhirJson = "application/fhir+json";
json TransactionResponse(const json& bundle) {
  json out{{"resourceType", "Bundle"},
           {"id", net::jose::RandomUuid()},
           {"type", "transaction-response"},
           {"entry", json::array()}};
  for (const auto& e : bundle["entry"]) {
    const std::string type = net::StringMember(e["resource"], "resourceType");
    out["entry"].push_back(
        {{"response",
          {{"status", "201 Created"}, {"location", type + "/" + net::jose::RandomUuid() + "/_history/1"}}}});
  }
  return out;
}

// A pharmacy serves what it was prescribed from then on, as its own system would: the Bundle's
// MedicationRequests (MA, VV) and Medications join the patient's record, the subject pointing at
// the holder's own Patient, so a later lookup by anyone (the patient's own SO too) sees the change.
void ServeFromNowOn(World& world, const HolderInfo& holder, const json& bundle) {
  std::string bsn;
  for (const auto& e : bundle.value("entry", json::array())) {
    const json r = e.value("resource", json::object());
    if (net::StringMember(r, "resourceType") != "Patient") continue;
    for (const auto& id : r.value("identifier", json::array()))
      if (net::StringMember(id, "system") == "http://fhir.nl/fhir/NamingSystem/bsn")
        bsn = net::StringMember(id, "value");
  }
  const auto data = world.holderData.find(holder.id);
  const PatientRecord* patient = data == world.holderData.end() ? nullptr : data->second->ByBsn(bsn);
  if (!patient) return;
  auto& amended = world.amendments[holder.id + "|" + bsn];
  for (const auto& e : bundle.value("entry", json::array())) {
    json r = e.value("resource", json::object());
    const std::string type = net::StringMember(r, "resourceType");
    if (type != "MedicationRequest" && type != "Medication") continue;
    const std::string fullUrl = net::StringMember(e, "fullUrl");
    if (!r.contains("id")) r["id"] = fullUrl.rfind("urn:uuid:", 0) == 0 ? fullUrl.substr(9) : jose::RandomUuid();
    if (type == "MedicationRequest") r["subject"] = {{"reference", "Patient/" + patient->patientId}};
    amended.push_back({{"fullUrl", fullUrl}, {"resource", std::move(r)}});
  }
}

}  // namespace

std::optional<ReceiverKind> ReceiverFor(const std::string& scope) {
  if (scope == contract::kPrescriptionService) return ReceiverKind::kPrescription;
  if (scope == contract::kMedicationDataService) return ReceiverKind::kMedicationData;
  return std::nullopt;
}

void Receive(World& world, const HolderInfo& holder, const IssuedToken& token, const std::string& body,
             httplib::Response& res) {
  const auto kind = ReceiverFor(token.scope);
  if (!kind) {
    world.Count("holder." + holder.id + ".writes-refused");
    res.status = 405;
    res.set_content(
        OperationOutcome("error", "not-supported", holder.name + " accepts no writes for scope " + token.scope).dump(),
        kFhirJson);
    return;
  }
  const json bundle = json::parse(body, nullptr, false);
  const std::vector<std::string> problems =
      net::fhir::CheckReleaseBundle(body, *kind == ReceiverKind::kPrescription ? net::fhir::ReleaseTarget::kPharmacy
                                                                               : net::fhir::ReleaseTarget::kCareRecord);
  if (!problems.empty()) {
    world.Count("holder." + holder.id + ".releases-refused");
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i) text += (i ? "; " : "") + problems[i];
    res.status = 422;
    res.set_content(OperationOutcome("error", "processing", text).dump(), kFhirJson);
    return;
  }
  const std::string identifier =
      net::StringMember(bundle["identifier"], "system") + "|" + net::StringMember(bundle["identifier"], "value");
  auto& received = world.received[holder.id];
  for (const auto& r : received) {
    if (r.identifier != identifier) continue;
    world.Count("holder." + holder.id + ".releases-repeated");
    res.status = 200;
    res.set_content(r.response.dump(), kFhirJson);
    return;
  }
  world.Count("holder." + holder.id + ".releases-accepted");
  if (*kind == ReceiverKind::kPrescription) {
    // The pharmacy processes it a while later and answers the prescriber (processing_sender.h).
    const auto due = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(0, world.processingDelayMs));
    world.processingJobs.push_back(
        {holder.id, bundle, std::chrono::duration_cast<std::chrono::milliseconds>(due.time_since_epoch()).count()});
  }
  if (*kind == ReceiverKind::kPrescription) ServeFromNowOn(world, holder, bundle);
  ReceivedBundle r{identifier, TransactionResponse(bundle), bundle, token.employee};
  res.status = 201;
  res.set_content(r.response.dump(), kFhirJson);
  received.push_back(std::move(r));
}

json ReceivedSearch(const World& world, const HolderInfo& holder, const std::string& identifier,
                    const std::string& self) {
  json out{{"resourceType", "Bundle"},
           {"type", "searchset"},
           {"total", 0},
           {"link", json::array({{{"relation", "self"}, {"url", self}}})},
           {"entry", json::array()}};
  auto it = world.received.find(holder.id);
  if (it == world.received.end()) return out;
  for (const auto& r : it->second) {
    for (const auto& e : r.bundle["entry"]) {
      const json& resource = e["resource"];
      if (net::StringMember(resource, "resourceType") != "MedicationRequest" || !resource.contains("identifier") ||
          !resource["identifier"].is_array())
        continue;
      for (const auto& id : resource["identifier"]) {
        if (net::StringMember(id, "system") + "|" + net::StringMember(id, "value") != identifier) continue;
        json found = resource;
        found["id"] = net::jose::RandomUuid();
        out["entry"].push_back({{"resource", found}, {"search", {{"mode", "match"}}}});
      }
    }
  }
  out["total"] = out["entry"].size();
  return out;
}

}  // namespace zb::sandbox
