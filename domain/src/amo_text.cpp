// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/amo_text.h"

#include <cctype>

namespace zb::domain::amo {

std::string Folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xCE && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      out += "\xC2\xB5";  // Greek small mu, as OCR and some fonts give it: the micro sign
      ++i;
    } else if (c == 0xC4 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0xB2 || static_cast<unsigned char>(text[i + 1]) == 0xB3)) {
      out += "ij";  // the Dutch ligature letter, as OCR and some fonts give it
      ++i;
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      out += ' ';  // no-break space
      ++i;
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

std::string DecimalPoints(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool digitBefore = i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]));
    const bool digitAfter = i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
    if (c == ',' && digitBefore && digitAfter) {
      out += '.';
    } else if (c == '\xC2' && i + 1 < text.size() && (text[i + 1] == '\xBD' || text[i + 1] == '\xBC')) {
      const char* fraction = text[i + 1] == '\xBD' ? "5" : "25";
      if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.back()))) {
        out += std::string(".") + fraction;  // 1½
      } else {
        out += std::string("0.") + fraction;  // ½
      }
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string Trimmed(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return std::string(text.substr(b, e - b));
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';' || c == '(' || c == ')' || c == ':') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string NumberText(std::string_view number) {
  std::string n(number);
  if (n.find('.') != std::string::npos) {
    while (!n.empty() && n.back() == '0') n.pop_back();
    if (!n.empty() && n.back() == '.') n.pop_back();
  }
  if (!n.empty() && n.front() == '.') n.insert(n.begin(), '0');
  return n;
}

std::string UnitName(std::string_view printed) {
  const std::string p = Folded(printed);
  if (p == "mcg" || p == "\xC2\xB5g" || p == "microgram" || p == "microgr") return "microgram";
  if (p == "ie" || p == "e" || p == "eenheden" || p == "eh") return "IE";
  if (p == "milligram") return "mg";
  if (p == "milliliter") return "ml";
  if (p == "gram") return "g";
  return p;
}

}  // namespace zb::domain::amo
