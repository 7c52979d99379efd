// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_editor.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "i18n.h"
#include "present/locum_report_texts.h"
#include "present/tr.h"
#include "tone.h"

namespace zb::gui {

namespace {

std::string RequestsText(const domain::LocumReport& r) {
  std::string out;
  for (const auto& q : r.requests) {
    out += q.text;
    if (!q.due.is_not_a_date()) out += ";" + domain::FormatDate(q.due);
    if (q.priority == domain::RequestPriority::kUrgent) out += ";spoed";
    out += "\n";
  }
  return out;
}

std::vector<domain::FollowUpRequest> ParseRequests(const std::string& text) {
  std::vector<domain::FollowUpRequest> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    domain::FollowUpRequest q;
    const auto semi = line.find(';');
    q.text = line.substr(0, semi);
    if (semi != std::string::npos) {
      const std::string rest = line.substr(semi + 1);
      const auto second = rest.find(';');
      if (auto due = domain::ParseUserDate(rest.substr(0, second))) q.due = due.value();
      if (second != std::string::npos && rest.substr(second + 1) == "spoed")
        q.priority = domain::RequestPriority::kUrgent;
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

ReportEditor::ReportEditor(wxWindow* parent, const domain::LocumReport& report)
    : wxDialog(parent, wxID_ANY, T("Waarneemverslag"), wxDefaultPosition, wxSize(820, 700),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_report(report) {
  SetName("report-editor");
  auto* box = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(
      this, wxID_ANY, TF("{0} — contact {1}", {report.patient.name, domain::FormatDateTime(report.contact.start)}));
  title->SetFont(title->GetFont().Bold());
  box->Add(title, 0, wxALL, 10);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  m_kind = new wxChoice(this, wxID_ANY);
  m_kind->SetName("report-kind");
  for (const char* k : {N_("visite"), N_("telefonisch"), N_("beeldbellen")}) m_kind->Append(T(k));
  m_kind->SetSelection(static_cast<int>(report.contact.kind));
  m_urgency = new wxChoice(this, wxID_ANY);
  m_urgency->SetName("report-urgency");
  m_urgency->Append(T("urgentie?"));
  for (int u = 1; u <= 5; ++u) m_urgency->Append("U" + std::to_string(u));
  m_urgency->SetSelection(report.contact.urgency.value_or(0));
  m_phone = new wxTextCtrl(this, wxID_ANY, U(report.replyPhone));
  m_phone->SetName("report-phone");
  m_phone->SetHint(T("telefoon voor vragen"));
  row->Add(new wxStaticText(this, wxID_ANY, T("Contact:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  row->Add(m_kind, 0, wxRIGHT, 10);
  row->Add(m_urgency, 0, wxRIGHT, 16);
  row->Add(new wxStaticText(this, wxID_ANY, T("Bereikbaar op:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  row->Add(m_phone, 1);
  box->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

  auto* grid = new wxFlexGridSizer(2, 6, 8);
  grid->AddGrowableCol(1);
  for (int r = 1; r <= 4; ++r) grid->AddGrowableRow(static_cast<std::size_t>(r));  // S, O, E, P take the room
  auto field = [&](const char* name, const char* label, const std::string& value, int lines) {
    grid->Add(new wxStaticText(this, wxID_ANY, T(label)), 0, wxALIGN_TOP | wxTOP, 4);
    auto* text = new wxTextCtrl(this, wxID_ANY, U(value), wxDefaultPosition, wxSize(-1, 22 * lines),
                                lines > 1 ? wxTE_MULTILINE : 0);
    text->SetName(std::string("report-") + name);
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateProblems(); });
    grid->Add(text, 1, wxEXPAND);
    m_fields.emplace_back(name, text);
  };
  field("reason", N_("Reden van contact"), report.reason, 1);
  field("subjective", N_("S — subjectief"), report.subjective, 2);
  field("objective", N_("O — objectief"), report.objective, 2);
  field("evaluation", N_("E — evaluatie"), report.evaluation, 2);
  field("plan", N_("P — beleid"), report.plan, 2);
  field("agreements", N_("Afspraken familie/team"), report.agreements, 2);
  field("requests", N_("Verzoeken aan eigen arts"), RequestsText(report), 3);
  grid->AddSpacer(0);
  auto* format =
      new wxStaticText(this, wxID_ANY, T("Eén verzoek per regel: tekst;dd-mm-jjjj, met ;spoed als het spoed is"));
  format->SetFont(format->GetFont().Smaller());
  grid->Add(format, 0);
  grid->Add(new wxStaticText(this, wxID_ANY, T("Medicatie gewijzigd in de dienst")), 0, wxTOP, 4);
  std::string medication;
  for (const auto& m : report.medication) medication += "• " + m.text + "\n";
  if (medication.empty()) medication = present::Tr("geen (uit de vrijgaven van deze dienst)");
  auto* meds = new wxStaticText(this, wxID_ANY, U(medication));
  meds->SetName("report-medication");
  grid->Add(meds, 1, wxEXPAND | wxTOP, 4);
  box->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
  if (report.context) {
    m_context = new wxCheckBox(
        this, wxID_ANY, TF("Overzicht meesturen als context ({0})", {present::ContextSummaryText(*report.context)}));
    m_context->SetName("report-context");
    m_context->SetValue(true);
    m_context->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateProblems(); });
    box->Add(m_context, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    // An incomplete overview goes along with its warning; the physician sees which before sending.
    if (!report.context->incomplete.empty()) {
      auto* warning = new wxStaticText(this, wxID_ANY, U(report.context->incomplete));
      warning->SetName("report-context-incomplete");
      warning->SetBackgroundColour(ToneColour(present::Tone::kDanger));
      warning->Wrap(780);
      box->Add(warning, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    }
  }

  m_problems = new wxStaticText(this, wxID_ANY, "");
  m_problems->SetName("report-problems");
  box->Add(m_problems, 0, wxEXPAND | wxALL, 10);
  auto* buttons = new wxStdDialogButtonSizer;
  buttons->AddButton(new wxButton(this, wxID_OK, T("Concept &opslaan")));
  buttons->AddButton(new wxButton(this, wxID_CANCEL, T("Annuleren")));
  buttons->Realize();
  box->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizer(box);
  UpdateProblems();
}

domain::LocumReport ReportEditor::Report() const {
  domain::LocumReport r = m_report;
  r.contact.kind = static_cast<domain::ContactKind>(std::max(0, m_kind->GetSelection()));
  const int urgency = m_urgency->GetSelection();
  r.contact.urgency = urgency > 0 ? std::optional<int>(urgency) : std::nullopt;
  r.replyPhone = m_phone->GetValue().utf8_string();
  for (const auto& [name, ctrl] : m_fields) {
    const std::string v = ctrl->GetValue().utf8_string();
    if (name == "reason") r.reason = v;
    if (name == "subjective") r.subjective = v;
    if (name == "objective") r.objective = v;
    if (name == "evaluation") r.evaluation = v;
    if (name == "plan") r.plan = v;
    if (name == "agreements") r.agreements = v;
    if (name == "requests") r.requests = ParseRequests(v);
  }
  if (m_context && !m_context->GetValue()) r.context.reset();
  return r;
}

void ReportEditor::Set(const std::string& field, const std::string& text) {
  for (const auto& [name, ctrl] : m_fields)
    if (name == field) ctrl->SetValue(U(text));
}

void ReportEditor::UpdateProblems() {
  const auto problems = domain::SignProblems(Report(), boost::posix_time::second_clock::universal_time());
  std::string text;
  for (const auto& p : problems) text += "• " + present::SignProblemText(p) + "\n";
  m_problems->SetLabel(problems.empty() ? T("Compleet: klaar om te ondertekenen.")
                                        : TF("Nog nodig voor ondertekenen:\n{0}", {text}));
  m_problems->SetBackgroundColour(ToneColour(problems.empty() ? present::Tone::kGood : present::Tone::kWarning));
  Layout();
}

}  // namespace zb::gui
