// SPDX-License-Identifier: GPL-3.0-or-later
// Statuses, dates, products and routes as printed on an AMO (amo.md C.3).
#include <array>
#include <cctype>
#include <regex>
#include <vector>

#include "domain/amo_reading.h"
#include "domain/amo_text.h"

namespace zb::domain {

const char* ToString(AmoStatus s) {
  switch (s) {
    case AmoStatus::kContinue:
      return "continue";
    case AmoStatus::kChanged:
      return "changed";
    case AmoStatus::kStopped:
      return "stopped";
    case AmoStatus::kNew:
      return "new";
    case AmoStatus::kPaused:
      return "paused";
    case AmoStatus::kUnknown:
      break;
  }
  return "";
}

AmoStatus AmoStatusFromString(std::string_view text) {
  for (auto s : {AmoStatus::kContinue, AmoStatus::kChanged, AmoStatus::kStopped, AmoStatus::kNew, AmoStatus::kPaused})
    if (text == ToString(s)) return s;
  return AmoStatus::kUnknown;
}

AmoStatus AmoStatusOfHeading(std::string_view text) {
  const std::string t = amo::Folded(text);
  // "ongewijzigd" contains "gewijzigd" and "tijdelijk gestopt" contains "gestopt": test those first.
  if (t.find("tijdelijk") != std::string::npos || t.find("gepauzeerd") != std::string::npos ||
      t.find("onderbroken") != std::string::npos)
    return AmoStatus::kPaused;
  for (const char* stem : {"ongewijzigd", "doorgaan", "continu", "voortzet", "onveranderd"})
    if (t.find(stem) != std::string::npos) return AmoStatus::kContinue;
  for (const char* stem : {"gewijzigd", "aangepast", "wijziging"})
    if (t.find(stem) != std::string::npos) return AmoStatus::kChanged;
  for (const char* stem : {"gestopt", "gestaakt", "beeindigd", "beëindigd", "stoppen"})
    if (t.find(stem) != std::string::npos) return AmoStatus::kStopped;
  for (const char* stem : {"nieuw", "gestart", "toegevoegd"})
    if (t.find(stem) != std::string::npos) return AmoStatus::kNew;
  return AmoStatus::kUnknown;
}

namespace {

int MonthOf(const std::string& word) {
  static const std::array<const char*, 12> kShort = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                     "jul", "aug", "sep", "okt", "nov", "dec"};
  static const std::array<const char*, 12> kLong = {"januari",   "februari", "maart",    "april",
                                                    "mei",       "juni",     "juli",     "augustus",
                                                    "september", "oktober",  "november", "december"};
  for (size_t i = 0; i < 12; ++i) {
    if (word == kShort[i] || word == kLong[i]) return static_cast<int>(i) + 1;
  }
  if (word == "maa" || word == "mar") return 3;  // "mar" is how some English-built systems print it
  if (word == "sept") return 9;
  return 0;
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  try {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  } catch (const std::out_of_range&) {
    return std::nullopt;  // 31-02-2026 is printed garbage, not a date
  }
}

}  // namespace

