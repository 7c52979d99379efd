// SPDX-License-Identifier: GPL-3.0-or-later
#include "locum_example.h"

#include <boost/date_time/posix_time/posix_time.hpp>

namespace zb::test {

namespace d = zb::domain;

namespace {

d::Instant Utc(const char* iso) { return boost::posix_time::from_iso_extended_string(iso); }

}  // namespace

d::LocumReport ExampleLocumDraft() {
  d::LocumReport r;
  r.id = "5b0d9a52-2f0e-4c1e-9a57-3c2b7f1e8d40";
  r.patient.bsn = d::Bsn::Parse("999991000").value();
  r.patient.name = "A. Jansen";
  r.patient.birthDate = d::Date(1938, 3, 12);
  // 02:10–02:45 Dutch winter time (UTC+1).
  r.contact.start = Utc("2026-12-02T01:10:00");
  r.contact.end = Utc("2026-12-02T01:45:00");
  r.contact.kind = d::ContactKind::kVisit;
  r.contact.caller = d::Caller::kNurse;
  r.contact.callerDetail = "EVV'er afdeling Linde";
  r.contact.urgency = 2;
  r.contact.location = "Zorgcentrum De Linde, afdeling 2";
  r.author = {"dr. M. de Wit",         "900099994", "01.047", "Specialist ouderengeneeskunde", "90000380",
              "Tést Zorginstelling 01"};
  r.replyPhone = "030-0000399";
  r.reason = "Gevallen op de kamer, pijn linkerheup";
  r.subjective = "Om 01:30 naast het bed gevonden; weet niet hoe het gebeurde. Pijn linkerheup bij bewegen.";
  r.objective = "Geen verkorting of exorotatie; kan met steun staan. Hematoom linkerheup 4 cm.";
  r.vitals = {{d::VitalKind::kBloodPressure, 132, 78},
              {d::VitalKind::kPulse, 88, 0},
              {d::VitalKind::kTemperature, 37.2, 0},
              {d::VitalKind::kSpO2, 96, 0},
              {d::VitalKind::kGlucose, 6.4, 0}};
  r.evaluation = "Val zonder aanwijzing voor fractuur; sufheid 's nachts mogelijk door temazepam.";
  r.diagnoses = {{std::string(d::systems::kIcpc1Nl), "A80", "Ongeval/letsel"}};
  r.episodeProposal = true;
  r.plan = "Paracetamol zo nodig; temazepam gestopt; valrisico-maatregelen besproken met EVV.";
  r.medication = {{{"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1", "ma-stop-temazepam-0001"},
                   "gestopt: Temazepam 10 mg capsule — sufheid en valrisico"}};
  r.requests = {
      {"Heup opnieuw beoordelen; zo nodig röntgenfoto aanvragen", d::Date(2026, 12, 3), d::RequestPriority::kUrgent},
      {"Slaapmedicatie evalueren met familie", d::Date(2026, 12, 9), d::RequestPriority::kRoutine}};
  r.agreements =
      "Dochter (eerste contactpersoon) 's nachts gebeld en ingelicht.\nBedhek niet gebruiken; sensormat aan.";
  // What the overview showed at 02:20, with the hospital unreachable: synthetic, in the screen's words.
  d::ReportContext x;
  x.retrievedAt = Utc("2026-12-02T01:20:00");
  x.incomplete =
      "ONVOLLEDIG OVERZICHT: geen gegevens van Ziekenhuis Midden (ziekenhuis): niet bereikbaar (geen antwoord binnen "
      "15 s), bel 030-0000403";
  x.sources = {"Huisartsenpraktijk Centrum (huisarts): gegevens ontvangen",
               "Apotheek Centrum (apotheek): gegevens ontvangen",
               "Ziekenhuis Midden (ziekenhuis): niet bereikbaar (geen antwoord binnen 15 s)"};
  x.medication = {
      "ACTUEEL: Temazepam 10 mg capsule — 1 maal per dag 1 stuk, voor de nacht — vanaf 01-10-2026, doorlopend — bron: "
      "huisarts, apotheek — in rol",
      "ACTUEEL: Metoprolol 50 mg tablet mga — 1 maal per dag 1 stuk — vanaf 15-03-2026, doorlopend — bron: huisarts, "
      "apotheek — in rol — let op: dosering verschilt: huisarts 1 stuk, apotheek 2 stuks"};
  x.ica = {"allergie: PENICILLINES (hoog risico; urticaria) — bron: huisarts"};
  r.context = std::move(x);
  return r;
}

d::LocumReport ExampleLocumReport() { return d::Sign(ExampleLocumDraft(), Utc("2026-12-02T02:05:00")).value(); }

}  // namespace zb::test
