// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus_print.h"

#include <algorithm>
#include <cctype>

namespace zb::corpus {
namespace {

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string Capital(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}
std::string Comma(std::string s) {
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}
std::string NoSpace(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The printed unit word of a dose: the form for pieces, plural when more than one.
std::string UnitWord(const Line& l, bool plural) {
  const auto& d = l.dose;
  if (d.unit == "druppel") return plural ? "druppels" : "druppel";
  if (d.unit == "puf") return plural ? "pufjes" : "puf";
  if (d.unit == "IE") return "IE";
  const std::string form = l.medicine.form.substr(0, l.medicine.form.find(' '));
  if (form == "tablet") return plural ? "tabletten" : "tablet";
  if (form == "capsule") return plural ? "capsules" : "capsule";
  if (form == "zetpil") return plural ? "zetpillen" : "zetpil";
  if (form == "pleister") return plural ? "pleisters" : "pleister";
  if (form == "poeder") return plural ? "sachets" : "sachet";
  return plural ? "stuks" : "stuk";
}

std::string Amount(const std::string& layout, const std::string& a) {
  if (layout == "apotheek" && a == "0.5") return "\xC2\xBD";
  return Comma(a);
}

std::vector<std::string> TimesFor(int perDay) {
  if (perDay == 1) return {"08:00"};
  if (perDay == 2) return {"08:00", "20:00"};
  return {"08:00", "14:00", "20:00"};
}

std::string PrintedDose(const Style& s, const Line& l) {
  const auto& d = l.dose;
  const std::string& L = s.layout;
  const bool plural = d.amount != "1" && d.amount != "0.5";
  const std::string a = Amount(L, d.amount), u = UnitWord(l, plural), n = std::to_string(d.perDay);
  const std::string verb = l.medicine.route == "oraal" ? "innemen" : "gebruiken";
  if (d.schedule) {
    if (L == "apotheek") return "vlgs schema";
    if (L == "cgm") return "VOLGENS SCHEMA";
    return L == "epic" ? "Volgens schema " + verb + "." : "Volgens schema";
  }
  if (d.asNeeded) {
    const std::string& c = d.condition;
    if (L == "hix") return a + " " + u + " indien nodig (Zo nodig) " + c + ", max " + d.maxPerDay + "x per dag";
    if (L == "epic") return "Zo nodig " + a + " " + u + " " + c + ", maximaal " + d.maxPerDay + " per dag.";
    if (L == "nexus") return a + " " + u + " zo nodig " + c + ", max " + d.maxPerDay + " per dag";
    if (L == "cgm") return Upper("zo nodig " + a + " " + u + " " + c + ", max " + d.maxPerDay + " per dag");
    return "z.n. " + a + " " + u + " " + c + " max " + d.maxPerDay + " per dag";
  }
  if (L == "hix") return n + "x elke 1 dag " + a + " " + u;
  if (L == "epic") {
    const bool mgTablet = d.unit == "stuk" && d.amount == "1" && l.medicine.strength.find(" mg") != std::string::npos &&
                          l.medicine.strength.find('/') == std::string::npos;
    if (mgTablet) return n + "x per dag " + Comma(l.medicine.strength) + " " + verb + ".";
    return n + "x per dag " + a + " " + u + " " + verb + ".";
  }
  if (L == "nexus") {
    const auto t = TimesFor(d.perDay);
    std::string times;
    for (size_t i = 0; i < t.size(); ++i) times += (i == 0 ? "" : i + 1 == t.size() ? " en " : ", ") + t[i] + ":00";
    return a + " " + u + " " + n + "x elke 1 dag om " + times;
  }
  if (L == "cgm") return Upper(n + " x per dag " + a + " " + u);
  // apotheek: three notations, chosen by the product so a document mixes them
  const size_t v = l.medicine.name.size() % 3;
  if (d.unit != "stuk" || v == 1) return n + " dd " + a + " " + u;
  if (v == 0) return n + "dd" + a;
  const std::string p = a, z = "0";
  if (d.perDay == 1) return p + "-" + z + "-" + z;
  if (d.perDay == 2) return p + "-" + z + "-" + p;
  return p + "-" + p + "-" + p;
}

nlohmann::json ExpectedDose(const Style& s, const Line& l) {
  const auto& d = l.dose;
  nlohmann::json j = {{"amount", d.amount.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.amount)},
                      {"unit", d.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.unit)},
                      {"perPeriod", d.perDay},
                      {"period", d.perDay > 0 ? nlohmann::json("d") : nlohmann::json(nullptr)},
                      {"asNeeded", d.asNeeded},
                      {"maxPerDay", d.maxPerDay.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.maxPerDay)},
                      {"schedule", d.schedule},
                      {"times", nlohmann::json::array()}};
  if (d.schedule || d.asNeeded) return j;
  const std::string printed = PrintedDose(s, l);
  if (s.layout == "epic" && printed.find(" mg ") != std::string::npos && d.unit == "stuk") {
    const std::string strength = l.medicine.strength;
    j["amount"] = strength.substr(0, strength.find(' '));
    j["unit"] = "mg";
  }
  if (s.layout == "nexus") j["times"] = TimesFor(d.perDay);
  if (s.layout == "apotheek" && d.unit == "stuk" && printed.find(" dd ") == std::string::npos) j["unit"] = nullptr;
  return j;
}

}  // namespace

