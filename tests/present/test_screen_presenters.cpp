// SPDX-License-Identifier: GPL-3.0-or-later
// The workstation's screen logic without a display: patient header (age, GDS, chips, staleness),
// the detail pane of a medication line, sorting and filtering, the BSN + birth date search, the
// printed report, and the translation door (Tr/Fmt).
#include <catch2/catch.hpp>

#include "domain/open_substance_groups.h"
#include "fixtures.h"
#include "present/ica_texts.h"
#include "present/line_detail.h"
#include "present/login_texts.h"
#include "present/medication_table.h"
#include "present/overview_report.h"
#include "present/patient_header.h"
#include "present/patient_search.h"
#include "present/report_context.h"
#include "present/texts.h"
#include "present/tr.h"

using namespace zb;
namespace d = zb::domain;

namespace {

d::SourceOutcome Expected(const std::string& id, d::SourceKind kind, const std::string& name) {
  return d::PendingOutcome({id, kind, name}, "9000040" + std::to_string(static_cast<int>(kind) + 1));
}

d::SourceDelivery WithData(d::SourceOutcome o, const std::string& file) {
  auto doc = test::ReadFhir(test::DemoDir() / "jansen" / file, o.source.id, test::kTestDay);
  d::SourceDelivery out;
  o.status = d::SourceStatus::kData;
  out.outcome = o;
  out.medication = std::move(doc.medication);
  out.ica = std::move(doc.ica);
  return out;
}

d::RegisteredPatient Jansen() {
  return {0,
          d::Bsn::Parse("999991000").value(),
          "J. Jansen",
          d::Date(1941, 3, 12),
          d::PatientCategory::kAdmitted,
          std::nullopt,
          "Linde 12",
          {}};
}

struct Picture {
  d::SourceOutcome gp = Expected("huisarts", d::SourceKind::kGeneralPractitioner, "Huisarts Test");
  d::SourceOutcome pharmacy = Expected("apotheek", d::SourceKind::kPharmacy, "Apotheek Centrum");
  d::PatientPicture picture{"999991000", {gp, pharmacy}};
};

// The GP answers in full; the pharmacy in part (dispenses and administration agreements missing).
void DeliverGpAndPartialPharmacy(Picture& p) {
  p.picture.Deliver(WithData(p.gp, "huisarts.json"));
  auto partial = WithData(p.pharmacy, "apotheek.json");
  partial.outcome.status = d::SourceStatus::kPartial;
  partial.outcome.reason = "holder_timeout";
  partial.outcome.missing = {"MVE", "TA"};
  p.picture.Deliver(partial);
}

present::MedicationRow Row(d::TreatmentStatus status, std::string group, std::string product, std::string dose,
                           std::string sources, std::string marks, bool warning, std::size_t line,
                           std::string period = "", std::string gds = "") {
  present::MedicationRow r;
  r.status = status;
  r.group = std::move(group);
  r.product = std::move(product);
  r.dose = std::move(dose);
  r.period = std::move(period);
  r.sources = sources;
  r.sourcesFull = std::move(sources);
  r.gds = std::move(gds);
  r.marks = std::move(marks);
  r.warning = warning;
  r.line = line;
  return r;
}

}  // namespace

TEST_CASE("age counts whole years and the birthday itself") {
  CHECK(d::AgeOn(d::Date(1941, 3, 12), d::Date(2026, 3, 11)) == 84);
  CHECK(d::AgeOn(d::Date(1941, 3, 12), d::Date(2026, 3, 12)) == 85);
  CHECK(d::AgeOn(d::Date(1940, 2, 29), d::Date(2026, 2, 28)) == 85);
  CHECK_FALSE(d::AgeOn(std::nullopt, d::Date(2026, 2, 28)));
}

