// SPDX-License-Identifier: GPL-3.0-or-later
// The other screens against the real chain: the login window (persona flow of DEZI), patient search
// (11-test, birth date), registering a patient with his sources found in the directory, the
// settings' connection test, the audit view, and the English catalog.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app.h"
#include "audit_dialog.h"
#include "gui_support.h"
#include "i18n.h"
#include "login_frame.h"
#include "main_frame.h"
#include "net/client/login.h"
#include "patient_dialog.h"
#include "present/tr.h"
#include "printing.h"
#include "settings_dialog.h"

using namespace zb;
using test::Screenshot;
using test::WaitFor;
using namespace std::chrono_literals;

namespace {
void Type(wxWindow* parent, const char* name, const std::string& text) {
  auto* field = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName(name, parent));
  REQUIRE(field);
  field->SetValue(wxString::FromUTF8(text));
}
}  // namespace

TEST_CASE("the login window completes the DEZI flow with a persona and hands over the user") {
  const std::string dir = test::MakeTempDir("zb-gui");
  auto w = std::move(workstation::Workstation::Open(test::ConfigIn(dir)).value());
  gui::StartOptions options;
  options.config = test::ConfigIn(dir);
  options.demo = true;
  std::optional<workstation::User> user;
  auto* login = new gui::LoginFrame(options, *w, [&user](const workstation::User& u) { user = u; });
  login->Show();
  Screenshot(login, "login");
  login->LogInAsPersona("so");
  REQUIRE(WaitFor([&] { return user.has_value(); }, 20s));
  CHECK(user->audit.roleCode == "01.047");
  CHECK(user->Describe().find("Specialist ouderengeneeskunde") != std::string::npos);
  CHECK(w->user().has_value());
  wxTheApp->ProcessIdle();  // the login window closed itself: let wx delete it
}

TEST_CASE("without a browser the login window shows the login URL and the login completes when it is opened") {
  const std::string dir = test::MakeTempDir("zb-gui");
  // An xdg-open that finds no browser, as on a server session (exit status 3).
  const std::string bin = dir + "/bin";
  std::filesystem::create_directories(bin);
  std::ofstream(bin + "/xdg-open") << "#!/bin/sh\necho 'xdg-open: no method available for opening' >&2\nexit 3\n";
  std::filesystem::permissions(bin + "/xdg-open", std::filesystem::perms::owner_all);
  const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", bin.c_str(), 1);
  auto w = std::move(workstation::Workstation::Open(test::ConfigIn(dir)).value());
  gui::StartOptions options;
  options.config = test::ConfigIn(dir);
  std::optional<workstation::User> user;
  auto* login = new gui::LoginFrame(options, *w, [&user](const workstation::User& u) { user = u; });
  login->Show();
  auto* button = wxWindow::FindWindowByName("login-browser", login);
  REQUIRE(button);
  wxCommandEvent click(wxEVT_BUTTON, button->GetId());
  click.SetEventObject(button);
  button->GetEventHandler()->ProcessEvent(click);
  REQUIRE(WaitFor([&] { return !login->loginUrl().empty(); }, 10s));
  setenv("PATH", oldPath.c_str(), 1);
  const std::string url = login->loginUrl().utf8_string();
  CHECK(url.find("code_challenge_method=S256") != std::string::npos);
  CHECK(login->statusText().utf8_string().find("Er kon geen browser worden gestart") == 0);
  Screenshot(login, "login-no-browser");
  // The user opens the URL in a browser on this computer (here: the headless one, as the SO).
  net::client::HeadlessBrowser browser("so", test::World().Trust());
  REQUIRE(browser.Open(url).ok());
  REQUIRE(WaitFor([&] { return user.has_value(); }, 20s));
  CHECK(user->audit.roleCode == "01.047");
  wxTheApp->ProcessIdle();
}

