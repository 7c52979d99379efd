// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The draft editor (prescribing.md "Drafts"): a change of the line in focus or a new start,
// keyboard first. The product comes from the home's formulary (searched by name or substance; for
// a line not on it, the products of the same ATC class are listed first) or, with a reason, as a
// PRK outside it; the dose through the dose editor's fields, shown as it will be sent in MP9's
// words while it is typed; the reason; the roll moment for a GDS patient; and the dispense request
// (quantity, pharmacy, ward, wishes). Opslaan keeps the draft locally: nothing is sent.
#include <wx/dialog.h>

#include <string>
#include <vector>

#include "domain/draft_form.h"
#include "domain/formulary.h"

class wxCheckBox;
class wxChoice;
class wxListBox;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace zb::gui {

struct DraftEditorInput {
  domain::DraftAction action = domain::DraftAction::kChange;
  domain::BlockId treatment;  // the line changed (empty for a start)
  std::string line;           // the line as the list shows it: product, dose
  std::string formularyNote;  // the line's off-formulary remark (formulary_marks.h), or empty
  const domain::Formulary* formulary = nullptr;
  std::vector<const domain::FormularyItem*> suggested;  // listed first (same ATC class)
  bool inRoll = false;                                  // ask when the change takes effect in the roll
  std::vector<domain::Actor> pharmacies;                // who may dispense: the own pharmacy first
  std::string pharmacyNote;                             // e.g. the own pharmacy is closed now
  std::string ward;                                     // the home's ward, prefilled
};

class DraftEditor : public wxDialog {
 public:
  DraftEditor(wxWindow* parent, DraftEditorInput input);
  // The draft the fields describe, or the problem naming the field.
  domain::Result<domain::MedicationDraft> Draft() const;
  // Tests: the products listed now (after the search), by name.
  std::vector<std::string> listedProducts() const;
  wxString preview() const;
  // Reads the fields again: the preview, and which fields are in use (tests call it after setting
  // fields without events).
  void Update();

 private:
  void Search();
  domain::DraftForm Form() const;

  DraftEditorInput m_in;
  std::vector<const domain::FormularyItem*> m_listed;  // behind the list's rows (null: keep the product)
  wxTextCtrl* m_search = nullptr;
  wxListBox* m_products = nullptr;
  wxTextCtrl* m_otherPrk = nullptr;
  wxTextCtrl* m_offReason = nullptr;
  wxCheckBox* m_doseGiven = nullptr;
  wxTextCtrl* m_amount = nullptr;
  wxTextCtrl* m_amountMax = nullptr;
  wxChoice* m_unit = nullptr;
  wxSpinCtrl* m_perDay = nullptr;
  wxSpinCtrl* m_everyDays = nullptr;
  wxTextCtrl* m_times = nullptr;
  wxCheckBox* m_asNeeded = nullptr;
  wxTextCtrl* m_condition = nullptr;
  wxTextCtrl* m_maxPerDay = nullptr;
  wxSpinCtrl* m_days = nullptr;
  wxChoice* m_route = nullptr;
  wxChoice* m_reason = nullptr;
  wxChoice* m_gds = nullptr;
  wxCheckBox* m_dispense = nullptr;
  wxTextCtrl* m_quantity = nullptr;
  wxChoice* m_quantityUnit = nullptr;
  wxChoice* m_pharmacy = nullptr;
  wxTextCtrl* m_ward = nullptr;
  wxCheckBox* m_urgent = nullptr;
  wxCheckBox* m_notInGds = nullptr;
  wxCheckBox* m_deliver = nullptr;
  wxStaticText* m_preview = nullptr;
};

}  // namespace zb::gui
