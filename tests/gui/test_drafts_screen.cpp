// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts in the main window: a stop and a pause of lines in focus, written through the menu's
// action, listed on the drafts tab with their reason and state, stored (not sent), audited.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>

#include "draft_editor.h"
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
  // The medication list marks both lines, first in their remarks, without losing the selection.
  std::size_t marked = 0;
  for (const auto& row : frame->shownView().medication) marked += row.draft.rfind("CONCEPT: ", 0) == 0;
  CHECK(marked == 0);  // the view the window was given has none: the panel marks its own copy
  std::size_t shown = 0;
  for (long row = 0; row < medication->GetItemCount(); ++row)
    shown += medication->GetItemText(row, 6).utf8_string().rfind("CONCEPT: ", 0) == 0;
  CHECK(shown == 2);
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

  CHECK(list->GetItemText(1, 4).utf8_string() == "tot nader order");

  // A pause until a date, and "continue unchanged" on the next current line.
  CHECK(frame->overview().SelectTreatment(
      w->drafts().List(*w->FindPatient(domain::Bsn::Parse("999991000").value()).value())->back().draft.treatment));
  CHECK(frame->DraftSelectedLine(domain::DraftAction::kPause, "305335007", std::nullopt, domain::Date(2026, 12, 15))
            .empty());
  CHECK(list->GetItemText(1, 4).utf8_string() == "hervatten op 15-12-2026");
  bool continued = false;
  for (long row = 0; row < medication->GetItemCount() && !continued; ++row) {
    if (medication->GetItemText(row, 0).utf8_string() != "ACTUEEL") continue;
    const std::string product = medication->GetItemText(row, 1).utf8_string();
    if (std::find(drafted.begin(), drafted.end(), product) != drafted.end()) continue;
    medication->Select(row);
    continued = frame->DraftSelectedLine(domain::DraftAction::kContinue, "").empty();
  }
  CHECK(continued);
  CHECK(frame->overview().draftRows() == 3);

  tabs->SetSelection(3);
  wxYield();
  Screenshot(frame, "drafts");
  const auto trail = w->AuditTrail(domain::Bsn::Parse("999991000").value());
  std::size_t created = 0, edited = 0;
  for (const auto& e : trail.entries.value()) {
    created += e.event.action == domain::AuditAction::kDraftCreated;
    edited += e.event.action == domain::AuditAction::kDraftEdited;
  }
  CHECK(created == 3);
  CHECK(edited == 2);
  test::Close(frame);
}

TEST_CASE(
    "a change in the draft editor: the formulary's alternatives first, the dose in MP9 words, a dispense request") {
  const std::string dir = test::MakeTempDir("zb-gui-editor");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  const std::string lists = std::string(ZB_DEMO_DIR) + "/../formulary/";
  CHECK_THAT(frame->ImportList(false, dir + "/missing.csv"),
             Catch::StartsWith("Niet ingelezen; er is niets veranderd."));
  REQUIRE(frame->ImportList(false, lists + "demo-formularium.csv").empty());
  REQUIRE(frame->ImportList(true, lists + "demo-apotheekrooster.csv").empty());
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  // The header names the own pharmacy, read from the pharmacy's dispenses.
  CHECK_THAT(frame->overview().pharmacyText().utf8_string(), Catch::StartsWith("Eigen apotheek: Apotheek De Vaart"));

  // The omeprazol line is marked "niet op formularium" in the list.
  const present::MedicationRow* omeprazol = nullptr;
  for (const auto& row : frame->shownView().medication) {
    if (row.product.find("OMEPRAZOL") != std::string::npos && row.status == domain::TreatmentStatus::kCurrent)
      omeprazol = &row;
  }
  REQUIRE(omeprazol);
  CHECK_THAT(omeprazol->marks, Catch::Contains("niet op formularium; op het formularium: Pantoprazol"));
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  REQUIRE(medication);
  long chosen = -1;
  for (long row = 0; row < medication->GetItemCount(); ++row) {
    if (medication->GetItemText(row, 1).utf8_string() == omeprazol->product &&
        medication->GetItemText(row, 0).utf8_string() == "ACTUEEL")
      chosen = row;
  }
  REQUIRE(chosen >= 0);
  medication->Select(chosen);
  Screenshot(frame, "overview-formulary");

  auto editor = frame->MakeDraftEditor(domain::DraftAction::kChange);
  REQUIRE(editor);
  editor->Show();
  // The formulary's products of the same ATC class come first, after "keep the product".
  const auto listed = editor->listedProducts();
  REQUIRE(listed.size() == 14);
  CHECK(listed[0].empty());
  CHECK(listed[1] == "Pantoprazol tablet msr 20mg");
  CHECK(listed[2] == "Pantoprazol tablet msr 40mg");
  // Nothing chosen as reason yet: the editor says what is missing and Opslaan would not close it.
  CHECK_THAT(editor->preview().utf8_string(), Catch::Contains("reason"));
  auto* products = dynamic_cast<wxListBox*>(wxWindow::FindWindowByName("draft-products", editor.get()));
  auto* reason = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("draft-reason-choice", editor.get()));
  auto* amount = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("draft-amount", editor.get()));
  auto* dispense = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("draft-dispense", editor.get()));
  auto* quantity = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("draft-quantity", editor.get()));
  auto* urgent = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("draft-urgent", editor.get()));
  auto* pharmacy = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("draft-pharmacy", editor.get()));
  REQUIRE((products && reason && amount && dispense && quantity && urgent && pharmacy));
  products->SetSelection(1);
  reason->SetSelection(1);
  amount->ChangeValue("0,5");  // a Dutch keyboard's decimal comma is read as 0.5
  dispense->SetValue(true);
  quantity->ChangeValue("30");
  urgent->SetValue(true);
  // The own pharmacy first, then who is open now by the roster (at least the own or the duty one).
  CHECK(pharmacy->GetString(0).utf8_string() == "Apotheek De Vaart");
  pharmacy->SetSelection(0);
  editor->Update();
  CHECK_THAT(editor->preview().utf8_string(),
             Catch::Equals("Wordt: Pantoprazol tablet msr 20mg — 1 maal per dag 0.5 stuk, Oraal"));
  Screenshot(editor.get(), "draft-editor");
  auto draft = editor->Draft();
  REQUIRE(draft);
  editor->Hide();
  REQUIRE(frame->SaveDraft(draft.value()).empty());
  auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("drafts", frame));
  REQUIRE(list);
  REQUIRE(list->GetItemCount() == 1);
  CHECK(list->GetItemText(0, 0).utf8_string() == "wijzigen");
  CHECK(list->GetItemText(0, 1).utf8_string() == "Pantoprazol tablet msr 20mg");
  CHECK_THAT(list->GetItemText(0, 4).utf8_string(),
             Catch::StartsWith("1 maal per dag 0.5 stuk, Oraal") &&
                 Catch::Contains("verstrekkingsverzoek: 30 stuks, Apotheek De Vaart, spoed"));

  // A new start: the whole formulary, searched by substance.
  auto start = frame->MakeDraftEditor(domain::DraftAction::kStart);
  REQUIRE(start);
  auto* search = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("draft-search", start.get()));
  REQUIRE(search);
  CHECK(start->listedProducts().size() == 13);
  search->SetValue("naproxen");
  CHECK(start->listedProducts() == std::vector<std::string>{"Naproxen tablet 250mg"});
  start.reset();  // the editors go before their parent window does
  editor.reset();
  test::Close(frame);
}

