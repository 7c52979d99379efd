// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/locum_report_texts.h"

#include <boost/date_time/posix_time/posix_time.hpp>

#include "present/tr.h"

namespace zb::present {

std::string SendStateText(const std::string& state) {
  if (state.empty()) return Tr("niet verzonden");
  if (state == "queued") return Tr("wacht op verzending (wordt opnieuw geprobeerd)");
  if (state == "sent") return Tr("verzonden (tabblad Verzonden: stand bij de ontvanger)");
  if (state == "refused") return Tr("geweigerd door de gateway");
  if (state == "saved") return Tr("bij de gateway, ontvanger nog niet gemeld");
  if (state == "notified") return Tr("ontvanger gemeld");
  if (state == "received") return Tr("opgehaald door ontvanger");
  if (state == "completed") return Tr("gelezen en overgenomen");
  if (state == "no_endpoint") return Tr("ontvanger niet bereikbaar via Nuts: PDF via beveiligde e-mail sturen");
  if (state == "delivered_by_hand") return Tr("handmatig afgeleverd");
  return state;
}

std::string ReportStatusText(domain::ReportStatus status) {
  switch (status) {
    case domain::ReportStatus::kDraft:
      return Tr("concept");
    case domain::ReportStatus::kFinal:
      return Tr("definitief");
    case domain::ReportStatus::kAmended:
      return Tr("gecorrigeerd");
  }
  return domain::ToString(status);
}

std::string TaskStatusText(const std::string& status) {
  if (status == "requested") return Tr("aangeboden, nog niet opgehaald");
  if (status == "received") return Tr("opgehaald");
  if (status == "completed") return Tr("gelezen en overgenomen");
  return status;
}

std::string InstantText(const std::string& fhirInstant) {
  if (fhirInstant.size() != 20 || fhirInstant.back() != 'Z') return fhirInstant;
  try {
    return domain::FormatDateTime(boost::posix_time::from_iso_extended_string(fhirInstant.substr(0, 19)));
  } catch (const std::exception&) {
    return fhirInstant;
  }
}

std::string InboxStateText(const std::string& state) {
  if (state == "new") return Tr("nieuw");
  if (state == "read") return Tr("gelezen");
  if (state == "acknowledged") return Tr("gelezen en overgenomen");
  return state;
}

std::string TodoStateText(bool done, bool overdue, const std::string& doneBy, const std::string& doneAt) {
  if (done) return Fmt("afgerond door {0}, {1}", {doneBy, InstantText(doneAt)});
  return overdue ? Tr("te laat") : Tr("open");
}

std::string RequestsDoneText(std::size_t done, std::size_t total) {
  if (total == 0) return {};
  return Fmt("{0}/{1} afgerond", {std::to_string(done), std::to_string(total)});
}

std::string SignProblemText(const domain::ReportProblem& p) {
  auto starts = [&](const char* prefix) { return p.field.rfind(prefix, 0) == 0; };
  if (starts("patient")) return Tr("patiënt: BSN of naam ontbreekt");
  if (starts("contact.urgency")) return Tr("urgentie (U1–U5) ontbreekt");
  if (starts("contact")) return Tr("contacttijd: in de toekomst, of het einde ligt vóór het begin");
  if (starts("reason")) return Tr("reden van contact ontbreekt");
  if (starts("evaluation") || starts("plan")) return Tr("E (evaluatie) of P (beleid) ontbreekt");
  if (starts("vitals")) return Tr("een meetwaarde is onwaarschijnlijk (tikfout?)");
  if (starts("diagnoses")) return Tr("een diagnose staat niet in ICPC-1-NL of SNOMED CT");
  if (starts("episode")) return Tr("episodevoorstel zonder diagnose");
  if (starts("medication")) return Tr("medicatieregel zonder medicatieafspraak");
  if (starts("requests")) return Tr("verzoek zonder tekst, of met een datum vóór het contact");
  if (starts("author")) return Tr("alleen een arts (DEZI-rol 01.xxx) met DEZI-nummer en URA ondertekent");
  if (starts("context")) return Tr("het meegestuurde overzicht heeft geen of een toekomstige ophaaltijd");
  return p.field + ": " + p.detail;
}

std::string ContextSummaryText(const domain::ReportContext& x) {
  std::string text =
      Fmt("opgehaald {0}: {1} medicatieregel(s), {2} ICA-regel(s)",
          {domain::FormatDateTime(x.retrievedAt), std::to_string(x.medication.size()), std::to_string(x.ica.size())});
  if (!x.incomplete.empty()) text += " — " + Tr("ONVOLLEDIG: niet alle bronnen gaven gegevens");
  return text;
}

std::string ReportAsText(const Report& report) {
  std::string out;
  for (const auto& b : report.blocks) {
    std::string line;
    for (const auto& c : b.cells) {
      if (c.empty()) continue;
      if (!line.empty()) line += " · ";
      line += c;
    }
    const bool heading = b.style == ReportStyle::kTitle || b.style == ReportStyle::kHeading;
    if (heading && !out.empty()) out += "\n";
    if (b.style == ReportStyle::kBanner) line = "!! " + line;
    out += line + "\n";
  }
  return out;
}

}  // namespace zb::present
