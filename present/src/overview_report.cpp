// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/overview_report.h"

#include <algorithm>

#include "present/tr.h"

namespace zb::present {

Report BuildOverviewReport(const PatientHeader& header, const OverviewView& view, const std::string& printedAt,
                           const std::string& printedBy) {
  Report r;
  r.title = Fmt("Medicatieoverzicht {0}", {header.title});
  r.footer = Fmt("Zorgbrug · afgedrukt {0} door {1}", {printedAt, printedBy});
  auto Add = [&r](ReportStyle s, std::vector<std::string> cells, std::vector<double> widths = {},
                  bool warning = false) {
    r.blocks.push_back({s, std::move(cells), std::move(widths), warning});
  };
  Add(ReportStyle::kTitle, {r.title});
  Add(ReportStyle::kText, {header.identity + (header.gds ? " · GDS" : "")});
  Add(ReportStyle::kSmall, {header.freshness});
  // The banner comes before any medication: a reader of the paper must not miss it either.
  if (!view.banner.empty()) Add(ReportStyle::kBanner, {view.banner});
  // The most dangerous facts on page 1, before sources and medication (as the header's strip).
  Add(ReportStyle::kHeading, {Tr("ICA en waarschuwingen")});
  for (const auto& item : header.ica) {
    Add(ReportStyle::kText, {item.text}, {}, item.tone == Tone::kDanger || item.tone == Tone::kWarning);
  }
  for (const auto& warning : view.icaWarnings) Add(ReportStyle::kBanner, {"⚠ " + warning});
  if (!view.icaChecks.empty()) Add(ReportStyle::kSmall, {view.icaChecks});

  // Sources by name and status; timings and request counts are for the screen's sources tab.
  Add(ReportStyle::kHeading, {Tr("Bronnen")});
  const std::vector<double> sourceWidths{0.36, 0.16, 0.48};
  Add(ReportStyle::kTableHeader, {Tr("Bron"), Tr("Telefoon"), Tr("Status")}, sourceWidths);
  for (const auto& s : view.sources) {
    Add(ReportStyle::kTableRow, {s.name, s.phone, s.status}, sourceWidths,
        s.tone == Tone::kDanger || s.tone == Tone::kWarning);
  }

  Add(ReportStyle::kHeading, {Tr("Medicatie")});
  if (std::any_of(view.medication.begin(), view.medication.end(),
                  [](const MedicationRow& m) { return m.dose.rfind("\u201C", 0) == 0; })) {
    Add(ReportStyle::kSmall, {Tr("Dosering tussen \u201C\u201D: de tekst van de bron zoals verstuurd; zonder "
                                 "aanhalingstekens: door Zorgbrug opgesteld uit de gestructureerde gegevens.")});
  }
  const std::vector<double> medWidths{0.13, 0.27, 0.24, 0.2, 0.16};
  Add(ReportStyle::kTableHeader, {Tr("Groep"), Tr("Geneesmiddel"), Tr("Dosering"), Tr("Periode"), Tr("Bron")},
      medWidths);
  if (view.medication.empty()) Add(ReportStyle::kText, {Tr("Geen medicatie ontvangen.")});
  for (const auto& m : view.medication) {
    std::string product = m.product + (m.gds.empty() ? "" : " [" + m.gds + "]");
    Add(ReportStyle::kTableRow, {m.group, product, m.dose, m.period, m.sources}, medWidths, m.warning || m.icaWarning);
    if (!m.marks.empty()) Add(ReportStyle::kSmall, {Fmt("Let op: {0}", {m.marks})});
  }
  if (view.hiddenHistoric > 0) Add(ReportStyle::kSmall, {HiddenHistoryPrintedText(view.hiddenHistoric)});

  Add(ReportStyle::kHeading, {Tr("Intoleranties, contra-indicaties en allergieën (ICA)")});
  const std::vector<double> icaWidths{0.18, 0.32, 0.32, 0.18};
  Add(ReportStyle::kTableHeader, {Tr("Soort"), Tr("Wat"), Tr("Details"), Tr("Bron")}, icaWidths);
  if (view.ica.empty()) Add(ReportStyle::kText, {Tr("Geen ICA-gegevens ontvangen.")});
  for (const auto& i : view.ica) Add(ReportStyle::kTableRow, {i.kind, i.text, i.detail, i.sources}, icaWidths);
  return r;
}

std::string ReportFileName(const std::string& patientName, domain::Date day) {
  return SafeFileName(Fmt("Medicatieoverzicht {0} {1}.pdf", {patientName, domain::FormatDate(day)}));
}

std::string SafeFileName(std::string name) {
  for (auto& c : name) {
    if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|')
      c = '-';
  }
  return name;
}

}  // namespace zb::present
