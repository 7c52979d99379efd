// SPDX-License-Identifier: GPL-3.0-or-later
#include "patients_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "i18n.h"
#include "present/patient_search.h"
#include "present/tr.h"

namespace zb::gui {

namespace {

wxListCtrl* MakePatientList(wxWindow* parent, const char* name) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list->SetName(name);
  list->InsertColumn(0, T("Naam"), wxLIST_FORMAT_LEFT, 150);
  list->InsertColumn(1, T("Geboren"), wxLIST_FORMAT_LEFT, 90);
  list->InsertColumn(2, T("Locatie"), wxLIST_FORMAT_LEFT, 110);
  return list;
}

std::string Located(const domain::RegisteredPatient& p) {
  if (p.category == domain::PatientCategory::kExpected && p.expectedOn)
    return present::Fmt("verwacht {0}", {domain::FormatDate(*p.expectedOn)});
  return p.location;
}

}  // namespace

PatientsPanel::PatientsPanel(wxWindow* parent, workstation::Workstation& workstation, OnOpen onOpen)
    : wxPanel(parent, wxID_ANY), m_workstation(workstation), m_onOpen(std::move(onOpen)) {
  SetName("patients-panel");
  auto* box = new wxBoxSizer(wxVERTICAL);
  m_tabs = new wxNotebook(this, wxID_ANY);
  m_tabs->SetName("patient-tabs");
  const char* names[] = {"patients-expected", "patients-admitted", "patients-temporary"};
  const char* titles[] = {N_("Verwacht"), N_("Opgenomen"), N_("Tijdelijk")};
  // What to do when a list is empty, said where the list would be.
  const char* hints[] = {N_("Geen verwachte opnames. Registreer een patiënt die komt met Ctrl+N."),
                         N_("Nog geen bewoners. Registreer met Ctrl+N, of zoek op BSN en geboortedatum (Ctrl+K)."),
                         N_("Geen tijdelijke (ANW) patiënten. Zoek op BSN en geboortedatum (Ctrl+K) of registreer "
                            "met Ctrl+N.")};
  for (int i = 0; i < 3; ++i) {
    auto* page = new wxPanel(m_tabs);
    auto* pageBox = new wxBoxSizer(wxVERTICAL);
    m_tabsData[i].hint = new wxStaticText(page, wxID_ANY, T(hints[i]));
    m_tabsData[i].hint->SetName("patients-empty-hint");
    pageBox->Add(m_tabsData[i].hint, 0, wxEXPAND | wxALL, 8);
    m_tabsData[i].list = MakePatientList(page, names[i]);
    pageBox->Add(m_tabsData[i].list, 1, wxEXPAND);
    page->SetSizer(pageBox);
    m_tabs->AddPage(page, T(titles[i]));
  }
  auto* search = new wxPanel(m_tabs);
  auto* sbox = new wxBoxSizer(wxVERTICAL);
  sbox->Add(new wxStaticText(search, wxID_ANY, T("&BSN:")), 0, wxLEFT | wxTOP, 6);
  m_bsn = new wxTextCtrl(search, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  m_bsn->SetName("search-bsn");
  sbox->Add(m_bsn, 0, wxEXPAND | wxALL, 6);
  sbox->Add(new wxStaticText(search, wxID_ANY, T("&Geboortedatum (dd-mm-jjjj):")), 0, wxLEFT, 6);
  m_birth = new wxTextCtrl(search, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  m_birth->SetName("search-birthdate");
  sbox->Add(m_birth, 0, wxEXPAND | wxALL, 6);
  auto* go = new wxButton(search, wxID_ANY, T("&Zoeken"));
  go->SetName("search-go");
  sbox->Add(go, 0, wxALL, 6);
  m_message = new wxStaticText(search, wxID_ANY, "");
  m_message->SetName("search-message");
  sbox->Add(m_message, 0, wxEXPAND | wxALL, 6);
  // Nobody found: the next step is offered right there (an on-call patient is often not known yet).
  m_register = new wxButton(search, wxID_ANY, T("&Tijdelijke patiënt registreren…"));
  m_register->SetName("search-register");
  m_register->Hide();
  sbox->Add(m_register, 0, wxALL, 6);
  m_tabsData[3].list = MakePatientList(search, "patients-found");
  sbox->Add(m_tabsData[3].list, 1, wxEXPAND | wxALL, 6);
  search->SetSizer(sbox);
  m_tabs->AddPage(search, T("&Zoeken"));
  box->Add(m_tabs, 1, wxEXPAND);
  SetSizer(box);

  for (auto& tab : m_tabsData) {
    tab.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this, &tab](wxListEvent& e) {
      const auto i = static_cast<std::size_t>(e.GetIndex());
      if (i < tab.rows.size()) m_onOpen(tab.rows[i]);
    });
  }
  go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RunSearch(); });
  m_register->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const auto parsed = present::ParseSearch(m_bsn->GetValue().utf8_string(), m_birth->GetValue().utf8_string(),
                                             boost::gregorian::day_clock::local_day());
    if (parsed.query && onRegisterTemporary) onRegisterTemporary(parsed.query->bsn, parsed.query->birthDate);
  });
  // An error shown for a field goes away as soon as the field is right (checked on every key).
  for (auto* field : {m_bsn, m_birth}) {
    field->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
      e.Skip();
      if (!m_showingErrors) return;
      const auto parsed = present::ParseSearch(m_bsn->GetValue().utf8_string(), m_birth->GetValue().utf8_string(),
                                               boost::gregorian::day_clock::local_day());
      std::string text = parsed.errors.bsn;
      if (!parsed.errors.birthDate.empty()) text += (text.empty() ? "" : "\n") + parsed.errors.birthDate;
      m_message->SetLabel(U(text));
      m_showingErrors = !text.empty();
    });
  }
  m_bsn->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { m_birth->SetFocus(); });
  m_birth->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { RunSearch(); });
  Reload();
}

