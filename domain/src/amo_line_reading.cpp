// SPDX-License-Identifier: GPL-3.0-or-later
// Turns the printed cells of an AMO line and header into values, and decides per field whether a
// person must look at it (amo.md C-R2: no silent wrong value).
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <regex>

#include "domain/amo_reading.h"
#include "domain/amo_text.h"
#include "domain/identifiers.h"

namespace zb::domain {
namespace {

std::string Iso(Date d) { return boost::gregorian::to_iso_extended_string(d); }

void Doubt(AmoField& f, std::string why) {
  if (!f.uncertain) f.why = std::move(why);
  f.uncertain = true;
}

void CheckConfidence(AmoField& f, double threshold) {
  if (f.Present() && f.confidence < threshold)
    Doubt(f, "tekst onzeker gelezen (" + std::to_string(static_cast<int>(f.confidence * 100)) + "%)");
}

void ReadDateField(AmoField& f) {
  if (!f.Present()) return;
  if (auto d = ReadAmoDate(f.text)) {
    f.value = Iso(*d);
  } else {
    Doubt(f, "datum niet gelezen: '" + f.text + "'");
  }
}

bool NoStop(const std::string& t) {
  for (const char* none : {"-", "--", "onbepaald", "chronisch", "continu", "geen", "n.v.t.", "nvt", "onbekend"})
    if (t == none) return true;
  return false;
}

void ReadStop(AmoField& stop, const AmoField& start) {
  if (!stop.Present()) return;
  const std::string t = amo::Trimmed(amo::Folded(stop.text));
  if (NoStop(t)) return;
  static const std::regex through(R"(^(?:t/m|t\.m\.|tot en met)\s*(\d.+)$)");
  static const std::regex until(R"(^tot\s+(.+)$)");
  static const std::regex duration(R"(^(?:gedurende\s+)?(\d+)\s*(dagen|dag|weken|week)$)");
  std::smatch m;
  if (std::regex_match(t, m, through)) {
    if (auto d = ReadAmoDate(m[1].str())) {
      stop.value = Iso(*d);
      return;
    }
  } else if (std::regex_match(t, m, until)) {
    // "tot 20-03" is read both as up to and as through that day; the secretary decides.
    if (auto d = ReadAmoDate(m[1].str())) stop.value = Iso(*d);
    Doubt(stop, "'tot': tot of tot en met die datum?");
    return;
  } else if (std::regex_match(t, m, duration)) {
    const int n = std::stoi(m[1].str()) * (m[2].str().rfind("we", 0) == 0 ? 7 : 1);
    if (auto s = ReadAmoDate(start.text); s && n > 0 && n < 3650) {
      stop.value = Iso(*s + boost::gregorian::days(n - 1));  // n days from the start, the start included
      return;
    }
    Doubt(stop, "duur zonder leesbare startdatum: '" + stop.text + "'");
    return;
  } else if (auto d = ReadAmoDate(t)) {
    stop.value = Iso(*d);
    return;
  }
  Doubt(stop, "stopdatum niet gelezen: '" + stop.text + "'");
}

}  // namespace

bool AmoLine::Uncertain() const { return !UncertainFields().empty(); }

std::vector<std::string> AmoLine::UncertainFields() const {
  std::vector<std::string> out;
  for (const auto& [label, field] : kAmoLineFields)
    if ((this->*field).uncertain) out.emplace_back(label);
  if (status == AmoStatus::kUnknown && !statusText.uncertain) out.emplace_back("status");
  return out;
}

AmoField* LineField(AmoLine& line, std::string_view name) {
  for (const auto& f : kAmoLineFields)
    if (name == f.name) return &(line.*(f.field));
  return nullptr;
}

const AmoField* LineField(const AmoLine& line, std::string_view name) {
  for (const auto& f : kAmoLineFields)
    if (name == f.name) return &(line.*(f.field));
  return nullptr;
}

void ReadAmoLine(AmoLine& line, double threshold) {
  // Read from the texts alone: a value of an earlier reading must not survive an edit.
  for (AmoField* f : {&line.statusText, &line.product, &line.dose, &line.route, &line.start, &line.stop})
    f->value.clear();
  line.doseReading = {};
  for (AmoField* f : {&line.statusText, &line.product, &line.dose, &line.route, &line.start, &line.stop, &line.reason,
                      &line.prescriber, &line.remarks})
    CheckConfidence(*f, threshold);

  line.status = AmoStatusOfHeading(line.statusText.text);
  line.statusText.value = ToString(line.status);
  if (line.status == AmoStatus::kUnknown) Doubt(line.statusText, "sectie of status niet gevonden");

  const auto product = ReadAmoProduct(line.product.text);
  line.name = product.name;
  line.strength = product.strength;
  line.form = product.form;
  line.product.value = amo::Joined({product.name, product.strength, product.form});
  if (!product.complete) Doubt(line.product, "naam of sterkte niet helemaal gelezen");

  if (line.dose.Present()) {
    const auto dose = ReadAmoDose(line.dose.text);
    line.doseReading = dose.dose;
    line.dose.value = AmoDoseValue(dose.dose);
    if (!dose.complete) Doubt(line.dose, "dosering niet helemaal gelezen: " + dose.unread);
  } else if (line.status != AmoStatus::kStopped) {
    Doubt(line.dose, "geen dosering op de regel");
  }

  if (line.route.Present()) {
    if (auto r = ReadAmoRoute(line.route.text)) {
      line.route.value = *r;
    } else {
      Doubt(line.route, "toedieningsweg niet herkend: '" + line.route.text + "'");
    }
  }
  ReadDateField(line.start);
  ReadStop(line.stop, line.start);
  for (AmoField* f : {&line.reason, &line.prescriber, &line.remarks}) f->value = amo::Trimmed(f->text);
}

void ReadAmoHeader(AmoHeader& h, double threshold) {
  for (AmoField* f :
       {&h.patientName, &h.bsn, &h.birthDate, &h.sex, &h.hospital, &h.department, &h.author, &h.title, &h.printed,
        &h.admission, &h.discharge, &h.allergies, &h.renalFunction, &h.weight, &h.verification, &h.pharmacy}) {
    CheckConfidence(*f, threshold);
    f->value = amo::Trimmed(f->text);
  }
  if (h.bsn.Present()) {
    std::string digits;
    for (char c : h.bsn.text)
      if (c >= '0' && c <= '9') digits += c;
    if (Bsn::Parse(digits)) {
      h.bsn.value = digits;
    } else {
      h.bsn.value.clear();
      Doubt(h.bsn, "BSN niet geldig gelezen");
    }
  }
  for (AmoField* f : {&h.birthDate, &h.admission, &h.discharge}) {
    f->value.clear();
    ReadDateField(*f);
  }
  if (h.printed.Present()) {
    // "Afgedrukt: 12-03-2026 14:32": the date is what matters for the source label.
    const auto words = amo::Words(h.printed.text);
    h.printed.value.clear();
    for (const auto& w : words)
      if (auto d = ReadAmoDate(w)) h.printed.value = Iso(*d);
  }
}

}  // namespace zb::domain
