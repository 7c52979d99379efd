// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The importer's answer on stdout, read back by the workstation and printed by
// `zorgbrug-cli amo import --format json`: {"patient":{name,bsn,birthDate},"lines":[{status,
// product,doseText,route,start,stop,reason,asNeeded,uncertain,...}], ...}. Dates are YYYY-MM-DD;
// every field also keeps its page, box, confidence and why it is uncertain ("fields").
#include <nlohmann/json.hpp>

#include "domain/amo_document.h"
#include "domain/result.h"

namespace zb::amo {

nlohmann::json ToJson(const domain::AmoDocument& doc);
// Reads what ToJson wrote (from the importer process); refuses a shape it did not write.
domain::Result<domain::AmoDocument> FromJson(const nlohmann::json& json);

}  // namespace zb::amo
