// SPDX-License-Identifier: GPL-3.0-or-later
// Release in the main window: the checks dialog with each signal's reason field (closed while a
// reason is missing), the release sent in the background through the real gateway to the sandbox's
// pharmacy and the home's record, the outbox below the drafts with each receiver's state; and a
// secretariat's window without the release action.
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <catch2/catch.hpp>

#include "child_process.h"
#include "gui_support.h"
#include "main_frame.h"
#include "medication_grid.h"
#include "release_dialog.h"

using namespace zb;
using test::Screenshot;
using test::WaitFor;
using namespace std::chrono_literals;

namespace {

// The text of a PDF (poppler's pdftotext, installed by scripts/install-deps.sh); with `frame`, the
// window's PDF export is written to `pdf` first. Without pdftotext the text checks cannot run.
std::string PdfText(const std::string& dir, const std::string& pdf, gui::MainFrame* frame = nullptr) {
  if (frame) REQUIRE(frame->ExportPdf(pdf).empty());
  test::ChildProcess tool({"pdftotext", "-layout", pdf, dir + "/pdf.txt"}, dir + "/pdftotext.log");
  if (tool.Wait(std::chrono::seconds(30)) != 0)
    FAIL("pdftotext failed: " << test::ReadTextFile(dir + "/pdftotext.log"));
  return test::ReadTextFile(dir + "/pdf.txt");
}

// Drafts a stop, at the next roll change (Jansen's medication is rolled), of the first current line
// that takes one; whether one did.
bool StopFirstCurrentLine(gui::MainFrame* frame, gui::MedicationGrid* medication) {
  for (long row = 0; row < medication->GetItemCount(); ++row) {
    if (medication->GetItemText(row, 0).utf8_string() != "ACTUEEL") continue;
    medication->Select(row);
    if (frame->DraftSelectedLine(domain::DraftAction::kStop, "182856006", domain::GdsTiming::kNextRollChange).empty())
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("drafts released from the window reach the pharmacy and the home's record, and the outbox says so") {
  const test::ReleasesForgottenAtEnd forget;
  const std::string dir = test::MakeTempDir("zb-gui-release");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  REQUIRE(user.mayRelease);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  CHECK(frame->ShortcutText().Contains("Ctrl+Shift+V"));
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  REQUIRE(medication);
  // Stop the first current line that takes a draft, at the next roll change (Jansen's medication is rolled).
  REQUIRE(StopFirstCurrentLine(frame, medication));

  // The dialog as the physician sees it before releasing: the checks that ran, the signals.
  const auto jansen = w->FindPatient(domain::Bsn::Parse("999991000").value()).value().value();
  const auto check = w->drafts().Check(jansen, boost::posix_time::second_clock::universal_time()).value();
  REQUIRE(check.Releasable());
  {
    // The lines named by their product, as the window does from the shown overview.
    const auto offline = w->OpenOffline(jansen).value();
    REQUIRE(offline);
    const auto overview = offline->picture->Consolidate(boost::posix_time::second_clock::universal_time());
    std::vector<present::DraftRow> rows;
    for (const auto& e : w->drafts().List(jansen).value())
      rows.push_back(present::DescribeDraft(e.id, e.draft, e.author, e.proposal, e.updatedAt, e.freshness, &overview));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].product.find("MBH") == std::string::npos);
    auto* dialog = new gui::ReleaseDialog(frame, jansen.name, rows, check.check);
    dialog->Show();
    wxYield();
    CHECK(dialog->releaseEnabled());
    Screenshot(dialog, "release-dialog");
    dialog->Destroy();
  }

  // The printed "medicatie bij opname" holds the draft, marked as not sent (kept in the screenshot
  // folder for update-screenshots.sh, which pictures its last page).
  const char* shots = std::getenv("ZB_SCREENSHOT_DIR");
  const std::string draftsPdf = shots ? std::string(shots) + "/admission-jansen.pdf" : dir + "/admission.pdf";
  CHECK(frame->ExportPdf(draftsPdf).empty());
  CHECK(PdfText(dir, draftsPdf).find("Concepten zijn NIET verzonden") != std::string::npos);

  CHECK(frame->ReleaseDrafts({}).empty());
  REQUIRE(WaitFor([&] { return !frame->sending(); }, 20s));
  CHECK(frame->overview().draftRows() == 0);
  REQUIRE(frame->overview().outboxRows() == 2);
  auto* outbox = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("outbox", frame));
  REQUIRE(outbox);
  CHECK(outbox->GetItemText(0, 0).utf8_string() == "Apotheek Centrum (URA 90000402)");
  CHECK(outbox->GetItemText(0, 3).utf8_string() == "recept (apotheek)");
  CHECK(outbox->GetItemText(0, 1).utf8_string() == "afgeleverd, wacht op verwerking door apotheek");
  CHECK(outbox->GetItemText(1, 3).utf8_string() == "informatie (eigen ECD)");
  CHECK(outbox->GetItemText(1, 1).utf8_string() == "afgeleverd");
  // The pharmacy answers through the gateway; the outbox round (the window's 30 s timer, here at
  // once) collects it and the line says what the pharmacy made of the stop.
  REQUIRE(WaitFor(
      [&] {
        if (!frame->sending()) frame->SendOutboxQuietly();
        return outbox->GetItemText(0, 1).utf8_string().rfind("verwerkt door apotheek (", 0) == 0;
      },
      20s));
  CHECK(outbox->GetItemText(0, 2).utf8_string().rfind("toediening gestopt: ", 0) == 0);
  CHECK(outbox->GetItemText(1, 1).utf8_string() == "afgeleverd");
  // On paper too: what went to whom, and what the pharmacy made of it.
  const std::string releasedText = PdfText(dir, dir + "/released.pdf", frame);
  CHECK(releasedText.find("verwerkt door apotheek") != std::string::npos);
  CHECK(releasedText.find("Concepten zijn NIET verzonden") == std::string::npos);  // no draft is left
  auto* tabs = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("overview-tabs", frame));
  REQUIRE(tabs);
  tabs->SetSelection(3);
  wxYield();
  Screenshot(frame, "release-outbox");
  test::Close(frame);
}

