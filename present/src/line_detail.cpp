// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/line_detail.h"

#include "present/ica_texts.h"
#include "present/overview_view.h"
#include "present/texts.h"
#include "present/tr.h"

namespace zb::present {

namespace d = zb::domain;

std::string LineDetail(const d::TreatmentLine& line, const std::map<std::string, std::string>& names,
                       const d::IcaCheck* check) {
  auto Name = [&names](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  std::string out = Fmt("{0} — {1}", {line.product->DisplayName(), StatusLabel(line.status)});
  out += "\n" + Fmt("Behandeling (MBH): {0}", {line.treatment.value});
  const std::string period = PeriodText(line);
  if (!period.empty()) out += "\n" + Fmt("Periode: {0}", {period});
  if (const auto* ica = check ? check->For(line) : nullptr) {
    if (!ica->hits.empty()) {
      out += "\n\n" + (ica->Warns() ? Tr("ICA-WAARSCHUWING:") : Tr("ICA (geen waarschuwing):"));
      for (const auto& hit : ica->hits) out += "\n" + std::string(hit.Warns() ? "⚠ " : "• ") + IcaHitText(hit, names);
    } else if (ica->substances.empty()) {
      out += "\n\n" + Tr("ICA: geen stof van dit product herkend; alleen op gelijke codes gecontroleerd.");
    }
    out += "\n" + IcaChecksText(*check);
  }
  out += "\n\n" + Tr("Bouwstenen:");
  for (const auto& b : line.blocks) {
    out += "\n• " + Fmt("{0} {1} van {2}", {BlockKindLabel(b->kind), b->id.value, Name(b->source)});
    if (b->registered) out += ", " + Fmt("geregistreerd {0}", {d::FormatDateTime(b->registered->Earliest())});
    if (b->copy) out += ", " + Tr("kopie");
    const std::string dose = b->DosageText();
    if (!dose.empty()) out += "\n    " + Fmt("dosering: {0}", {dose});
    if (!b->reason.Label().empty()) out += "\n    " + Fmt("reden: {0}", {b->reason.Label()});
  }
  if (!line.discrepancies.empty()) {
    out += "\n\n" + Tr("Let op:");
    for (const auto& x : line.discrepancies) out += "\n• " + Describe(x);
  }
  if (!line.trace.empty()) {
    out += "\n\n" + Tr("Zo is de status bepaald:");
    for (const auto& t : line.trace) out += "\n• " + Describe(t);
  }
  return out;
}

}  // namespace zb::present
