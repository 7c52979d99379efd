// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
namespace zb::bench {
// zorgbrug-bench amo [--per-layout N] [--scanned N]: pages per second of the AMO importer, for
// text PDFs and for faxes read by OCR, end to end through the importer process.
int RunAmo(int argc, char** argv);
}  // namespace zb::bench
