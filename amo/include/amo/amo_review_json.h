// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An AMO under review as stored (store/amo_store.h): the document (amo_json.h), each line's review
// and every field change with who and when. Reads only what it writes.
#include <string>

#include "domain/amo_review.h"
#include "domain/result.h"

namespace zb::amo {

std::string EncodeAmoReview(const domain::AmoImport& review);
domain::Result<domain::AmoImport> DecodeAmoReview(const std::string& text);

}  // namespace zb::amo
