// SPDX-License-Identifier: GPL-3.0-or-later
// A printed dose as hospitals and pharmacy systems write it (amo.md C.3): "2 dd 1 tablet",
// "1-0-1", "1x per dag 50 mg innemen.", "1x elke 1 dag om 08:00:00", "z.n. max 3 per dag bij pijn",
// "vlgs schema". Each recognised phrase is marked consumed; what is left must be filler words, or
// the reading is incomplete and the field uncertain (never a silently partial dose).
#include <regex>
#include <set>

#include "domain/amo_reading.h"
#include "domain/amo_text.h"

namespace zb::domain {
namespace {

const std::string kUnitWords =
    R"((mg|milligram|microgram|mcg|µg|g|gram|ml|milliliter|ie|e|eenheden|tabletten|tablet|tabl\.?|tbl|capsules|capsule|caps\.?|stuks|stuk|st\.|druppels|druppel|dr\.|pufjes|puffs|puf|zetpillen|zetpil|sachets|sachet|pleisters|pleister|doses|dosis|inhalaties|inhalatie))";

std::string DoseUnit(const std::string& printed) {
  std::string p = printed;
  if (!p.empty() && p.back() == '.') p.pop_back();
  static const std::set<std::string> kPieces = {"tabletten", "tablet", "tabl",      "tbl",     "capsules",  "capsule",
                                                "caps",      "stuks",  "stuk",      "st",      "zetpillen", "zetpil",
                                                "sachets",   "sachet", "pleisters", "pleister"};
  if (kPieces.count(p)) return "stuk";
  if (p == "druppels" || p == "druppel" || p == "dr") return "druppel";
  if (p == "pufjes" || p == "puffs" || p == "puf" || p == "inhalaties" || p == "inhalatie" || p == "doses" ||
      p == "dosis")
    return "puf";
  return amo::UnitName(p);
}

class Cursor {
 public:
  explicit Cursor(std::string text) : m_text(std::move(text)), m_used(m_text.size(), false) {}
  const std::string& text() const { return m_text; }
  // Calls `take` for each match of `re` in the unconsumed text and consumes it when take says so.
  template <class F>
  void Each(const std::regex& re, F take) {
    for (auto it = std::sregex_iterator(m_text.begin(), m_text.end(), re); it != std::sregex_iterator(); ++it) {
      const auto& m = *it;
      const auto from = static_cast<size_t>(m.position(0));
      const auto len = static_cast<size_t>(m.length(0));
      bool free = true;
      for (size_t i = from; i < from + len; ++i) free = free && !m_used[i];
      if (free && take(m))
        std::fill(m_used.begin() + static_cast<long>(from), m_used.begin() + static_cast<long>(from + len), true);
    }
  }
  std::string Left() const {
    std::string out;
    for (size_t i = 0; i < m_text.size(); ++i) out += m_used[i] ? ' ' : m_text[i];
    return out;
  }

