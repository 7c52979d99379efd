// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How each layout prints a line's fields (amo.md C.3 vendor renderings), and what a correct
// reading of that print is: the golden output.
#include <nlohmann/json.hpp>
#include <string>

#include "corpus_model.h"

namespace zb::corpus {

struct Column {
  std::string title;
  double width;
  std::string key;  // product, status, dose, route, start, stop, reason, remarks
};

struct Style {
  std::string layout;
  bool landscape = false;
  bool statusColumn = false;  // a Status column instead of section headings
  std::vector<Column> columns;
};

const Style& StyleOf(const std::string& layout);
std::string Printed(const Style& style, const Line& line, const std::string& key);
std::string SectionHeading(const Style& style, const std::string& status);
std::string PrintedDate(const Style& style, const std::string& iso);
// The correct reading of the document: what `zorgbrug-cli amo import --format json` must say.
nlohmann::json Expected(const Document& doc);

}  // namespace zb::corpus
