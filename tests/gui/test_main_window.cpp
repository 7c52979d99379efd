// SPDX-License-Identifier: GPL-3.0-or-later
// The main window against the real chain: the overview fills in as the sources answer; a consent
// refusal shows the incomplete-overview banner naming the pharmacy; a stored retrieval reopens
// offline, marked as not current; the session locks and only the same user unlocks it.
#include <wx/dialog.h>
#include <wx/headerctrl.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gui_support.h"
#include "main_frame.h"
#include "medication_grid.h"
#include "patient_dialog.h"
#include "tone.h"

using namespace zb;
using test::Screenshot;
using test::WaitFor;
using namespace std::chrono_literals;

TEST_CASE("the overview fills in for a patient with data at all three sources") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  CHECK(frame->GetStatusBar()->GetStatusText(1).utf8_string().find("Ingelogd als ") == 0);
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  const auto& v = frame->shownView();
  CHECK(v.banner.empty());
  CHECK(v.medication.size() >= 5);
  CHECK_FALSE(v.ica.empty());
  REQUIRE(v.sources.size() == 3);
  CHECK(frame->GetStatusBar()->GetStatusText(0).utf8_string() == "Alle bronnen hebben geantwoord.");
  // The widgets hold what the presenter built: medication and ICA tabs filled, three chips.
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  auto* ica = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("ica", frame));
  REQUIRE(medication);
  REQUIRE(ica);
  CHECK(static_cast<std::size_t>(medication->GetItemCount()) == v.medication.size());
  CHECK(static_cast<std::size_t>(ica->GetItemCount()) == v.ica.size());
  const auto& h = frame->shownHeader();
  CHECK(h.title == "A. Jansen");
  CHECK(h.identity.find("geboren 12-03-1938") != std::string::npos);
  REQUIRE(h.chips.size() == 3);
  for (const auto& chip : h.chips) CHECK(chip.tone == present::Tone::kGood);
  CHECK_FALSE(h.stale);
  // Selecting a line fills the detail pane with its building blocks.
  medication->Select(0);
  auto* detail = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("medication-detail", frame));
  REQUIRE(detail);
  REQUIRE(WaitFor([&] { return !detail->GetValue().empty(); }, 2s));
  CHECK(detail->GetValue().utf8_string().find("Bouwstenen:") != std::string::npos);
  // The filter narrows the list; clearing it brings every row back.
  auto* filter = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("medication-filter", frame));
  REQUIRE(filter);
  filter->SetValue("zzz-geen-geneesmiddel");
  CHECK(frame->overview().shownMedicationRows() == 0);
  filter->SetValue("");
  CHECK(static_cast<std::size_t>(frame->overview().shownMedicationRows()) == v.medication.size());
  // A click on the product header sorts by product within the clinical groups, with the arrow shown.
  auto* header = wxWindow::FindWindowByName("medication-header", medication);
  REQUIRE(header);
  wxHeaderCtrlEvent click(wxEVT_HEADER_CLICK, header->GetId());
  click.SetEventObject(header);
  click.SetColumn(1);
  header->GetEventHandler()->ProcessEvent(click);
  CHECK(medication->GetSortIndicator() == 1);
  CHECK(medication->IsAscendingSortIndicator());
  std::vector<std::string> groups;
  for (long row = 0; row < medication->GetItemCount(); ++row) {
    const std::string group = medication->GetItemText(row, 0).utf8_string();
    if (groups.empty() || groups.back() != group) groups.push_back(group);
  }
  std::vector<std::string> unique = groups;
  std::sort(unique.begin(), unique.end());
  CHECK(std::unique(unique.begin(), unique.end()) == unique.end());  // each group one block, never mixed
  CHECK(groups.front() == "ACTUEEL");
  header->GetEventHandler()->ProcessEvent(click);
  CHECK_FALSE(medication->IsAscendingSortIndicator());
  CHECK(medication->GetItemText(0, 0).utf8_string() == "ACTUEEL");  // reversed within the groups only
  medication->Select(2);
  REQUIRE(WaitFor([&] { return !detail->GetValue().empty(); }, 2s));
  Screenshot(frame, "overview-jansen");

  // Our own print preview of the same pages; the proposed PDF name says who and when.
  auto* preview = frame->ShowPrintPreview();
  REQUIRE(preview);
  CHECK(preview->GetName() == "print-preview");
  wxYield();
  test::Screenshot(preview, "print-preview");
  preview->Close(true);
  wxYield();
  const std::string proposed = frame->DefaultPdfPath().utf8_string();
  CHECK(proposed.find("Medicatieoverzicht A. Jansen ") != std::string::npos);
  CHECK(proposed.rfind(".pdf") == proposed.size() - 4);

  // PDF export of what is on screen, audited (and kept for the screenshot script's page-1 PNG).
  const char* shots = std::getenv("ZB_SCREENSHOT_DIR");
  const std::string pdf = shots ? std::string(shots) + "/overview-jansen.pdf" : dir + "/jansen.pdf";
  CHECK(frame->ExportPdf(pdf).empty());
  std::ifstream in(pdf, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  CHECK(head == "%PDF-");
  auto trail = w->AuditTrail(domain::Bsn::Parse("999991000").value());
  REQUIRE(trail.entries.ok());
  CHECK(trail.intact);
  bool exported = false;
  for (const auto& r : trail.entries.value()) exported = exported || r.event.action == domain::AuditAction::kExportPdf;
  CHECK(exported);
  test::Close(frame);
}