void PatientsPanel::Fill(Tab& tab, std::vector<domain::RegisteredPatient> rows) {
  tab.list->DeleteAllItems();
  tab.rows = std::move(rows);
  bool located = false;
  for (const auto& p : tab.rows) {
    const long row = tab.list->InsertItem(tab.list->GetItemCount(), U(p.name));
    tab.list->SetItem(row, 1, U(p.birthDate ? domain::FormatDate(*p.birthDate) : std::string()));
    tab.list->SetItem(row, 2, U(Located(p)));
    located = located || !Located(p).empty();
  }
  // An empty column is noise: "Locatie" shows only when some patient in the list has one.
  constexpr int kLocationWidth = 110;
  tab.list->SetColumnWidth(2, located ? kLocationWidth : 0);
  if (tab.hint) {
    tab.hint->Show(tab.rows.empty());
    tab.hint->GetParent()->Layout();
  }
}

void PatientsPanel::Reload() {
  m_all.clear();
  const domain::PatientCategory categories[] = {domain::PatientCategory::kExpected, domain::PatientCategory::kAdmitted,
                                                domain::PatientCategory::kTemporary};
  for (int i = 0; i < 3; ++i) {
    auto list = m_workstation.ListPatients(categories[i]);
    if (!list) {
      m_message->SetLabel(TF("Patiëntenlijst niet te lezen: {0}", {list.error().detail}));
      Fill(m_tabsData[i], {});
      continue;
    }
    m_all.insert(m_all.end(), list.value().begin(), list.value().end());
    Fill(m_tabsData[i], std::move(list.value()));
  }
}

void PatientsPanel::ShowTab(int index) {
  if (index < 0 || index > 3) return;
  m_tabs->SetSelection(static_cast<std::size_t>(index));
  if (index < 3) m_tabsData[index].list->SetFocus();
}

void PatientsPanel::FocusSearch() {
  m_tabs->SetSelection(3);
  m_bsn->SetFocus();
}

void PatientsPanel::Search(const std::string& bsn, const std::string& birthDate) {
  m_bsn->ChangeValue(U(bsn));
  m_birth->ChangeValue(U(birthDate));
  m_tabs->SetSelection(3);
  RunSearch();
}

void PatientsPanel::RunSearch() {
  const auto parsed = present::ParseSearch(m_bsn->GetValue().utf8_string(), m_birth->GetValue().utf8_string(),
                                           boost::gregorian::day_clock::local_day());
  if (!parsed.query) {
    std::string text = parsed.errors.bsn;
    if (!parsed.errors.birthDate.empty()) text += (text.empty() ? "" : "\n") + parsed.errors.birthDate;
    m_message->SetLabel(U(text));
    m_showingErrors = true;
    m_register->Hide();
    Fill(m_tabsData[3], {});
    (parsed.errors.bsn.empty() ? m_birth : m_bsn)->SetFocus();
    return;
  }
  m_showingErrors = false;
  auto found = present::FindPatients(m_all, *parsed.query);
  m_message->SetLabel(found.empty() ? T("Niemand gevonden met dit BSN en deze geboortedatum.")
                                    : TF("{0} gevonden; Enter opent.", {std::to_string(found.size())}));
  m_register->Show(found.empty());
  Fill(m_tabsData[3], std::move(found));
  if (!m_tabsData[3].rows.empty()) {
    m_tabsData[3].list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_tabsData[3].list->SetFocus();
  }
  Layout();
}

wxString PatientsPanel::searchMessage() const { return m_message->GetLabel(); }

std::optional<domain::RegisteredPatient> PatientsPanel::Selected() const {
  const int tab = m_tabs->GetSelection();
  if (tab < 0 || tab > 3) return std::nullopt;
  const auto& t = m_tabsData[tab];
  const long row = t.list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= t.rows.size()) return std::nullopt;
  return t.rows[static_cast<std::size_t>(row)];
}

bool PatientsPanel::Select(const std::string& bsn) {
  for (int i = 0; i < 3; ++i) {
    auto& t = m_tabsData[i];
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.rows[r].bsn.digits() != bsn) continue;
      m_tabs->SetSelection(static_cast<std::size_t>(i));
      t.list->SetItemState(static_cast<long>(r), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      return true;
    }
  }
  return false;
}

}  // namespace zb::gui
