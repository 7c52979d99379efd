// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/line_detail.h"

#include <algorithm>

#include "present/discrepancy_texts.h"
#include "present/dose_texts.h"
#include "present/ica_texts.h"
#include "present/overview_view.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

namespace {}  // namespace

std::string LineDetail(const d::TreatmentLine& line, const std::map<std::string, std::string>& names,
                       const d::IcaCheck* check) {
  std::string out = Fmt("{0} — {1}", {line.product->DisplayName(), StatusLabel(line.status)});
  const std::string period = PeriodText(line);
  if (!period.empty()) out += "\n" + Fmt("Periode: {0}", {period});
  // Who to ask and why, before the checks: the prescriber, the reason, the last dispense.
  if (!line.agreements.empty() && !line.agreements.front()->h.author.display.empty()) {
    const auto& ma = line.agreements.front()->h;
    const std::string from = SourceNameOf(ma.source, names);
    // The author's display often names the organisation already ("…, dr. M. Bakker (huisarts)").
    out += "\n" + (ma.author.display.find(from) != std::string::npos
                       ? Fmt("Voorschrijver: {0}", {ma.author.display})
                       : Fmt("Voorschrijver: {0} ({1})", {ma.author.display, from}));
  }
  // The indication as each prescribing source recorded it; the same problem from two sources once.
  std::vector<std::pair<std::string, std::vector<std::string>>> indications;
  for (const auto& ma : line.agreements) {
    for (const auto& indication : ma->indications) {
      const std::string label = indication.Label();
      auto it = std::find_if(indications.begin(), indications.end(), [&](const auto& i) { return i.first == label; });
      if (it == indications.end()) it = indications.insert(indications.end(), {label, {}});
      if (std::find(it->second.begin(), it->second.end(), ma->h.source) == it->second.end())
        it->second.push_back(ma->h.source);
    }
  }
  for (const auto& [label, sources] : indications)
    out += "\n" + Fmt("Indicatie: {0} ({1})", {label, JoinSourceNames(sources, names)});
  const d::BlockHeader* why = line.endedBy ? &line.endedBy->h : nullptr;
  if (!why && !line.agreements.empty()) why = &line.agreements.front()->h;
  if (why && !why->reason.Label().empty()) {
    out += "\n" + (line.endedBy ? Fmt("Reden stoppen: {0}", {why->reason.Label()})
                                : Fmt("Reden (wijziging): {0}", {why->reason.Label()}));
  }
  if (line.lastDispense) {
    const auto& m = *line.lastDispense;
    std::string dispense = m.handedOver ? d::FormatDate(m.handedOver->LocalDate()) : Tr("datum onbekend");
    if (m.quantity) dispense += ", " + m.quantity->Label();
    if (m.daysSupply) dispense += ", " + Fmt("voor {0}", {m.daysSupply->Label()});
    out += "\n" + Fmt("Laatste verstrekking: {0} ({1})", {dispense, SourceNameOf(m.h.source, names)});
  }
  if (const auto* ica = check ? check->For(line) : nullptr) {
    if (!ica->hits.empty()) {
      out += "\n\n" + (ica->Warns() ? Tr("ICA-WAARSCHUWING:") : Tr("ICA (geen waarschuwing):"));
      for (const auto& hit : ica->hits) out += "\n" + std::string(hit.Warns() ? "⚠ " : "• ") + IcaHitText(hit, names);
    } else if (ica->substances.empty()) {
      out += "\n\n" + Tr("ICA: geen stof van dit product herkend; alleen op gelijke codes gecontroleerd.");
    }
    out += "\n" + IcaChecksText(*check);
  }
  if (!line.discrepancies.empty()) {
    out += "\n\n" + Tr("Let op:");
    for (const auto& x : line.discrepancies) {
      const auto card = DiscrepancyCard(x, line, names);
      out += "\n• " + card.front();
      for (std::size_t i = 1; i < card.size(); ++i) out += "\n    – " + card[i];
    }
  }
  out += "\n\n" + Tr("Bouwstenen:");
  for (const auto& b : line.blocks) {
    std::string when = b->registered ? d::FormatDateTime(b->registered->Earliest()) : std::string();
    out += "\n• " + (when.empty()
                         ? Fmt("{0} van {1}", {BlockKindLabel(b->kind), SourceNameOf(b->source, names)})
                         : Fmt("{0} van {1}, {2}", {BlockKindLabel(b->kind), SourceNameOf(b->source, names), when}));
    if (b->copy) out += ", " + Tr("kopie");
    if (!b->product->empty()) out += "\n    " + b->product->DisplayName();
    const DoseText dose = DoseOf(*b);
    if (!dose.text.empty()) {
      out += "\n    " + (dose.fromSource ? Fmt("dosering (tekst van de bron): {0}", {dose.Full()})
                                         : Fmt("dosering: {0}", {dose.Full()}));
    }
    if (!b->reason.Label().empty()) out += "\n    " + Fmt("reden: {0}", {b->reason.Label()});
    if (!b->author.display.empty()) out += "\n    " + Fmt("door: {0}", {b->author.display});
  }
  return out;
}

std::string LineTechnicalDetail(const d::TreatmentLine& line, const std::map<std::string, std::string>& names) {
  std::string out = Fmt("Behandeling (MBH): {0}", {line.treatment.value});
  for (const auto& b : line.blocks) {
    out += "\n• " + Fmt("{0} {1} van {2}", {BlockKindLabel(b->kind), b->id.value, SourceNameOf(b->source, names)});
    if (!b->resourceId.empty()) out += " (" + b->resourceId + ")";
  }
  for (const auto& x : line.discrepancies) {
    if (x.args.empty()) continue;
    std::string args;
    for (const auto& a : x.args) args += (args.empty() ? "" : " | ") + a;
    out += "\n• " + std::string(d::ToString(x.kind)) + ": " + args;
  }
  if (!line.trace.empty()) {
    out += "\n\n" + Tr("Zo is de status bepaald:");
    for (const auto& t : line.trace) out += "\n• " + Describe(t);
  }
  return out;
}

}  // namespace zb::present
