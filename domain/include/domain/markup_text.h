// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text placed in XML or XHTML element content (a FHIR narrative, a PDF's XMP metadata): the three
// characters that would be read as markup, escaped. Attribute values need more; none is written.
#include <string>
#include <string_view>

namespace zb::domain {

inline std::string XmlEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

}  // namespace zb::domain
