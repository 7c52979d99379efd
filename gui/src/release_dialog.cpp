// SPDX-License-Identifier: GPL-3.0-or-later
#include "release_dialog.h"

#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "i18n.h"
#include "present/draft_texts.h"
#include "present/tr.h"
#include "tone.h"

namespace zb::gui {

ReleaseDialog::ReleaseDialog(wxWindow* parent, const std::string& patient, const std::vector<present::DraftRow>& drafts,
                             const domain::ReleaseCheck& check, const std::string& pharmacyWarning)
    : wxDialog(parent, wxID_ANY, T("Concepten vrijgeven"), wxDefaultPosition, wxSize(760, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  SetName("release");
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto wrapped = [this](wxWindow* parent2, const std::string& text) {
    auto* label = new wxStaticText(parent2, wxID_ANY, U(text));
    label->Wrap(700);
    return label;
  };
  auto* title = wrapped(this, present::Fmt("{0}: {1} concept(en) vrijgeven", {patient, std::to_string(drafts.size())}));
  title->SetFont(title->GetFont().Bold());
  box->Add(title, 0, wxALL, 10);
  // What goes out, line by line, so nothing is released unseen.
  for (const auto& d : drafts) {
    std::string line = "• " + d.action + ": " + d.product;
    if (!d.dose.empty()) line += " — " + d.dose;
    if (!d.reason.empty()) line += " (" + d.reason + ")";
    // Per line what the pharmacy is asked (A-R10) and when it reaches the roll, so nothing goes unseen.
    if (!d.dispense.empty()) line += "\n    " + d.dispense;
    if (!d.timing.empty()) line += "\n    " + present::Fmt("baxterrol: {0}", {d.timing});
    if (d.dispense.empty() && d.action != present::DraftActionLabel(domain::DraftAction::kStop))
      line += "\n    " + present::Tr("geen verstrekkingsverzoek");
    box->Add(wrapped(this, line), 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  }
  if (!pharmacyWarning.empty()) {
    auto* warn = wrapped(this, pharmacyWarning);
    warn->SetName("release-pharmacy-warning");
    warn->SetBackgroundColour(ToneColour(present::Tone::kWarning));
    box->Add(warn, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  }
  box->Add(wrapped(this, present::Tr("Naar de eigen apotheek van de patiënt als recept, en naar het eigen ECD als "
                                     "informatie. Het ziekenhuis ontvangt niets; zijn dossier verandert niet.")),
           0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  box->Add(wrapped(this, present::ChecksRunText(check)), 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);

  auto* list = new wxScrolledWindow(this, wxID_ANY);
  list->SetScrollRate(0, 12);
  auto* rows = new wxBoxSizer(wxVERTICAL);
  for (const auto& s : check.signals) {
    if (s.Blocking()) m_blocked = true;
    auto* text = wrapped(list, present::DescribeSignal(s));
    if (s.Blocking() || s.MustHandle())
      text->SetBackgroundColour(ToneColour(s.Blocking() ? present::Tone::kDanger : present::Tone::kWarning));
    rows->Add(text, 0, wxEXPAND | wxTOP, 8);
    if (!s.MustHandle()) continue;
    // A label, not only a hint: a hint disappears as soon as the field has the focus.
    rows->Add(
        new wxStaticText(list, wxID_ANY, T("Reden om toch voor te schrijven (verplicht; bewaard bij de vrijgave)")), 0,
        wxTOP, 4);
    auto* reason = new wxTextCtrl(list, wxID_ANY);
    reason->SetName("release-reason");
    reason->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Update(); });
    rows->Add(reason, 0, wxEXPAND | wxTOP, 4);
    m_fields.emplace_back(s.Key(), reason);
  }
  if (check.signals.empty()) rows->Add(wrapped(list, present::Tr("Geen signalen.")), 0, wxTOP, 8);
  list->SetSizer(rows);
  box->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);

  auto* buttons = new wxStdDialogButtonSizer;
  m_ok = new wxButton(this, wxID_OK, T("&Vrijgeven en verzenden"));
  buttons->AddButton(m_ok);
  buttons->AddButton(new wxButton(this, wxID_CANCEL, T("Annuleren")));
  buttons->Realize();
  box->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizer(box);
  Update();
}

void ReleaseDialog::Update() {
  bool complete = !m_blocked;
  for (const auto& [key, field] : m_fields) {
    complete = complete && !field->GetValue().Strip(wxString::both).empty();
  }
  m_ok->Enable(complete);
}

bool ReleaseDialog::releaseEnabled() const { return m_ok->IsEnabled(); }

void ReleaseDialog::SetReason(std::size_t index, const std::string& reason) {
  m_fields.at(index).second->SetValue(U(reason));
  Update();
}

std::vector<domain::SignalDecision> ReleaseDialog::Decisions() const {
  std::vector<domain::SignalDecision> out;
  for (const auto& [key, field] : m_fields) out.push_back({key, field->GetValue().utf8_string()});
  return out;
}

}  // namespace zb::gui
