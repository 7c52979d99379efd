// SPDX-License-Identifier: GPL-3.0-or-later
#include "draft_editor.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "dialog_buttons.h"
#include "i18n.h"
#include "present/draft_texts.h"
#include "present/tr.h"
#include "tone.h"

namespace zb::gui {

namespace d = zb::domain;

namespace {

// A Dutch keyboard types 0,5; MP9 and the dose editor write 0.5.
std::string Decimal(const wxTextCtrl* field) {
  std::string s = field->GetValue().Strip(wxString::both).utf8_string();
  std::replace(s.begin(), s.end(), ',', '.');
  return s;
}

std::vector<std::string> Times(const wxString& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text.utf8_string() + " ") {
    if (c == ',' || c == ' ' || c == ';') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

wxStaticText* Heading(wxWindow* parent, const wxString& text) {
  auto* label = new wxStaticText(parent, wxID_ANY, text);
  label->SetFont(label->GetFont().Bold());
  return label;
}

}  // namespace

DraftEditor::DraftEditor(wxWindow* parent, DraftEditorInput input)
    : wxDialog(parent, wxID_ANY,
               input.action == d::DraftAction::kStart ? T("Concept: nieuw middel starten") : T("Concept: wijzigen"),
               wxDefaultPosition, wxSize(1000, 690), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_in(std::move(input)) {
  SetName("draft-editor");
  // Never larger than the screen the physician has: a small laptop at night.
  if (parent) SetSize(GetSize().GetWidth(), std::min(GetSize().GetHeight(), parent->GetSize().GetHeight() - 20));
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* body = new wxScrolledWindow(this, wxID_ANY);
  body->SetScrollRate(0, 12);
  auto* rows = new wxBoxSizer(wxVERTICAL);
  auto grid = [] {
    auto* g = new wxFlexGridSizer(2, wxSize(8, 4));
    g->AddGrowableCol(1, 1);
    return g;
  };
  auto add = [body](wxFlexGridSizer* g, const wxString& label, wxWindow* control, const char* name) {
    control->SetName(name);
    g->Add(new wxStaticText(body, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(control, 1, wxEXPAND);
  };
  auto onChange = [this](wxCommandEvent&) { Update(); };

  if (m_in.action == d::DraftAction::kChange) {
    auto* line = new wxStaticText(body, wxID_ANY, U(present::Fmt("Regel: {0}", {m_in.line})));
    line->Wrap(900);
    rows->Add(line, 0, wxBOTTOM, 4);
  }
  if (!m_in.formularyNote.empty()) {
    auto* note = new wxStaticText(body, wxID_ANY, U(m_in.formularyNote));
    note->SetBackgroundColour(ToneColour(present::Tone::kWarning));
    note->Wrap(900);
    rows->Add(note, 0, wxBOTTOM, 4);
  }

  // Two columns, so that on a 1024×700 screen the product, the dose and the reason are all in view
  // without scrolling: what is chosen on the left, how much and how often on the right.
  auto* columns = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  auto* right = new wxBoxSizer(wxVERTICAL);
  left->Add(Heading(body, T("Product (formularium)")), 0, wxTOP, 6);
  m_search = new wxTextCtrl(body, wxID_ANY);
  m_search->SetName("draft-search");
  m_search->SetHint(T("zoek op naam of stof"));
  left->Add(m_search, 0, wxEXPAND | wxTOP, 4);
  m_products = new wxListBox(body, wxID_ANY, wxDefaultPosition, wxSize(-1, 120));
  m_products->SetMinSize(wxSize(380, 120));  // not as wide as its longest name: the dose sits beside it
  m_products->SetName("draft-products");
  left->Add(m_products, 0, wxEXPAND | wxTOP, 4);
  auto* other = grid();
  m_otherPrk = new wxTextCtrl(body, wxID_ANY);
  add(other, T("Of PRK buiten het formularium"), m_otherPrk, "draft-other-prk");
  m_offReason = new wxTextCtrl(body, wxID_ANY);
  add(other, T("Reden buiten het formularium"), m_offReason, "draft-off-reason");
  left->Add(other, 0, wxEXPAND | wxTOP, 4);

  auto* when = grid();
  m_reason = new wxChoice(body, wxID_ANY);
  m_reason->Append(T("(kies een reden)"));
  for (const auto& code : d::ChangeOrStopReasonCodes()) m_reason->Append(U(d::ChangeOrStopReason(code)->Label()));
  m_reason->SetSelection(0);
  if (m_in.action == d::DraftAction::kChange) {
    add(when, T("Reden"), m_reason, "draft-reason-choice");
    m_reason->SetToolTip(T("Reden (wordt meegestuurd)"));
  } else {
    m_reason->Hide();
  }
  m_gds = new wxChoice(body, wxID_ANY);
  for (auto t : {d::GdsTiming::kNextRollChange, d::GdsTiming::kDirect, d::GdsTiming::kRegularProcessing})
    m_gds->Append(U(d::GdsTimingCode(t).display));
  m_gds->SetSelection(0);
  if (m_in.inRoll) {
    add(when, T("Baxterrol"), m_gds, "draft-gds");
    m_gds->SetToolTip(T("Baxterrol: gaat in"));
  } else {
    m_gds->Hide();
  }

  right->Add(Heading(body, T("Dosering")), 0, wxTOP, 6);
  m_doseGiven = new wxCheckBox(body, wxID_ANY, T("Nieuwe dosering"));
  m_doseGiven->SetName("draft-dose-given");
  m_doseGiven->SetValue(true);
  if (m_in.action == d::DraftAction::kChange) right->Add(m_doseGiven, 0, wxTOP, 4);
  auto* dose = grid();
  auto* amountRow = new wxBoxSizer(wxHORIZONTAL);
  m_amount = new wxTextCtrl(body, wxID_ANY, "1", wxDefaultPosition, wxSize(70, -1));
  m_amount->SetName("draft-amount");
  m_amountMax = new wxTextCtrl(body, wxID_ANY, "", wxDefaultPosition, wxSize(70, -1));
  m_amountMax->SetName("draft-amount-max");
  m_unit = new wxChoice(body, wxID_ANY);
  m_unit->SetName("draft-unit");
  for (const auto& u : d::DoseUnits()) m_unit->Append(U(u.singular));
  m_unit->SetSelection(0);
  amountRow->Add(m_amount, 0);
  amountRow->Add(new wxStaticText(body, wxID_ANY, T("à")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 6);
  amountRow->Add(m_amountMax, 0);
  amountRow->Add(m_unit, 0, wxLEFT, 6);
  dose->Add(new wxStaticText(body, wxID_ANY, T("Hoeveelheid per keer")), 0, wxALIGN_CENTER_VERTICAL);
  dose->Add(amountRow, 1, wxEXPAND);
  // "2 maal per 1 dag", "1 maal per 2 dagen": two rows, so the column stays narrow on a small screen.
  m_perDay = new wxSpinCtrl(body, wxID_ANY, "1", wxDefaultPosition, wxSize(130, -1), wxSP_ARROW_KEYS, 0, 24, 1);
  add(dose, T("Aantal maal"), m_perDay, "draft-per-day");
  m_perDay->SetToolTip(T("0: op de vaste tijden hieronder, of alleen zo nodig"));
  m_everyDays = new wxSpinCtrl(body, wxID_ANY, "1", wxDefaultPosition, wxSize(130, -1), wxSP_ARROW_KEYS, 1, 365, 1);
  add(dose, T("per aantal dagen"), m_everyDays, "draft-every-days");
  m_times = new wxTextCtrl(body, wxID_ANY);
  m_times->SetHint(T("bijv. 08:00, 20:00"));
  add(dose, T("Vaste tijden"), m_times, "draft-times");
  m_asNeeded = new wxCheckBox(body, wxID_ANY, T("Zo nodig"));
  m_asNeeded->SetName("draft-as-needed");
  dose->Add(new wxStaticText(body, wxID_ANY, ""), 0);
  dose->Add(m_asNeeded, 0);
  m_condition = new wxTextCtrl(body, wxID_ANY);
  m_condition->SetHint(T("bijv. Bij pijn"));
  add(dose, T("Zo nodig: bij"), m_condition, "draft-condition");
  m_maxPerDay = new wxTextCtrl(body, wxID_ANY);
  add(dose, T("Maximaal per dag"), m_maxPerDay, "draft-max-per-day");
  // 0 days: no end (doorlopend).
  m_days = new wxSpinCtrl(body, wxID_ANY, "0", wxDefaultPosition, wxSize(130, -1), wxSP_ARROW_KEYS, 0, 3650, 0);
  add(dose, T("Duur in dagen"), m_days, "draft-days");
  m_days->SetToolTip(T("0: doorlopend, zonder einddatum"));
  m_route = new wxChoice(body, wxID_ANY);
  for (const auto& r : d::DoseRoutes()) m_route->Append(U(r.display));
  m_route->SetSelection(0);
  add(dose, T("Toedieningsweg"), m_route, "draft-route");
  right->Add(dose, 0, wxEXPAND | wxTOP, 4);

  left->Add(when, 0, wxEXPAND | wxTOP, 8);
  columns->Add(left, 1, wxEXPAND | wxRIGHT, 12);
  columns->Add(right, 1, wxEXPAND);
  rows->Add(columns, 0, wxEXPAND);
  // The dispense request across the width, two fields per row: it stays in view below the dose.
  auto* vvHead = new wxBoxSizer(wxHORIZONTAL);
  vvHead->Add(Heading(body, T("Verstrekkingsverzoek aan de apotheek")), 0, wxALIGN_CENTER_VERTICAL);
  m_dispense = new wxCheckBox(body, wxID_ANY, T("Met verstrekkingsverzoek"));
  m_dispense->SetName("draft-dispense");
  vvHead->Add(m_dispense, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 16);
  rows->Add(vvHead, 0, wxTOP, 10);
  if (!m_in.pharmacyNote.empty()) {
    auto* note = new wxStaticText(body, wxID_ANY, U(m_in.pharmacyNote));
    note->SetName("draft-pharmacy-note");
    note->SetBackgroundColour(ToneColour(present::Tone::kWarning));
    note->Wrap(900);
    rows->Add(note, 0, wxEXPAND | wxTOP, 4);
  }
  auto* vv = new wxFlexGridSizer(4, wxSize(8, 4));
  vv->AddGrowableCol(1, 1);
  vv->AddGrowableCol(3, 1);
  auto* quantityRow = new wxBoxSizer(wxHORIZONTAL);
  m_quantity = new wxTextCtrl(body, wxID_ANY, "", wxDefaultPosition, wxSize(90, -1));
  m_quantity->SetName("draft-quantity");
  m_quantityUnit = new wxChoice(body, wxID_ANY);
  for (const auto& u : d::DoseUnits()) m_quantityUnit->Append(U(u.singular));
  m_quantityUnit->SetSelection(0);
  quantityRow->Add(m_quantity, 0);
  quantityRow->Add(m_quantityUnit, 0, wxLEFT, 6);
  vv->Add(new wxStaticText(body, wxID_ANY, T("Hoeveelheid")), 0, wxALIGN_CENTER_VERTICAL);
  vv->Add(quantityRow, 1, wxEXPAND);
  m_pharmacy = new wxChoice(body, wxID_ANY);
  for (const auto& p : m_in.pharmacies) m_pharmacy->Append(U(p.display));
  if (!m_in.pharmacies.empty()) m_pharmacy->SetSelection(0);
  add(vv, T("Apotheek"), m_pharmacy, "draft-pharmacy");
  m_ward = new wxTextCtrl(body, wxID_ANY, U(m_in.ward));
  add(vv, T("Afleverlocatie (afdeling)"), m_ward, "draft-ward");
  auto* wishes = new wxBoxSizer(wxHORIZONTAL);
  m_urgent = new wxCheckBox(body, wxID_ANY, T("Spoed"));
  m_urgent->SetName("draft-urgent");
  m_notInGds = new wxCheckBox(body, wxID_ANY, T("Niet in GDS"));
  m_notInGds->SetName("draft-not-in-gds");
  m_deliver = new wxCheckBox(body, wxID_ANY, T("Bezorgen"));
  m_deliver->SetName("draft-deliver");
  for (auto* w : {m_urgent, m_notInGds, m_deliver}) wishes->Add(w, 0, wxRIGHT, 12);
  vv->Add(new wxStaticText(body, wxID_ANY, T("Wensen")), 0, wxALIGN_CENTER_VERTICAL);
  vv->Add(wishes, 1, wxEXPAND);
  rows->Add(vv, 0, wxEXPAND | wxTOP, 4);

  // Choices as wide as their longest entry would push the dose column off the dialog: they share.
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_reason, m_gds, m_pharmacy, m_otherPrk, m_offReason, m_ward})
    w->SetMinSize(wxSize(180, -1));
  body->SetSizer(rows);
  box->Add(body, 1, wxEXPAND | wxALL, 10);
  // What will be sent, in MP9's words, or what is still wrong: in view while typing.
  m_preview = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
  m_preview->SetName("draft-preview");
  m_preview->SetMinSize(wxSize(-1, 40));
  box->Add(m_preview, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
  box->Add(
      new wxStaticText(this, wxID_ANY, T("Opslaan bewaart het concept op deze werkplek; er wordt niets verzonden.")), 0,
      wxLEFT | wxRIGHT | wxTOP, 10);
  AddSaveCancel(this, box, [this] {
    Update();
    return Draft().ok();
  });
  SetSizer(box);

  m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Search(); });
  for (wxTextCtrl* t :
       {m_otherPrk, m_offReason, m_amount, m_amountMax, m_times, m_condition, m_maxPerDay, m_quantity, m_ward})
    t->Bind(wxEVT_TEXT, onChange);
  for (wxChoice* c : {m_unit, m_route, m_reason, m_gds, m_quantityUnit, m_pharmacy}) c->Bind(wxEVT_CHOICE, onChange);
  for (wxCheckBox* c : {m_doseGiven, m_asNeeded, m_dispense, m_urgent, m_notInGds, m_deliver})
    c->Bind(wxEVT_CHECKBOX, onChange);
  for (wxSpinCtrl* s : {m_perDay, m_everyDays, m_days}) s->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { Update(); });
  m_products->Bind(wxEVT_LISTBOX, onChange);
  Search();
  m_search->SetFocus();
}

void DraftEditor::Search() {
  m_products->Clear();
  m_listed.clear();
  if (m_in.action == d::DraftAction::kChange) {
    m_products->Append(T("(huidig product houden)"));
    m_listed.push_back(nullptr);
  }
  const std::string query = m_search->GetValue().Strip(wxString::both).utf8_string();
  std::vector<const d::FormularyItem*> found;
  if (query.empty()) {
    found = m_in.suggested;
    if (m_in.formulary) {
      for (const auto& item : m_in.formulary->items()) {
        if (std::find(found.begin(), found.end(), &item) == found.end()) found.push_back(&item);
      }
    }
  } else if (m_in.formulary) {
    found = m_in.formulary->Search(query);
  }
  constexpr std::size_t kShown = 300;  // a search narrows a longer list; the list stays quick
  for (std::size_t i = 0; i < found.size() && i < kShown; ++i) {
    const auto* item = found[i];
    const bool suggested = std::find(m_in.suggested.begin(), m_in.suggested.end(), item) != m_in.suggested.end();
    std::string row = item->inGds ? present::Fmt("{0} (PRK {1}, kan in GDS)", {item->name, item->prk})
                                  : present::Fmt("{0} (PRK {1})", {item->name, item->prk});
    if (suggested) row = present::Fmt("{0} — zelfde groep", {row});
    m_products->Append(U(row));
    m_listed.push_back(item);
  }
  if (!m_listed.empty()) m_products->SetSelection(0);
  Update();
}

d::DraftForm DraftEditor::Form() const {
  d::DraftForm f;
  f.action = m_in.action;
  f.treatment = m_in.treatment;
  const int chosen = m_products->GetSelection();
  if (chosen != wxNOT_FOUND && static_cast<std::size_t>(chosen) < m_listed.size())
    f.item = m_listed[static_cast<std::size_t>(chosen)];
  f.otherPrk = m_otherPrk->GetValue().Strip(wxString::both).utf8_string();
  if (!f.otherPrk.empty()) f.item = nullptr;  // a typed PRK is a deliberate choice outside the list
  f.offFormularyReason = m_offReason->GetValue().Strip(wxString::both).utf8_string();
  f.doseGiven = m_in.action == d::DraftAction::kStart || m_doseGiven->GetValue();
  f.dose.amount = Decimal(m_amount);
  f.dose.amountMax = Decimal(m_amountMax);
  f.dose.unit = d::DoseUnits().at(static_cast<std::size_t>(m_unit->GetSelection())).gstdCode;
  f.dose.timesPerDay = m_perDay->GetValue();
  f.dose.everyDays = m_everyDays->GetValue();
  f.dose.timesOfDay = Times(m_times->GetValue());
  f.dose.asNeeded = m_asNeeded->GetValue();
  f.dose.asNeededCondition.text = m_condition->GetValue().Strip(wxString::both).utf8_string();
  f.dose.maxPerDay = Decimal(m_maxPerDay);
  if (m_days->GetValue() > 0) f.dose.durationDays = m_days->GetValue();
  const auto& routes = d::DoseRoutes();
  const auto route = static_cast<std::size_t>(m_route->GetSelection());
  if (route < routes.size()) f.dose.route = d::Concept{{routes[route]}, ""};
  const auto codes = d::ChangeOrStopReasonCodes();
  if (m_reason->GetSelection() > 0) f.reasonCode = codes.at(static_cast<std::size_t>(m_reason->GetSelection() - 1));
  if (m_in.inRoll) {
    const d::GdsTiming timings[] = {d::GdsTiming::kNextRollChange, d::GdsTiming::kDirect,
                                    d::GdsTiming::kRegularProcessing};
    f.gds = timings[static_cast<std::size_t>(std::max(0, m_gds->GetSelection()))];
  }
  f.dispense.wanted = m_dispense->GetValue();
  f.dispense.quantity = Decimal(m_quantity);
  f.dispense.unit = d::DoseUnits().at(static_cast<std::size_t>(m_quantityUnit->GetSelection())).gstdCode;
  const int pharmacy = m_pharmacy->GetSelection();
  if (pharmacy != wxNOT_FOUND && static_cast<std::size_t>(pharmacy) < m_in.pharmacies.size())
    f.dispense.pharmacy = m_in.pharmacies[static_cast<std::size_t>(pharmacy)];
  f.dispense.ward = m_ward->GetValue().Strip(wxString::both).utf8_string();
  f.dispense.urgent = m_urgent->GetValue();
  f.dispense.notInGds = m_notInGds->GetValue();
  f.dispense.deliver = m_deliver->GetValue();
  return f;
}

d::Result<d::MedicationDraft> DraftEditor::Draft() const { return d::MakeDraft(Form()); }

void DraftEditor::Update() {
  const bool dose = m_in.action == d::DraftAction::kStart || m_doseGiven->GetValue();
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_amount, m_amountMax, m_unit, m_perDay, m_everyDays, m_times,
                                                      m_asNeeded, m_condition, m_maxPerDay, m_days, m_route})
    w->Enable(dose);
  const bool vv = m_dispense->GetValue();
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_quantity, m_quantityUnit, m_pharmacy, m_ward, m_urgent,
                                                      m_notInGds, m_deliver})
    w->Enable(vv);
  const auto draft = Draft();
  if (!draft) {
    m_preview->SetLabel(TF("Nog niet compleet: {0}", {draft.error().detail}));
    m_preview->SetBackgroundColour(ToneColour(present::Tone::kWarning));
  } else {
    const auto& dr = draft.value();
    std::string text = dr.product->empty() ? present::Tr("zelfde product") : dr.product->DisplayName();
    if (!dr.renderedDosage.empty()) text += " — " + dr.renderedDosage;
    m_preview->SetLabel(TF("Wordt: {0}", {text}));
    m_preview->SetBackgroundColour(wxNullColour);
  }
  m_preview->Wrap(GetClientSize().GetWidth() - 30);
  Layout();
}

std::vector<std::string> DraftEditor::listedProducts() const {
  std::vector<std::string> out;
  for (const auto* item : m_listed) out.push_back(item ? item->name : "");
  return out;
}

wxString DraftEditor::preview() const { return m_preview->GetLabel(); }

}  // namespace zb::gui
