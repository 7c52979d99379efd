// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts in words: the action, the product (the draft's, else the line's), and the state — a
// source that changed the line since is named by its organisation.
#include <catch2/catch.hpp>

#include "builders.h"
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
