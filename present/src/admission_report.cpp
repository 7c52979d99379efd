// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/admission_report.h"

#include "present/tr.h"

namespace zb::present {

void AppendAdmissionMedication(Report& report, const std::vector<DraftRow>& drafts,
                               const std::vector<OutboxRow>& released) {
  auto Add = [&report](ReportStyle s, std::vector<std::string> cells, std::vector<double> widths = {},
                       bool warning = false) {
    report.blocks.push_back({s, std::move(cells), std::move(widths), warning});
  };
  Add(ReportStyle::kHeading, {Tr("Medicatie bij opname: concepten en vrijgaven")});
  if (drafts.empty() && released.empty()) {
    Add(ReportStyle::kText, {Tr("Geen concepten en geen vrijgaven voor deze patiënt.")});
    return;
  }
  if (!drafts.empty()) {
    // The one sentence that keeps a draft on paper from being taken for an order.
    Add(ReportStyle::kBanner, {Tr("Concepten zijn NIET verzonden en gelden niet als voorschrift tot de vrijgave.")});
    const std::vector<double> widths{0.12, 0.26, 0.2, 0.2, 0.22};
    Add(ReportStyle::kTableHeader, {Tr("Actie"), Tr("Medicatie"), Tr("Reden"), Tr("Nieuwe dosering"), Tr("Status")},
        widths);
    for (const auto& d : drafts) {
      Add(ReportStyle::kTableRow, {d.action, d.product, d.reason, DoseAndDispense(d), d.state}, widths, d.blocked);
      if (!d.author.empty()) Add(ReportStyle::kSmall, {Fmt("Concept van {0}", {d.author})});
    }
  }
  if (!released.empty()) {
    const std::vector<double> widths{0.26, 0.16, 0.24, 0.34};
    Add(ReportStyle::kTableHeader, {Tr("Vrijgegeven aan"), Tr("Soort"), Tr("Status"), Tr("Antwoord van de ontvanger")},
        widths);
    for (const auto& o : released)
      Add(ReportStyle::kTableRow, {o.receiver, o.kind, o.state, o.answer}, widths, o.problem);
  }
}

}  // namespace zb::present
