// SPDX-License-Identifier: GPL-3.0-or-later
// Review and sign-off of an imported AMO (amo.md C-R5, C-R6): the secretary edits, confirms and
// checks; a prescriber accepts; four-eyes; accepted lines as MGBs that never make a stopped line
// active.
#include <boost/date_time/posix_time/time_parsers.hpp>
#include <catch2/catch.hpp>

#include "amo/amo_review_json.h"
#include "domain/amo_reading.h"
#include "domain/amo_review.h"
#include "domain/amo_use.h"
#include "domain/overview.h"

namespace d = zb::domain;

namespace {

d::AmoLine Line(const char* status, const char* product, const char* dose, const char* start, const char* stop) {
  d::AmoLine l;
  l.statusText.text = status;
  l.product.text = product;
  l.dose.text = dose;
  l.route.text = "oraal";
  l.start.text = start;
  l.stop.text = stop;
  l.page = 1;
  d::ReadAmoLine(l, 0.9);
  return l;
}

d::AmoDocument Amo() {
  d::AmoDocument doc;
  doc.header.hospital.text = "Ziekenhuis De Linde";
  doc.header.discharge.text = "09-11-2026";
  d::ReadAmoHeader(doc.header, 0.9);
  doc.lines.push_back(Line("Doorgaan", "METOPROLOL TABLET MGA 50MG", "1x elke 1 dag 1 tablet", "01-02-2024", ""));
  doc.lines.push_back(
      Line("Gestopt", "SIMVASTATINE TABLET 40MG", "1x elke 1 dag 1 tablet", "03-05-2021", "08-11-2026"));
  auto fax = Line("Nieuw", "PARACETAMOL TABLET 500MG", "z.n. 1 tablet max 4 per dag", "06-11-2026", "");
  fax.dose.confidence = 0.6;  // OCR was unsure
  d::ReadAmoLine(fax, 0.9);
  doc.lines.push_back(fax);
  doc.pages = 1;
  return doc;
}

const d::AmoReviewer kSecretary{"900000049", "S. Bos", "00.000"};
const d::AmoReviewer kSo{"900000047", "A. de Vries", "01.047"};
const d::AmoReviewer kOtherSo{"900000048", "K. Visser", "01.047"};
const d::Instant kNow = boost::posix_time::time_from_string("2026-11-10 09:00:00");

}  // namespace

TEST_CASE("the secretary checks the transcription, edits keep old and new, uncertain fields first", "[amo]") {
  auto review = d::StartReview(Amo());
  REQUIRE(review.document.lines[2].UncertainFields() == std::vector<std::string>{"dose"});
  auto refused = d::CheckLine(review, 2, kSecretary);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().detail.find("dose") != std::string::npos);

  auto confirmed = d::ConfirmField(review, 2, "dose", kSecretary, kNow);  // "klopt"
  REQUIRE(confirmed);
  CHECK(confirmed->before == confirmed->after);
  CHECK(d::CheckLine(review, 2, kSecretary));

  auto edit = d::EditField(review, 0, "dose", "2x elke 1 dag 1 tablet", kSecretary, kNow);
  REQUIRE(edit);
  CHECK(edit->before == "1x elke 1 dag 1 tablet");
  CHECK(edit->after == "2x elke 1 dag 1 tablet");
  CHECK(review.document.lines[0].doseReading.perPeriod == 2);
  CHECK(review.changes.size() == 2);
  // An edit that still does not read stays uncertain and cannot be confirmed away.
  REQUIRE(d::EditField(review, 1, "stop", "31-02-2026", kSecretary, kNow));
  CHECK(review.document.lines[1].stop.uncertain);
  CHECK_FALSE(d::ConfirmField(review, 1, "stop", kSecretary, kNow));
  REQUIRE(d::EditField(review, 1, "stop", "08-11-2026", kSecretary, kNow));
  CHECK(review.document.lines[1].stop.value == "2026-11-08");
  CHECK_FALSE(d::EditField(review, 1, "colour", "rood", kSecretary, kNow));
}

