// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An on-call report as the store keeps it (sealed), draft or signed: a small versioned JSON
// document of ours with every field, so a draft reads back exactly as it was left. A document that
// does not read back completely is refused with the element named, never half-restored. (What is
// shared with others is the FHIR document of locum_report_fhir.h, written at signing.)
#include <string>
#include <string_view>

#include "domain/locum_report.h"
#include "domain/result.h"

namespace zb::net::fhir {

std::string EncodeLocumReport(const domain::LocumReport& report);
// `origin` names the stored report in messages ("report 3").
domain::Result<domain::LocumReport> DecodeLocumReport(std::string_view text, const std::string& origin);

}  // namespace zb::net::fhir