const Style& StyleOf(const std::string& layout) {
  static const std::vector<Style> kStyles = {
      {"hix",
       false,
       false,
       {{"Geneesmiddel", 145, "product"},
        {"Dosering", 135, "dose"},
        {"Route", 58, "route"},
        {"Startdatum", 58, "start"},
        {"Stopdatum", 58, "stop"},
        {"Reden", 85, "reason"}}},
      {"epic",
       false,
       true,
       {{"Medicatie", 135, "product"},
        {"Status", 58, "status"},
        {"Dosering", 145, "dose"},
        {"Toedieningsweg", 82, "route"},
        {"Start", 60, "start"},
        {"Einde", 60, "stop"}}},
      {"nexus",
       true,
       false,
       {{"Geneesmiddel", 190, "product"},
        {"Gebruik", 190, "dose"},
        {"Toediening", 70, "route"},
        {"Begindatum", 65, "start"},
        {"Einddatum", 65, "stop"},
        {"Reden", 110, "reason"},
        {"Opmerking", 96, "remarks"}}},
      {"cgm",
       false,
       false,
       {{"Artikel", 150, "product"},
        {"Dosering", 140, "dose"},
        {"Wijze", 60, "route"},
        {"Vanaf", 60, "start"},
        {"Tot", 72, "stop"},
        {"Indicatie", 57, "reason"}}},
      {"apotheek",
       false,
       false,
       {{"Middel", 110, "product"},
        {"Gebruik", 130, "dose"},
        {"Toediening", 60, "route"},
        {"Start", 55, "start"},
        {"Stop", 70, "stop"},
        {"Reden", 110, "reason"}}},
  };
  for (const auto& s : kStyles)
    if (s.layout == layout) return s;
  return kStyles.front();
}

