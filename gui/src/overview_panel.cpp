// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview_panel.h"

#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace zb::gui {

namespace {

wxListCtrl* MakeList(wxWindow* parent, const char* name, std::initializer_list<std::pair<const char*, int>> columns) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list->SetName(name);
  int i = 0;
  for (const auto& [title, width] : columns) list->InsertColumn(i++, wxString::FromUTF8(title), wxLIST_FORMAT_LEFT, width);
  return list;
}

void AddRow(wxListCtrl* list, std::initializer_list<std::string> cells) {
  const long row = list->InsertItem(list->GetItemCount(), wxString::FromUTF8(*cells.begin()));
  int column = 0;
  for (const auto& c : cells) {
    if (column > 0) list->SetItem(row, column, wxString::FromUTF8(c));
    ++column;
  }
}

wxColour ToneColour(present::Tone t) {
  switch (t) {
    case present::Tone::kGood: return wxColour(0xE6, 0xF4, 0xEA);
    case present::Tone::kNeutral: return wxColour(0xF1, 0xF3, 0xF4);
    case present::Tone::kWarning: return wxColour(0xFE, 0xF7, 0xE0);
    case present::Tone::kDanger: return wxColour(0xFC, 0xE8, 0xE6);
    case present::Tone::kPending: return wxColour(0xE8, 0xF0, 0xFE);
  }
  return *wxWHITE;
}

}  // namespace

OverviewPanel::OverviewPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("overview");
  auto* box = new wxBoxSizer(wxVERTICAL);
  m_header = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Kies een patiënt."));
  m_header->SetName("overview-header");
  m_header->SetFont(m_header->GetFont().Larger().Bold());
  box->Add(m_header, 0, wxALL, 8);
  m_retrieved = new wxStaticText(this, wxID_ANY, "");
  m_retrieved->SetName("overview-retrieved");
  box->Add(m_retrieved, 0, wxLEFT | wxRIGHT, 8);
  m_banner = new wxStaticText(this, wxID_ANY, "");
  m_banner->SetName("overview-banner");
  m_banner->SetBackgroundColour(wxColour(0xB3, 0x26, 0x1E));
  m_banner->SetForegroundColour(*wxWHITE);
  m_banner->SetFont(m_banner->GetFont().Bold());
  m_banner->Hide();
  box->Add(m_banner, 0, wxEXPAND | wxALL, 8);
  m_tabs = new wxNotebook(this, wxID_ANY);
  m_medication = MakeList(m_tabs, "medication", {{"Groep", 110}, {"Geneesmiddel", 260}, {"Dosering", 200}, {"Periode", 190}, {"Bron", 140}, {"GDS", 120}, {"Let op", 260}});
  m_ica = MakeList(m_tabs, "ica", {{"Soort", 130}, {"Wat", 260}, {"Details", 320}, {"Bron", 160}});
  m_sources = MakeList(m_tabs, "sources", {{"Bron", 240}, {"Status", 320}, {"Tijd", 240}, {"Toelichting", 400}});
  m_tabs->AddPage(m_medication, "&Medicatie");
  m_tabs->AddPage(m_ica, "&ICA");
  m_tabs->AddPage(m_sources, "&Bronnen");
  box->Add(m_tabs, 1, wxEXPAND | wxALL, 8);
  SetSizer(box);
}

void OverviewPanel::ShowHeader(const std::string& header, const std::string& retrieved) {
  m_header->SetLabel(wxString::FromUTF8(header));
  m_retrieved->SetLabel(wxString::FromUTF8(retrieved));
  Layout();
}

void OverviewPanel::Clear() {
  m_medication->DeleteAllItems();
  m_ica->DeleteAllItems();
  m_sources->DeleteAllItems();
  m_banner->Hide();
  Layout();
}

void OverviewPanel::Show(const present::OverviewView& view) {
  // Freeze: the lists are refilled as each source answers; repaint once, not per row.
  Freeze();
  m_banner->SetLabel(wxString::FromUTF8(view.banner));
  m_banner->Show(!view.banner.empty());
  if (!view.banner.empty()) m_banner->Wrap(GetClientSize().GetWidth() - 16);
  m_medication->DeleteAllItems();
  for (const auto& r : view.medication) {
    AddRow(m_medication, {r.group, (r.warning ? "⚠ " : "") + r.product, r.dose, r.period, r.sources, r.gds, r.marks});
  }
  m_ica->DeleteAllItems();
  for (const auto& r : view.ica) AddRow(m_ica, {r.kind, r.text, r.detail, r.sources});
  m_sources->DeleteAllItems();
  for (const auto& r : view.sources) {
    AddRow(m_sources, {r.name, r.status, r.timing, r.detail});
    m_sources->SetItemBackgroundColour(m_sources->GetItemCount() - 1, ToneColour(r.tone));
  }
  Layout();
  Thaw();
}

}  // namespace zb::gui