TEST_CASE("a refused login says why in the login window and allows another try") {
  const std::string dir = test::MakeTempDir("zb-gui");
  auto w = std::move(workstation::Workstation::Open(test::ConfigIn(dir)).value());
  gui::StartOptions options;
  options.config = test::ConfigIn(dir);
  options.demo = true;
  bool called = false;
  auto* login = new gui::LoginFrame(options, *w, [&called](const workstation::User&) { called = true; });
  login->Show();
  login->LogInAsPersona("mondhygienist");
  REQUIRE(WaitFor([&] { return login->statusText().utf8_string().find("Inloggen is niet gelukt: ") == 0; }, 20s));
  CHECK(login->statusText().utf8_string() ==
        "Inloggen is niet gelukt: uw rol mag Zorgbrug in deze organisatie niet gebruiken");
  CHECK_FALSE(called);
  test::Close(login);
}

TEST_CASE("patients are listed per category and found by BSN plus birth date only") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  auto* admitted = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("patients-admitted", frame));
  REQUIRE(admitted);
  CHECK(admitted->GetItemCount() == 3);
  auto& patients = frame->patients();
  patients.Search("999991001", "12-03-1938");
  CHECK(patients.searchMessage().utf8_string() == "Dit BSN klopt niet (11-proef): controleer de cijfers.");
  // The field error goes away as soon as the BSN is right, without searching again.
  auto* bsnField = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("search-bsn", frame));
  REQUIRE(bsnField);
  bsnField->SetValue("999991000");
  CHECK(patients.searchMessage().empty());
  // Nobody found: registering a temporary patient is offered, with what was typed.
  patients.Search("999991000", "13-03-1938");
  CHECK(patients.searchMessage().utf8_string() == "Niemand gevonden met dit BSN en deze geboortedatum.");
  auto* offer = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("search-register", frame));
  REQUIRE(offer);
  CHECK(offer->IsShown());
  std::optional<std::pair<std::string, domain::Date>> asked;
  patients.onRegisterTemporary = [&asked](const domain::Bsn& bsn, domain::Date birth) {
    asked = std::make_pair(bsn.digits(), birth);
  };
  wxCommandEvent click(wxEVT_BUTTON, offer->GetId());
  click.SetEventObject(offer);
  offer->GetEventHandler()->ProcessEvent(click);
  REQUIRE(asked);
  CHECK(asked->first == "999991000");
  CHECK(asked->second == domain::Date(1938, 3, 13));
  patients.Search("999991000", "12-03-1938");
  CHECK_FALSE(offer->IsShown());
  CHECK(patients.searchMessage().utf8_string() == "1 gevonden; Enter opent.");
  auto found = patients.Selected();
  REQUIRE(found);
  CHECK(found->name == "A. Jansen");
  Screenshot(frame, "patients-search");
  // Editing a patient from the imported register names his sources from the directory, not by URA.
  {
    gui::PatientDialog edit(frame, *w, *found);
    REQUIRE(WaitFor([&] { return edit.sourceLabel(0).utf8_string().rfind("huisarts (", 0) != 0; }, 10s));
    CHECK(edit.sourceLabel(0).utf8_string().rfind("Huisartsenpraktijk De Linde (URA 90000401", 0) == 0);
  }
  // An empty list says what to do; a list without any location hides the Locatie column.
  for (const char* name : {"patients-expected", "patients-temporary"}) {
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName(name, frame));
    REQUIRE(list);
    REQUIRE(list->GetItemCount() == 0);
    bool hinted = false;
    for (auto* sibling : list->GetParent()->GetChildren()) {
      if (sibling->GetName() == "patients-empty-hint" && sibling->IsShown()) hinted = true;
    }
    CHECK(hinted);
  }
  CHECK(admitted->GetColumnWidth(2) == 0);
  // F1 is a table of key and action, the same rows as the menus.
  auto* shortcuts = frame->ShowShortcuts();
  REQUIRE(shortcuts);
  auto* table = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("shortcut-table", shortcuts));
  REQUIRE(table);
  CHECK(table->GetColumnCount() == 2);
  CHECK(table->GetItemCount() > 10);
  bool f5 = false;
  for (long row = 0; row < table->GetItemCount(); ++row) f5 = f5 || table->GetItemText(row, 0) == "F5";
  CHECK(f5);
  Screenshot(shortcuts, "shortcuts");
  shortcuts->Destroy();
  test::Close(frame);
}

