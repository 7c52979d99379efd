// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An accepted AMO line as MP9 building block (amo.md C.2 "target model", C-R6): a medication use
// (MGB) with the hospital as information source, the printed dose text kept as the rendered
// dosage, the copy indicator set, and the document and page it came from. A stopped line becomes
// a use that is stopped and a paused one a suspended use: never active medication.
#include <string>

#include "domain/amo_document.h"
#include "domain/building_blocks.h"
#include "domain/source.h"

namespace zb::domain {

// "AMO <ziekenhuis> <dd-mm-jjjj>": the source every line of this AMO shows in the overview.
Source AmoSource(const AmoHeader& header, const std::string& importId);

// `importId` names the stored import (document); the block's note carries the page.
MedicationUse AmoLineToUse(const AmoDocument& doc, size_t line, const std::string& importId);

}  // namespace zb::domain
