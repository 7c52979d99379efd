// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The structured path of an AMO (amo.md C-R9): an MP9 3.0 FHIR Bundle from the hospital, read
// without OCR into the same AmoDocument as a PDF, so review, sign-off and the identity gate are the
// same. Every medication agreement is a line: stopped and suspended ones by their stop type, one
// that changes another as "changed"; whether an ordinary agreement is new or continued the bundle
// does not say, so that status is proposed and left for the secretary to confirm.
#include <string>

#include "domain/amo_document.h"
#include "domain/result.h"

namespace zb::amo {

domain::Result<domain::AmoDocument> ReadStructuredAmo(const std::string& json, const std::string& origin);

// Whether a file's first bytes look like JSON (a FHIR Bundle) rather than a PDF.
bool LooksLikeJson(const std::string& head);

}  // namespace zb::amo
