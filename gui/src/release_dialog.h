// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The release dialog (prescribing.md "Release"): which checks ran and that no licensed check did,
// each signal that must be handled with a field for the reason to prescribe anyway, a blocking
// signal that keeps the release closed, and where the release goes — the patient's pharmacy as an
// order, the home's own record as information, never the hospital. "Vrijgeven en verzenden" opens
// only when every field has a reason and nothing blocks.
#include <wx/dialog.h>

#include <string>
#include <vector>

#include "domain/release_checks.h"
#include "present/draft_texts.h"

class wxButton;
class wxTextCtrl;

namespace zb::gui {

class ReleaseDialog : public wxDialog {
 public:
  // `drafts`: what is released, as the drafts tab lists it (with each line's dispense request and
  // roll moment). `pharmacyWarning`: the own pharmacy is closed now (pharmacy_texts.h), or empty.
  ReleaseDialog(wxWindow* parent, const std::string& patient, const std::vector<present::DraftRow>& drafts,
                const domain::ReleaseCheck& check, const std::string& pharmacyWarning = {});
  std::vector<domain::SignalDecision> Decisions() const;
  // Tests: types a reason into the n-th field.
  void SetReason(std::size_t index, const std::string& reason);
  std::size_t reasonFields() const { return m_fields.size(); }
  bool releaseEnabled() const;

 private:
  void Update();
  std::vector<std::pair<std::string, wxTextCtrl*>> m_fields;  // signal key, reason
  bool m_blocked = false;
  wxButton* m_ok = nullptr;
};

}  // namespace zb::gui
