// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts in the main window: a stop and a pause of lines in focus, written through the menu's
// action, listed on the drafts tab with their reason and state, stored (not sent), audited.
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>

#include <catch2/catch.hpp>

#include "gui_support.h"
#include "main_frame.h"
#include "medication_grid.h"

using namespace zb;
using test::Screenshot;
using test::WaitFor;
using namespace std::chrono_literals;

TEST_CASE("a stop and a pause drafted from the medication list show on the drafts tab, not sent") {
  const std::string dir = test::MakeTempDir("zb-gui-drafts");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  REQUIRE(medication);

  // Without a line in focus nothing is written, and the window says what to do.
  CHECK(frame->DraftSelectedLine(domain::DraftAction::kStop, "182856006") ==
        "Kies eerst een regel in de medicatielijst.");

  // The first two current lines that can take a draft (a line known only from use data cannot).
  std::vector<std::string> drafted;
  for (long row = 0; row < medication->GetItemCount() && drafted.size() < 2; ++row) {
    if (medication->GetItemText(row, 0).utf8_string() != "ACTUEEL") continue;
    medication->Select(row);
    const auto action = drafted.empty() ? domain::DraftAction::kStop : domain::DraftAction::kPause;
    const auto reason = drafted.empty() ? "182856006" : "305335007";
    if (frame->DraftSelectedLine(action, reason).empty())
      drafted.push_back(medication->GetItemText(row, 1).utf8_string());
  }
  REQUIRE(drafted.size() == 2);

  CHECK(frame->overview().draftRows() == 2);
  auto* tabs = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("overview-tabs", frame));
  REQUIRE(tabs);
  CHECK(tabs->GetPageText(3) == "Concepten (2)");
  auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("drafts", frame));
  REQUIRE(list);
  CHECK(list->GetItemText(0, 0).utf8_string() == "stoppen");
  CHECK(list->GetItemText(0, 3).utf8_string() == "geneesmiddel niet voorradig");
  CHECK(list->GetItemText(0, 2).utf8_string() == "concept, niet verzonden");
  CHECK(list->GetItemText(1, 0).utf8_string() == "onderbreken");
  CHECK(list->GetItemText(1, 3).utf8_string() == "opname in instelling");
  CHECK(list->GetItemText(1, 5).utf8_string().find(user.audit.name) == 0);
  auto* note = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("drafts-note", frame));
  REQUIRE(note);
  CHECK(note->GetLabel().utf8_string().find("er is niets verzonden") != std::string::npos);

  // A second action on a drafted line replaces its draft rather than adding one.
  CHECK(frame->overview().SelectTreatment(
      w->drafts().List(*w->FindPatient(domain::Bsn::Parse("999991000").value()).value())->front().draft.treatment));
  CHECK(frame->DraftSelectedLine(domain::DraftAction::kStop, "62014003").empty());
  CHECK(frame->overview().draftRows() == 2);
  CHECK(list->GetItemText(0, 0).utf8_string() == "stoppen");
  CHECK(list->GetItemText(0, 3).utf8_string() == "ongewenste reactie op medicatie en/of drugs");

  tabs->SetSelection(3);
  wxYield();
  Screenshot(frame, "drafts");
  const auto trail = w->AuditTrail(domain::Bsn::Parse("999991000").value());
  std::size_t created = 0, edited = 0;
  for (const auto& e : trail.entries.value()) {
    created += e.event.action == domain::AuditAction::kDraftCreated;
    edited += e.event.action == domain::AuditAction::kDraftEdited;
  }
  CHECK(created == 2);
  CHECK(edited == 1);
  test::Close(frame);
}