TEST_CASE("the release dialog stays closed until every signal that must be handled has a reason") {
  const std::string dir = test::MakeTempDir("zb-gui-release-signal");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  domain::ReleaseCheck check;
  check.knowledgeBase = "open substance groups";
  check.checksRun = {domain::ReleaseSignalKind::kHypersensitivity, domain::ReleaseSignalKind::kGdsTimingMissing};
  domain::ReleaseSignal allergy;
  allergy.kind = domain::ReleaseSignalKind::kHypersensitivity;
  allergy.treatment = {"urn:check:mbh", "1"};
  allergy.product = "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG";
  allergy.what = "PENICILLINES";
  allergy.hit = domain::IcaHit{};  // no "safe within the group": it warns
  check.signals = {allergy};
  {
    present::DraftRow start;
    start.action = "starten";
    start.product = allergy.product;
    start.dose = "3 maal per dag 1 stuk, Oraal";
    gui::ReleaseDialog dialog(frame, "A. Jansen", {start}, check);
    REQUIRE(dialog.reasonFields() == 1);
    CHECK_FALSE(dialog.releaseEnabled());
    dialog.SetReason(0, "   ");
    CHECK_FALSE(dialog.releaseEnabled());
    dialog.SetReason(0, "eerder verdragen");
    CHECK(dialog.releaseEnabled());
    REQUIRE(dialog.Decisions().size() == 1);
    CHECK(dialog.Decisions()[0].key == allergy.Key());
    dialog.SetReason(0, "");
    dialog.Show();
    wxYield();
    Screenshot(&dialog, "release-dialog-signal");
    dialog.Hide();
  }
  // A blocking signal keeps it closed whatever is typed.
  domain::ReleaseSignal roll;
  roll.kind = domain::ReleaseSignalKind::kGdsTimingMissing;
  roll.product = allergy.product;
  check.signals.push_back(roll);
  {
    gui::ReleaseDialog blocked(frame, "A. Jansen", {}, check);
    blocked.SetReason(0, "eerder verdragen");
    CHECK_FALSE(blocked.releaseEnabled());
  }  // gone before the frame, which would destroy it as its child
  test::Close(frame);
}

TEST_CASE("a secretariat's window has no release action") {
  const std::string dir = test::MakeTempDir("zb-gui-release-secretariat");
  workstation::User user;
  auto w = test::LoggedIn(dir, user, "secretariaat");
  CHECK_FALSE(user.mayRelease);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  CHECK_FALSE(frame->ShortcutText().Contains("Ctrl+Shift+V"));
  CHECK_FALSE(frame->ShortcutText().Lower().Contains("vrijgeven"));
  test::Close(frame);
}

TEST_CASE("an order no pharmacy took prints as a paper prescription with the prescriber as DEZI identified them") {
  const test::ReleasesForgottenAtEnd forget;
  const std::string dir = test::MakeTempDir("zb-gui-paper");
  workstation::User user;
  auto w = test::LoggedIn(dir, user);
  auto* frame = new gui::MainFrame(*w, user);
  frame->Show();
  REQUIRE(frame->OpenPatient("999991000"));
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  auto* medication = dynamic_cast<gui::MedicationGrid*>(wxWindow::FindWindowByName("medication", frame));
  REQUIRE(medication);
  REQUIRE(StopFirstCurrentLine(frame, medication));
  // Sent to an organisation that takes no prescriptions (the hospital's URA): refused.
  const auto jansen = w->FindPatient(domain::Bsn::Parse("999991000").value()).value().value();
  const auto now = boost::posix_time::second_clock::universal_time();
  workstation::ReleaseRequest request;
  request.pharmacyUra = "90000403";
  REQUIRE(w->releases().Release(jansen, request, now).ok());
  const auto sent = w->releases().Send(now).value();
  REQUIRE(sent.size() == 2);
  REQUIRE(sent[0].state == workstation::DeliveryState::kRefused);
  REQUIRE(frame->OpenPatient("999991000"));  // the drafts tab is read again
  REQUIRE(WaitFor([&] { return !frame->lookupRunning(); }, 20s));
  REQUIRE(frame->overview().outboxRows() == 2);
  frame->overview().SelectOutbox(sent[0].id);
  CHECK(frame->overview().SelectedOutbox() == sent[0].id);
  CHECK_THAT(frame->WritePaperPrescription(sent[1].id, dir + "/record.pdf"), Catch::Contains("Geen papieren recept"));

  const char* shots = std::getenv("ZB_SCREENSHOT_DIR");
  const std::string pdf = shots ? std::string(shots) + "/prescription-jansen.pdf" : dir + "/recept.pdf";
  REQUIRE(frame->WritePaperPrescription(sent[0].id, pdf).empty());
  const std::string text = PdfText(dir, pdf);
  CHECK(text.find("Recept") != std::string::npos);
  CHECK(text.find("geweigerd: deze vrijgave is niet elektronisch") != std::string::npos);
  CHECK(text.find("DEZI-nummer " + user.audit.userId) != std::string::npos);
  CHECK(text.find("stoppen") != std::string::npos);
  CHECK(text.find("Niet elektronisch ondertekend") != std::string::npos);
  test::Close(frame);
}
