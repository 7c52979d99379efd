// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/draft_texts.h"

#include <cctype>

#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string DraftActionLabel(d::DraftAction action) {
  switch (action) {
    case d::DraftAction::kContinue:
      return Tr("ongewijzigd voortzetten");
    case d::DraftAction::kChange:
      return Tr("wijzigen");
    case d::DraftAction::kStop:
      return Tr("stoppen");
    case d::DraftAction::kPause:
      return Tr("onderbreken");
    case d::DraftAction::kCancel:
      return Tr("geplande start annuleren");
    case d::DraftAction::kStart:
      return Tr("nieuw starten");
  }
  return d::ToString(action);
}

std::string DraftStateText(const d::DraftStaleness& f, bool proposal, const std::map<std::string, std::string>& names) {
  const auto named = names.find(f.nowSource);
  const std::string who = named != names.end() && !named->second.empty() ? named->second
                          : f.nowSource.empty()                          ? Tr("de bron")
                                                                         : f.nowSource;
  switch (f.freshness) {
    case d::DraftFreshness::kCurrent:
      return proposal ? Tr("voorstel: een voorschrijver moet het overnemen") : Tr("concept, niet verzonden");
    case d::DraftFreshness::kReplaced:
      return Fmt("bron gewijzigd: {0} legde een nieuwe afspraak vast; opnieuw bevestigen", {who});
    case d::DraftFreshness::kEnded:
      return Fmt("bron gewijzigd: {0} heeft de medicatie gestopt; opnieuw bevestigen", {who});
    case d::DraftFreshness::kReregistered:
      return Fmt("bron gewijzigd: {0} heeft de afspraak gecorrigeerd; opnieuw bevestigen", {who});
    case d::DraftFreshness::kLineMissing:
      return Tr("de behandeling staat niet meer in het overzicht; opnieuw bevestigen");
    case d::DraftFreshness::kNotAssessable:
      return Tr("niet te controleren: geen opgehaalde gegevens van deze patiënt");
  }
  return {};
}

std::string DispenseText(const d::DispenseDraft& vv) {
  std::string text = Fmt("verstrekkingsverzoek: {0}", {vv.quantity.decimal + " " + vv.quantity.unit});
  if (!vv.pharmacy.display.empty()) text += ", " + vv.pharmacy.display;
  if (!vv.dispenseLocation.display.empty()) text += ", " + Fmt("afleveren op {0}", {vv.dispenseLocation.display});
  for (const auto& w : vv.wishes) {
    std::string wish = w.display;  // the value set's display ("Spoed"), inside a sentence
    if (!wish.empty()) wish[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(wish[0])));
    text += ", " + wish;
  }
  return text;
}

std::string DraftLineMark(const DraftRow& row) {
  return row.blocked ? Fmt("CONCEPT: {0} (bron gewijzigd: opnieuw bevestigen)", {row.action})
                     : Fmt("CONCEPT: {0} (niet verzonden)", {row.action});
}

std::string DoseAndDispense(const DraftRow& row) {
  std::string text = row.dose;
  for (const std::string* part : {&row.timing, &row.dispense}) {
    if (!part->empty()) text += (text.empty() ? "" : "; ") + *part;
  }
  return text;
}

DraftRow DescribeDraft(std::int64_t id, const d::MedicationDraft& draft, const d::AuditUser& author, bool proposal,
                       d::Instant updated, const d::DraftStaleness& freshness, const d::Overview* overview,
                       const std::map<std::string, std::string>& names) {
  DraftRow row;
  row.id = id;
  row.treatment = draft.treatment;
  row.action = DraftActionLabel(draft.action);
  if (!draft.product->empty()) {
    row.product = draft.product->DisplayName();
  } else if (overview) {
    for (const auto& line : overview->lines) {
      if (line.treatment == draft.treatment) row.product = line.product->DisplayName();
    }
  }
  if (row.product.empty()) row.product = draft.treatment.value;
  row.reason = draft.reason.Label();  // the ValueSet's Dutch display: data, as sent
  row.dose = draft.renderedDosage;
  if (draft.action == d::DraftAction::kPause)
    row.dose = draft.pauseUntil ? Fmt("hervatten op {0}", {d::FormatDate(draft.pauseUntil->LocalDate())})
                                : Tr("tot nader order");
  if (draft.dispense) row.dispense = DispenseText(*draft.dispense);
  for (const auto& c : draft.additionalInformation) {
    if (c.system == d::systems::kMaAdditionalInfo && (c.code == "6" || c.code == "7" || c.code == "11"))
      row.timing = c.display;  // GdsTimingCode's display: sent as data
  }
  row.author = author.name + ", " + d::FormatDateTime(updated);
  row.state = DraftStateText(freshness, proposal, names);
  row.blocked = freshness.Blocks();
  return row;
}

