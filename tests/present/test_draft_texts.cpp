// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts in words: the action, the product (the draft's, else the line's), and the state — a
// source that changed the line since is named by its organisation.
#include <algorithm>
#include <catch2/catch.hpp>

#include "builders.h"
#include "present/admission_report.h"
#include "present/draft_texts.h"

using namespace zb;
namespace d = zb::domain;

TEST_CASE("a draft in words names the line's product and, when stale, who changed it") {
  d::MedicationData data;
  data.agreements.push_back(test::MaBuilder("MA1", "MBH1", "ziekenhuis").Start(-5).Registered(-5));
  const auto overview = d::Consolidate(data, test::At(0));
  d::MedicationDraft draft;
  draft.action = d::DraftAction::kStop;
  draft.treatment = {"urn:oid:mbh", "MBH1"};
  draft.reason = *d::ChangeOrStopReason("182856006");
  d::DraftStaleness current;
  const auto row = present::DescribeDraft(7, draft, {"900000047", "A. de Vries", "01.047", "90000380"}, false,
                                          test::At(0), current, &overview);
  CHECK(row.id == 7);
  CHECK(row.action == "stoppen");
  CHECK(row.product == "FUROSEMIDE TABLET 40MG");
  CHECK(row.reason == "geneesmiddel niet voorradig");
  CHECK(row.state == "concept, niet verzonden");
  CHECK(row.author.rfind("A. de Vries, ", 0) == 0);
  CHECK_FALSE(row.blocked);

  d::DraftStaleness replaced;
  replaced.freshness = d::DraftFreshness::kReplaced;
  replaced.nowSource = "ziekenhuis";
  const auto stale = present::DescribeDraft(7, draft, {}, false, test::At(0), replaced, &overview,
                                            {{"ziekenhuis", "Ziekenhuis Rivierenland"}});
  CHECK(stale.blocked);
  CHECK(stale.state == "bron gewijzigd: Ziekenhuis Rivierenland legde een nieuwe afspraak vast; opnieuw bevestigen");
  CHECK(present::DraftStateText(replaced, false).find("bron gewijzigd: ziekenhuis ") == 0);  // no name known
  CHECK(present::DraftStateText(current, true) == "voorstel: een voorschrijver moet het overnemen");
}

TEST_CASE("a pharmacy release reads as waiting, then as processed with what the pharmacy made of it") {
  const auto waiting = present::DescribeOutbox("pharmacy", "Apotheek Centrum", "90000402", "delivered", 1,
                                               "MedicationRequest/1/_history/1");
  CHECK(waiting.state == "afgeleverd, wacht op verwerking door apotheek");
  CHECK(waiting.answer.empty());  // the receiver's locations mean nothing to the physician

  domain::ProcessedBlock ta;
  ta.product = "PARACETAMOL 500MG TABLET";
  ta.detail = "3 maal per dag 1 stuk";
  ta.stop = true;
  domain::ProcessedBlock mve;
  mve.kind = domain::ProcessedBlock::Kind::kDispense;
  mve.product = "PARACETAMOL 500MG TABLET";
  mve.detail = "21 stuk";
  mve.moment = domain::Instant(domain::Date(2026, 12, 2), boost::posix_time::hours(9));
  const auto done = present::DescribeOutbox("pharmacy", "Apotheek Centrum", "90000402", "delivered", 1, "", {ta, mve},
                                            domain::Instant(domain::Date(2026, 12, 2), boost::posix_time::hours(10)));
  CHECK(done.state == "verwerkt door apotheek (02-12-2026 11:00)");
  CHECK(done.answer ==
        "toediening gestopt: PARACETAMOL 500MG TABLET — 3 maal per dag 1 stuk; verstrekt: PARACETAMOL 500MG TABLET — "
        "21 stuk (02-12-2026 10:00)");
  CHECK_FALSE(done.problem);
  // The home's record sends no processing answer: delivered is all it says.
  CHECK(present::DescribeOutbox("care-record", "ECD", "90000380", "delivered", 1, "").state == "afgeleverd");
}

TEST_CASE("the printed medication at admission marks drafts as not sent and lists what was released") {
  present::Report report;
  present::AppendAdmissionMedication(report, {}, {});
  REQUIRE(report.blocks.size() == 2);
  CHECK(report.blocks[1].cells[0] == "Geen concepten en geen vrijgaven voor deze patiënt.");

  present::DraftRow stale;
  stale.action = "stoppen";
  stale.product = "FUROSEMIDE TABLET 40MG";
  stale.reason = "geneesmiddel niet voorradig";
  stale.state = "bron gewijzigd: eerst opnieuw bevestigen";
  stale.author = "A. de Vries, 02-12-2026 10:15";
  stale.blocked = true;
  const auto sent =
      present::DescribeOutbox("pharmacy", "Apotheek Centrum", "90000402", "refused", 1, "product onbekend");
  present::Report both;
  present::AppendAdmissionMedication(both, {stale}, {sent});
  std::vector<std::string> texts;
  for (const auto& b : both.blocks) texts.push_back(b.cells.empty() ? "" : b.cells[0]);
  CHECK(both.blocks[1].style == present::ReportStyle::kBanner);  // before any draft line
  const auto row = std::find(texts.begin(), texts.end(), "stoppen");
  REQUIRE(row != texts.end());
  CHECK(both.blocks[static_cast<std::size_t>(row - texts.begin())].warning);  // blocked: marked on paper
  CHECK(std::find(texts.begin(), texts.end(), "Concept van A. de Vries, 02-12-2026 10:15") != texts.end());
  const auto released = std::find(texts.begin(), texts.end(), "Apotheek Centrum (URA 90000402)");
  REQUIRE(released != texts.end());
  const auto& r = both.blocks[static_cast<std::size_t>(released - texts.begin())];
  CHECK(r.cells[2] == "geweigerd");
  CHECK(r.cells[3] == "product onbekend");
  CHECK(r.warning);
}
