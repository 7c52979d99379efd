// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_frame.h"

#include <boost/date_time/posix_time/posix_time.hpp>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>

#include "domain/date_time.h"
#include "present/texts.h"

namespace zb::gui {

namespace {

enum MenuId { kRefresh = wxID_HIGHEST + 1, kCancel, kHistory, kFocusPatients };

std::string CategoryLabel(domain::PatientCategory c) {
  switch (c) {
    case domain::PatientCategory::kExpected: return "verwacht";
    case domain::PatientCategory::kAdmitted: return "opgenomen";
    case domain::PatientCategory::kTemporary: return "tijdelijk (ANW)";
  }
  return "";
}

std::string Header(const domain::RegisteredPatient& p) {
  std::string h = p.name + "   BSN " + p.bsn.digits();
  if (p.birthDate) {
    const auto today = boost::gregorian::day_clock::local_day();
    int age = today.year() - p.birthDate->year();
    if (today.month() < p.birthDate->month() || (today.month() == p.birthDate->month() && today.day() < p.birthDate->day())) --age;
    h += "   geboren " + domain::FormatDate(*p.birthDate) + " (" + std::to_string(age) + " jaar)";
  }
  return h;
}

}  // namespace

MainFrame::MainFrame(workstation::Workstation& workstation, const workstation::User& user)
    : wxFrame(nullptr, wxID_ANY, "Zorgbrug", wxDefaultPosition, wxSize(1400, 860)), m_workstation(workstation) {
  SetName("main");
  auto* bar = new wxMenuBar;
  auto* file = new wxMenu;
  file->Append(wxID_EXIT, "&Afsluiten\tCtrl+Q");
  bar->Append(file, "&Bestand");
  auto* patient = new wxMenu;
  patient->Append(kFocusPatients, wxString::FromUTF8("&Patiëntenlijst\tCtrl+L"));
  patient->Append(kRefresh, "&Vernieuwen\tF5");
  patient->Append(kCancel, "Ophalen &stoppen\tCtrl+.");
  bar->Append(patient, wxString::FromUTF8("&Patiënt"));
  auto* view = new wxMenu;
  view->AppendCheckItem(kHistory, "&Historie tonen\tCtrl+H");
  bar->Append(view, "&Beeld");
  SetMenuBar(bar);
  CreateStatusBar();
  SetStatusText(wxString::FromUTF8("Ingelogd als " + user.Describe()));

  auto* split = new wxSplitterWindow(this, wxID_ANY);
  m_patients = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  m_patients->SetName("patients");
  m_patients->InsertColumn(0, wxString::FromUTF8("Patiënt"), wxLIST_FORMAT_LEFT, 170);
  m_patients->InsertColumn(1, "Soort", wxLIST_FORMAT_LEFT, 110);
  m_overview = new OverviewPanel(split);
  split->SplitVertically(m_patients, m_overview, 300);
  split->SetMinimumPaneSize(200);

  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_patients->SetFocus(); }, kFocusPatients);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { AskSources(); }, kRefresh);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { CancelLookup(); }, kCancel);
  Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
    m_showHistory = e.IsChecked();
    Render();
  }, kHistory);
  m_patients->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    const auto i = static_cast<std::size_t>(e.GetIndex());
    if (i < m_list.size()) Open(m_list[i]);
  });
  FillPatients();
  m_patients->SetFocus();
}

MainFrame::~MainFrame() { CancelLookup(); }

void MainFrame::FillPatients() {
  m_list.clear();
  m_patients->DeleteAllItems();
  for (auto c : {domain::PatientCategory::kExpected, domain::PatientCategory::kAdmitted, domain::PatientCategory::kTemporary}) {
    auto list = m_workstation.store().patients().List(c);
    if (!list) {
      SetStatusText(wxString::FromUTF8("Patiëntenlijst niet te lezen: " + list.error().detail));
      continue;
    }
    for (auto& p : list.value()) {
      const long row = m_patients->InsertItem(m_patients->GetItemCount(), wxString::FromUTF8(p.name));
      m_patients->SetItem(row, 1, wxString::FromUTF8(CategoryLabel(c)));
      m_list.push_back(std::move(p));
    }
  }
}

