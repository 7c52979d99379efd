// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the importer sees of a page: its words with their boxes, from the PDF's text layer or from
// OCR. Positions are PDF points from the page's top left, so layout works the same for both.
#include <string>
#include <vector>

namespace zb::amo {

struct Word {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
  double confidence = 1.0;  // 1 for a text layer; the OCR engine's word confidence otherwise
};

struct Page {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  bool ocr = false;
  std::vector<Word> words;
};

}  // namespace zb::amo