TEST_CASE(
    "the header names the patient, shows a chip per source with the reason, and marks stored data as not current") {
  Picture p;
  p.picture.Deliver(WithData(p.gp, "huisarts.json"));
  d::SourceDelivery refused;
  refused.outcome = p.pharmacy;
  refused.outcome.status = d::SourceStatus::kConsentRefused;
  refused.outcome.detail = "Patient refused consent";
  p.picture.Deliver(refused);
  const auto now = d::StartOfNetherlandsDay(d::Date(2026, 11, 23)) + boost::posix_time::hours(14);
  auto h =
      present::BuildPatientHeader(Jansen(), &p.picture, true, {now - boost::posix_time::hours(3), true, false}, now);
  CHECK(h.title == "J. Jansen");
  CHECK(h.identity == "BSN 999991000 · geboren 12-03-1941 · 85 jaar");
  CHECK(h.category == "opgenomen");
  CHECK(h.gds);
  REQUIRE(h.chips.size() == 2);
  CHECK(h.chips[0].text == "Huisarts Test: gegevens ontvangen");
  CHECK(h.chips[0].tone == present::Tone::kGood);
  CHECK(h.chips[1].text == "Apotheek Centrum: toestemming geweigerd door de patiënt");
  CHECK(h.chips[1].tone == present::Tone::kWarning);
  CHECK(h.chips[1].tooltip == "Patient refused consent");
  CHECK(h.stale);
  CHECK(h.freshness == "opgehaald 23-11-2026 11:00 (3 uur geleden) — opgeslagen gegevens, niet actueel");

  auto fresh = present::BuildPatientHeader(Jansen(), &p.picture, false,
                                           {now - boost::posix_time::minutes(5), false, false}, now);
  CHECK_FALSE(fresh.stale);
  CHECK(fresh.freshness == "opgehaald 23-11-2026 13:55 (5 minuten geleden)");
  auto old =
      present::BuildPatientHeader(Jansen(), &p.picture, false, {now - boost::posix_time::hours(2), false, false}, now);
  CHECK(old.stale);
  CHECK(old.freshness.find("niet actueel, vernieuw met F5") != std::string::npos);
  auto none = present::BuildPatientHeader(Jansen(), nullptr, false, {std::nullopt, false, true}, now);
  CHECK(none.chips.empty());
  CHECK(none.freshness == "nog niets opgehaald; de bronnen worden gevraagd");
}

TEST_CASE("the detail pane lists the building blocks behind a line, with source names, and the status trace") {
  Picture p;
  p.picture.Deliver(WithData(p.gp, "huisarts.json"));
  p.picture.Deliver(WithData(p.pharmacy, "apotheek.json"));
  const auto overview = p.picture.Consolidate(test::NoonOn(test::kTestDay));
  REQUIRE_FALSE(overview.lines.empty());
  const auto& line = overview.lines.front();
  const std::map<std::string, std::string> names{{"huisarts", "Huisarts Test"}, {"apotheek", "Apotheek Centrum"}};
  const std::string text = present::LineDetail(line, names);
  CHECK(text.rfind(line.product->DisplayName(), 0) == 0);
  CHECK(
      (text.find("van Huisarts Test") != std::string::npos || text.find("van Apotheek Centrum") != std::string::npos));
  CHECK(text.find("van huisarts") == std::string::npos);  // names, not ids
  // Ids and the trace are behind "Technische details", not in the clinician's text.
  const std::string technical = present::LineTechnicalDetail(line, names);
  CHECK(technical.find("Behandeling (MBH): " + line.treatment.value) != std::string::npos);
  for (const auto& b : line.blocks) {
    CHECK(text.find(b->id.value) == std::string::npos);
    CHECK(technical.find(b->id.value) != std::string::npos);
  }
  if (!line.trace.empty()) CHECK(technical.find("Zo is de status bepaald:") != std::string::npos);
}

