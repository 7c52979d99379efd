// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs zorgbrug-amo-import for one file in its own process and reads its answer. A hostile or
// broken PDF can at worst end that process: the caller gets a clear error and keeps nothing
// (amo.md C-R10). The importer is found through ZB_AMO_IMPORTER, beside the running program, or
// in the build tree.
#include <chrono>
#include <string>

#include "domain/amo_document.h"
#include "domain/result.h"

namespace zb::amo {

struct ImportCall {
  std::string file;
  std::chrono::seconds deadline{120};  // wall clock; the process is killed after it
  bool ocr = true;
};

domain::Result<domain::AmoDocument> ImportInProcess(const ImportCall& call);
std::string ImporterPath();

}  // namespace zb::amo