bool MainFrame::OpenPatient(const std::string& bsn) {
  for (std::size_t i = 0; i < m_list.size(); ++i) {
    if (m_list[i].bsn.digits() != bsn) continue;
    m_patients->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    Open(m_list[i]);
    return true;
  }
  return false;
}

void MainFrame::Open(const domain::RegisteredPatient& p) {
  CancelLookup();
  m_current = p;
  m_overview->Clear();
  m_retrievedText.clear();
  // The stored retrieval first: something to read while the sources are asked, marked as not current.
  auto stored = m_workstation.OpenOffline(p);
  if (stored && stored.value()) {
    m_picture = std::move(stored.value()->picture);
    m_retrievedText = "Opgeslagen gegevens van " + domain::FormatDate(domain::NetherlandsDate(stored.value()->retrievedAt)) +
                      " — niet actueel; de bronnen worden nu opnieuw gevraagd.";
  } else {
    m_picture.reset();
  }
  Render();
  AskSources();
}

void MainFrame::AskSources() {
  if (!m_current) return;
  CancelLookup();
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : m_current->sources) {
    domain::SourceOutcome o;
    o.source = s.source;
    if (o.source.id.empty()) o.source.id = "ura-" + s.ura;
    o.ura = s.ura;
    expected.push_back(std::move(o));
  }
  auto fresh = std::make_unique<domain::PatientPicture>(m_current->bsn.digits(), expected);
  auto alive = m_guard.token();
  auto id = m_workstation.LookUp(
      *m_current,
      [this, alive](workstation::Workstation::LookupId lid, domain::SourceDelivery d) {
        auto shared = std::make_shared<domain::SourceDelivery>(std::move(d));
        PostTo<MainFrame>(alive, this, [lid, shared](MainFrame& f) { f.Delivered(lid, std::move(*shared)); });
      },
      [this, alive](workstation::Workstation::LookupId lid, workstation::LookupEnd end) {
        PostTo<MainFrame>(alive, this, [lid, end](MainFrame& f) { f.Ended(lid, end); });
      });
  if (!id) {
    SetStatusText(wxString::FromUTF8("Ophalen niet gestart: " + id.error().detail));
    return;
  }
  m_lookup = id.value();
  if (!m_picture) m_picture = std::move(fresh);
  else m_pending = std::move(fresh);
  SetStatusText(wxString::FromUTF8("Gegevens worden opgehaald bij " + std::to_string(expected.size()) + " bronnen…"), 0);
}

void MainFrame::Delivered(workstation::Workstation::LookupId id, domain::SourceDelivery d) {
  if (!m_lookup || *m_lookup != id) return;  // a late answer of an earlier lookup: never shown
  // The first fresh answer replaces the stored picture; from then on the fresh one grows.
  if (m_pending) {
    m_picture = std::move(m_pending);
    m_retrievedText.clear();
  }
  m_picture->Deliver(std::move(d));
  Render();
}

void MainFrame::Ended(workstation::Workstation::LookupId id, const workstation::LookupEnd& end) {
  if (!m_lookup || *m_lookup != id) return;
  m_lookup.reset();
  m_retrievedText = "Opgehaald " + domain::FormatDate(domain::NetherlandsDate(boost::posix_time::second_clock::universal_time())) +
                    (end.complete ? "" : " — onvolledig") + (end.saved ? "" : " — niet opgeslagen: " + end.saveError);
  SetStatusText(end.complete ? "Alle bronnen hebben geantwoord." : wxString::FromUTF8("Niet alle bronnen hebben gegevens geleverd."));
  Render();
}

void MainFrame::CancelLookup() {
  if (!m_lookup) return;
  m_workstation.Cancel(*m_lookup);
  m_lookup.reset();
  m_pending.reset();
}

void MainFrame::Render() {
  if (!m_current) return;
  m_overview->ShowHeader(Header(*m_current), m_retrievedText);
  if (!m_picture) return;
  const auto at = boost::posix_time::second_clock::universal_time();
  m_view = present::BuildOverviewView(*m_picture, m_picture->Consolidate(at), m_picture->Ica(at), m_showHistory);
  m_overview->Show(m_view);
}

}  // namespace zb::gui
