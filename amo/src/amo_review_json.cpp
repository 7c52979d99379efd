// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/amo_review_json.h"

#include <boost/date_time/posix_time/posix_time.hpp>

#include "amo/amo_json.h"

namespace zb::amo {

using nlohmann::json;

std::string EncodeAmoReview(const domain::AmoImport& review) {
  json lines = json::array();
  for (const auto& l : review.lines)
    lines.push_back({{"checkedBy", l.checkedBy}, {"acceptedBy", l.acceptedBy}, {"continueAsDraft", l.continueAsDraft}});
  json changes = json::array();
  for (const auto& c : review.changes)
    changes.push_back({{"line", c.line},
                       {"field", c.field},
                       {"before", c.before},
                       {"after", c.after},
                       {"by", c.by},
                       {"at", boost::posix_time::to_iso_extended_string(c.at)}});
  return json{{"version", 1},
              {"fourEyes", review.fourEyes},
              {"document", ToJson(review.document)},
              {"lines", lines},
              {"changes", changes}}
      .dump();
}

domain::Result<domain::AmoImport> DecodeAmoReview(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("version", 0) != 1)
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, "a stored AMO review that is not one (version 1)");
  auto document = FromJson(j.at("document"));
  if (!document) return document.error();
  try {
    domain::AmoImport review;
    review.document = std::move(document).value();
    review.fourEyes = j.at("fourEyes").get<bool>();
    for (const auto& l : j.at("lines"))
      review.lines.push_back({l.at("checkedBy").get<std::string>(), l.at("acceptedBy").get<std::string>(),
                              l.at("continueAsDraft").get<bool>()});
    for (const auto& c : j.at("changes"))
      review.changes.push_back({c.at("line").get<int>(), c.at("field").get<std::string>(),
                                c.at("before").get<std::string>(), c.at("after").get<std::string>(),
                                c.at("by").get<std::string>(),
                                boost::posix_time::from_iso_extended_string(c.at("at").get<std::string>())});
    if (review.lines.size() != review.document.lines.size())
      return domain::MakeError(domain::ErrorCode::kInconsistent,
                               "a stored AMO review with " + std::to_string(review.lines.size()) +
                                   " line reviews for " + std::to_string(review.document.lines.size()) + " lines");
    return review;
  } catch (const std::exception& e) {
    return domain::MakeError(domain::ErrorCode::kInvalidFormat,
                             std::string("a damaged stored AMO review: ") + e.what());
  }
}

}  // namespace zb::amo
