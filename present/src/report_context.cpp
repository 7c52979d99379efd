// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/report_context.h"

#include "present/tr.h"

namespace zb::present {

namespace {

void Append(std::string& line, const std::string& part) {
  if (!part.empty()) line += " — " + part;
}

}  // namespace

domain::ReportContext ReportContextOf(const OverviewView& view, domain::Instant retrievedAt) {
  domain::ReportContext x;
  x.retrievedAt = retrievedAt;
  x.incomplete = view.banner;
  for (const auto& s : view.sources) {
    std::string line = s.name + ": " + s.status;
    // What the source said when it gave nothing: the reader should not have to guess why.
    if (!s.detail.empty()) line += " (" + s.detail + ")";
    x.sources.push_back(std::move(line));
  }
  for (const auto& r : view.medication) {
    std::string line = r.group + ": " + r.product;
    Append(line, r.dose);
    Append(line, r.period);
    Append(line, Fmt("bron: {0}", {r.sources}));
    Append(line, r.gds);
    if (!r.marks.empty()) Append(line, Fmt("let op: {0}", {r.marks}));
    Append(line, r.ica);
    x.medication.push_back(std::move(line));
  }
  for (const auto& r : view.ica) {
    std::string line = r.kind + ": " + r.text;
    if (!r.detail.empty()) line += " (" + r.detail + ")";
    Append(line, Fmt("bron: {0}", {r.sources}));
    x.ica.push_back(std::move(line));
  }
  return x;
}

}  // namespace zb::present
