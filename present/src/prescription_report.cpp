// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/prescription_report.h"

#include "present/dose_texts.h"
#include "present/draft_texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string AgreementActionText(const d::MedicationAgreement& ma) {
  switch (ma.h.stop.type) {
    case d::StopType::kStopped:
      return Tr("stoppen");
    case d::StopType::kSuspended:
      return Tr("onderbreken");
    case d::StopType::kCancelled:
      return Tr("annuleren");
    case d::StopType::kNone:
      break;
  }
  return ma.priorPrescription ? Tr("wijzigen (nieuwe afspraak)") : Tr("starten");
}

namespace {

std::string PeriodText(const d::MedicationAgreement& ma) {
  if (!ma.h.period) return {};
  const auto& p = *ma.h.period;
  std::string text;
  if (p.start) text = Fmt("vanaf {0}", {d::FormatDate(p.start->LocalDate())});
  if (p.end) text += (text.empty() ? "" : " ") + Fmt("t/m {0}", {d::FormatDate(p.end->LocalDate())});
  return text;
}

}  // namespace

Report BuildPrescriptionReport(const PrescriptionPaper& paper, const std::string& printedAt) {
  Report r;
  r.title = Fmt("Recept {0}", {paper.patientName});
  r.footer = Fmt("Zorgbrug · recept afgedrukt {0}", {printedAt});
  auto Add = [&r](ReportStyle s, std::vector<std::string> cells, std::vector<double> widths = {}) {
    r.blocks.push_back({s, std::move(cells), std::move(widths), false});
  };
  Add(ReportStyle::kTitle, {Tr("Recept")});
  Add(ReportStyle::kBanner, {Fmt("{0}: deze vrijgave is niet elektronisch bij een apotheek afgeleverd. Dit papier is "
                                 "het voorschrift; bevestig de aflevering daarna in Zorgbrug.",
                                 {OutboxStateText(paper.state)})});
  Add(ReportStyle::kHeading, {Tr("Patiënt")});
  Add(ReportStyle::kText,
      {Fmt("{0}, BSN {1}, geboren {2}",
           {paper.patientName, paper.bsn, paper.birthDate ? d::FormatDate(*paper.birthDate) : "?"})});
  Add(ReportStyle::kText, {paper.pharmacy.empty() ? Tr("Voor: de apotheek van de patiënt (geen elektronische ontvanger "
                                                       "gevonden)")
                                                  : Fmt("Voor: {0}", {paper.pharmacy})});

  Add(ReportStyle::kHeading, {Tr("Medicatieafspraken")});
  const std::vector<double> widths{0.14, 0.32, 0.34, 0.2};
  Add(ReportStyle::kTableHeader, {Tr("Actie"), Tr("Geneesmiddel"), Tr("Dosering"), Tr("Periode")}, widths);
  for (const auto& ma : paper.agreements) {
    std::string dose = ma.h.renderedDosage;
    if (!ma.h.reason.empty()) dose += (dose.empty() ? "" : "; ") + Fmt("reden: {0}", {ma.h.reason.Label()});
    Add(ReportStyle::kTableRow, {AgreementActionText(ma), ma.h.product->DisplayName(), dose, PeriodText(ma)}, widths);
  }
  if (!paper.dispenseRequests.empty()) {
    Add(ReportStyle::kHeading, {Tr("Verstrekkingsverzoeken")});
    for (const auto& vv : paper.dispenseRequests) {
      d::DispenseDraft draft;
      if (vv.quantity) draft.quantity = *vv.quantity;
      draft.pharmacy = vv.performer;
      draft.dispenseLocation = vv.dispenseLocation;
      draft.wishes = vv.additionalWishes;
      Add(ReportStyle::kText, {vv.h.product->DisplayName() + ": " + DispenseText(draft)});
    }
  }

  Add(ReportStyle::kHeading, {Tr("Voorschrijver")});
  Add(ReportStyle::kText, {paper.prescriberName});
  Add(ReportStyle::kText,
      {Fmt(
          "DEZI-nummer {0}, rol {1}",
          {paper.deziNumber, paper.roleName.empty() ? paper.roleCode : paper.roleName + " (" + paper.roleCode + ")"})});
  Add(ReportStyle::kText, {Fmt("{0} (URA {1})", {paper.organisationName, paper.organisationUra})});
  Add(ReportStyle::kText, {Fmt("Vrijgegeven {0}; identiteit vastgesteld met de DEZI-inlog, niet ingetypt.",
                               {d::FormatDateTime(paper.releasedAt)})});
  Add(ReportStyle::kSmall, {Fmt("Niet elektronisch ondertekend. Controle: vrijgave {0}, SHA-256 {1}. Bel bij twijfel "
                                "de voorschrijver.",
                                {paper.bundleIdentifier, paper.sha256})});
  return r;
}

}  // namespace zb::present
