// SPDX-License-Identifier: GPL-3.0-or-later
// Text layout of the overview: completeness first (never an incomplete overview that looks
// complete), then the patient, then treatments grouped by status, then ICA.
#include <algorithm>
#include <set>

#include "overview_report.h"
#include "present/discrepancy_texts.h"
#include "present/dose_texts.h"
#include "present/overview_view.h"
#include "present/texts.h"

namespace zb::cli {

namespace d = zb::domain;
namespace p = zb::present;

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void WriteLine(std::ostream& out, const d::TreatmentLine& line, bool explain) {
  std::string marks;
  if (line.gds.inRoll) marks += "[GDS] ";
  if (line.HasWarning()) marks += "[!] ";
  out << "  " << marks << line.product->DisplayName() << "\n";
  const std::string dose = p::DoseCell(line.DoseBlock());
  if (!dose.empty()) out << "      dosering: " << dose << "\n";
  const std::string period = p::PeriodText(line);
  if (!period.empty()) out << "      periode:  " << period << "\n";
  if (line.endedBy && !line.endedBy->h.reason.empty())
    out << "      reden:    " << line.endedBy->h.reason.Label() << "\n";
  out << "      bron:     " << Join(line.sources) << "\n";
  if (line.gds.keepOutOfRoll) out << "      GDS:      niet in GDS (buiten de rol houden)\n";
  if (line.gds.timing != d::RollTiming::kNone) out << "      GDS:      " << p::RollTimingLabel(line.gds.timing) << "\n";
  if (line.latestUse) {
    const auto& u = *line.latestUse;
    out << "      gebruik:  " << (u.asserted ? d::FormatDate(u.asserted->LocalDate()) + " " : std::string())
        << (u.use == d::UseStatus::kUsing       ? "gebruikt"
            : u.use == d::UseStatus::kNotUsing  ? "gebruikt niet"
            : u.use == d::UseStatus::kStopped   ? "gestopt"
            : u.use == d::UseStatus::kSuspended ? "tijdelijk gestopt"
                                                : "onbekend")
        << (u.asAgreed == false ? ", niet volgens afspraak" : "") << " (" << u.h.source << ")\n";
  }
  if (line.lastDispense) {
    const auto& m = *line.lastDispense;
    out << "      verstrekt: "
        << (m.handedOver ? d::FormatDate(m.handedOver->LocalDate()) : std::string("datum onbekend"))
        << (m.quantity ? ", " + m.quantity->Label() : std::string())
        << (m.daysSupply ? ", voor " + m.daysSupply->Label() : std::string()) << " (" << m.h.source << ")\n";
  }
  for (const auto& ta : line.administrationAgreements) {
    out << "      TA:       " << ta->h.product->DisplayName() << " — " << p::DoseCell(&ta->h)
        << (ta->distributedInGds ? " [GDS]" : "") << " (" << ta->h.source << ")\n";
  }
  for (const auto& x : line.discrepancies) {
    const auto card = p::DiscrepancyCard(x, line, {});
    out << "      " << (x.severity == d::Severity::kWarning ? "! " : "i ") << card.front() << "\n";
    for (std::size_t i = 1; i < card.size(); ++i) out << "          " << card[i] << "\n";
  }
  if (explain) {
    out << "      waarom:\n";
    for (const auto& t : line.trace) out << "        - " << p::Describe(t) << "\n";
  }
}

void WriteIca(std::ostream& out, const d::IcaSummary& ica) {
  out << "\nICA (intoleranties, contra-indicaties, allergieën)\n";
  if (ica.allergies.empty() && ica.contraIndications.empty() && ica.surveillanceDecisions.empty() &&
      ica.alerts.empty()) {
    out << "  geen ICA-gegevens ontvangen\n";
    return;
  }
  if (!ica.allergies.empty()) out << "  Allergieën en intoleranties\n";
  for (const auto& line : ica.allergies) {
    const auto& a = line.item;
    std::string detail = p::CriticalityLabel(a.criticality);
    for (const auto& r : a.reactions) {
      for (const auto& m : r.manifestations)
        detail += (detail.empty() ? "" : "; ") + std::string("reactie: ") + m.Label();
    }
    const std::string status = line.current ? std::string() : " (" + p::ClinicalStatusLabel(a.clinical) + ")";
    out << "    " << (line.current && a.criticality == d::Criticality::kHigh ? "! " : "- ")
        << (a.reactionRecord ? "reactie op " : "") << a.substance.Label() << status
        << (detail.empty() ? "" : " — " + detail) << " · bron: " << Join(line.sources) << "\n";
  }
  if (!ica.contraIndications.empty()) out << "  Contra-indicaties\n";
  for (const auto& line : ica.contraIndications) {
    out << "    - " << line.item.code.Label() << (line.current ? "" : " (niet meer van toepassing)")
        << (line.item.start ? " sinds " + d::FormatDate(line.item.start->LocalDate()) : std::string())
        << " · bron: " << Join(line.sources) << "\n";
  }
  if (!ica.surveillanceDecisions.empty()) out << "  Bewakingsbesluiten\n";
  for (const auto& line : ica.surveillanceDecisions) {
    std::string safe;
    for (const auto& s : line.item.safeWithin) safe += (safe.empty() ? "" : ", ") + s.Label();
    out << "    - niet geven: " << line.item.unsafe.Label() << (safe.empty() ? "" : " (wel veilig: " + safe + ")")
        << (line.current ? "" : " (vervallen)") << " · bron: " << Join(line.sources) << "\n";
  }
  if (!ica.alerts.empty()) out << "  Alerts\n";
  for (const auto& line : ica.alerts) {
    out << "    - " << line.item.code.Label() << (line.current ? "" : " (niet actief)")
        << " · bron: " << Join(line.sources) << "\n";
  }
}

}  // namespace

