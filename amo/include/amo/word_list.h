// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pages of words as plain text, one word per line: "page left top right bottom confidence text".
// For the fuzz harness of the layout stage and `zorgbrug-amo-import --dump-words` (what the
// importer saw, to reproduce a layout problem). The words are the page's text, patient data
// included: dump only synthetic or de-identified documents.
#include <string>
#include <vector>

#include "amo/page_words.h"

namespace zb::amo {

std::string WriteWordList(const std::vector<Page>& pages);
// Lines that do not read are skipped; page numbers run 1..64 at most.
std::vector<Page> ReadWordList(const std::string& text);

}  // namespace zb::amo