TEST_CASE("an active amoxicillin line next to a penicillin allergy is red, says why, and the ICA strip stays in view") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  REQUIRE(medication);
  long amox = -1;
  for (long row = 0; row < medication->GetItemCount(); ++row) {
    if (medication->GetItemText(row, 1).utf8_string().find("AMOXICILLINE") != std::string::npos) amox = row;
  }
  REQUIRE(amox >= 0);
  CHECK(medication->GetItemText(amox, 0).utf8_string() == "ACTUEEL");
  CHECK(medication->GetItemText(amox, 6).utf8_string().find("ICA: overgevoelig voor PENICILLINES") == 0);
  CHECK(medication->RowBackground(amox) == gui::ToneColour(present::Tone::kDanger));
  for (long row = 0; row < medication->GetItemCount(); ++row) {
    if (row == amox || medication->GetItemText(row, 0).utf8_string() != "ACTUEEL") continue;
    CHECK(medication->GetItemText(row, 6).utf8_string().find("ICA:") == std::string::npos);
  }
  medication->Select(amox);
  auto* detail = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("medication-detail", frame));
  REQUIRE(detail);
  REQUIRE(WaitFor([&] { return !detail->GetValue().empty(); }, 2s));
  const std::string text = detail->GetValue().utf8_string();
  CHECK(text.find("ICA-WAARSCHUWING:") != std::string::npos);
  CHECK(text.find("overgevoelig voor PENICILLINES — hoog risico") != std::string::npos);
  CHECK(text.find("amoxicilline hoort bij de penicillines (ATC J01CA04 in J01C)") != std::string::npos);
  CHECK(text.find("G-Standaard") != std::string::npos);  // says which check did not run
  // Why it was prescribed, and by whom, before the checks.
  CHECK(text.find("\nIndicatie: Pneumonie (") != std::string::npos);
  CHECK(text.find("\nVoorschrijver: Ziekenhuis Rivierenland, dr. S. El Amrani (internist)") != std::string::npos);
  Screenshot(frame, "overview-jansen-ica-warning");
  // The strip names the allergy with its risk, and stays on screen whichever tab is open.
  std::vector<wxWindow*> strip;
  for (auto* child : wxWindow::FindWindowByName("ica-strip", frame)->GetChildren()) strip.push_back(child);
  REQUIRE_FALSE(strip.empty());
  CHECK(strip.front()->GetLabel().utf8_string().find("Allergie: PENICILLINES (hoog risico") != std::string::npos);
  for (int tab : {1, 2, 0}) {
    frame->overview().SelectTab(tab);
    wxYield();
    CHECK(strip.front()->IsShownOnScreen());
  }
  // A double-click on an ICA line opens it whole.
  auto* icaDialog = frame->overview().ShowIcaDetail(0);
  REQUIRE(icaDialog);
  auto* icaText = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("ica-detail", icaDialog));
  REQUIRE(icaText);
  CHECK(icaText->GetValue().utf8_string().find("PENICILLINES") != std::string::npos);
  CHECK(icaText->GetValue().utf8_string().find("gemeld door: ") != std::string::npos);
  icaDialog->Destroy();
  test::Close(frame);
}