 private:
  std::string m_text;
  std::vector<bool> m_used;
};

bool IsFiller(std::string w) {
  while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.pop_back();
  static const std::set<std::string> kFiller = {
      "",        "innemen", "in",       "te",        "nemen",      "toedienen",  "gebruiken", "gebruik",
      "per",     "dag",     "daags",    "elke",      "de",         "het",        "met",       "water",
      "na",      "voor",    "bij",      "eten",      "maaltijd",   "maaltijden", "'s",        "ochtends",
      "morgens", "middags", "avonds",   "nachts",    "nacht",      "en",         "om",        "indien",
      "nodig",   "zo",      "x",        "maal",      "keer",       "dagelijks",  "wekelijks", "week",
      "uur",     "slapen",  "gaan",     "opbrengen", "aanbrengen", "inhaleren",  "druppelen", "inspuiten",
      "plakken", "zuigen",  "oplossen", "innemen.",  "1x",         "a",          "à"};
  return kFiller.count(w) > 0;
}

int Dayparts(const std::string& s) {
  int n = 0;
  for (const char* part :
       {"'s ochtends", "'s morgens", "'s middags", "'s avonds", "voor de nacht", "'s nachts", "voor het slapen"})
    if (s.find(part) != std::string::npos) ++n;
  return n;
}

}  // namespace

AmoDoseReading ReadAmoDose(std::string_view printed) {
  AmoDoseReading out;
  AmoDose& d = out.dose;
  Cursor c(amo::DecimalPoints(amo::Folded(printed)));
  std::vector<std::string> problems;
  const std::string num = R"((\d+(?:\.\d+)?))";

  static const std::regex schedule(R"(v(?:olgen)?l?g?s\.?\s*schema|volgens\s+schema)");
  c.Each(schedule, [&](const std::smatch&) { return d.schedule = true; });
  static const std::regex asNeeded(R"(\(?\b(?:z\.\s?n\.?|zn|zo\s+nodig|indien\s+nodig|a\.\s?n\.?)\)?)");
  c.Each(asNeeded, [&](const std::smatch&) { return d.asNeeded = true; });
  static const std::regex maximum(
      "max(?:imaal|\\.)?\\s*" + num +
      R"(\s*(?:x|maal|keer|stuks?|tabletten|tablet)?\s*(?:per|p/|/)\s*(?:dag|24\s*uur|etmaal))");
  c.Each(maximum, [&](const std::smatch& m) {
    d.maxPerDay = amo::NumberText(m[1].str());
    return true;
  });
  static const std::regex condition(R"(\bbij\s+(?!de\b|het\b|eten\b|maaltijd)([a-zë]+))");
  c.Each(condition, [&](const std::smatch& m) {
    if (!d.condition.empty()) return false;
    d.condition = "bij " + m[1].str();
    return true;
  });
  // "om 8.00" or "08:00(:00)": a bare "12.50" is a decimal amount, never a time.
  static const std::regex times(R"((?:\bom\s+(\d{1,2})[:.](\d{2})|\b(\d{1,2}):(\d{2}))(?::\d{2})?(?:\s*uur)?\b)");
  c.Each(times, [&](const std::smatch& m) {
    const size_t g = m[1].matched ? 1 : 3;
    const int h = std::stoi(m[g].str()), min = std::stoi(m[g + 1].str());
    if (h > 23 || min > 59) return false;
    d.times.push_back(std::string(h < 10 ? "0" : "") + std::to_string(h) + (min < 10 ? ":0" : ":") +
                      std::to_string(min));
    return true;
  });
  static const std::regex pattern("(?:^|\\s)" + num + "-" + num + "-" + num + "(?:-" + num + ")?(?=\\s|$|,)");
  c.Each(pattern, [&](const std::smatch& m) {
    std::vector<std::string> amounts;
    for (size_t i = 1; i <= 4; ++i)
      if (m[i].matched && std::stod(m[i].str()) > 0) amounts.push_back(amo::NumberText(m[i].str()));
    d.perPeriod = static_cast<int>(amounts.size());
    d.period = "d";
    bool same = true;
    for (const auto& a : amounts) same = same && a == amounts.front();
    if (same && !amounts.empty()) {
      d.amount = amounts.front();
    } else {
      problems.push_back("ongelijke doses per moment (" + m.str(0) + ")");
    }
    return true;
  });
  static const std::regex dd("(\\d+)\\s*dd\\s*" + num + "(?:\\s*-\\s*" + num + ")?");
  c.Each(dd, [&](const std::smatch& m) {
    if (d.perPeriod != 0) return false;
    d.perPeriod = std::stoi(m[1].str());
    d.period = "d";
    d.amount = amo::NumberText(m[2].str());
    if (m[3].matched) d.amountMax = amo::NumberText(m[3].str());
    return true;
  });
  static const std::regex frequency(
      R"((\d+)\s*(?:x|maal|keer)\s*(?:per|elke(?:\s*1)?|/|p/)?\s*(dag|daags|week|24\s*uur|etmaal)(?![a-z]))");
  c.Each(frequency, [&](const std::smatch& m) {
    if (d.perPeriod != 0) return false;
    d.perPeriod = std::stoi(m[1].str());
    d.period = m[2].str() == "week" ? "wk" : "d";
    return true;
  });
  static const std::regex amount(num + "(?:\\s*(?:-|à|tot)\\s*" + num + ")?\\s*" + kUnitWords + "(?![a-z])");
  c.Each(amount, [&](const std::smatch& m) {
    const std::string unit = DoseUnit(m[3].str());
    const std::string n = amo::NumberText(m[1].str());
    if (d.unit.empty() && (d.amount.empty() || d.amount == n)) {
      d.amount = n;
      if (m[2].matched) d.amountMax = amo::NumberText(m[2].str());
      d.unit = unit;
    } else if (d.unit.empty() || unit == d.unit) {
      // "1dd1 50 mg" or "1 tablet ... 2 tabletten": two amounts that do not say the same; keep
      // both visible rather than choosing one.
      if (n != d.amount) problems.push_back("twee hoeveelheden: " + m.str(0));
      if (d.unit.empty()) d.unit = unit;
    }
    // Otherwise a restatement in another unit ("1 tablet (50 mg)"): consumed, the first stands.
    return true;
  });
  static const std::regex unitAlone("(?:^|\\s)" + kUnitWords + "(?![a-z])");
  c.Each(unitAlone, [&](const std::smatch& m) {
    if (!d.unit.empty() || d.amount.empty()) return false;
    d.unit = DoseUnit(m[1].str());
    return true;
  });
  static const std::regex perDay(R"(\b(?:per\s+dag|daags|dagelijks)\b)");
  static const std::regex perWeek(R"(\b(?:per\s+week|wekelijks)\b)");
  if (d.perPeriod == 0) {
    if (!d.times.empty()) {
      d.perPeriod = static_cast<int>(d.times.size());
      d.period = "d";
    } else if (std::regex_search(c.Left(), perWeek)) {
      d.perPeriod = 1;
      d.period = "wk";
    } else if (const int parts = Dayparts(c.text()); parts > 0) {
      d.perPeriod = parts;
      d.period = "d";
    } else if (std::regex_search(c.Left(), perDay)) {
      d.perPeriod = 1;
      d.period = "d";
    }
  }
  std::vector<std::string> unread;
  for (const auto& w : amo::Words(c.Left()))
    if (!IsFiller(w)) unread.push_back(w);
  for (const auto& p : problems) unread.push_back(p);
  out.unread = amo::Joined(unread);
  // An empty dose text is not a reading, and a dose with an amount needs a frequency unless it is
  // as needed or on a schedule.
  const bool something = !d.amount.empty() || d.schedule || d.asNeeded;
  const bool whole = d.schedule || d.asNeeded || d.perPeriod > 0;
  out.complete = unread.empty() && something && whole;
  if (out.complete == false && out.unread.empty()) out.unread = something ? "geen frequentie" : "geen dosering herkend";
  return out;
}

std::string AmoDoseValue(const AmoDose& d) {
  std::vector<std::string> parts;
  if (d.schedule) parts.push_back("volgens schema");
  if (!d.amount.empty())
    parts.push_back(d.amount + (d.amountMax.empty() ? "" : "-" + d.amountMax) + (d.unit.empty() ? "" : " " + d.unit));
  if (d.perPeriod > 0) parts.push_back(std::to_string(d.perPeriod) + "x/" + d.period);
  if (!d.times.empty()) {
    std::string t = "om";
    for (size_t i = 0; i < d.times.size(); ++i) t += (i ? "," : " ") + d.times[i];
    parts.push_back(t);
  }
  if (d.asNeeded) parts.push_back("zo nodig");
  if (!d.condition.empty()) parts.push_back(d.condition);
  if (!d.maxPerDay.empty()) parts.push_back("max " + d.maxPerDay + "/d");
  return amo::Joined(parts);
}

}  // namespace zb::domain
