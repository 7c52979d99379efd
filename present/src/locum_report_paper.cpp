// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/locum_report_paper.h"

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {

std::string CallerText(d::Caller c) {
  switch (c) {
    case d::Caller::kNurse:
      return Tr("verpleging / verzorging");
    case d::Caller::kFamily:
      return Tr("familie / naaste");
    case d::Caller::kPatient:
      return Tr("de patiënt");
    case d::Caller::kOther:
      return Tr("anders");
  }
  return {};
}

std::string ContactFormText(d::ContactKind k) {
  switch (k) {
    case d::ContactKind::kVisit:
      return Tr("visite");
    case d::ContactKind::kPhone:
      return Tr("telefonisch consult");
    case d::ContactKind::kVideo:
      return Tr("videoconsult");
  }
  return {};
}

std::string VitalName(d::VitalKind k) {
  switch (k) {
    case d::VitalKind::kBloodPressure:
      return Tr("Bloeddruk");
    case d::VitalKind::kPulse:
      return Tr("Pols");
    case d::VitalKind::kTemperature:
      return Tr("Temperatuur");
    case d::VitalKind::kSpO2:
      return Tr("Saturatie");
    case d::VitalKind::kRespiratoryRate:
      return Tr("Ademfrequentie");
    case d::VitalKind::kGlucose:
      return Tr("Glucose");
  }
  return {};
}

}  // namespace

