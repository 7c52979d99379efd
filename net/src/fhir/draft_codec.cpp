// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/draft_codec.h"

#include <array>
#include <utility>

#include "datatypes.h"
#include "mappers.h"
#include "write_json.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using detail::Context;
using detail::Object;
using write::json;

namespace {

constexpr std::string_view kFormat = "zorgbrug-medication-draft";
constexpr int kVersion = 1;

constexpr std::array kActions{d::DraftAction::kContinue, d::DraftAction::kChange, d::DraftAction::kStop,
                              d::DraftAction::kPause,    d::DraftAction::kCancel, d::DraftAction::kStart};

json IdJson(const d::BlockId& id) { return write::IdentifierJson(id.system, id.value); }

json CodingsJson(const std::vector<d::Coding>& codings) {
  json out = json::array();
  for (const auto& c : codings) out.push_back(write::CodingJson(c));
  return out;
}

d::BlockId IdOrEmpty(Context& c, Object o, std::string_view key) {
  auto id = detail::IdentifierField(c, o, key);
  return id ? *id : d::BlockId{};
}

}  // namespace

std::string EncodeDraft(const d::MedicationDraft& draft) {
  json j = {{"format", kFormat}, {"version", kVersion}, {"action", d::ToString(draft.action)}};
  if (!draft.treatment.empty()) j["treatment"] = IdJson(draft.treatment);
  if (!draft.against.empty()) j["against"] = IdJson(draft.against);
  if (draft.againstRegistered) j["againstRegistered"] = draft.againstRegistered->ToIso();
  if (!draft.reason.empty()) j["reason"] = write::ConceptJson(draft.reason);
  if (!draft.product->empty()) j["product"] = write::ProductJson(*draft.product, "");
  if (!draft.dosage.empty()) {
    j["dosage"] = json::array();
    for (const auto& dosage : draft.dosage) j["dosage"].push_back(write::DosageJson(dosage));
  }
  if (!draft.renderedDosage.empty()) j["renderedDosage"] = draft.renderedDosage;
  if (draft.pauseUntil) j["pauseUntil"] = draft.pauseUntil->ToIso();
  if (!draft.additionalInformation.empty()) j["additionalInformation"] = CodingsJson(draft.additionalInformation);
  if (draft.dispense) {
    const auto& v = *draft.dispense;
    json o = json::object();
    if (!v.quantity.decimal.empty() || !v.quantity.code.empty()) o["quantity"] = write::QuantityJson(v.quantity);
    o["pharmacy"] = write::ActorJson(v.pharmacy, "Organization");
    o["dispenseLocation"] = write::ActorJson(v.dispenseLocation, "Location");
    if (!v.wishes.empty()) o["wishes"] = CodingsJson(v.wishes);
    j["dispense"] = o;
  }
  if (!draft.offFormularyReason.empty()) j["offFormularyReason"] = draft.offFormularyReason;
  return j.dump();
}

d::Result<d::MedicationDraft> DecodeDraft(std::string_view text, const std::string& origin) {
  auto refuse = [&origin](const std::string& what) {
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        origin + " cannot be read back (" + what + "); it is kept unchanged in the store");
  };
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(text);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return refuse("not JSON");
  simdjson::dom::object o;
  if (root.get(o) != simdjson::SUCCESS) return refuse("not a JSON object");

  ReadOptions options;
  options.origin = origin;
  std::vector<MappingIssue> issues;
  Context c(options, issues);
  c.BeginResource(std::nullopt, "draft", "");
  if (c.Str(o, "format") != kFormat) return refuse("not a medication draft");
  if (c.Int(o, "version") != kVersion)
    return d::MakeError(d::ErrorCode::kUnsupported, origin + " was written by another version of Zorgbrug (format " +
                                                        std::to_string(c.Int(o, "version").value_or(0)) +
                                                        "); update Zorgbrug to read it");
  d::MedicationDraft draft;
  const auto action = c.Str(o, "action");
  bool known = false;
  for (auto a : kActions) {
    if (action && *action == d::ToString(a)) {
      draft.action = a;
      known = true;
    }
  }
  if (!known) return refuse("unknown action '" + std::string(action.value_or("")) + "'");
  draft.treatment = IdOrEmpty(c, o, "treatment");
  draft.against = IdOrEmpty(c, o, "against");
  draft.againstRegistered = c.DateTime(o, "againstRegistered");
  if (auto reason = detail::ConceptField(c, o, "reason")) draft.reason = std::move(*reason);
  if (auto product = c.Obj(o, "product")) {
    Context::Scope s(c, "product");
    draft.product = detail::MapProduct(c, *product);
  }
  draft.dosage = detail::MapDosageArray(c, o, "dosage");
  if (auto rendered = c.Str(o, "renderedDosage")) draft.renderedDosage = *rendered;
  draft.pauseUntil = c.DateTime(o, "pauseUntil");
  draft.additionalInformation = detail::CodingArray(c, o, "additionalInformation");
  if (auto dispense = c.Obj(o, "dispense")) {
    Context::Scope s(c, "dispense");
    d::DispenseDraft v;
    if (auto q = detail::QuantityField(c, *dispense, "quantity")) v.quantity = std::move(*q);
    if (auto a = detail::ActorField(c, *dispense, "pharmacy")) v.pharmacy = std::move(*a);
    if (auto a = detail::ActorField(c, *dispense, "dispenseLocation")) v.dispenseLocation = std::move(*a);
    v.wishes = detail::CodingArray(c, *dispense, "wishes");
    draft.dispense = std::move(v);
  }
  if (auto why = c.Str(o, "offFormularyReason")) draft.offFormularyReason = *why;
  // Our own document: any remark while reading means it is damaged or foreign, not "mostly fine".
  if (!issues.empty()) return refuse(issues.front().Describe());
  return draft;
}

}  // namespace zb::net::fhir
