// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Makes a PDF written by cairo identify as PDF/A-2b (ISO 19005-2, level B) by an incremental
// update: the XMP metadata (pdfaid part 2, conformance B, and the document information mirrored
// as the standard requires), an sRGB output intent with its ICC profile, and the file identifier.
// Cairo already embeds the fonts and encrypts nothing; what it cannot write is added here.
#include <string>

#include "domain/result.h"

namespace zb::report {

// Appends the update to the PDF at `path`; refused naming what it did not find (a PDF not in
// cairo's classic cross-reference form).
domain::Result<bool> AppendPdfAIdentification(const std::string& path);

// The sRGB ICC profile (version 2, display class) the output intent carries.
std::string SrgbIccProfile();

}  // namespace zb::report
