// SPDX-License-Identifier: GPL-3.0-or-later
#include "patient_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "background.h"
#include "dialog_buttons.h"
#include "i18n.h"
#include "present/patient_header.h"
#include "present/texts.h"
#include "present/tr.h"
#include "present/workstation_texts.h"

namespace zb::gui {

namespace {
const domain::PatientCategory kCategories[] = {domain::PatientCategory::kExpected, domain::PatientCategory::kAdmitted,
                                               domain::PatientCategory::kTemporary};
}

PatientDialog::PatientDialog(wxWindow* parent, workstation::Workstation& workstation,
                             std::optional<domain::RegisteredPatient> existing)
    : wxDialog(parent, wxID_ANY, existing && existing->id != 0 ? T("Patiënt bewerken") : T("Patiënt registreren"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workstation(workstation),
      m_existing(std::move(existing)) {
  SetName("patient-dialog");
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, 6, 8);
  grid->AddGrowableCol(1);
  auto Field = [&](const char* label, const char* name, const std::string& value) {
    grid->Add(new wxStaticText(this, wxID_ANY, T(label)), 0, wxALIGN_CENTER_VERTICAL);
    auto* t = new wxTextCtrl(this, wxID_ANY, U(value));
    t->SetName(name);
    grid->Add(t, 1, wxEXPAND);
    return t;
  };
  const auto* p = m_existing ? &*m_existing : nullptr;
  m_name = Field(N_("&Naam:"), "patient-name", p ? p->name : "");
  m_bsn = Field(N_("&BSN:"), "patient-bsn", p ? p->bsn.digits() : "");
  m_birth = Field(N_("&Geboortedatum (dd-mm-jjjj):"), "patient-birthdate",
                  p && p->birthDate ? domain::FormatDate(*p->birthDate) : "");
  grid->Add(new wxStaticText(this, wxID_ANY, T("&Soort:")), 0, wxALIGN_CENTER_VERTICAL);
  m_category = new wxChoice(this, wxID_ANY);
  m_category->SetName("patient-category");
  for (auto c : kCategories) m_category->Append(U(present::CategoryLabel(c)));
  m_category->SetSelection(p ? static_cast<int>(p->category) : 1);
  grid->Add(m_category, 1, wxEXPAND);
  m_expected = Field(N_("&Verwacht op (dd-mm-jjjj):"), "patient-expected",
                     p && p->expectedOn ? domain::FormatDate(*p->expectedOn) : "");
  m_location = Field(N_("&Locatie (afdeling, kamer):"), "patient-location", p ? p->location : "");
  box->Add(grid, 0, wxEXPAND | wxALL, 12);

  box->Add(new wxStaticText(this, wxID_ANY, T("Bronnen: zoek op URA (8 cijfers) of naam in het adresboek.")), 0,
           wxLEFT | wxRIGHT, 12);
  auto* sources = new wxFlexGridSizer(4, 6, 8);
  sources->AddGrowableCol(3);
  const domain::SourceKind kinds[] = {domain::SourceKind::kGeneralPractitioner, domain::SourceKind::kPharmacy,
                                      domain::SourceKind::kHospital};
  const char* accel[] = {N_("&Huisarts:"), N_("&Apotheek:"), N_("&Ziekenhuis:")};
  for (int i = 0; i < 3; ++i) {
    auto& row = m_sources[i];
    row.kind = kinds[i];
    sources->Add(new wxStaticText(this, wxID_ANY, T(accel[i])), 0, wxALIGN_CENTER_VERTICAL);
    row.query = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(160, -1), wxTE_PROCESS_ENTER);
    row.query->SetName(std::string("source-query-") + std::to_string(i));
    sources->Add(row.query);
    row.find = new wxButton(this, wxID_ANY, T("Opzoeken"));
    sources->Add(row.find);
    row.found = new wxStaticText(this, wxID_ANY, T("(geen)"));
    row.found->SetName(std::string("source-found-") + std::to_string(i));
    sources->Add(row.found, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
    if (p) {
      for (const auto& s : p->sources) {
        if (s.source.kind != row.kind) continue;
        row.chosen = workstation::Organisation{s.ura, s.source.name, "", {}};
        row.query->ChangeValue(U(s.ura));
        row.found->SetLabel(TF("{0} (URA {1})", {s.source.name, s.ura}));
        // The directory names the organisation (an imported register stores only the kind); the
        // stored URA stays chosen whatever the directory answers.
        m_nameLookups.push_back(i);
      }
    }
    row.find->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { Find(i); });
    row.query->Bind(wxEVT_TEXT_ENTER, [this, i](wxCommandEvent&) { Find(i); });
  }
  box->Add(sources, 0, wxEXPAND | wxALL, 12);
  m_errors = new wxStaticText(this, wxID_ANY, "");
  m_errors->SetName("patient-errors");
  m_errors->SetForegroundColour(wxColour(0xB3, 0x26, 0x1E));
  box->Add(m_errors, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
  AddSaveCancel(this, box, [this] { return Save(); });
  SetSizerAndFit(box);
  SetMinSize(wxSize(620, -1));
  m_name->SetFocus();
  for (int row : m_nameLookups) {
    const std::string ura = m_sources[row].chosen->ura;
    auto& ws = m_workstation;
    RunInBackground([this, alive = m_guard.token(), row, ura, &ws] {
      auto r = ws.FindOrganisations(ura);
      PostTo<PatientDialog>(alive, this, [row, r](PatientDialog& d) { d.Named(row, r); });
    });
  }
}

void PatientDialog::Named(int row, const domain::Result<std::vector<workstation::Organisation>>& found) {
  auto& s = m_sources[row];
  if (!s.chosen || !found) return;
  // The directory may list one organisation once per service it offers: any entry with the URA names it.
  auto same = std::find_if(found.value().begin(), found.value().end(),
                           [&s](const workstation::Organisation& o) { return o.ura == s.chosen->ura; });
  if (same == found.value().end()) return;
  s.chosen = *same;
  s.found->SetLabel(TF("{0} (URA {1})", {s.chosen->name, s.chosen->ura}));
  Layout();
}

void PatientDialog::Find(int row) {
  const std::string q = m_sources[row].query->GetValue().Strip(wxString::both).utf8_string();
  if (q.empty()) {
    m_sources[row].chosen.reset();
    m_sources[row].found->SetLabel(T("(geen)"));
    return;
  }
  m_sources[row].found->SetLabel(T("zoeken in het adresboek…"));
  auto& ws = m_workstation;
  RunInBackground([this, alive = m_guard.token(), row, q, &ws] {
    auto r = ws.FindOrganisations(q);
    PostTo<PatientDialog>(alive, this, [row, r](PatientDialog& d) { d.Found(row, r); });
  });
}

void PatientDialog::LookUpSource(int row, const std::string& uraOrName) {
  m_sources[row].query->ChangeValue(U(uraOrName));
  Find(row);
}

wxString PatientDialog::sourceLabel(int row) const { return m_sources[row].found->GetLabel(); }
wxString PatientDialog::errorText() const { return m_errors->GetLabel(); }

void PatientDialog::Found(int row, const domain::Result<std::vector<workstation::Organisation>>& found) {
  auto& s = m_sources[row];
  if (!found) {
    s.chosen.reset();
    s.found->SetLabel(U(present::DescribeDirectoryProblem(found.error())));
  } else if (found.value().empty()) {
    s.chosen.reset();
    s.found->SetLabel(T("niet gevonden in het adresboek"));
  } else if (found.value().size() > 1) {
    s.chosen.reset();
    std::string names;
    for (const auto& o : found.value())
      names += (names.empty() ? "" : "; ") + present::Fmt("{0} (URA {1})", {o.name, o.ura});
    s.found->SetLabel(TF("meer dan één: {0} — typ de URA", {names}));
  } else {
    s.chosen = found.value().front();
    s.found->SetLabel(s.chosen->city.empty()
                          ? TF("{0} (URA {1})", {s.chosen->name, s.chosen->ura})
                          : TF("{0} (URA {1}, {2})", {s.chosen->name, s.chosen->ura, s.chosen->city}));
  }
  Layout();
}

void PatientDialog::ShowErrors(const std::vector<std::string>& errors) {
  std::string text;
  for (const auto& e : errors) text += (text.empty() ? "" : "\n") + e;
  m_errors->SetLabel(U(text));
  Fit();
}

bool PatientDialog::Save() {
  std::vector<std::string> errors;
  auto bsn = domain::Bsn::Parse(m_bsn->GetValue().Strip(wxString::both).utf8_string());
  if (!bsn)
    errors.push_back(bsn.error().code == domain::ErrorCode::kInvalidCheck
                         ? present::Tr("BSN klopt niet (11-proef): controleer de cijfers.")
                         : present::Tr("BSN: vul 9 cijfers in."));
  // A placeholder BSN only while the other fields are checked; nothing is saved with errors.
  domain::RegisteredPatient p =
      m_existing.value_or(domain::RegisteredPatient{0,
                                                    bsn ? bsn.value() : domain::Bsn::Parse("999990019").value(),
                                                    {},
                                                    std::nullopt,
                                                    domain::PatientCategory::kAdmitted,
                                                    std::nullopt,
                                                    "",
                                                    {}});
  if (bsn) p.bsn = bsn.value();
  p.name = m_name->GetValue().Strip(wxString::both).utf8_string();
  const std::string birth = m_birth->GetValue().Strip(wxString::both).utf8_string();
  p.birthDate.reset();
  if (!birth.empty()) {
    auto d = domain::ParseUserDate(birth);
    if (d)
      p.birthDate = d.value();
    else
      errors.push_back(present::Tr("Geboortedatum niet herkend: gebruik dd-mm-jjjj."));
  }
  p.category = kCategories[std::max(0, m_category->GetSelection())];
  const std::string expected = m_expected->GetValue().Strip(wxString::both).utf8_string();
  p.expectedOn.reset();
  if (!expected.empty()) {
    auto d = domain::ParseUserDate(expected);
    if (d)
      p.expectedOn = d.value();
    else
      errors.push_back(present::Tr("Opnamedatum niet herkend: gebruik dd-mm-jjjj."));
  }
  p.location = m_location->GetValue().Strip(wxString::both).utf8_string();
  p.sources.clear();
  for (const auto& s : m_sources) {
    if (!s.chosen) {
      if (!s.query->GetValue().Strip(wxString::both).empty()) {
        errors.push_back(present::Fmt("{0}: kies een organisatie uit het adresboek (Opzoeken) of maak het veld leeg.",
                                      {present::SourceKindLabel(s.kind)}));
      }
      continue;
    }
    domain::KnownSource k;
    k.source.kind = s.kind;
    k.source.name = s.chosen->name;
    k.ura = s.chosen->ura;
    p.sources.push_back(std::move(k));
  }
  if (!errors.empty()) {
    ShowErrors(errors);
    return false;
  }
  // Validated, stored and audited in one step; its validation problems come one per line.
  auto saved = m_workstation.SavePatient(p, boost::gregorian::day_clock::local_day());
  if (!saved) {
    ShowErrors({saved.error().code == domain::ErrorCode::kInvalidFormat
                    ? saved.error().detail
                    : present::Fmt("Niet opgeslagen: {0}", {saved.error().detail})});
    return false;
  }
  p = std::move(saved).value();
  m_saved = p;
  return true;
}

}  // namespace zb::gui