TEST_CASE("a new temporary patient is registered with his sources found in the directory") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  auto* dialog = new gui::PatientDialog(frame, *w, std::nullopt);
  dialog->Show();
  Type(dialog, "patient-name", "D. de Wit");
  Type(dialog, "patient-bsn", "999991001");  // fails the 11-test
  Type(dialog, "patient-birthdate", "02-02-1936");
  dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("patient-category", dialog))->SetSelection(2);
  CHECK_FALSE(dialog->Save());
  CHECK(dialog->errorText().utf8_string().find("11-proef") != std::string::npos);

  Type(dialog, "patient-bsn", "999990020");
  dialog->LookUpSource(0, "90000401");
  REQUIRE(WaitFor([&] { return dialog->sourceLabel(0).utf8_string().find("URA 90000401") != std::string::npos; }, 10s));
  dialog->LookUpSource(1, "99999999");
  REQUIRE(WaitFor([&] { return dialog->sourceLabel(1).utf8_string() == "niet gevonden in het adresboek"; }, 10s));
  CHECK_FALSE(dialog->Save());  // a pharmacy typed but not found: say so, save nothing
  CHECK(dialog->errorText().utf8_string().find("apotheek: kies een organisatie uit het adresboek") == 0);
  dialog->LookUpSource(1, "");
  REQUIRE(WaitFor([&] { return dialog->sourceLabel(1).utf8_string() == "(geen)"; }, 5s));
  Screenshot(dialog, "patient-register");
  REQUIRE(dialog->Save());
  const auto saved = dialog->saved();
  CHECK(saved.category == domain::PatientCategory::kTemporary);
  REQUIRE(saved.sources.size() == 1);
  CHECK(saved.sources[0].ura == "90000401");
  CHECK_FALSE(saved.sources[0].source.name.empty());
  test::Close(dialog);
  frame->patients().Reload();
  auto* temporary = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("patients-temporary", frame));
  REQUIRE(temporary);
  CHECK(temporary->GetItemCount() == 1);
  CHECK(temporary->GetItemText(0).utf8_string() == "D. de Wit");
  test::Close(frame);
}

TEST_CASE("the settings' connection test reaches the gateway with the given trust, and says why not otherwise") {
  workstation::Preferences p;
  p.gateway = test::World().gatewayUrl();
  p.caFile = test::World().caFile();
  auto* dialog = new gui::SettingsDialog(nullptr, p);
  dialog->Show();
  dialog->TestConnection();
  REQUIRE(WaitFor([&] { return !dialog->testRunning(); }, 15s));
  CHECK(dialog->testResult().utf8_string().find("Verbinding in orde: gateway van ") == 0);
  Screenshot(dialog, "settings");
  Type(dialog, "settings-ca", "");  // the system store does not trust the sandbox CA
  dialog->TestConnection();
  REQUIRE(WaitFor([&] { return !dialog->testRunning(); }, 15s));
  CHECK(dialog->testResult().utf8_string().find(
            "Geen verbinding: het certificaat van de gateway wordt niet vertrouwd") == 0);
  Type(dialog, "settings-gateway", "http://127.0.0.1:9");
  dialog->TestConnection();
  CHECK(dialog->testResult().utf8_string().find("Gateway-adres: moet met https:// beginnen") == 0);
  test::Close(dialog);
}

TEST_CASE("the audit view shows the patient's accesses with an intact chain and exports them") {
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* dialog = new gui::AuditDialog(frame, *w, domain::Bsn::Parse("999991000").value(), "A. Jansen");
  dialog->Show();
  CHECK(dialog->rows() >= 1);
  CHECK(dialog->chainText().utf8_string().find("Keten intact: ") == 0);
  // Actions, contexts and outcomes in words; the trail's codes stay in the export.
  auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("audit-list", dialog));
  REQUIRE(list);
  bool retrieved = false;
  for (long row = 0; row < list->GetItemCount(); ++row) {
    const std::string action = list->GetItemText(row, 5).utf8_string();
    CHECK(action != "retrieve");
    CHECK(list->GetItemText(row, 7).utf8_string() != "ok");
    if (action == "gegevens opgehaald") {
      retrieved = true;
      CHECK(list->GetItemText(row, 7).utf8_string() == "volledig");
      CHECK(list->GetItemText(row, 6).utf8_string() == "3 bronnen");
    }
  }
  CHECK(retrieved);
  Screenshot(dialog, "audit");
  CHECK(dialog->ExportTo(dir + "/audit.tsv").empty());
  CHECK(dialog->ExportTo("/proc/zb-no-such-dir/audit.tsv")
            .find("Kan niet schrijven naar /proc/zb-no-such-dir/audit.tsv") == 0);
  dialog->Destroy();
  test::Close(frame);
}

