// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_reader.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "i18n.h"
#include "present/locum_report_paper.h"
#include "present/locum_report_texts.h"
#include "present/tr.h"

namespace zb::gui {

ReportReader::ReportReader(wxWindow* parent, const workstation::PulledLocumReport& pulled)
    : wxDialog(parent, wxID_ANY, T("Waarneemverslag lezen"), wxDefaultPosition, wxSize(820, 760),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  SetName("report-reader");
  const auto printedAt = domain::FormatDateTime(boost::posix_time::second_clock::universal_time());
  m_text = present::ReportAsText(present::BuildLocumReportPaper(pulled.report, printedAt));
  auto* box = new wxBoxSizer(wxVERTICAL);
  const std::string from = pulled.item.senderName.empty() ? pulled.item.senderUra : pulled.item.senderName;
  auto* head = new wxStaticText(this, wxID_ANY,
                                TF("Van {0} (URA {1}), ontvangen {2}. Status bij de verzender: {3}.",
                                   {from, pulled.item.senderUra, domain::FormatDateTime(pulled.item.receivedAt),
                                    present::TaskStatusText(pulled.taskStatus)}));
  head->SetName("report-reader-head");
  head->Wrap(780);
  box->Add(head, 0, wxALL, 10);
  auto* text = new wxTextCtrl(this, wxID_ANY, U(m_text), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
  text->SetName("report-reader-text");
  box->Add(text, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
  auto* buttons = new wxStdDialogButtonSizer;
  auto* ack = new wxButton(this, wxID_OK, T("&Gelezen en overgenomen"));
  ack->Enable(pulled.item.state != "acknowledged");
  buttons->AddButton(ack);
  buttons->AddButton(new wxButton(this, wxID_CANCEL, T("Sluiten")));
  buttons->Realize();
  box->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizer(box);
}

}  // namespace zb::gui