Report BuildLocumReportPaper(const d::LocumReport& rep, const std::string& printedAt) {
  Report r;
  const d::Patient& p = rep.patient;
  const std::string bsn = p.bsn ? p.bsn->digits() : "?";
  const std::string born = p.birthDate ? d::FormatDate(*p.birthDate) : "?";
  r.title = Fmt("Waarneemverslag {0}", {p.name});
  r.footer = Fmt("Waarneemverslag {0}, BSN {1}, geb. {2} · Zorgbrug · afgedrukt {3}", {p.name, bsn, born, printedAt});
  auto add = [&r](ReportStyle s, std::string text) { r.blocks.push_back({s, {std::move(text)}, {}, false}); };
  auto paragraphs = [&add](const std::string& text, const char* none) {
    if (text.empty()) {
      if (*none) add(ReportStyle::kSmall, Tr(none));
      return;
    }
    std::size_t at = 0;
    while (at <= text.size()) {
      const std::size_t nl = std::min(text.find('\n', at), text.size());
      if (nl > at) add(ReportStyle::kText, text.substr(at, nl - at));
      at = nl + 1;
    }
  };

  add(ReportStyle::kTitle, Tr("Waarneemverslag"));
  if (rep.status == d::ReportStatus::kDraft || !rep.signedAt) {
    add(ReportStyle::kBanner, Tr("CONCEPT — niet ondertekend en niet verzonden"));
  } else {
    add(ReportStyle::kText, Fmt("Ondertekend {0} door {1}", {d::FormatDateTime(*rep.signedAt), rep.author.name}));
  }
  if (!rep.replaces.empty())
    add(ReportStyle::kBanner, Fmt("Correctie (versie {0}): vervangt het eerder verzonden verslag {1}",
                                  {std::to_string(rep.version), rep.replaces}));
  add(ReportStyle::kText, Fmt("Patiënt: {0}, BSN {1}, geboren {2}", {p.name, bsn, born}));

  const d::LocumContact& c = rep.contact;
  add(ReportStyle::kHeading, Tr("Reden van contact"));
  paragraphs(rep.reason, N_("Geen reden vastgelegd."));
  std::string caller = Fmt("Gebeld door: {0}", {CallerText(c.caller)});
  if (!c.callerDetail.empty()) caller += " (" + c.callerDetail + ")";
  if (c.urgency) caller += Fmt(", urgentie U{0}", {std::to_string(*c.urgency)});
  add(ReportStyle::kText, caller);
  std::string when = Fmt("Contact: {0}", {d::FormatDateTime(c.start)});
  if (c.end) when += Fmt(" tot {0}", {d::FormatDateTime(*c.end)});
  when += ", " + ContactFormText(c.kind);
  if (!c.location.empty()) when += ", " + c.location;
  add(ReportStyle::kText, when);

  add(ReportStyle::kHeading, Tr("Subjectief"));
  paragraphs(rep.subjective, N_("Niets vastgelegd."));
  add(ReportStyle::kHeading, Tr("Objectief"));
  if (rep.objective.empty() && rep.vitals.empty()) add(ReportStyle::kSmall, Tr("Niets vastgelegd."));
  paragraphs(rep.objective, "");
  if (!rep.vitals.empty()) {
    const std::vector<double> widths{0.4, 0.6};
    r.blocks.push_back({ReportStyle::kTableHeader, {Tr("Meting"), Tr("Waarde")}, widths, false});
    for (const auto& v : rep.vitals)
      r.blocks.push_back({ReportStyle::kTableRow, {VitalName(v.kind), d::VitalValueText(v)}, widths, false});
  }
  add(ReportStyle::kHeading, Tr("Evaluatie"));
  if (rep.evaluation.empty() && rep.diagnoses.empty()) add(ReportStyle::kSmall, Tr("Niets vastgelegd."));
  paragraphs(rep.evaluation, "");
  for (const auto& dx : rep.diagnoses) add(ReportStyle::kText, Fmt("Diagnose: {0}", {d::DiagnosisText(dx)}));
  if (rep.episodeProposal && !rep.diagnoses.empty())
    add(ReportStyle::kText, Fmt("Voorstel episode: {0}", {d::DiagnosisText(rep.diagnoses.front())}));
  add(ReportStyle::kHeading, Tr("Beleid"));
  paragraphs(rep.plan, N_("Niets vastgelegd."));

  add(ReportStyle::kHeading, Tr("Medicatie gewijzigd tijdens de dienst"));
  if (rep.medication.empty()) add(ReportStyle::kSmall, Tr("Geen medicatie gewijzigd."));
  for (const auto& m : rep.medication) add(ReportStyle::kText, m.text);
  if (!rep.medication.empty())
    add(ReportStyle::kSmall, Tr("Deze wijzigingen zijn als medicatieafspraak naar de apotheek verstuurd; ze staan in "
                                "het medicatieoverzicht van de patiënt."));

  add(ReportStyle::kHeading, Tr("Verzoek aan eigen arts"));
  if (rep.requests.empty()) {
    add(ReportStyle::kSmall, Tr("Geen verzoeken."));
  } else {
    const std::vector<double> widths{0.62, 0.2, 0.18};
    r.blocks.push_back({ReportStyle::kTableHeader, {Tr("Verzoek"), Tr("Vóór"), Tr("Prioriteit")}, widths, false});
    for (const auto& q : rep.requests) {
      const bool urgent = q.priority == d::RequestPriority::kUrgent;
      r.blocks.push_back({ReportStyle::kTableRow,
                          {q.text, d::FormatDate(q.due), urgent ? Tr("spoed") : Tr("gewoon")},
                          widths,
                          urgent});
    }
  }
  add(ReportStyle::kHeading, Tr("Afspraken met familie en zorgteam"));
  paragraphs(rep.agreements, N_("Geen afspraken vastgelegd."));

  if (rep.context) {
    // Last, and said to be context: what the overview showed, not what the patient uses now.
    const d::ReportContext& x = *rep.context;
    add(ReportStyle::kHeading, Tr("Overzicht bij het contact (context)"));
    add(ReportStyle::kSmall, Fmt("Medicatie en ICA zoals het overzicht ze toonde, opgehaald {0}. Context, geen bron: "
                                 "haal voor besluiten het actuele overzicht op.",
                                 {d::FormatDateTime(x.retrievedAt)}));
    if (!x.incomplete.empty()) add(ReportStyle::kBanner, x.incomplete);
    for (const auto& s : x.sources) add(ReportStyle::kSmall, Fmt("Bron: {0}", {s}));
    add(ReportStyle::kText, Tr("Medicatie:"));
    if (x.medication.empty()) add(ReportStyle::kSmall, Tr("Geen regels in het overzicht."));
    for (const auto& m : x.medication) add(ReportStyle::kText, "• " + m);
    add(ReportStyle::kText, Tr("ICA:"));
    if (x.ica.empty()) add(ReportStyle::kSmall, Tr("Geen regels in het overzicht."));
    for (const auto& i : x.ica) add(ReportStyle::kText, "• " + i);
  }

  add(ReportStyle::kHeading, Tr("Waarnemend arts"));
  add(ReportStyle::kText, rep.author.name);
  add(ReportStyle::kText, Fmt("DEZI-nummer {0}, rol {1}",
                              {rep.author.deziNumber, rep.author.roleName.empty()
                                                          ? rep.author.roleCode
                                                          : rep.author.roleName + " (" + rep.author.roleCode + ")"}));
  add(ReportStyle::kText, Fmt("{0} (URA {1})", {rep.author.organisationName, rep.author.organisationUra}));
  if (!rep.replyPhone.empty())
    add(ReportStyle::kText, Fmt("Bereikbaar voor vragen over deze dienst: {0}", {rep.replyPhone}));
  add(ReportStyle::kSmall, Fmt("Verslag {0}, versie {1}.", {rep.id, std::to_string(rep.version)}));
  return r;
}

std::string LocumReportFileName(const d::LocumReport& report) {
  return SafeFileName(Fmt("Waarneemverslag {0} {1}.pdf",
                          {report.patient.name, d::FormatDate(d::NetherlandsDate(report.contact.start))}));
}

}  // namespace zb::present