TEST_CASE("the medication table filters on any column and sorts within the clinical groups") {
  std::vector<present::MedicationRow> rows(3);
  rows[0] = Row(d::TreatmentStatus::kCurrent, "ACTUEEL", "Metoprolol", "1x per dag", "Huisarts", "", false, 0);
  rows[1] = Row(d::TreatmentStatus::kRecentlyStopped, "RECENT GESTOPT", "Amoxicilline", "3x per dag", "Ziekenhuis", "",
                false, 1);
  rows[2] = Row(d::TreatmentStatus::kCurrent, "ACTUEEL", "Paracetamol", "zo nodig", "Apotheek",
                "Alleen bekend bij Apotheek", true, 2);
  auto all = present::ArrangeRows(rows, "", {});
  REQUIRE(all.size() == 3);
  CHECK(all[0]->product == "Metoprolol");  // unsorted: consolidation order
  auto filtered = present::ArrangeRows(rows, "APOTHEEK", {});
  REQUIRE(filtered.size() == 1);
  CHECK(filtered[0]->product == "Paracetamol");
  CHECK(present::ArrangeRows(rows, "rol", {}).size() == 1);
  CHECK(present::ArrangeRows(rows, "niets hiervan", {}).empty());
  // By name, within the clinical groups: the stopped Amoxicilline stays after the current lines.
  auto byName = present::ArrangeRows(rows, "", {true, present::MedicationColumn::kProduct, true});
  CHECK(byName[0]->product == "Metoprolol");
  CHECK(byName[1]->product == "Paracetamol");
  CHECK(byName[2]->product == "Amoxicilline");
  auto byNameDown = present::ArrangeRows(rows, "", {true, present::MedicationColumn::kProduct, false});
  CHECK(byNameDown[0]->product == "Paracetamol");
  CHECK(byNameDown[1]->product == "Metoprolol");
  CHECK(byNameDown[2]->product == "Amoxicilline");
  auto byGroup = present::ArrangeRows(rows, "", {true, present::MedicationColumn::kGroup, true});
  CHECK(byGroup[2]->product == "Amoxicilline");  // recently stopped after current, not alphabetical
}

TEST_CASE("search needs a BSN passing the 11-test and a birth date, and says per field what is wrong") {
  const d::Date today(2026, 11, 23);
  auto ok = present::ParseSearch(" 999 991 000 ", "12-03-1941", today);
  REQUIRE(ok.query);
  CHECK(ok.query->bsn.digits() == "999991000");
  CHECK(ok.errors.empty());
  CHECK(present::ParseSearch("999991001", "12-03-1941", today).errors.bsn ==
        "Dit BSN klopt niet (11-proef): controleer de cijfers.");
  CHECK(present::ParseSearch("99999100", "12-03-1941", today).errors.bsn == "Een BSN heeft 9 cijfers; u typte er 8.");
  CHECK(present::ParseSearch("99999100a", "12-03-1941", today).errors.bsn == "Een BSN bestaat alleen uit cijfers.");
  CHECK(present::ParseSearch("", "", today).errors.bsn == "Vul het BSN in (9 cijfers).");
  CHECK(present::ParseSearch("999991000", "", today).errors.birthDate == "Vul de geboortedatum in (dd-mm-jjjj).");
  CHECK(present::ParseSearch("999991000", "31-02-1941", today).errors.birthDate ==
        "Geboortedatum niet herkend: gebruik dd-mm-jjjj.");
  CHECK(present::ParseSearch("999991000", "01-01-2027", today).errors.birthDate ==
        "De geboortedatum ligt in de toekomst.");
  CHECK_FALSE(present::ParseSearch("999991000", "01-01-2027", today).query);

  const std::vector<d::RegisteredPatient> all{Jansen()};
  CHECK(present::FindPatients(all, *ok.query).size() == 1);
  auto wrongBirth = present::ParseSearch("999991000", "13-03-1941", today);
  CHECK(present::FindPatients(all, *wrongBirth.query).empty());  // a BSN alone finds nobody
}

