// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Renders a consolidated overview and ICA summary for people (text) and for machines (JSON).
#include <ostream>

#include "domain/ica.h"
#include "domain/overview.h"
#include "domain/retrieval.h"
#include "source_files.h"

namespace zb::cli {

struct ReportInput {
  const LoadedData& data;
  const domain::Overview& overview;
  const domain::IcaSummary& ica;
  bool explain = false;  // reason trace per line
  bool history = false;  // list historic treatments instead of only counting them
  // Set when the data was looked up at the sources: their status comes first, and the overview is
  // complete only when every source answered.
  const domain::PatientPicture* picture = nullptr;
};

void WriteText(std::ostream& out, const ReportInput& in);
void WriteJson(std::ostream& out, const ReportInput& in);

}  // namespace zb::cli
