// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/word_list.h"

#include <cmath>
#include <sstream>

namespace zb::amo {

std::string WriteWordList(const std::vector<Page>& pages) {
  std::ostringstream out;
  for (const auto& p : pages)
    for (const auto& w : p.words)
      out << p.number << ' ' << w.left << ' ' << w.top << ' ' << w.right << ' ' << w.bottom << ' ' << w.confidence
          << ' ' << w.text << '\n';
  return out.str();
}

std::vector<Page> ReadWordList(const std::string& text) {
  std::vector<Page> pages;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    int page = 0;
    Word w;
    if (!(fields >> page >> w.left >> w.top >> w.right >> w.bottom >> w.confidence)) continue;
    if (page < 1 || page > 64) continue;
    for (double v : {w.left, w.top, w.right, w.bottom, w.confidence})
      if (!std::isfinite(v)) page = 0;
    if (page == 0) continue;
    fields >> std::ws;
    std::getline(fields, w.text);
    while (static_cast<int>(pages.size()) < page) {
      Page p;
      p.number = static_cast<int>(pages.size()) + 1;
      p.width = 595;
      p.height = 842;
      pages.push_back(p);
    }
    pages[static_cast<size_t>(page - 1)].words.push_back(std::move(w));
  }
  return pages;
}

}  // namespace zb::amo