namespace {

std::string SignalKindLabel(d::ReleaseSignalKind kind) {
  switch (kind) {
    case d::ReleaseSignalKind::kHypersensitivity:
      return Tr("overgevoeligheid");
    case d::ReleaseSignalKind::kDuplicate:
      return Tr("dubbelmedicatie (zelfde GPK)");
    case d::ReleaseSignalKind::kSameSubstance:
      return Tr("zelfde werkzame stof (ATC)");
    case d::ReleaseSignalKind::kPseudoDuplicate:
      return Tr("zelfde ATC-groep");
    case d::ReleaseSignalKind::kContraIndication:
      return Tr("contra-indicatie");
    case d::ReleaseSignalKind::kGdsTimingMissing:
      return Tr("GDS-moment ontbreekt");
  }
  return d::ToString(kind);
}

}  // namespace

std::string DescribeSignal(const d::ReleaseSignal& s) {
  std::string text = SignalKindLabel(s.kind) + ": ";
  if (s.product.empty()) {
    text += s.what;
  } else if (s.kind == d::ReleaseSignalKind::kGdsTimingMissing) {
    text += Fmt("{0} (kies direct, per volgende rolwissel of na reguliere verwerking)", {s.product});
  } else {
    text += Fmt("{0} — {1}", {s.product, s.what});
  }
  if (s.Blocking()) return text + " — " + Tr("blokkeert de vrijgave");
  if (s.MustHandle()) return text + " — " + Tr("beoordelen met reden vóór vrijgave");
  return text + " — " + Tr("ter informatie");
}

std::string ChecksRunText(const d::ReleaseCheck& check) {
  std::string ran;
  for (auto kind : check.checksRun) ran += (ran.empty() ? "" : ", ") + SignalKindLabel(kind);
  const std::string licence = check.licensedChecks ? Tr("met gelicentieerde kennisbank")
                                                   : Tr("geen gelicentieerde G-Standaard-controle uitgevoerd "
                                                        "(interacties, dosering, leeftijd, nierfunctie)");
  return Fmt("Uitgevoerde controles: {0} ({1}); {2}.", {ran, check.knowledgeBase, licence});
}

std::string DraftsNotSentNote() {
  return Tr(
      "Concepten blijven op deze werkplek tot de vrijgave bij opname: er is niets verzonden, en het "
      "dossier van de bron verandert niet.");
}

std::string DescribeProcessedBlock(const domain::ProcessedBlock& b) {
  const bool dispense = b.kind == domain::ProcessedBlock::Kind::kDispense;
  std::string text = dispense ? Tr("verstrekt") : b.stop ? Tr("toediening gestopt") : Tr("toedieningsafspraak");
  text += ": " + (b.product.empty() ? Tr("(product niet genoemd)") : b.product);
  if (!b.detail.empty()) text += " — " + b.detail;
  if (dispense && b.moment) text += " (" + domain::FormatDateTime(*b.moment) + ")";
  return text;
}

std::string OutboxStateText(const std::string& state) {
  if (state == "queued") return Tr("in de wachtrij");
  if (state == "sending") return Tr("verzonden, antwoord onbekend: wordt nagevraagd");
  if (state == "retry") return Tr("niet bereikt: wordt opnieuw geprobeerd");
  if (state == "delivered") return Tr("afgeleverd");
  if (state == "refused") return Tr("geweigerd");
  if (state == "no-receiver") return Tr("niet elektronisch afgeleverd");
  return Tr("handmatig afgeleverd");
}

OutboxRow DescribeOutbox(const std::string& target, const std::string& receiverName, const std::string& receiverUra,
                         const std::string& state, int attempts, const std::string& answer,
                         const std::vector<domain::ProcessedBlock>& processing,
                         std::optional<domain::Instant> processedAt) {
  OutboxRow r;
  r.receiver = receiverUra.empty()
                   ? Tr("geen ontvanger bekend")
                   : Fmt("{0} (URA {1})", {receiverName.empty() ? receiverUra : receiverName, receiverUra});
  r.kind = target == "pharmacy" ? Tr("recept (apotheek)") : Tr("informatie (eigen ECD)");
  r.state = OutboxStateText(state);
  r.problem = state == "refused" || state == "no-receiver";
  r.attempts = std::to_string(attempts);
  // A delivery's answer is the receiver's own locations: of no use to the physician. What the
  // pharmacy made of it is: the TA and the dispense, once its processing answer came.
  if (state != "delivered") r.answer = answer;
  if (state == "delivered" && target == "pharmacy") {
    if (processedAt) {
      r.state = Fmt("verwerkt door apotheek ({0})", {domain::FormatDateTime(*processedAt)});
      for (const auto& b : processing) r.answer += (r.answer.empty() ? "" : "; ") + DescribeProcessedBlock(b);
    } else {
      r.state = Tr("afgeleverd, wacht op verwerking door apotheek");
    }
  }
  return r;
}

}  // namespace zb::present