TEST_CASE("a consent refusal shows the incomplete-overview banner naming the pharmacy") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999900109"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  CHECK(frame->shownView().banner.find(
            "ONVOLLEDIG OVERZICHT: geen gegevens van Apotheek Centrum (apotheek): toestemming geweigerd") == 0);
  auto* banner = wxWindow::FindWindowByName("overview-banner", frame);
  REQUIRE(banner);
  CHECK(banner->IsShown());
  bool chip = false;
  for (const auto& c : frame->shownHeader().chips)
    chip = chip ||
           (c.text == "Apotheek Centrum: toestemming geweigerd door de patiënt" && c.tone == present::Tone::kWarning);
  CHECK(chip);
  // Whom to call: the pharmacy's number from the address directory, in the banner and the sources tab.
  CHECK(frame->shownView().banner.find("bel 030-0000402") != std::string::npos);
  Screenshot(frame, "overview-visser-consent-refused");
  auto* sources = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("sources", frame));
  REQUIRE(sources);
  bool pharmacyPhone = false;
  for (int row = 0; row < sources->GetItemCount(); ++row) {
    pharmacyPhone = pharmacyPhone || (sources->GetItemText(row, 0).StartsWith("Apotheek Centrum") &&
                                      sources->GetItemText(row, 1) == "030-0000402");
  }
  CHECK(pharmacyPhone);
  frame->overview().SelectTab(2);
  wxYield();
  Screenshot(frame, "overview-sources-phone");
  frame->overview().SelectTab(0);
  // The banner is wrapped again when the window narrows: no line runs past the panel.
  auto* overview = wxWindow::FindWindowByName("overview", frame);
  REQUIRE(overview);
  for (const wxSize size : {wxSize(1024, 700), wxSize(1440, 900)}) {
    frame->SetSize(size);
    wxYield();
    CHECK(banner->GetSize().x <= overview->GetClientSize().x);
    for (const auto& line : wxSplit(dynamic_cast<wxStaticText*>(banner)->GetLabel(), '\n')) {
      CHECK(banner->GetTextExtent(line).x <= overview->GetClientSize().x - 16);
    }
  }
  test::Close(frame);
}

TEST_CASE("a stored retrieval reopens without the gateway, marked as not current with its time") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  std::size_t rows = 0;
  {
    auto w = test::LoggedIn(dir, user);
    auto* frame = new gui::MainFrame(*w, user);
    REQUIRE(frame->OpenPatient("999991000"));
    REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
    rows = frame->shownView().medication.size();
    test::Close(frame);
  }
  // Same store, a gateway that is not there: the sources cannot be asked.
  auto config = test::ConfigIn(dir);
  config.gateway = "https://127.0.0.1:9";
  auto offline = std::move(workstation::Workstation::Open(config).value());
  auto* frame = new gui::MainFrame(*offline, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  CHECK(frame->shownView().medication.size() == rows);
  const auto& h = frame->shownHeader();
  CHECK(h.stale);
  CHECK(h.freshness.find("opgeslagen gegevens, niet actueel") != std::string::npos);
  CHECK(frame->GetStatusBar()->GetStatusText(0).utf8_string().find("Ophalen niet gestart") == 0);
  auto* retrieved = wxWindow::FindWindowByName("overview-retrieved", frame);
  REQUIRE(retrieved);
  CHECK(retrieved->GetLabel().utf8_string() == h.freshness);
  Screenshot(frame, "overview-offline");
  test::Close(frame);
}

TEST_CASE("the session locks, hides the patient, and only the same user's login unlocks it with the work still open") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  gui::SessionOptions options;
  options.demo = true;
  options.caFile = test::World().caFile();
  auto* frame = new gui::MainFrame(*w, user, options);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  const auto rows = frame->shownView().medication.size();
  // The lock comes while a dialog is open (as the inactivity timer would): the dialog is closed.
  {
    gui::PatientDialog dialog(frame, *w, std::nullopt);
    wxTheApp->CallAfter([frame, &dialog] {
      frame->LockNow();
      // Were the dialog still open, end it with OK: the check below fails instead of hanging.
      wxTheApp->CallAfter([&dialog] {
        if (dialog.IsModal()) dialog.EndModal(wxID_OK);
      });
    });
    CHECK(dialog.ShowModal() == wxID_CANCEL);
  }
  CHECK(frame->locked());
  auto* overview = wxWindow::FindWindowByName("overview", frame);
  REQUIRE(overview);
  CHECK_FALSE(overview->IsShownOnScreen());
  CHECK(wxWindow::FindWindowByName("lock-panel", frame)->IsShown());
  CHECK_FALSE(frame->OpenPatient("999900109"));  // nothing opens while locked
  Screenshot(frame, "locked");

  frame->Unlock("avg");  // another person
  REQUIRE(WaitFor([&] { return frame->lockMessage().utf8_string().find("Alleen ") == 0; }, 20s));
  CHECK(frame->locked());

  frame->Unlock("so");
  REQUIRE(WaitFor([&] { return !frame->locked(); }, 20s));
  CHECK(overview->IsShownOnScreen());
  CHECK(frame->shownHeader().title == "A. Jansen");
  CHECK(frame->shownView().medication.size() == rows);
  auto all = w->AuditTrail(std::nullopt);
  REQUIRE(all.entries.ok());
  bool locked = false, unlocked = false;
  for (const auto& r : all.entries.value()) {
    locked = locked || r.event.action == domain::AuditAction::kLock;
    unlocked = unlocked || r.event.action == domain::AuditAction::kUnlock;
  }
  CHECK(locked);
  CHECK(unlocked);
  test::Close(frame);
}