TEST_CASE("the printed report puts the banner before the medication and lists every source") {
  present::PatientHeader h;
  h.title = "J. Jansen";
  h.identity = "BSN 999991000";
  h.freshness = "opgehaald 23-11-2026 14:00 (zojuist)";
  present::OverviewView v;
  v.banner = "ONVOLLEDIG OVERZICHT: geen gegevens van Apotheek Centrum";
  v.sources.push_back({"Apotheek Centrum (apotheek)", "030-0000402", "toestemming geweigerd door de patiënt", "", "",
                       present::Tone::kWarning});
  v.medication.push_back(Row(d::TreatmentStatus::kCurrent, "ACTUEEL", "Metoprolol", "1x per dag", "Huisarts", "", false,
                             0, "vanaf 01-11-2026", "in rol"));
  const auto r = present::BuildOverviewReport(h, v, "23-11-2026 14:05", "A. de Vries");
  CHECK(r.title == "Medicatieoverzicht J. Jansen");
  CHECK(r.footer == "Zorgbrug · afgedrukt 23-11-2026 14:05 door A. de Vries");
  std::size_t banner = 0, medication = 0, source = 0;
  for (std::size_t i = 0; i < r.blocks.size(); ++i) {
    const auto& b = r.blocks[i];
    if (b.style == present::ReportStyle::kBanner) banner = i;
    if (b.cells.size() > 1 && b.cells[1] == "Metoprolol [in rol]") medication = i;
    if (b.cells.size() > 1 && b.cells[0] == "Apotheek Centrum (apotheek)") {
      source = i;
      CHECK(b.warning);
      CHECK(b.cells[1] == "030-0000402");  // whom to call, on paper too
    }
  }
  CHECK(banner > 0);
  CHECK(banner < source);
  CHECK(source < medication);
}

TEST_CASE("texts go through the installed translator, patterns are translated whole and then filled in") {
  CHECK(present::Fmt("{0} jaar", {"85"}) == "85 jaar");
  CHECK(present::Fmt("{1} en {0}", {"a", "b"}) == "b en a");
  CHECK(present::Fmt("{0} {5}", {"x"}) == "x ");  // a missing argument is left empty, never read out of range
  present::SetTranslator(
      [](const char* id) -> std::string { return std::string(id) == "{0} jaar" ? "{0} years" : id; });
  CHECK(present::Fmt("{0} jaar", {"85"}) == "85 years");
  CHECK(present::Tr("actueel") == "actueel");
  present::SetTranslator(nullptr);
  CHECK(present::Fmt("{0} jaar", {"85"}) == "85 jaar");
}

TEST_CASE("a failed login is explained by its problem code, an unknown code keeps the technical text") {
  using zb::domain::Error;
  using zb::domain::ErrorCode;
  CHECK(present::DescribeLoginFailure(
            Error{ErrorCode::kRefused, "status list says revoked", "verklaring_revoked", 403}) ==
        "uw DEZI-verklaring is ingetrokken; neem contact op met de beheerder van uw organisatie");
  CHECK(present::DescribeLoginFailure(Error{ErrorCode::kTimeout, "no redirect within 180 s", "login_timeout"}) ==
        "het inloggen duurde te lang; probeer het opnieuw");
  CHECK(present::DescribeLoginFailure(Error{ErrorCode::kRefused, "details", "something_new", 401}) ==
        "something_new: details");
  // The words come from the code, never from the detail's text.
  CHECK(present::DescribeLoginFailure(Error{ErrorCode::kIo, "verklaring_revoked: looks like a code"}) ==
        "verklaring_revoked: looks like a code");
  CHECK(present::LoginProblemLabel("").empty());
  // A busy gateway or the login limit: the wait the gateway gave, not the code.
  Error busy{ErrorCode::kUnavailable, "the gateway is busy", "gateway_busy", 503};
  busy.retryAfterSeconds = 2;
  CHECK(present::DescribeLoginFailure(busy) == "gateway druk, probeer over 2 s");
  Error limited{ErrorCode::kUnavailable, "too many login attempts from this address", "too_many_requests", 429};
  limited.retryAfterSeconds = 40;
  CHECK(present::DescribeLoginFailure(limited) ==
        "te veel inlogpogingen vanaf deze computer; probeer over 40 s opnieuw");
}

