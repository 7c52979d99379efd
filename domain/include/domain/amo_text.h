// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small text helpers shared by the AMO readers: the printed page is upper case, tall-man or
// lower case, with decimal commas and vulgar fractions, and the readers compare it folded.
#include <string>
#include <string_view>
#include <vector>

namespace zb::domain::amo {

std::string Folded(std::string_view text);         // ASCII lower case; Greek mu as micro sign
std::string DecimalPoints(std::string_view text);  // "0,5" -> "0.5", "1½" -> "1.5", "½" -> "0.5"
std::string Trimmed(std::string_view text);
std::vector<std::string> Words(std::string_view text);  // split at spaces and , ; ( ) :
std::string Joined(const std::vector<std::string>& words);
std::string NumberText(std::string_view number);  // "0.50" -> "0.5", "1.0" -> "1"
std::string UnitName(std::string_view printed);   // "mcg", "µg" -> "microgram"; "e", "ie" -> "IE"

}  // namespace zb::domain::amo
