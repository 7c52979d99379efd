// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window: the patients on the left (expected, admitted, temporary), the overview of the
// chosen one on the right. Choosing a patient shows the stored retrieval at once (marked with its
// time) and asks the sources again; each source's answer repaints the overview as it arrives.
#include <wx/frame.h>

#include <memory>
#include <optional>

#include "domain/patient_register.h"
#include "domain/retrieval.h"
#include "overview_panel.h"
#include "ui_thread.h"
#include "workstation/workstation.h"

class wxListCtrl;

namespace zb::gui {

class MainFrame : public wxFrame {
 public:
  MainFrame(workstation::Workstation& workstation, const workstation::User& user);
  ~MainFrame() override;

  // Also used by tests: selects the patient with this BSN in the list and opens him.
  bool OpenPatient(const std::string& bsn);
  const present::OverviewView& shownView() const { return m_view; }
  bool lookupRunning() const { return m_lookup.has_value(); }

 private:
  void FillPatients();
  void Open(const domain::RegisteredPatient& p);
  void AskSources();
  void CancelLookup();
  void Delivered(workstation::Workstation::LookupId id, domain::SourceDelivery d);
  void Ended(workstation::Workstation::LookupId id, const workstation::LookupEnd& end);
  void Render();

  workstation::Workstation& m_workstation;
  wxListCtrl* m_patients = nullptr;
  OverviewPanel* m_overview = nullptr;
  std::vector<domain::RegisteredPatient> m_list;
  std::optional<domain::RegisteredPatient> m_current;
  std::unique_ptr<domain::PatientPicture> m_picture;  // what is shown: stored or fresh
  std::unique_ptr<domain::PatientPicture> m_pending;  // the fresh one, until its first answer
  std::optional<workstation::Workstation::LookupId> m_lookup;
  std::string m_retrievedText;
  bool m_showHistory = false;
  present::OverviewView m_view;
  UiGuard m_guard;
};

}  // namespace zb::gui