TEST_CASE("a partial source: its data is shown, its chip and the banner name the missing kinds, never complete") {
  Picture p;
  DeliverGpAndPartialPharmacy(p);
  CHECK_FALSE(p.picture.Complete());
  const auto now = d::StartOfNetherlandsDay(d::Date(2026, 11, 23)) + boost::posix_time::hours(14);
  const auto h = present::BuildPatientHeader(Jansen(), &p.picture, false, {now, false, false}, now);
  REQUIRE(h.chips.size() == 2);
  CHECK(h.chips[1].text ==
        "Apotheek Centrum: onvolledig: verstrekkingen en toedieningsafspraken ontbreken (geen antwoord binnen de "
        "wachttijd)");
  CHECK(h.chips[1].tone == present::Tone::kWarning);
  const auto overview = p.picture.Consolidate(now);
  const auto view = present::BuildOverviewView(p.picture, overview, p.picture.Ica(now), false);
  CHECK(view.banner.rfind("ONVOLLEDIG OVERZICHT: onvolledige gegevens van Apotheek Centrum (apotheek): onvolledig: "
                          "verstrekkingen en toedieningsafspraken ontbreken",
                          0) == 0);
  CHECK(view.banner.find("niet bereikbaar") == std::string::npos);
  // What the pharmacy did send is on the list.
  bool fromPharmacy = false;
  for (const auto& row : view.medication)
    fromPharmacy = fromPharmacy || row.sources.find("apotheek") != std::string::npos;
  CHECK(fromPharmacy);
}

TEST_CASE("an on-call report's context is the overview's rows as the screen words them, with what was missing") {
  Picture p;
  DeliverGpAndPartialPharmacy(p);
  const auto now = d::StartOfNetherlandsDay(d::Date(2026, 11, 23)) + boost::posix_time::hours(14);
  const auto overview = p.picture.Consolidate(now);
  const auto ica = p.picture.Ica(now);
  const auto check = d::CheckIca(overview, ica, d::OpenSubstanceGroups());
  const auto view = present::BuildOverviewView(p.picture, overview, ica, false, &check);
  const auto retrieved = now - boost::posix_time::minutes(5);
  const auto x = present::ReportContextOf(view, retrieved);
  CHECK(x.retrievedAt == retrieved);
  CHECK_FALSE(x.incomplete.empty());
  CHECK(x.incomplete == view.banner);
  REQUIRE(x.sources.size() == 2);
  CHECK(x.sources[1].rfind("Apotheek Centrum (apotheek): onvolledig: verstrekkingen en toedieningsafspraken", 0) == 0);
  REQUIRE(x.medication.size() == view.medication.size());
  REQUIRE_FALSE(x.medication.empty());
  for (std::size_t i = 0; i < x.medication.size(); ++i) {
    const auto& row = view.medication[i];
    INFO(x.medication[i]);
    CHECK(x.medication[i].rfind(row.group + ": " + row.product, 0) == 0);
    CHECK_THAT(x.medication[i], Catch::Contains(row.dose) && Catch::Contains("bron: " + row.sources));
    if (!row.marks.empty()) CHECK_THAT(x.medication[i], Catch::Contains("let op: " + row.marks));
    if (!row.ica.empty()) CHECK_THAT(x.medication[i], Catch::Contains(row.ica));
  }
  REQUIRE(x.ica.size() == view.ica.size());
  for (std::size_t i = 0; i < x.ica.size(); ++i)
    CHECK(x.ica[i].rfind(view.ica[i].kind + ": " + view.ica[i].text, 0) == 0);
}

TEST_CASE("hidden history is counted in singular and plural") {
  CHECK(present::HiddenHistoryText(1) == "1 oudere behandeling verborgen (Ctrl+H)");
  CHECK(present::HiddenHistoryText(3) == "3 oudere behandelingen verborgen (Ctrl+H)");
  CHECK(present::HiddenHistoryPrintedText(1) == "1 oudere behandeling (historie) niet afgedrukt.");
  CHECK(present::HiddenHistoryPrintedText(12) == "12 oudere behandelingen (historie) niet afgedrukt.");
}

