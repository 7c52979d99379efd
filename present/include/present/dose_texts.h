// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dose of a building block as text. A source's own text (ext-RenderedDosageInstruction or a
// dosage line's text) is shown as the source sent it — in Dutch, whatever the reader's language —
// and marked as the source's; where the source sent only structured fields, Zorgbrug writes the
// dose in the reader's language ("3 maal per dag 2 stuk" / "3 times per day 2 stuk"; unit and
// route are the source's code displays, translated where the catalog knows them).
#include <string>
#include <vector>

#include "domain/building_blocks.h"

namespace zb::present {

struct DoseText {
  std::string text;
  bool fromSource = false;  // `text` is the source's own words, not built by Zorgbrug
  std::string note;         // Zorgbrug's addition (the cycle), never part of the source's words
  std::string Full() const { return note.empty() ? text : text + " " + note; }
};

DoseText DoseOf(const domain::BlockHeader& block);
// For a table cell and the printed list: the source's own text in quotes, “…”; "" without a block.
std::string DoseCell(const domain::BlockHeader* block);
// The structured dosage in the reader's language, e.g. "zo nodig 1 maal per dag 1 stuk, Oraal (Bij pijn)".
std::string DescribeDosage(const std::vector<domain::Dosage>& dosage);

}  // namespace zb::present