std::optional<Date> ReadAmoDate(std::string_view text) {
  const std::string t = amo::Trimmed(amo::Folded(text));
  static const std::regex numeric(R"(^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$)");
  static const std::regex iso(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  static const std::regex named(R"(^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4})$)");
  std::smatch m;
  if (std::regex_match(t, m, numeric)) return MakeDate(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  if (std::regex_match(t, m, iso)) return MakeDate(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  if (std::regex_match(t, m, named)) {
    const int month = MonthOf(m[2].str());
    if (month == 0) return std::nullopt;
    return MakeDate(std::stoi(m[3]), month, std::stoi(m[1]));
  }
  return std::nullopt;
}

namespace {

struct FormWord {
  const char* printed;
  const char* form;
};
// Printed forms (G-Standaard upper case, Epic lower case, abbreviations) and what they mean.
constexpr FormWord kForms[] = {
    {"tablet", "tablet"},
    {"tabletten", "tablet"},
    {"tabl", "tablet"},
    {"tbl", "tablet"},
    {"omhuld", "omhuld"},
    {"filmomhuld", "filmomhuld"},
    {"mga", "mga"},
    {"msr", "msr"},
    {"maagsapresistent", "msr"},
    {"bruis", "bruis"},
    {"bruistablet", "bruistablet"},
    {"capsule", "capsule"},
    {"capsules", "capsule"},
    {"caps", "capsule"},
    {"zetpil", "zetpil"},
    {"drank", "drank"},
    {"stroop", "drank"},
    {"suspensie", "suspensie"},
    {"oogdruppels", "oogdruppels"},
    {"druppels", "druppels"},
    {"creme", "creme"},
    {"crème", "creme"},
    {"zalf", "zalf"},
    {"pleister", "pleister"},
    {"inhalatiepoeder", "inhalatiepoeder"},
    {"aerosol", "aerosol"},
    {"inhalator", "inhalator"},
    {"injectievloeistof", "injectievloeistof"},
    {"inj", "injectievloeistof"},
    {"poeder", "poeder"},
    {"sachet", "sachet"},
    {"granulaat", "granulaat"},
    {"smelttablet", "smelttablet"},
    {"kauwtablet", "kauwtablet"},
    {"gel", "gel"},
    {"spray", "spray"},
    {"neusspray", "neusspray"},
    {"wegwerpspuit", "wegwerpspuit"},
    {"pen", "pen"},
    {"met", "met"},
    {"gereguleerde", "gereguleerde"},
    {"afgifte", "afgifte"},
    {"dosis", "dosis"},
};

std::string FormOf(const std::string& word) {
  for (const auto& f : kForms)
    if (word == f.printed) return f.form;
  return "";
}

}  // namespace

AmoProductReading ReadAmoProduct(std::string_view text) {
  AmoProductReading out;
  std::string t = amo::DecimalPoints(amo::Folded(text));
  static const std::regex strength(
      R"((\d+(?:\.\d+)?)\s*(mg|microgram|mcg|µg|μg|g|ml|ie|e|%|mmol)(?:\s*/\s*(\d+(?:\.\d+)?)?\s*(ml|dosis|uur|g))?(?![a-z]))");
  std::smatch m;
  std::string rest = t;
  if (std::regex_search(t, m, strength)) {
    std::string unit = amo::UnitName(m[2].str());
    out.strength = amo::NumberText(m[1].str()) + " " + unit;
    if (m[4].matched)
      out.strength += "/" + (m[3].matched ? amo::NumberText(m[3].str()) + " " : std::string()) + m[4].str();
    rest = m.prefix().str() + " " + m.suffix().str();
  }
  std::vector<std::string> nameWords, formWords;
  bool digitsLeft = false;
  for (const auto& w : amo::Words(rest)) {
    const std::string f = FormOf(w);
    if (!f.empty() && !nameWords.empty()) {
      formWords.push_back(f);
    } else if (!formWords.empty()) {
      formWords.push_back(w);  // "tablet met gereguleerde afgifte" continues the form
    } else {
      nameWords.push_back(w);
    }
    for (char c : w)
      if (std::isdigit(static_cast<unsigned char>(c))) digitsLeft = true;
  }
  // After the strength only the form follows ("metoPROLOL 50mg tablet"); a word there that is no
  // form ("tabiet", a misread) would otherwise end up in the name.
  bool strayAfterStrength = false;
  if (!out.strength.empty())
    for (const auto& w : amo::Words(m.suffix().str()))
      if (FormOf(w).empty()) strayAfterStrength = true;
  out.name = amo::Joined(nameWords);
  out.form = amo::Joined(formWords);
  // A number we could not read as the strength ("2,5/25") must not be dropped from the reading.
  out.complete = !out.name.empty() && !digitsLeft && !strayAfterStrength;
  return out;
}

namespace {

// Routes compare without dots, colons, spaces and accents, and with 0 read as o: "p.o.", "po",
// "p.o", "P.0." (OCR) are one wording.
std::string RouteKey(std::string_view text) {
  std::string out;
  const std::string t = amo::Folded(text);
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\xC3' && i + 1 < t.size() && (t[i + 1] == '\xB3' || t[i + 1] == '\xB2' || t[i + 1] == '\xB6')) {
      out += 'o';  // ó, ò, ö
      ++i;
    } else if (c == '0') {
      out += 'o';
    } else if (c != '.' && c != ':' && c != ' ' && c != ',') {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> ReadAmoRoute(std::string_view text) {
  struct Route {
    const char* printed;
    const char* route;
  };
  static constexpr Route kRoutes[] = {
      {"oraal", "oraal"},
      {"or", "oraal"},
      {"per os", "oraal"},
      {"p.o.", "oraal"},
      {"innemen", "oraal"},
      {"rectaal", "rectaal"},
      {"subcutaan", "subcutaan"},
      {"s.c.", "subcutaan"},
      {"intramusculair", "intramusculair"},
      {"i.m.", "intramusculair"},
      {"intraveneus", "intraveneus"},
      {"i.v.", "intraveneus"},
      {"cutaan", "cutaan"},
      {"op de huid", "cutaan"},
      {"transdermaal", "transdermaal"},
      {"inhalatie", "inhalatie"},
      {"inhaleren", "inhalatie"},
      {"inhalatoir", "inhalatie"},
      {"oculair", "oculair"},
      {"in het oog", "oculair"},
      {"nasaal", "nasaal"},
      {"sublinguaal", "sublinguaal"},
      {"vaginaal", "vaginaal"},
      {"auriculair", "auriculair"},
      {"in het oor", "auriculair"},
  };
  // The table's own keys once, not for every cell read.
  static const std::vector<std::pair<std::string, const char*>> kKeys = [] {
    std::vector<std::pair<std::string, const char*>> keys;
    for (const auto& r : kRoutes) keys.emplace_back(RouteKey(r.printed), r.route);
    return keys;
  }();
  const std::string key = RouteKey(text);
  for (const auto& [k, route] : kKeys)
    if (key == k) return std::string(route);
  return std::nullopt;
}

}  // namespace zb::domain