TEST_CASE("only a prescriber accepts, never the person who checked (four-eyes), stopped lines never continue",
          "[amo]") {
  auto review = d::StartReview(Amo());
  CHECK_FALSE(d::AcceptLine(review, 0, kOtherSo, false));  // not checked yet
  REQUIRE(d::CheckLine(review, 0, kSo));
  auto same = d::AcceptLine(review, 0, kSo, false);
  REQUIRE_FALSE(same);
  CHECK(same.error().detail.find("four-eyes") != std::string::npos);
  CHECK(d::AcceptLine(review, 0, kOtherSo, true));
  CHECK(review.lines[0].continueAsDraft);

  REQUIRE(d::CheckLine(review, 1, kSecretary));
  auto secretary = d::AcceptLine(review, 1, kSecretary, false);
  REQUIRE_FALSE(secretary);
  CHECK(secretary.error().detail.find("prescriber") != std::string::npos);
  CHECK_FALSE(d::AcceptLine(review, 1, kSo, true));  // stopped at discharge: no continuing
  CHECK(d::AcceptLine(review, 1, kSo, false));
  CHECK_FALSE(d::EditField(review, 1, "dose", "2 dd 1", kSecretary, kNow));  // accepted: frozen

  auto alone = d::StartReview(Amo(), false);  // four-eyes off by the organisation
  REQUIRE(d::CheckLine(alone, 0, kSo));
  CHECK(d::AcceptLine(alone, 0, kSo, false));
}

TEST_CASE("accepted lines become copy MGBs from the hospital, and a stopped line is never current", "[amo]") {
  const auto doc = Amo();
  const auto source = d::AmoSource(doc.header, "imp7");
  CHECK(source.name == "AMO Ziekenhuis De Linde 09-11-2026");
  CHECK(source.kind == d::SourceKind::kImport);
  d::MedicationData data;
  for (size_t i = 0; i < 2; ++i) data.uses.push_back(d::AmoLineToUse(doc, i, "imp7"));
  const auto& use = data.uses[0];
  CHECK(use.h.copy);
  CHECK(use.h.renderedDosage == "1x elke 1 dag 1 tablet");
  CHECK(use.informant.display == "Ziekenhuis De Linde");
  CHECK(use.h.note == "AMO imp7, pagina 1");
  CHECK(use.use == d::UseStatus::kUsing);
  CHECK(data.uses[1].use == d::UseStatus::kStopped);
  REQUIRE(use.h.dosage.size() == 1);
  CHECK(use.h.dosage[0].timing.frequency == 1);
  CHECK(use.h.dosage[0].doseAndRate.at(0).dose->decimal == "1");

  const auto overview = d::Consolidate(data, boost::posix_time::time_from_string("2026-11-10 12:00:00"));
  REQUIRE(overview.lines.size() == 2);
  for (const auto& line : overview.lines) {
    CHECK(line.sources == std::vector<std::string>{source.id});
    if (line.latestUse && line.latestUse->use == d::UseStatus::kStopped) {
      CHECK(line.status != d::TreatmentStatus::kCurrent);
      CHECK(line.status != d::TreatmentStatus::kUseOnly);
    }
  }
}

TEST_CASE("a review is stored and read back exactly, with its queue state", "[amo]") {
  auto review = d::StartReview(Amo());
  CHECK(d::ReviewState(review) == "imported");
  REQUIRE(d::ConfirmField(review, 2, "dose", kSecretary, kNow));
  REQUIRE(d::EditField(review, 0, "dose", "2x elke 1 dag 1 tablet", kSecretary, kNow));
  for (int i = 0; i < 3; ++i) REQUIRE(d::CheckLine(review, i, kSecretary));
  CHECK(d::ReviewState(review) == "checked");
  REQUIRE(d::AcceptLine(review, 0, kSo, true));

  const auto text = zb::amo::EncodeAmoReview(review);
  auto back = zb::amo::DecodeAmoReview(text);
  REQUIRE(back);
  CHECK(zb::amo::EncodeAmoReview(back.value()) == text);
  CHECK(back->changes.size() == 2);
  CHECK(back->changes[1].before == "1x elke 1 dag 1 tablet");
  CHECK(back->changes[1].at == kNow);
  CHECK(back->lines[0].acceptedBy == kSo.id);
  CHECK(back->lines[0].continueAsDraft);
  CHECK(back->document.lines[0].doseReading.perPeriod == 2);
  CHECK(d::ReviewState(back.value()) == "checked");
  for (int i = 1; i < 3; ++i) REQUIRE(d::AcceptLine(back.value(), i, kSo, false));
  CHECK(d::ReviewState(back.value()) == "accepted");

  CHECK_FALSE(zb::amo::DecodeAmoReview("{}"));
  CHECK_FALSE(zb::amo::DecodeAmoReview("not json"));
  auto cut = nlohmann::json::parse(text);
  cut["lines"].erase(0);
  CHECK_FALSE(zb::amo::DecodeAmoReview(cut.dump()));
}