TEST_CASE("stopping a lookup keeps what arrived and marks the slow source as cancelled, never as complete") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  test::World().Behave("ziekenhuis", {{"latency_ms", 4000}});
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  // GP and pharmacy answer at once; the hospital takes four seconds.
  REQUIRE(WaitFor(
      [&] {
        std::size_t good = 0;
        for (const auto& c : frame->shownHeader().chips) good += c.tone == present::Tone::kGood ? 1 : 0;
        return good == 2;
      },
      20s));
  CHECK(frame->lookupRunning());
  frame->CancelLookup();
  test::World().Behave("ziekenhuis", {{"latency_ms", 0}});
  CHECK_FALSE(frame->lookupRunning());
  // The directory had not named the hospital yet when it was stopped: its kind stands in.
  CHECK(frame->shownView().banner.find("ONVOLLEDIG OVERZICHT: geen gegevens van ziekenhuis: afgebroken") == 0);
  CHECK_FALSE(frame->shownView().medication.empty());
  bool cancelled = false;
  for (const auto& c : frame->shownHeader().chips)
    cancelled = cancelled || (c.text == "ziekenhuis: afgebroken" && c.tone == present::Tone::kDanger);
  CHECK(cancelled);
  CHECK(frame->GetStatusBar()->GetStatusText(0).utf8_string() == "Ophalen gestopt.");
  test::Close(frame);
}

TEST_CASE("after the window sat idle past the gateway's keep-alive, F5 still reaches every source") {
  test::World().StartGateway({{"listen", {{"keep_alive_seconds", 1}}}});
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  for (const auto idle : {1500ms, 3000ms}) {
    INFO("after " << idle.count() << " ms idle");
    WaitFor([] { return false; }, idle);  // the event loop runs; the gateway closes its idle connections
    // F5 as the menu sends it (the command table binds it).
    const int id = frame->GetMenuBar()->FindMenuItem(wxString::FromUTF8("Patiënt"), "Vernieuwen");
    REQUIRE(id != wxNOT_FOUND);
    wxCommandEvent refresh(wxEVT_MENU, id);
    frame->GetEventHandler()->ProcessEvent(refresh);
    CHECK(frame->lookupRunning());
    REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
    for (const auto& chip : frame->shownHeader().chips) {
      INFO(chip.text);
      CHECK(chip.tone == present::Tone::kGood);
    }
    CHECK(frame->GetStatusBar()->GetStatusText(0).utf8_string() == "Alle bronnen hebben geantwoord.");
  }
  test::Close(frame);
  w.reset();
  test::World().StartGateway();
}

TEST_CASE("after F5 the rows changed since the previous retrieval are marked and Ctrl+J shows only them") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  // The first retrieval misses the hospital (consent refused there); the second has it.
  test::World().Behave("ziekenhuis", {{"access", {{"999991000", "consent-refused"}}}});
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  test::World().Behave("ziekenhuis", {{"access", {{"999991000", "allow"}}}});
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* changes = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("medication-changes", frame));
  REQUIRE(changes);
  CHECK(changes->GetLabel().utf8_string().find(" sinds de ophaling van ") != std::string::npos);
  std::size_t changed = 0;
  for (const auto& row : frame->shownView().medication) changed += row.changed ? 1 : 0;
  REQUIRE(changed > 0);
  frame->overview().ShowOnlyChanged(true);
  CHECK(static_cast<std::size_t>(frame->overview().shownMedicationRows()) == changed);
  Screenshot(frame, "overview-changed-since");
  frame->overview().ShowOnlyChanged(false);
  CHECK(static_cast<std::size_t>(frame->overview().shownMedicationRows()) == frame->shownView().medication.size());
  test::Close(frame);
}

TEST_CASE("a secretariat login is told calmly that its role does not retrieve, and nothing is asked") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user, "secretariaat");
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  CHECK(frame->shownView().banner.empty());  // no red alarm for a role that may not ask
  CHECK(frame->GetStatusBar()->GetStatusText(0).utf8_string().find("Met uw rol worden geen gegevens") == 0);
  CHECK(frame->shownHeader().freshness.find("Met uw rol worden geen gegevens") == 0);  // on the overview too
  Screenshot(frame, "overview-secretariat");
  test::Close(frame);
}