TEST_CASE("English is selectable: menus, statuses and presenter texts come from the catalog") {
  std::string problem;
  REQUIRE(gui::InitLanguage("en", &problem));
  CHECK(problem.empty());
  CHECK(gui::T("Alle bronnen hebben geantwoord.").utf8_string() == "All sources have answered.");
  CHECK(present::Tr("toestemming geweigerd door de patiënt") == "consent refused by the patient");
  CHECK(present::Fmt("{0} jaar", {"85"}) == "85 years");
  const std::string dir = test::MakeTempDir("zb-gui");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  CHECK(frame->GetMenuBar()->GetMenuLabelText(0).utf8_string() == "File");
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  CHECK(frame->shownHeader().ica.front().text.rfind("Allergy: PENICILLINES", 0) == 0);
  // Dose texts: a source's own (Dutch) words in quotes as sent; the ones Zorgbrug writes in English.
  std::size_t quoted = 0, ours = 0;
  for (const auto& row : frame->shownView().medication) {
    if (row.dose.rfind("\u201C", 0) == 0) {
      ++quoted;
    } else if (!row.dose.empty()) {
      ++ours;
      INFO(row.dose);
      CHECK(row.dose.find("maal per") == std::string::npos);
      CHECK(row.dose.find("x per") != std::string::npos);
    }
  }
  CHECK(quoted > 0);
  CHECK(ours > 0);
  Screenshot(frame, "overview-english");
  test::Close(frame);
  REQUIRE(gui::InitLanguage("nl", nullptr));
  CHECK(present::Tr("toestemming geweigerd door de patiënt") == "toestemming geweigerd door de patiënt");
}

TEST_CASE("the print job draws the same A4 pages as the PDF") {
  present::PatientHeader h;
  h.title = "A. Jansen";
  h.identity = "BSN 999991000";
  present::OverviewView v;
  v.banner = "ONVOLLEDIG OVERZICHT: geen gegevens van Apotheek Centrum";
  for (int i = 0; i < 120; ++i) {
    present::MedicationRow r;
    r.group = "ACTUEEL";
    r.product = "Geneesmiddel " + std::to_string(i);
    r.dose = "1 maal per dag";
    r.sources = r.sourcesFull = "Huisarts";
    r.line = static_cast<std::size_t>(i);
    v.medication.push_back(std::move(r));
  }
  gui::ReportPrintout printout(present::BuildOverviewReport(h, v, "23-11-2026 14:05", "A. de Vries"));
  // A bitmap as the "printer": A4 at 72 dpi.
  wxBitmap page(595, 842, 24);
  wxMemoryDC dc(page);
  dc.SetBackground(*wxWHITE_BRUSH);
  dc.Clear();
  printout.SetDC(&dc);
  printout.SetPageSizePixels(595, 842);
  printout.OnPreparePrinting();
  int minPage = 0, maxPage = 0, from = 0, to = 0;
  printout.GetPageInfo(&minPage, &maxPage, &from, &to);
  CHECK(minPage == 1);
  CHECK(maxPage > 1);
  CHECK(printout.HasPage(maxPage));
  CHECK_FALSE(printout.HasPage(maxPage + 1));
  REQUIRE(printout.OnPrintPage(1));
  dc.SelectObject(wxNullBitmap);
  const wxImage image = page.ConvertToImage();
  // The banner is drawn near the top in the banner red; text elsewhere is dark.
  bool red = false, dark = false;
  for (int y = 0; y < image.GetHeight(); y += 2) {
    for (int x = 0; x < image.GetWidth(); x += 2) {
      const int r = image.GetRed(x, y), g = image.GetGreen(x, y), b = image.GetBlue(x, y);
      red = red || (r > 150 && g < 60 && b < 60);
      dark = dark || (r < 60 && g < 60 && b < 60);
    }
  }
  CHECK(red);
  CHECK(dark);
  CHECK_FALSE(printout.OnPrintPage(maxPage + 1));
}
