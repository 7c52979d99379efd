// SPDX-License-Identifier: GPL-3.0-or-later
// The corpus's content: patients, medicines and discharge lines drawn from a seeded generator, so
// every run makes the same documents.
#include "corpus_model.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <random>

namespace zb::corpus {
namespace {

namespace g = boost::gregorian;

const std::vector<Medicine> kMedicines = {
    {"metoprolol", "metoPROLOL", "50 mg", "tablet mga", "oraal"},
    {"paracetamol", "", "500 mg", "tablet", "oraal"},
    {"omeprazol", "", "20 mg", "capsule msr", "oraal"},
    {"furosemide", "", "40 mg", "tablet", "oraal"},
    {"metformine", "metFORMINE", "500 mg", "tablet", "oraal"},
    {"amlodipine", "amLODIPine", "5 mg", "tablet", "oraal"},
    {"simvastatine", "", "40 mg", "tablet", "oraal"},
    {"acetylsalicylzuur", "", "80 mg", "tablet", "oraal"},
    {"lorazepam", "LORazepam", "1 mg", "tablet", "oraal"},
    {"haloperidol", "haloPERidol", "1 mg", "tablet", "oraal"},
    {"insuline aspart", "", "100 IE/ml", "injectievloeistof", "subcutaan"},
    {"fentanyl", "fentaNYL", "12 microgram/uur", "pleister", "transdermaal"},
    {"latanoprost", "", "50 microgram/ml", "oogdruppels", "oculair"},
    {"salbutamol", "", "100 microgram/dosis", "aerosol", "inhalatie"},
    {"colecalciferol", "", "800 IE", "tablet", "oraal"},
    {"levothyroxine", "levoTHYROXine", "50 microgram", "tablet", "oraal"},
    {"enoxaparine", "", "40 mg/0.4 ml", "injectievloeistof", "subcutaan"},
    {"bisacodyl", "", "10 mg", "zetpil", "rectaal"},
    {"prednisolon", "predniSOLON", "5 mg", "tablet", "oraal"},
    {"oxazepam", "", "10 mg", "tablet", "oraal"},
    {"tamsulosine", "", "0.4 mg", "capsule mga", "oraal"},
    {"clopidogrel", "", "75 mg", "tablet", "oraal"},
    {"apixaban", "", "2.5 mg", "tablet", "oraal"},
    {"nitrofurantoine", "", "50 mg", "capsule", "oraal"},
    {"temazepam", "", "10 mg", "capsule", "oraal"},
    {"macrogol/elektrolyten", "", "", "poeder", "oraal"},
};

const std::vector<Patient> kPatients = {
    {"A. Jansen", "Jansen", "A.", "999991000", "1938-03-12"},
    {"B. de Boer", "de Boer", "B.", "999990019", "1945-07-02"},
    {"C. Visser", "Visser", "C.", "999900109", "1941-11-05"},
};

const std::vector<std::string> kHospitals = {"Ziekenhuis De Linde", "Medisch Centrum Westerkade",
                                             "Gasthuis Oosterweide", "Ziekenhuis Rivierenland-Zuid",
                                             "Streekziekenhuis Het Veen"};

std::string Iso(g::date d) { return g::to_iso_extended_string(d); }

Dose DoseFor(const Medicine& m, std::mt19937& rng, bool stopped) {
  Dose d;
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  if (m.form == "oogdruppels") {
    d = {"1", "druppel", pick(2) + 1, {}, false, "", "", false};
  } else if (m.form == "aerosol") {
    if (pick(2) == 0) {
      d = {"2", "puf", 0, {}, true, "bij benauwdheid", std::to_string(4 + pick(3)), false};
    } else {
      d = {"1", "puf", 2, {}, false, "", "", false};
    }
  } else if (m.form == "injectievloeistof" && m.strength == "100 IE/ml") {
    d = {std::to_string(4 + 2 * pick(5)), "IE", 3, {}, false, "", "", false};
  } else if (m.name == "paracetamol" || m.name == "oxazepam" || m.name == "lorazepam" || m.name == "bisacodyl") {
    const char* condition = m.name == "paracetamol" ? "bij pijn"
                            : m.name == "bisacodyl" ? "bij obstipatie"
                                                    : "bij onrust";
    d = {pick(3) == 0 ? "2" : "1", "stuk", 0, {}, true, condition, std::to_string(2 + pick(3)), false};
  } else if (m.name == "prednisolon" && !stopped) {
    d = {"", "", 0, {}, false, "", "", true};  // a tapering schedule
  } else {
    static const char* kAmounts[] = {"1", "1", "1", "2", "0.5"};
    d = {kAmounts[pick(5)], "stuk", 1 + pick(3), {}, false, "", "", false};
  }
  return d;
}

}  // namespace

const std::vector<std::string>& Layouts() {
  static const std::vector<std::string> kLayouts = {"hix", "epic", "nexus", "cgm", "apotheek"};
  return kLayouts;
}

std::vector<Document> MakeCorpus(unsigned seed, int perLayout) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<Document> out;
  int serial = 0;
  for (const auto& layout : Layouts()) {
    for (int k = 0; k < perLayout; ++k) {
      Document doc;
      doc.layout = layout;
      doc.id = layout + "-" + std::to_string(++serial);
      doc.patient = kPatients[static_cast<size_t>(pick(3))];
      doc.hospital = kHospitals[static_cast<size_t>(pick(5))];
      doc.author = std::vector<std::string>{"dr. M. Bakker, internist", "dr. S. Yilmaz, geriater",
                                            "dr. P. de Wit, longarts"}[static_cast<size_t>(pick(3))];
      const g::date discharge = g::date(2026, 11, 2) + g::days(pick(25));
      const g::date admission = discharge - g::days(3 + pick(12));
      doc.admission = Iso(admission);
      doc.discharge = Iso(discharge);
      doc.printed = Iso(discharge);
      doc.allergies = std::vector<std::string>{"penicilline (huiduitslag, 2019)", "geen bekend",
                                               "codeïne (braken)"}[static_cast<size_t>(pick(3))];
      doc.renal = "eGFR " + std::to_string(28 + pick(50)) + " ml/min";
      doc.weight = std::to_string(52 + pick(40)) + " kg";
      if (pick(4) != 0) doc.verification = "ja, met patiënt, door apothekersassistent";
      // Multi-page tables in the pharmacy layout; the others one or two pages.
      const int count = layout == "apotheek" && k % 2 == 0 ? 34 + pick(8) : 8 + pick(10);
      std::vector<size_t> order(kMedicines.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::shuffle(order.begin(), order.end(), rng);
      for (int i = 0; i < count; ++i) {
        Line line;
        line.medicine = kMedicines[order[static_cast<size_t>(i) % order.size()]];
        static const char* kStatus[] = {"continue", "continue", "continue", "changed", "stopped", "new", "paused"};
        line.status = kStatus[pick(7)];
        line.dose = DoseFor(line.medicine, rng, line.status == "stopped");
        if (i >= static_cast<int>(order.size()) && !line.dose.amount.empty() && !line.dose.schedule) {
          // The same product twice with different doses (a hard case): another amount.
          line.dose.amount = line.dose.amount == "1" ? "2" : "1";
        }
        const g::date start =
            line.status == "new" ? admission + g::days(pick(3)) : g::date(2019, 1, 1) + g::days(pick(7 * 365));
        line.start = Iso(start);
        if (line.status == "stopped" || line.status == "paused") {
          line.stop = Iso(discharge - g::days(pick(3)));
          if (line.stop < line.start) line.start = Iso(admission);
        } else if (line.medicine.name == "nitrofurantoine") {
          line.durationDays = 5;
          line.start = Iso(discharge);
          line.stop = Iso(discharge + g::days(4));
        }
        static const char* kReasons[] = {"bijwerking", "dosis aangepast aan nierfunctie", "op verzoek patiënt",
                                         "nieuw gestart wegens hypertensie", "interactie"};
        if (line.status != "continue") line.reason = kReasons[pick(5)];
        line.prescriber = doc.author.substr(0, doc.author.find(','));
        doc.lines.push_back(line);
      }
      out.push_back(std::move(doc));
    }
  }
  return out;
}

}  // namespace zb::corpus