TEST_CASE("the ICA strip: allergies with their risk first, missing ICA named per source, 'geen ICA ontvangen' said") {
  const auto now = d::StartOfNetherlandsDay(d::Date(2026, 3, 10)) + boost::posix_time::hours(14);
  {
    Picture p;
    p.picture.Deliver(WithData(p.gp, "huisarts.json"));
    auto partial = WithData(p.pharmacy, "apotheek.json");
    partial.outcome.status = d::SourceStatus::kPartial;
    partial.outcome.reason = "holder_timeout";
    partial.outcome.missing = {"allergies"};
    p.picture.Deliver(partial);
    const auto ica = p.picture.Ica(now);
    const auto h = present::BuildPatientHeader(Jansen(), &p.picture, false, {now, false, false}, now, &ica);
    REQUIRE(h.ica.size() >= 2);
    CHECK(h.ica.front().text == "Allergie: PENICILLINES (hoog risico; anafylaxie)");
    CHECK(h.ica.front().tone == present::Tone::kDanger);
    CHECK(h.ica.front().tooltip == "gemeld door: huisarts");
    CHECK(h.ica.back().text.rfind("ICA ontbreekt van apotheek: onvolledig: allergieën ontbreken", 0) == 0);
    CHECK(h.ica.back().tone == present::Tone::kWarning);
  }
  {
    Picture p;
    d::SourceDelivery nothing;
    nothing.outcome = p.gp;
    nothing.outcome.status = d::SourceStatus::kNoData;
    p.picture.Deliver(nothing);
    d::SourceDelivery refused;
    refused.outcome = p.pharmacy;
    refused.outcome.status = d::SourceStatus::kConsentRefused;
    p.picture.Deliver(refused);
    const auto ica = p.picture.Ica(now);
    const auto h = present::BuildPatientHeader(Jansen(), &p.picture, false, {now, false, false}, now, &ica);
    REQUIRE(h.ica.size() == 1);
    CHECK(h.ica.front().text.rfind("Geen ICA ontvangen — ontbreekt van apotheek: toestemming geweigerd", 0) == 0);
  }
}

TEST_CASE(
    "an ICA hit marks the row, leads its marks, and the printed page 1 carries strip and warning before the "
    "medication") {
  Picture p;
  auto zh = Expected("ziekenhuis", d::SourceKind::kHospital, "Ziekenhuis Test");
  d::PatientPicture picture{"999991000", {p.gp, zh}};
  picture.Deliver(WithData(p.gp, "huisarts.json"));
  picture.Deliver(WithData(zh, "ziekenhuis.json"));
  const auto now = d::StartOfNetherlandsDay(test::kTestDay) + boost::posix_time::hours(14);
  const auto overview = picture.Consolidate(now);
  const auto ica = picture.Ica(now);
  const auto check = d::CheckIca(overview, ica, d::OpenSubstanceGroups{});
  const auto view = present::BuildOverviewView(picture, overview, ica, false, &check);
  const present::MedicationRow* amox = nullptr;
  for (const auto& row : view.medication) {
    if (row.product.find("AMOXICILLINE") != std::string::npos) amox = &row;
  }
  REQUIRE(amox);
  CHECK(amox->icaWarning);
  CHECK(amox->marks.rfind("ICA: overgevoelig voor PENICILLINES", 0) == 0);
  CHECK(amox->icaText.find("(huisarts, ziekenhuis): amoxicilline hoort bij de penicillines (ATC J01CA04 in J01C)") !=
        std::string::npos);
  REQUIRE_FALSE(view.icaWarnings.empty());
  CHECK(view.icaChecks.find("G-Standaard") != std::string::npos);
  const auto detail = present::LineDetail(overview.lines[amox->line], {}, &check);
  CHECK(detail.find("ICA-WAARSCHUWING:\n⚠ overgevoelig voor PENICILLINES") != std::string::npos);

  const auto header = present::BuildPatientHeader(Jansen(), &picture, false, {now, false, false}, now, &ica);
  const auto report = present::BuildOverviewReport(header, view, "10-03-2026 14:00", "A. de Vries");
  std::size_t stripAt = 0, warningAt = 0, medicationAt = 0;
  for (std::size_t i = 0; i < report.blocks.size(); ++i) {
    const auto& cells = report.blocks[i].cells;
    if (cells.empty()) continue;
    if (!stripAt && cells[0].rfind("Allergie: PENICILLINES", 0) == 0) stripAt = i;
    if (!warningAt && cells[0].find("AMOXICILLINE") != std::string::npos && cells[0].rfind("⚠", 0) == 0) warningAt = i;
    if (!medicationAt && cells[0] == "Medicatie") medicationAt = i;
  }
  CHECK(stripAt > 0);
  CHECK(warningAt > stripAt);
  CHECK(medicationAt > warningAt);
}

