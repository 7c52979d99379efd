// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call report screens with the real chain of two organisations: the covering SO writes a
// report in the editor (what is missing for signing listed while typing), sees it on the shift tab,
// signs and sends it to the patient's own organisation; that organisation's SO sees it first in the
// inbox, reads it pulled live and acknowledges it; the sender's outbox then says who read it.
// Screenshots: report-editor, report-shift, report-inbox, report-reader, report-todos, report-outbox.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <catch2/catch.hpp>

#include "domain/open_substance_groups.h"
#include "gui_support.h"
#include "report_center.h"
#include "report_editor.h"
#include "report_reader.h"
#include "stored_lookup.h"
#include "tone.h"
#include "workstation/patient_session.h"

using namespace zb;
using test::Screenshot;
using test::WaitFor;
using namespace std::chrono_literals;

TEST_CASE("an on-call report is written, sent, read and acknowledged through the report screens") {
  const std::string started = test::World().StartSecondGateway();
  REQUIRE(started.empty());
  const std::string dir = test::MakeTempDir("zb-gui-reports");
  workstation::User user;
  auto w = test::LoggedIn(dir, user, "so");
  const auto jansen = w->FindPatient(domain::Bsn::Parse("999991000").value()).value().value();

  // Her overview as the covering SO sees it (looked up through the gateway, stored): the context.
  test::LookUpAndStore(*w, jansen);
  const auto stored = w->OpenOffline(jansen).value();
  REQUIRE(stored);
  const auto context =
      workstation::ReportContextOf(*stored->picture, stored->retrievedAt,
                                   boost::posix_time::second_clock::universal_time(), domain::OpenSubstanceGroups());
  REQUIRE_FALSE(context.medication.empty());

  auto* frame = new wxFrame(nullptr, wxID_ANY, "Zorgbrug");
  auto* center = new gui::ReportCenter(frame, *w, jansen, context);
  center->Show();
  REQUIRE(WaitFor([&] { return !center->busy(); }, 20s));

  const auto now = boost::posix_time::second_clock::universal_time();
  // "Nieuw verslag…" hands the editor a draft that carries the overview.
  std::optional<domain::LocumReport> opened;
  center->editNew = [&](const domain::LocumReport& r) {
    opened = r;
    return std::optional<domain::LocumReport>{};  // not saved: the editor below writes the report
  };
  center->NewReport();
  REQUIRE(opened);
  REQUIRE(opened->context);
  CHECK(*opened->context == context);
  auto fresh = *opened;
  // Called yesterday evening (20:00 Dutch time); read this morning.
  const auto today = domain::NetherlandsDate(now);
  fresh.contact.start = domain::StartOfNetherlandsDay(today) - boost::posix_time::hours(4);
  const auto yesterday = domain::NetherlandsDate(fresh.contact.start);
  {
    auto* editor = new gui::ReportEditor(center, fresh);
    editor->Show();
    auto* problems = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("report-problems", editor));
    REQUIRE(problems);
    CHECK_THAT(problems->GetLabel().utf8_string(), Catch::Contains("reden van contact ontbreekt"));
    editor->Set("reason", "Gevallen op de kamer, pijn linkerheup");
    editor->Set("subjective", "Pijn bij staan, niet bewusteloos geweest");
    editor->Set("objective", "Geen verkorting of exorotatie; RR 132/78, pols 88");
    editor->Set("evaluation", "Val zonder aanwijzing voor fractuur");
    editor->Set("plan", "Paracetamol 1000 mg zo nodig, max 3 dd; morgen mobiliseren met fysio");
    editor->Set("agreements", "Dochter telefonisch ingelicht");
    editor->Set("requests", "Heup opnieuw beoordelen;" + domain::FormatDate(today) + ";spoed\nDochter terugbellen;" +
                                domain::FormatDate(yesterday));
    // The context is on by default, says what it holds, and can be left out.
    auto* keep = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("report-context", editor));
    REQUIRE(keep);
    CHECK(keep->GetValue());
    CHECK_THAT(keep->GetLabel().utf8_string(),
               Catch::Contains(std::to_string(context.medication.size()) + " medicatieregel(s)"));
    keep->SetValue(false);
    CHECK_FALSE(editor->Report().context);
    keep->SetValue(true);
    auto report = editor->Report();
    REQUIRE(report.context);
    report.contact.urgency = 2;
    wxYield();
    Screenshot(editor, "report-editor");
    CHECK(center->SaveDraft(report) == "Concept opgeslagen.");
    editor->Destroy();
  }
  REQUIRE(center->shiftList()->GetItemCount() == 1);
  CHECK(center->shiftList()->GetItemText(0, 0).utf8_string() == "A. Jansen");
  CHECK(center->shiftList()->GetItemText(0, 4).utf8_string() == "concept: nog ondertekenen");
  Screenshot(center, "report-shift");

  // Sent to the own organisation's SO team at De Berk: its teams are asked first, one is chosen.
  std::vector<workstation::ReportTeam> offered;
  center->chooseTeam = [&](const std::vector<workstation::ReportTeam>& teams) {
    offered = teams;
    return std::optional<workstation::ReportTeam>(teams.at(0));
  };
  center->SendTo({0}, "90000381");
  REQUIRE(WaitFor([&] { return !center->busy(); }, 30s));
  REQUIRE(offered.size() == 2);
  CHECK(offered[0].name == "SO-team De Berk");
  CHECK(offered[1].location == "Locatie De Eik");
  CHECK(center->shiftList()->GetItemText(0, 4).utf8_string() ==
        "verzonden (tabblad Verzonden: stand bij de ontvanger)");

  // The patient's own SO at organisation 02.
  const std::string dirB = test::MakeTempDir("zb-gui-reports-b");
  auto configB = test::ConfigIn(dirB);
  configB.gateway = test::World().secondGatewayUrl();
  auto b = std::move(workstation::Workstation::Open(configB).value());
  REQUIRE(b->LogIn({"andere-ura", test::World().caFile(), nullptr}, std::chrono::seconds(20)).ok());
  auto* inboxSide = new gui::ReportCenter(frame, *b, std::nullopt);
  inboxSide->Show();
  REQUIRE(WaitFor([&] { return !inboxSide->busy(); }, 20s));
  inboxSide->ShowTab(2);
  REQUIRE(inboxSide->inboxList()->GetItemCount() == 1);
  // The list says whom and what it is about (pulled for the list, still new), and its badges.
  CHECK(inboxSide->inboxList()->GetItemText(0, 0).utf8_string() == "A. Jansen");
  CHECK(inboxSide->inboxList()->GetItemText(0, 2).utf8_string() == "Gevallen op de kamer, pijn linkerheup");
  CHECK(inboxSide->inboxList()->GetItemText(0, 3).utf8_string() == "U2");
  CHECK(inboxSide->inboxList()->GetItemText(0, 4).utf8_string() == "2 verzoek(en)");
  CHECK_THAT(inboxSide->inboxList()->GetItemText(0, 5).utf8_string(),
             Catch::StartsWith("A. de Vries, Tést Zorginstelling 01"));
  CHECK(inboxSide->inboxList()->GetItemText(0, 6).utf8_string() == "nieuw");
  CHECK(inboxSide->inboxList()->GetItemText(0, 7).utf8_string() == "SO-team De Berk");
  // The team filter: De Eik's list does not have it, De Berk's does.
  inboxSide->ShowTeam("so-eik");
  CHECK(inboxSide->inboxList()->GetItemCount() == 0);
  inboxSide->ShowTeam("so-berk");
  REQUIRE(inboxSide->inboxList()->GetItemCount() == 1);
  {  // Chosen in the window, the team is remembered for this user: the next window opens on it.
    auto* choice = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("report-inbox-team", inboxSide));
    REQUIRE(choice);
    REQUIRE(choice->GetCount() == 3);
    choice->SetSelection(1);
    wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
    chosen.SetEventObject(choice);
    choice->GetEventHandler()->ProcessEvent(chosen);
    CHECK(b->LoadPreferences().value().inboxTeam == "so-berk");
    auto* again = new gui::ReportCenter(frame, *b, std::nullopt);
    again->Show();
    REQUIRE(WaitFor([&] { return !again->busy(); }, 20s));
    auto* remembered = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("report-inbox-team", again));
    REQUIRE(remembered);
    CHECK(remembered->GetStringSelection().utf8_string() == "SO-team De Berk");
    CHECK(again->inboxList()->GetItemCount() == 1);
    again->Destroy();
  }
  Screenshot(inboxSide, "report-inbox");

  std::optional<workstation::PulledLocumReport> pulled;
  inboxSide->onPulled = [&](const workstation::PulledLocumReport& p) { pulled = p; };
  inboxSide->Read(0);
  REQUIRE(WaitFor([&] { return pulled.has_value() && !inboxSide->busy(); }, 20s));
  {
    auto* reader = new gui::ReportReader(inboxSide, *pulled);
    reader->Show();
    CHECK_THAT(reader->text(), Catch::Contains("Gevallen op de kamer") && Catch::Contains("Heup opnieuw beoordelen") &&
                                   Catch::Contains("Dochter telefonisch ingelicht") &&
                                   Catch::Contains("Overzicht bij het contact (context)") &&
                                   Catch::Contains(context.medication.front()));
    REQUIRE(pulled->report.context);
    CHECK(*pulled->report.context == context);
    Screenshot(reader, "report-reader");
    reader->Destroy();
  }
  inboxSide->Acknowledge(0);
  REQUIRE(WaitFor([&] { return !inboxSide->busy(); }, 20s));
  REQUIRE(WaitFor([&] { return !inboxSide->busy(); }, 20s));  // the reload after it
  CHECK_THAT(inboxSide->inboxList()->GetItemText(0, 6).utf8_string(),
             Catch::StartsWith("gelezen en overgenomen door K. Visser"));

  // The requests are the organisation's to-dos: open first by due date; yesterday's is late (red).
  inboxSide->ShowTab(3);
  auto* todos = inboxSide->todoList();
  REQUIRE(todos->GetItemCount() == 2);
  CHECK(todos->GetItemText(0, 0).utf8_string() == "A. Jansen");
  CHECK(todos->GetItemText(0, 1).utf8_string() == "Dochter terugbellen");
  CHECK(todos->GetItemText(0, 2).utf8_string() == domain::FormatDate(yesterday));
  CHECK(todos->GetItemText(0, 5).utf8_string() == "te laat");
  CHECK(todos->GetItemBackgroundColour(0) == gui::ToneColour(present::Tone::kDanger));
  CHECK(todos->GetItemText(1, 1).utf8_string() == "Heup opnieuw beoordelen");
  CHECK(todos->GetItemText(1, 3).utf8_string() == "spoed");
  CHECK(todos->GetItemText(1, 5).utf8_string() == "open");
  CHECK(todos->GetItemText(1, 4).utf8_string() == "Tést Zorginstelling 01");
  Screenshot(inboxSide, "report-todos");
  inboxSide->CompleteTodo(0);
  REQUIRE(WaitFor([&] { return !inboxSide->busy(); }, 20s));
  REQUIRE(WaitFor([&] { return !inboxSide->busy(); }, 20s));  // the reload after it
  CHECK(inboxSide->status() == "Verzoek afgerond; de verzender ziet het.");
  REQUIRE(todos->GetItemCount() == 2);
  CHECK(todos->GetItemText(0, 1).utf8_string() == "Heup opnieuw beoordelen");  // open ones first
  CHECK(todos->GetItemText(1, 1).utf8_string() == "Dochter terugbellen");
  CHECK_THAT(todos->GetItemText(1, 5).utf8_string(), Catch::StartsWith("afgerond door K. Visser (DEZI 900000048)"));
  CHECK(todos->GetItemBackgroundColour(1) != gui::ToneColour(present::Tone::kDanger));
  inboxSide->ShowOpenTodosOnly(true);
  REQUIRE(todos->GetItemCount() == 1);
  CHECK(todos->GetItemText(0, 1).utf8_string() == "Heup opnieuw beoordelen");
  inboxSide->ShowOpenTodosOnly(false);
  CHECK(todos->GetItemCount() == 2);

  center->Reload();
  REQUIRE(WaitFor([&] { return !center->busy(); }, 20s));
  center->ShowTab(1);
  REQUIRE(center->outboxList()->GetItemCount() == 1);
  CHECK(center->outboxList()->GetItemText(0, 3).utf8_string() == "gelezen en overgenomen");
  CHECK(center->outboxList()->GetItemText(0, 5).utf8_string() == "1/2 afgerond");
  CHECK_THAT(center->outboxList()->GetItemText(0, 4).utf8_string(), Catch::Contains("K. Visser (DEZI 900000048)"));
  Screenshot(center, "report-outbox");

  // A second report, for an organisation that is on no Discovery Service: no endpoint, so the PDF
  // goes by secure mail and the physician confirms it ("afgeleverd").
  auto second = w->reports().New(jansen, now).value();
  second.contact.start = now - boost::posix_time::minutes(20);
  second.contact.urgency = 4;
  second.reason = "Vraag over pijnstilling";
  second.evaluation = "Pijn goed onder controle";
  second.plan = "Beleid ongewijzigd";
  CHECK(center->SaveDraft(second) == "Concept opgeslagen.");
  // And one for another patient of that home: both selected, sent in one action, each on its own.
  const auto deBoer = w->FindPatient(domain::Bsn::Parse("999990019").value()).value().value();
  auto third = w->reports().New(deBoer, now).value();
  third.contact.start = now - boost::posix_time::minutes(10);
  third.reason = "Onrustig, roept";
  third.evaluation = "Delier niet uitgesloten";
  third.plan = "Morgen beoordelen";
  CHECK(center->SaveDraft(third) == "Concept opgeslagen.");
  for (long r = 0; r < center->shiftList()->GetItemCount(); ++r) {
    const auto reason = center->shiftList()->GetItemText(r, 2).utf8_string();
    if (reason == "Vraag over pijnstilling" || reason == "Onrustig, roept")
      center->shiftList()->SetItemState(r, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  }
  REQUIRE(center->shiftList()->GetSelectedItemCount() == 2);
  std::vector<long> rows;
  for (long r = 0; r < center->shiftList()->GetItemCount(); ++r)
    if (center->shiftList()->GetItemState(r, wxLIST_STATE_SELECTED)) rows.push_back(r);
  CHECK(center->SignAndSend(rows, "90000999") == "2 verslagen ondertekend; elk wordt apart verzonden…");
  REQUIRE(WaitFor([&] { return !center->busy(); }, 30s));
  REQUIRE(WaitFor([&] { return !center->busy(); }, 30s));  // the reload after it
  long mailed = -1, mailedToo = -1;
  for (long r = 0; r < center->outboxList()->GetItemCount(); ++r) {
    if (center->outboxList()->GetItemText(r, 1).utf8_string() != "90000999") continue;
    if (center->outboxList()->GetItemText(r, 0).utf8_string().rfind("A. Jansen", 0) == 0) mailed = r;
    if (center->outboxList()->GetItemText(r, 0).utf8_string().rfind("B. de Boer", 0) == 0) mailedToo = r;
  }
  REQUIRE(mailed >= 0);
  REQUIRE(mailedToo >= 0);
  CHECK_THAT(center->outboxList()->GetItemText(mailedToo, 3).utf8_string(),
             Catch::StartsWith("ontvanger niet bereikbaar via Nuts"));
  CHECK_THAT(center->outboxList()->GetItemText(mailed, 3).utf8_string(),
             Catch::StartsWith("ontvanger niet bereikbaar via Nuts"));
  CHECK(center->ConfirmDelivered(mailed) == "Afgeleverd bevestigd.");
  REQUIRE(WaitFor([&] { return !center->busy(); }, 20s));
  bool confirmed = false;
  for (long r = 0; r < center->outboxList()->GetItemCount(); ++r)
    confirmed = confirmed || center->outboxList()->GetItemText(r, 3).utf8_string() == "handmatig afgeleverd";
  CHECK(confirmed);
  test::Close(frame);
}