TEST_CASE("a draft whose hospital line changed is marked and confirmed again against the new agreement") {
  const std::string dir = test::MakeTempDir("zb-gui-confirm");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  const auto jansen = w->FindPatient(domain::Bsn::Parse("999991000").value()).value().value();
  domain::BlockId treatment;
  {
    const auto offline = w->OpenOffline(jansen).value();
    REQUIRE(offline);
    for (const auto& line : offline->picture->Consolidate(boost::posix_time::second_clock::universal_time()).lines) {
      if (line.status == domain::TreatmentStatus::kCurrent && line.agreements.size() == 1 && !line.endedBy &&
          line.agreements.front()->h.source == "ura-90000403")  // the hospital, as the register names it
        treatment = line.treatment;
    }
  }
  REQUIRE_FALSE(treatment.empty());
  REQUIRE(frame->overview().SelectTreatment(treatment));
  REQUIRE(
      frame->DraftSelectedLine(domain::DraftAction::kStop, "182856006", domain::GdsTiming::kNextRollChange).empty());

  // The hospital registers a new agreement; the next lookup marks the draft.
  const std::string control = test::World().sandbox()["control"].get<std::string>();
  const auto amended =
      test::World().Send({"POST",
                          control + "/holder/ziekenhuis/amend-agreement",
                          {{"Content-Type", "application/json"}},
                          nlohmann::json{{"bsn", "999991000"}, {"treatment", treatment.value}}.dump()});
  REQUIRE(amended.status == 200);
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("drafts", frame));
  REQUIRE(list);
  REQUIRE(list->GetItemCount() == 1);
  CHECK_THAT(list->GetItemText(0, 2).utf8_string(),
             Catch::StartsWith("bron gewijzigd:") && Catch::Contains("opnieuw bevestigen"));
  auto* tabs = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("overview-tabs", frame));
  REQUIRE(tabs);
  tabs->SetSelection(3);
  wxYield();
  Screenshot(frame, "drafts-source-changed");
  const auto id = w->drafts().List(jansen).value().front().id;
  CHECK(frame->ConfirmDraftAgain(id).empty());
  CHECK(list->GetItemText(0, 2).utf8_string() == "concept, niet verzonden");
  CHECK(w->drafts().List(jansen).value().front().draft.against.value.ends_with("-gewijzigd"));
  // The shared sandbox as the other window tests expect it.
  CHECK(test::World().Send({"DELETE", control + "/holder/ziekenhuis/amendments", {}, ""}).status == 204);
  test::Close(frame);
}