TEST_CASE("a discrepancy reads as a clinical card: per source product, strength, dose and status, no codes or ids") {
  auto zh = Expected("ziekenhuis", d::SourceKind::kHospital, "Ziekenhuis Test");
  Picture p;
  d::PatientPicture picture{"999991000", {p.gp, p.pharmacy, zh}};
  picture.Deliver(WithData(p.gp, "huisarts.json"));
  picture.Deliver(WithData(p.pharmacy, "apotheek.json"));
  picture.Deliver(WithData(zh, "ziekenhuis.json"));
  const auto now = d::StartOfNetherlandsDay(test::kTestDay) + boost::posix_time::hours(14);
  const auto overview = picture.Consolidate(now);
  const d::TreatmentLine* meto = nullptr;
  for (const auto& line : overview.lines) {
    for (const auto& x : line.discrepancies) {
      if (x.kind == d::DiscrepancyKind::kSourcesDisagree && line.product->DisplayName().find("METOPROLOL") == 0)
        meto = &line;
    }
  }
  REQUIRE(meto);
  const auto names = present::SourceShortNames(picture);
  const std::string text = present::LineDetail(*meto, names);
  CHECK(text.find("• Bronnen verschillen (apotheek, huisarts, ziekenhuis)") != std::string::npos);
  CHECK(text.find("– huisarts: METOPROLOLSUCCINAAT TABLET MGA 50MG — ") != std::string::npos);
  CHECK(text.find("– ziekenhuis: METOPROLOLSUCCINAAT TABLET MGA 100MG — ") != std::string::npos);
  CHECK(text.find("(actueel, sinds ") != std::string::npos);
  CHECK(text.find("=current") == std::string::npos);
  CHECK(text.find("current") == std::string::npos);
  CHECK(text.find("JANSEN_") == std::string::npos);
  // Whom to call and what was last handed out.
  CHECK(text.find("\nVoorschrijver: ") != std::string::npos);
  // The indication the hospital recorded (reasonReference to a Condition), with who recorded it.
  CHECK(text.find("\nIndicatie: Atriumfibrilleren (ziekenhuis)") != std::string::npos);
  CHECK(text.find("\nLaatste verstrekking: ") != std::string::npos);
  CHECK(text.find("(apotheek)") != std::string::npos);
  if (meto->gds.inRoll && meto->gds.timing == d::RollTiming::kNextRollChange)
    CHECK(text.find("GDS: de wijziging gaat in per de volgende rolwissel") != std::string::npos);
  const auto view = present::BuildOverviewView(picture, overview, picture.Ica(now), false);
  for (const auto& row : view.medication) {
    CHECK(row.marks.find("ura-") == std::string::npos);
    CHECK(row.marks.find("JANSEN_") == std::string::npos);
  }
}

TEST_CASE("a saved overview is named after the patient and the day, safe for any file system") {
  CHECK(present::ReportFileName("A. Jansen", d::Date(2026, 12, 1)) == "Medicatieoverzicht A. Jansen 01-12-2026.pdf");
  CHECK(present::ReportFileName("J/K: \"x\"", d::Date(2026, 1, 5)) == "Medicatieoverzicht J-K- -x- 05-01-2026.pdf");
}

TEST_CASE("a busy gateway is named with the wait it asked for") {
  CHECK(present::SourceReasonLabel(domain::SourceStatus::kFailed, "gateway-busy-3") ==
        "gateway druk, probeer over 3 s");
}
