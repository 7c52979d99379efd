// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/writer.h"

#include <cstdio>

#include "write_json.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using namespace write;

std::string WriteAgreementBundle(const d::MedicationAgreement& ma, const d::Patient& patient,
                                 const WriteOptions& options) {
  const std::string seed = ma.h.id.Key();
  const std::string maUrl = UuidFrom(seed, "ma");
  const std::string medUrl = UuidFrom(seed, "med");
  const std::string patUrl = UuidFrom(seed, "pat");
  const std::string maId = ma.h.resourceId.empty() ? maUrl.substr(9) : ma.h.resourceId;

  json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", json::array()}};
  bundle["entry"].push_back(
      {{"fullUrl", maUrl}, {"resource", AgreementJson(ma, {maId, medUrl, patUrl, "", "", false})}});
  bundle["entry"].push_back({{"fullUrl", medUrl}, {"resource", ProductJson(*ma.h.product, medUrl.substr(9))}});
  {
    const auto& p = patient;
    json pj = {{"resourceType", "Patient"}, {"id", patUrl.substr(9)}};
    if (p.bsn)
      pj["identifier"] = json::array({{{"system", std::string(d::systems::kBsn)}, {"value", p.bsn->digits()}}});
    if (!p.name.empty()) pj["name"] = json::array({{{"text", p.name}}});
    if (p.birthDate) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(p.birthDate->year()),
                    static_cast<int>(p.birthDate->month()), static_cast<int>(p.birthDate->day()));
      pj["birthDate"] = buf;
    }
    bundle["entry"].push_back({{"fullUrl", patUrl}, {"resource", pj}});
  }
  return bundle.dump(options.pretty ? 2 : -1);
}

}  // namespace zb::net::fhir
