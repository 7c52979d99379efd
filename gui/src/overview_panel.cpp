// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview_panel.h"

#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "dialog_buttons.h"
#include "i18n.h"
#include "medication_grid.h"
#include "present/line_detail.h"
#include "present/tr.h"
#include "tone.h"

namespace zb::gui {

namespace {

wxListCtrl* MakeList(wxWindow* parent, const char* name, std::initializer_list<std::pair<const char*, int>> columns) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list->SetName(name);
  int i = 0;
  for (const auto& [title, width] : columns) list->InsertColumn(i++, T(title), wxLIST_FORMAT_LEFT, width);
  return list;
}

void AddRow(wxListCtrl* list, std::initializer_list<std::string> cells) {
  const long row = list->InsertItem(list->GetItemCount(), U(*cells.begin()));
  int column = 0;
  for (const auto& c : cells) {
    if (column > 0) list->SetItem(row, column, U(c));
    ++column;
  }
}

}  // namespace

OverviewPanel::OverviewPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("overview");
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* titleRow = new wxBoxSizer(wxHORIZONTAL);
  m_title = new wxStaticText(this, wxID_ANY, T("Kies een patiënt."));
  m_title->SetName("overview-header");
  m_title->SetFont(m_title->GetFont().Larger().Larger().Bold());
  titleRow->Add(m_title, 0, wxALIGN_CENTER_VERTICAL);
  m_gds = new wxStaticText(this, wxID_ANY, " GDS ");  // not-ui: the same abbreviation in every language
  m_gds->SetName("overview-gds");
  m_gds->SetToolTip(T("Een of meer actuele geneesmiddelen komen in de GDS-rol (Baxter)."));
  m_gds->SetBackgroundColour(wxColour(0x1A, 0x73, 0xE8));
  m_gds->SetForegroundColour(*wxWHITE);
  m_gds->SetFont(m_gds->GetFont().Bold());
  m_gds->Hide();
  titleRow->Add(m_gds, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
  box->Add(titleRow, 0, wxLEFT | wxRIGHT | wxTOP, 8);
  m_identity = new wxStaticText(this, wxID_ANY, "");
  m_identity->SetName("overview-identity");
  box->Add(m_identity, 0, wxLEFT | wxRIGHT | wxTOP, 4);
  m_icaPanel = new wxPanel(this);
  m_icaPanel->SetName("ica-strip");
  m_icaStrip = new wxWrapSizer(wxHORIZONTAL);
  m_icaPanel->SetSizer(m_icaStrip);
  box->Add(m_icaPanel, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  m_chipPanel = new wxPanel(this);
  m_chips = new wxWrapSizer(wxHORIZONTAL);
  m_chipPanel->SetSizer(m_chips);
  box->Add(m_chipPanel, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  m_freshness = new wxStaticText(this, wxID_ANY, "");
  m_freshness->SetName("overview-retrieved");
  box->Add(m_freshness, 0, wxLEFT | wxRIGHT, 8);
  m_pharmacy = new wxStaticText(this, wxID_ANY, "");
  m_pharmacy->SetName("overview-pharmacy");
  box->Add(m_pharmacy, 0, wxLEFT | wxRIGHT | wxTOP, 8);
  m_banner = new wxStaticText(this, wxID_ANY, "");
  m_banner->SetName("overview-banner");
  m_banner->SetBackgroundColour(wxColour(0xB3, 0x26, 0x1E));
  m_banner->SetForegroundColour(*wxWHITE);
  m_banner->SetFont(m_banner->GetFont().Bold());
  m_banner->Hide();
  box->Add(m_banner, 0, wxEXPAND | wxALL, 8);

  m_tabs = new wxNotebook(this, wxID_ANY);
  m_tabs->SetName("overview-tabs");
  auto* medPage = new wxPanel(m_tabs);
  auto* medBox = new wxBoxSizer(wxVERTICAL);
  auto* filterRow = new wxBoxSizer(wxHORIZONTAL);
  filterRow->Add(new wxStaticText(medPage, wxID_ANY, T("&Filter:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  m_filter = new wxTextCtrl(medPage, wxID_ANY);
  m_filter->SetName("medication-filter");
  m_filter->SetHint(T("geneesmiddel, bron, groep… (Ctrl+F)"));
  filterRow->Add(m_filter, 1);
  medBox->Add(filterRow, 0, wxEXPAND | wxALL, 4);
  // What the list leaves out or marks, on its own line: beside the filter it squeezed the field
  // to nothing on a 1024-pixel screen.
  auto* infoRow = new wxBoxSizer(wxHORIZONTAL);
  m_changes = new wxStaticText(medPage, wxID_ANY, "");
  m_changes->SetName("medication-changes");
  infoRow->Add(m_changes, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  m_hidden = new wxStaticText(medPage, wxID_ANY, "");
  m_hidden->SetName("medication-hidden");
  infoRow->Add(m_hidden, 0, wxALIGN_CENTER_VERTICAL);
  medBox->Add(infoRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
  auto* split = new wxSplitterWindow(medPage, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
  m_medication = new MedicationGrid(split);
  m_medication->SetName("medication");
  // Below the list: the line's detail as a clinician reads it, and the ids and status trace
  // behind a "Technische details" expander for whoever has to trace a line back to its source.
  auto* detailPane = new wxPanel(split);
  auto* detailBox = new wxBoxSizer(wxVERTICAL);
  m_detail = new wxTextCtrl(detailPane, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  m_detail->SetName("medication-detail");
  m_detail->SetHint(T("Kies een regel: hier staan de bouwstenen erachter en hoe de status is bepaald."));
  detailBox->Add(m_detail, 1, wxEXPAND);
  m_technicalPane = new wxCollapsiblePane(detailPane, wxID_ANY, T("Technische details"));
  m_technicalPane->SetName("medication-technical-pane");
  m_technical = new wxTextCtrl(m_technicalPane->GetPane(), wxID_ANY, "", wxDefaultPosition, wxSize(-1, 120),
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  m_technical->SetName("medication-technical");
  auto* technicalBox = new wxBoxSizer(wxVERTICAL);
  technicalBox->Add(m_technical, 1, wxEXPAND);
  m_technicalPane->GetPane()->SetSizer(technicalBox);
  m_technicalPane->Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [detailPane](wxCollapsiblePaneEvent&) { detailPane->Layout(); });
  detailBox->Add(m_technicalPane, 0, wxEXPAND);
  detailPane->SetSizer(detailBox);
  split->SplitHorizontally(m_medication, detailPane, -190);
  split->SetMinimumPaneSize(80);
  // The detail pane takes a quarter of the height (up to 220 px): on a 700-pixel screen the list
  // must still show several lines.
  split->Bind(wxEVT_SIZE, [split](wxSizeEvent& e) {
    e.Skip();
    constexpr int kMostDetail = 220;
    const int height = e.GetSize().GetHeight();
    split->SetSashPosition(height - std::min(kMostDetail, height / 4));
  });
  medBox->Add(split, 1, wxEXPAND);
  medPage->SetSizer(medBox);
  m_ica = MakeList(m_tabs, "ica", {{N_("Soort"), 130}, {N_("Wat"), 260}, {N_("Details"), 320}, {N_("Bron"), 160}});
  m_sources = MakeList(
      m_tabs, "sources",
      {{N_("Bron"), 290}, {N_("Telefoon"), 110}, {N_("Status"), 300}, {N_("Tijd"), 230}, {N_("Toelichting"), 400}});
  m_tabs->AddPage(medPage, T("&Medicatie"));
  m_tabs->AddPage(m_ica, T("&ICA"));
  m_tabs->AddPage(m_sources, T("&Bronnen"));
  auto* draftPage = new wxPanel(m_tabs);
  auto* draftBox = new wxBoxSizer(wxVERTICAL);
  auto* note = new wxStaticText(draftPage, wxID_ANY, U(present::DraftsNotSentNote()));
  note->SetName("drafts-note");
  draftBox->Add(note, 0, wxALL, 6);
  m_drafts = MakeList(draftPage, "drafts",
                      {{N_("Actie"), 100},
                       {N_("Medicatie"), 250},
                       {N_("Status"), 240},
                       {N_("Reden"), 210},
                       {N_("Nieuwe dosering"), 180},
                       {N_("Door"), 210}});
  draftBox->Add(m_drafts, 2, wxEXPAND);
  auto* sent = new wxStaticText(draftPage, wxID_ANY, T("Vrijgegeven (uitgaande berichten):"));
  draftBox->Add(sent, 0, wxLEFT | wxTOP | wxRIGHT, 6);
  m_outbox = MakeList(draftPage, "outbox",
                      // State and answer first: what the physician reads on a small screen.
                      {{N_("Ontvanger"), 250},
                       {N_("Status"), 300},
                       {N_("Antwoord van de ontvanger"), 520},
                       {N_("Soort"), 160},
                       {N_("Pogingen"), 70}});
  draftBox->Add(m_outbox, 1, wxEXPAND);
  draftPage->SetSizer(draftBox);
  // The note is wrapped to the page's width on every resize (a 1024-pixel screen cuts it otherwise).
  draftPage->Bind(wxEVT_SIZE, [note, draftPage](wxSizeEvent& e) {
    e.Skip();
    note->SetLabel(U(present::DraftsNotSentNote()));
    note->Wrap(std::max(200, e.GetSize().GetWidth() - 16));
    draftPage->Layout();
  });
  m_tabs->AddPage(draftPage, T("C&oncepten"));
  box->Add(m_tabs, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
  SetSizer(box);

  m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { FillMedication(); });
  m_medication->onSelect = [this](long row) { ShowDetail(row); };
  m_ica->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { ShowIcaDetail(e.GetIndex()); });
  // The banner is wrapped to the width it has, again on every resize (wx wraps only when told).
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (!m_view.banner.empty()) {
      m_banner->SetLabel(U(m_view.banner));
      m_banner->Wrap(e.GetSize().GetWidth() - 24);
    }
    if (!m_pharmacyText.empty()) {  // the pharmacy line likewise: two or three lines rather than cut
      m_pharmacy->SetLabel(U(m_pharmacyText));
      m_pharmacy->Wrap(std::max(300, e.GetSize().GetWidth() - 20));
    }
  });
  m_medication->onColumnClick = [this](int column) { SortBy(column); };
}

void OverviewPanel::ShowHeader(const present::PatientHeader& h) {
  Freeze();
  m_title->SetLabel(U(h.title));
  m_identity->SetLabel(TF("{0}   ({1})", {h.identity, h.category}));
  m_gds->Show(h.gds);
  // The ICA strip: the most dangerous facts stay in view on every tab.
  m_icaStrip->Clear(true);
  for (const auto& item : h.ica) {
    auto* label = new wxStaticText(m_icaPanel, wxID_ANY, U(" " + item.text + " "));
    label->SetName("ica-strip-item");
    label->SetBackgroundColour(ToneColour(item.tone));
    if (item.tone == present::Tone::kDanger) label->SetFont(label->GetFont().Bold());
    if (!item.tooltip.empty()) label->SetToolTip(U(item.tooltip));
    m_icaStrip->Add(label, 0, wxRIGHT | wxBOTTOM, 6);
  }
  m_chips->Clear(true);
  for (const auto& chip : h.chips) {
    auto* label = new wxStaticText(m_chipPanel, wxID_ANY, U(" " + chip.text + " "));
    label->SetName("source-chip");
    label->SetBackgroundColour(ToneColour(chip.tone));
    if (!chip.tooltip.empty()) label->SetToolTip(U(chip.tooltip));
    m_chips->Add(label, 0, wxRIGHT | wxBOTTOM, 6);
  }
  m_freshness->SetLabel(U(h.freshness));
  m_freshness->SetForegroundColour(h.stale ? wxColour(0xB0, 0x60, 0x00) : GetForegroundColour());
  m_freshness->SetFont(h.stale ? GetFont().Bold() : GetFont());
  m_pharmacyText = h.pharmacy;
  m_pharmacy->SetLabel(U(h.pharmacy));
  m_pharmacy->Wrap(std::max(300, GetClientSize().GetWidth() - 20));
  m_pharmacy->SetForegroundColour(h.pharmacyClosed ? wxColour(0xB0, 0x60, 0x00) : GetForegroundColour());
  m_pharmacy->Show(!h.pharmacy.empty());
  Layout();
  Thaw();
}

void OverviewPanel::Clear() {
  m_view = {};
  m_check = {};
  m_lines.reset();
  m_shown.clear();
  m_medication->SetRows(&m_shown);
  m_ica->DeleteAllItems();
  m_sources->DeleteAllItems();
  m_drafts->DeleteAllItems();
  m_draftRows.clear();
  m_outbox->DeleteAllItems();
  m_detail->Clear();
  m_technical->Clear();
  m_banner->Hide();
  m_hidden->SetLabel("");
  Layout();
}

void OverviewPanel::Show(const present::OverviewView& view, std::shared_ptr<const domain::Overview> lines,
                         std::map<std::string, std::string> names, domain::IcaCheck check) {
  // Freeze: the lists are refilled as each source answers; repaint once, not per row.
  Freeze();
  m_view = view;
  m_lines = std::move(lines);
  m_names = std::move(names);
  m_check = std::move(check);
  m_banner->SetLabel(U(view.banner));
  m_banner->Show(!view.banner.empty());
  if (!view.banner.empty()) m_banner->Wrap(GetClientSize().GetWidth() - 24);
  m_hidden->SetLabel(view.hiddenHistoric ? U(present::HiddenHistoryText(view.hiddenHistoric)) : wxString());
  m_changes->SetLabel(U(view.changesSince));
  MarkDraftedLines();
  FillMedication();
  m_ica->DeleteAllItems();
  for (const auto& r : m_view.ica) AddRow(m_ica, {r.kind, r.text, r.detail, r.sources});
  m_sources->DeleteAllItems();
  for (const auto& r : m_view.sources) {
    AddRow(m_sources, {r.name, r.phone, r.status, r.timing, r.detail});
    m_sources->SetItemBackgroundColour(m_sources->GetItemCount() - 1, ToneColour(r.tone));
  }
  Layout();
  Thaw();
}

void OverviewPanel::FillMedication() {
  m_shown = present::ArrangeRows(m_view.medication, m_filter->GetValue().utf8_string(), m_order, m_onlyChanged);
  m_medication->SetRows(&m_shown);
  m_detail->Clear();
  m_technical->Clear();
}

void OverviewPanel::ShowDetail(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size() || !m_lines) return;
  const std::size_t line = m_shown[static_cast<std::size_t>(row)]->line;
  if (line >= m_lines->lines.size()) return;
  m_detail->SetValue(U(present::LineDetail(m_lines->lines[line], m_names, &m_check)));
  m_technical->SetValue(U(present::LineTechnicalDetail(m_lines->lines[line], m_names)));
}

wxDialog* OverviewPanel::ShowIcaDetail(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_view.ica.size()) return nullptr;
  const auto& item = m_view.ica[static_cast<std::size_t>(row)];
  std::string text = item.kind + ": " + item.text;
  if (!item.detail.empty()) text += "\n" + item.detail;
  if (!item.sources.empty()) text += "\n" + present::Fmt("gemeld door: {0}", {item.sources});
  return ShowReadOnlyWindow(this, T("ICA"), "ica-detail-dialog", wxSize(480, 260), [&text](wxDialog* dialog) {
    auto* detail = new wxTextCtrl(dialog, wxID_ANY, U(text), wxDefaultPosition, wxDefaultSize,
                                  wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    detail->SetName("ica-detail");
    return detail;
  });
}

void OverviewPanel::SortBy(int column) {
  const auto c = static_cast<present::MedicationColumn>(column);
  if (m_order.sorted && m_order.column == c)
    m_order.ascending = !m_order.ascending;
  else
    m_order = {true, c, true};
  m_medication->ShowSortIndicator(column, m_order.ascending);  // the header says how the list is sorted
  FillMedication();
}

void OverviewPanel::SelectTab(int index) {
  if (index >= 0 && static_cast<std::size_t>(index) < m_tabs->GetPageCount())
    m_tabs->SetSelection(static_cast<std::size_t>(index));
}

void OverviewPanel::ShowOnlyChanged(bool only) {
  m_onlyChanged = only;
  m_tabs->SetSelection(0);
  FillMedication();
}

void OverviewPanel::FocusFilter() {
  m_tabs->SetSelection(0);
  m_filter->SetFocus();
}

int OverviewPanel::shownMedicationRows() const { return m_medication->GetItemCount(); }

domain::BlockId OverviewPanel::SelectedTreatment() const {
  const long row = m_medication->Selected();
  if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size() || !m_lines) return {};
  const std::size_t line = m_shown[static_cast<std::size_t>(row)]->line;
  return line < m_lines->lines.size() ? m_lines->lines[line].treatment : domain::BlockId{};
}

bool OverviewPanel::SelectTreatment(const domain::BlockId& treatment) {
  if (!m_lines) return false;
  for (std::size_t i = 0; i < m_shown.size(); ++i) {
    const std::size_t line = m_shown[i]->line;
    if (line < m_lines->lines.size() && m_lines->lines[line].treatment == treatment) {
      m_medication->Select(static_cast<long>(i));
      return true;
    }
  }
  return false;
}

void OverviewPanel::MarkDraftedLines() {
  for (auto& row : m_view.medication) {
    if (!row.draft.empty()) {  // the marker of an earlier call: taken off first
      row.marks = row.marks.size() > row.draft.size() ? row.marks.substr(row.draft.size() + 2) : std::string();
      row.draft.clear();
    }
    if (!m_lines || row.line >= m_lines->lines.size()) continue;
    const auto found = m_draftMarks.find(m_lines->lines[row.line].treatment.Key());
    if (found == m_draftMarks.end()) continue;
    row.draft = found->second;
    row.marks = row.marks.empty() ? row.draft : row.draft + "; " + row.marks;
  }
}

void OverviewPanel::ShowDrafts(std::vector<present::DraftRow> rows) {
  m_draftMarks.clear();
  for (const auto& r : rows) {
    if (!r.treatment.empty()) m_draftMarks[r.treatment.Key()] = present::DraftLineMark(r);
  }
  MarkDraftedLines();
  m_medication->Refresh();  // the same rows, new remarks: the selection stays
  m_draftRows = std::move(rows);
  m_drafts->DeleteAllItems();
  for (const auto& r : m_draftRows) {
    AddRow(m_drafts, {r.action, r.product, r.state, r.reason, present::DoseAndDispense(r), r.author});
    if (r.blocked) m_drafts->SetItemBackgroundColour(m_drafts->GetItemCount() - 1, ToneColour(present::Tone::kWarning));
  }
  // The tab says how many drafts wait, so they are seen from the medication tab too. (wxGTK shows
  // a changed page text without mnemonic handling, so no '&' here; Ctrl+4 opens the tab.)
  const std::size_t page = m_tabs->GetPageCount() - 1;
  m_tabs->SetPageText(page, m_draftRows.empty()
                                ? T("Concepten")
                                : U(present::Fmt("Concepten ({0})", {std::to_string(m_draftRows.size())})));
}

std::int64_t OverviewPanel::SelectedDraft() const {
  const long row = m_drafts->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  return row < 0 || static_cast<std::size_t>(row) >= m_draftRows.size() ? 0
                                                                        : m_draftRows[static_cast<std::size_t>(row)].id;
}

int OverviewPanel::draftRows() const { return m_drafts->GetItemCount(); }

void OverviewPanel::ShowOutbox(const std::vector<present::OutboxRow>& rows) {
  m_outboxIds.clear();
  for (const auto& r : rows) m_outboxIds.push_back(r.id);
  m_outbox->DeleteAllItems();
  for (const auto& r : rows) {
    AddRow(m_outbox, {r.receiver, r.state, r.answer, r.kind, r.attempts});
    if (r.problem) m_outbox->SetItemBackgroundColour(m_outbox->GetItemCount() - 1, ToneColour(present::Tone::kWarning));
  }
}

int OverviewPanel::outboxRows() const { return m_outbox->GetItemCount(); }

std::int64_t OverviewPanel::SelectedOutbox() const {
  const long row = m_outbox->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  return row < 0 || static_cast<std::size_t>(row) >= m_outboxIds.size() ? 0
                                                                        : m_outboxIds[static_cast<std::size_t>(row)];
}

void OverviewPanel::SelectOutbox(std::int64_t id) {
  for (std::size_t i = 0; i < m_outboxIds.size(); ++i) {
    if (m_outboxIds[i] == id)
      m_outbox->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  }
}

wxString OverviewPanel::pharmacyText() const { return U(m_pharmacyText); }

}  // namespace zb::gui