std::string PrintedDate(const Style& s, const std::string& iso) {
  if (iso.empty()) return "";
  const int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  static const char* kMonths[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (s.layout == "epic") return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
  if (s.layout == "cgm") return two(d) + "/" + two(m) + "/" + std::to_string(y);
  if (s.layout == "apotheek") return std::to_string(d) + "-" + std::to_string(m) + "-" + std::to_string(y);
  return two(d) + "-" + two(m) + "-" + std::to_string(y);
}

std::string SectionHeading(const Style& s, const std::string& status) {
  struct Heading {
    const char* status;
    const char* hix;
    const char* nexus;
    const char* cgm;
    const char* apotheek;
  };
  static const Heading kHeadings[] = {
      {"continue", "ONGEWIJZIGD", "Ongewijzigde medicatie", "Doorgaan", "Continueren"},
      {"changed", "GEWIJZIGD", "Gewijzigde medicatie", "Gewijzigd", "Aangepast"},
      {"new", "NIEUW", "Nieuwe medicatie", "Nieuw", "Gestart"},
      {"paused", "TIJDELIJK GESTOPT", "Tijdelijk gestopte medicatie", "Tijdelijk gestopt", "Tijdelijk gestaakt"},
      {"stopped", "GESTOPT", "Gestopte medicatie", "Gestopt", "Gestaakt"},
  };
  for (const auto& h : kHeadings)
    if (status == h.status)
      return s.layout == "hix" ? h.hix : s.layout == "nexus" ? h.nexus : s.layout == "cgm" ? h.cgm : h.apotheek;
  return status;
}

std::string Printed(const Style& s, const Line& l, const std::string& key) {
  const auto& m = l.medicine;
  const std::string& L = s.layout;
  if (key == "product") {
    const std::string name = L == "epic" && !m.tallMan.empty() ? m.tallMan : m.name;
    if (L == "hix") return Upper(name + " " + m.form + (m.strength.empty() ? "" : " " + NoSpace(Comma(m.strength))));
    if (L == "epic") return name + (m.strength.empty() ? "" : " " + NoSpace(Comma(m.strength))) + " " + m.form;
    if (L == "cgm") return Upper(name + (m.strength.empty() ? "" : " " + Comma(m.strength)) + " " + m.form);
    if (L == "apotheek")
      return Capital(name) + " " + m.form + (m.strength.empty() ? "" : " " + NoSpace(Comma(m.strength)));
    return Capital(name) + (m.strength.empty() ? "" : " " + Comma(m.strength)) + " " + m.form;
  }
  if (key == "dose") return PrintedDose(s, l);
  if (key == "status") {
    static const std::pair<const char*, const char*> kWords[] = {{"continue", "Doorgaan"},
                                                                 {"changed", "Gewijzigd"},
                                                                 {"stopped", "Gestopt"},
                                                                 {"new", "Nieuw"},
                                                                 {"paused", "Tijdelijk gestopt"}};
    for (const auto& [st, word] : kWords)
      if (l.status == st) return word;
  }
  if (key == "route") {
    if (L == "hix" || L == "cgm") return Upper(m.route);
    if (L == "epic") return Capital(m.route);
    if (L == "apotheek") return m.route == "oraal" ? "p.o." : m.route == "subcutaan" ? "s.c." : m.route;
    return m.route;
  }
  if (key == "start") return PrintedDate(s, l.start);
  if (key == "stop") {
    if (l.durationDays > 0 && (L == "cgm" || L == "apotheek")) return std::to_string(l.durationDays) + " dagen";
    if (l.stop.empty()) return L == "apotheek" ? "-" : L == "nexus" ? "onbepaald" : "";
    return (L == "cgm" || L == "apotheek" ? "t/m " : "") + PrintedDate(s, l.stop);
  }
  if (key == "reason") return l.reason;
  if (key == "remarks") {
    if (m.form.find("mga") != std::string::npos || m.form.find("msr") != std::string::npos)
      return "niet malen of kauwen";
    if (m.name == "metformine") return "tijdens de maaltijd";
    return "";
  }
  return "";
}

nlohmann::json Expected(const Document& doc) {
  const Style& s = StyleOf(doc.layout);
  nlohmann::json lines = nlohmann::json::array();
  // The reading order: by section for layouts with headings (the printed order), as listed otherwise.
  std::vector<const Line*> order;
  if (s.statusColumn) {
    for (const auto& l : doc.lines) order.push_back(&l);
  } else {
    for (const char* st : {"continue", "changed", "new", "paused", "stopped"})
      for (const auto& l : doc.lines)
        if (l.status == st) order.push_back(&l);
  }
  for (const Line* l : order) {
    const bool hasReason =
        std::any_of(s.columns.begin(), s.columns.end(), [](const Column& c) { return c.key == "reason"; });
    lines.push_back(
        {{"status", l->status},
         {"name", l->medicine.name},
         {"strength", l->medicine.strength.empty() ? nlohmann::json(nullptr) : nlohmann::json(l->medicine.strength)},
         {"form", l->medicine.form},
         {"doseText", Printed(s, *l, "dose")},
         {"dose", ExpectedDose(s, *l)},
         {"route", l->medicine.route},
         {"start", l->start},
         {"stop", l->stop.empty() ? nlohmann::json(nullptr) : nlohmann::json(l->stop)},
         {"reason", hasReason && !l->reason.empty() ? nlohmann::json(l->reason) : nlohmann::json(nullptr)}});
  }
  return {{"document", doc.id},
          {"layout", doc.layout},
          {"scanned", doc.scanned},
          {"patient", {{"bsn", doc.patient.bsn}, {"birthDate", doc.patient.birthDate}, {"name", doc.patient.name}}},
          {"verification", doc.verification.empty() ? nlohmann::json(nullptr) : nlohmann::json(doc.verification)},
          {"lines", lines}};
}

}  // namespace zb::corpus