// First line: what is missing and why, per source, before anything that could look complete.
void WriteSources(std::ostream& out, const d::PatientPicture& picture) {
  if (const std::string banner = p::IncompleteBanner(picture); !banner.empty()) out << banner << "\n";
  out << "\nBron                                     Status                                        Tijd     Vragen  Resources\n";
  for (const auto& s : picture.sources()) {
    std::string name = s.source.name + " (" + p::SourceKindLabel(s.source.kind) + ")";
    std::string status = p::DescribeSource(s);
    auto pad = [](std::string text, std::size_t width) {
      // Pad by characters, not bytes: names and labels hold UTF-8 (é, ë).
      std::size_t chars = 0;
      for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
      if (chars < width) text.append(width - chars, ' ');
      return text + " ";
    };
    out << pad(name, 40) << pad(status, 45) << pad(std::to_string(s.elapsed.count()) + " ms", 8)
        << pad(std::to_string(s.requests), 7) << s.resources << "\n";
    if (!d::Answered(s.status) && !s.detail.empty()) out << "    detail: " << s.detail << "\n";
    if (!d::Answered(s.status) && !s.source.phone.empty()) out << "    " << p::CallText(s.source) << "\n";
  }
  out << "\n";
}

void WriteText(std::ostream& out, const ReportInput& in) {
  const auto& o = in.overview;
  if (in.picture) WriteSources(out, *in.picture);
  if (in.data.skipped > 0) {
    out << "ONVOLLEDIG: " << in.data.skipped << " van " << in.data.resources
        << " onderdelen konden niet worden gelezen; dit overzicht mist mogelijk medicatie of ICA. "
           "Zie 'zorgbrug-cli check' voor de details.\n";
  }
  out << "Medicatieoverzicht op " << d::FormatDateTime(o.at) << "\n";
  std::set<std::string> seenBsn;
  for (const auto& pt : in.data.patients) {
    if (!pt.bsn || !seenBsn.insert(pt.bsn->digits()).second) continue;
    out << "Patiënt:  " << pt.name << ", BSN " << pt.bsn->digits();
    if (pt.birthDate) {
      out << ", geboren " << d::FormatDate(*pt.birthDate);
      if (auto age = pt.AgeOn(d::NetherlandsDate(o.at))) out << " (" << *age << " jaar)";
    }
    out << "\n";
  }
  out << "Bronnen:  ";
  // Several files (one per query) can come from one source: name each source once.
  std::vector<std::string> named;
  for (const auto& s : in.data.sources) {
    if (std::find(named.begin(), named.end(), s.id) != named.end()) continue;
    out << (named.empty() ? "" : ", ") << s.id << " (" << p::SourceKindLabel(s.kind) << ")";
    named.push_back(s.id);
  }
  out << "\n";
  if (o.AnyInRoll()) out << "GDS:      patiënt krijgt medicatie in een baxterrol (GDS)\n";

  for (auto status : {d::TreatmentStatus::kUncertain, d::TreatmentStatus::kCurrent, d::TreatmentStatus::kFuture,
                      d::TreatmentStatus::kSuspended, d::TreatmentStatus::kRecentlyStopped,
                      d::TreatmentStatus::kUseOnly, d::TreatmentStatus::kCancelled, d::TreatmentStatus::kHistoric}) {
    const auto count = o.Count(status);
    if (count == 0) continue;
    if (status == d::TreatmentStatus::kHistoric && !in.history) {
      out << "\n" << p::StatusHeading(status) << ": " << count << " eerdere behandeling(en) (toon met --history)\n";
      continue;
    }
    out << "\n" << p::StatusHeading(status) << " (" << count << ")\n";
    for (const auto& l : o.lines) {
      if (l.status == status) WriteLine(out, l, in.explain);
    }
  }
  if (o.lines.empty()) {
    out << (in.picture && !in.picture->Complete()
                ? "\nGeen medicatie ontvangen van de bronnen die antwoordden; het overzicht is onvolledig.\n"
                : "\nGeen medicatie ontvangen van deze bronnen.\n");
  }
  WriteIca(out, in.ica);
  const auto warnings = std::count_if(in.data.issues.begin(), in.data.issues.end(),
                                      [](const auto& i) { return i.severity == net::fhir::IssueSeverity::kWarning; });
  if (warnings > 0) out << "\n(" << warnings << " waarschuwing(en) bij het inlezen; zie 'zorgbrug-cli check')\n";
}

}  // namespace zb::cli
