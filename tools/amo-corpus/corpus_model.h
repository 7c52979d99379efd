// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The labelled AMO test corpus (amo.md C-R4): synthetic patients and medication lines, printed in
// the styles hospitals and pharmacy systems use. What the generator prints and what it records as
// expected come from the same line, so the golden output is the truth, not a past importer run.
#include <string>
#include <vector>

namespace zb::corpus {

struct Dose {
  std::string amount;  // "1", "0.5", "50"
  std::string unit;    // "stuk", "mg", "ml", "druppel", "puf", "IE"
  int perDay = 0;      // 0 with schedule or as needed only
  std::vector<std::string> times;
  bool asNeeded = false;
  std::string condition;  // "bij pijn"
  std::string maxPerDay;
  bool schedule = false;
};

struct Medicine {
  std::string name;      // lower case, the reading of the printed name
  std::string tallMan;   // Epic-style tall-man spelling ("metoPROLOL"); empty: the plain name
  std::string strength;  // "50 mg"
  std::string form;      // "tablet"
  std::string route;     // "oraal"
};

struct Line {
  std::string status;  // continue, changed, stopped, new, paused
  Medicine medicine;
  Dose dose;
  std::string start, stop;  // ISO dates; stop empty when open-ended
  int durationDays = 0;     // when set, the stop is printed as a duration
  std::string reason, prescriber;
};

struct Patient {
  std::string name, surname, initials, bsn, birthDate;  // birthDate ISO
};

struct Document {
  std::string id, layout;
  Patient patient;
  std::string hospital, author, admission, discharge, printed;
  std::string allergies, renal, weight, verification;
  std::vector<Line> lines;
  bool scanned = false;  // printed as an image only (fax/scan), read by OCR
};

std::vector<Document> MakeCorpus(unsigned seed, int perLayout);
const std::vector<std::string>& Layouts();

}  // namespace zb::corpus
