// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patient overview: the header (who, GDS badge, a chip per source with its status in words,
// how old the data is), the incomplete-overview banner, and tabs for medication (filter, sortable
// columns, detail pane with the building blocks and the reason trace), ICA and sources. It shows
// what the presenters built and nothing else.
#include <wx/panel.h>

#include <functional>
#include <map>

#include "domain/overview.h"
#include "present/draft_texts.h"
#include "present/medication_table.h"
#include "present/overview_view.h"
#include "present/patient_header.h"

class wxListCtrl;
class wxListEvent;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;
class wxCollapsiblePane;
class wxDialog;
class wxWrapSizer;

namespace zb::gui {

class MedicationGrid;

class OverviewPanel : public wxPanel {
 public:
  explicit OverviewPanel(wxWindow* parent);
  void ShowHeader(const present::PatientHeader& header);
  // `lines` and `sourceNames` feed the detail pane; both belong to the same consolidation as `view`.
  // `check` is the ICA cross-check of `lines`, for the detail pane.
  void Show(const present::OverviewView& view, std::shared_ptr<const domain::Overview> lines,
            std::map<std::string, std::string> sourceNames, domain::IcaCheck check = {});
  void Clear();
  void SelectTab(int index);
  void FocusFilter();
  // Only the lines new, changed or stopped since the previous retrieval (Ctrl+J), or all again.
  void ShowOnlyChanged(bool only);
  // Double-click (Enter) on an ICA line: its whole text, detail and sources in a window.
  wxDialog* ShowIcaDetail(long row);
  // Rows shown in the medication list right now (after filter and sort), for tests.
  int shownMedicationRows() const;
  // The treatment of the medication line in focus; empty when none is.
  domain::BlockId SelectedTreatment() const;
  // Selects the first shown line of this treatment (tests, and after a draft is written).
  bool SelectTreatment(const domain::BlockId& treatment);
  // The drafts tab: the patient's drafts, blocked ones marked.
  void ShowDrafts(std::vector<present::DraftRow> rows);
  // The draft in focus on the drafts tab; 0 when none is.
  std::int64_t SelectedDraft() const;
  int draftRows() const;
  // Below the drafts: what was released, per Bundle and receiver, with its state.
  void ShowOutbox(const std::vector<present::OutboxRow>& rows);
  int outboxRows() const;
  // The outbox item in focus; 0 when none is. SelectOutbox: tests.
  std::int64_t SelectedOutbox() const;
  void SelectOutbox(std::int64_t id);
  // The header's pharmacy line as shown (tests).
  wxString pharmacyText() const;

 private:
  void FillMedication();
  // Puts each drafted line's marker at the front of its remarks (and takes a stale one off).
  void MarkDraftedLines();
  void ShowDetail(long row);
  void SortBy(int column);

  wxStaticText* m_title = nullptr;
  wxStaticText* m_identity = nullptr;
  wxStaticText* m_gds = nullptr;
  wxWrapSizer* m_icaStrip = nullptr;
  wxPanel* m_icaPanel = nullptr;
  wxWrapSizer* m_chips = nullptr;
  wxPanel* m_chipPanel = nullptr;
  wxStaticText* m_freshness = nullptr;
  wxStaticText* m_pharmacy = nullptr;               // own pharmacy, open now or not; who is open
  std::string m_pharmacyText;                       // unwrapped, wrapped again on every resize
  std::vector<std::int64_t> m_outboxIds;            // behind the outbox list's rows
  std::map<std::string, std::string> m_draftMarks;  // treatment (system|value) → marker on its line
  wxStaticText* m_banner = nullptr;
  wxNotebook* m_tabs = nullptr;
  wxTextCtrl* m_filter = nullptr;
  wxStaticText* m_hidden = nullptr;
  wxStaticText* m_changes = nullptr;
  MedicationGrid* m_medication = nullptr;
  wxTextCtrl* m_detail = nullptr;
  wxCollapsiblePane* m_technicalPane = nullptr;
  wxTextCtrl* m_technical = nullptr;
  wxListCtrl* m_ica = nullptr;
  wxListCtrl* m_sources = nullptr;
  wxListCtrl* m_drafts = nullptr;
  wxListCtrl* m_outbox = nullptr;
  std::vector<present::DraftRow> m_draftRows;
  present::OverviewView m_view;
  std::shared_ptr<const domain::Overview> m_lines;
  std::map<std::string, std::string> m_names;
  domain::IcaCheck m_check;
  std::vector<const present::MedicationRow*> m_shown;
  present::TableOrder m_order;
  bool m_onlyChanged = false;
};

}  // namespace zb::gui
