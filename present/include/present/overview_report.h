// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The printed overview (paper and PDF): what a physician hands over or files. Patient, date of
// printing and by whom, every source with its status (an incomplete overview says so at the top,
// as on screen), the medication grouped as on screen, and the ICA. Layout-free: report/ renders it.
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "present/overview_view.h"
#include "present/patient_header.h"

namespace zb::present {

enum class ReportStyle { kTitle, kHeading, kBanner, kText, kSmall, kTableHeader, kTableRow };

struct ReportBlock {
  ReportStyle style = ReportStyle::kText;
  std::vector<std::string> cells;  // one: a paragraph; several: a table row
  std::vector<double> widths;      // table rows: each column's share of the line (sums to 1)
  bool warning = false;            // row with a discrepancy: printed with a mark
};

struct Report {
  std::string title;   // document title (PDF metadata)
  std::string footer;  // "Zorgbrug · afgedrukt 23-11-2026 14:05 door …" plus the page number
  std::vector<ReportBlock> blocks;
};

Report BuildOverviewReport(const PatientHeader& header, const OverviewView& view, const std::string& printedAt,
                           const std::string& printedBy);

// "Medicatieoverzicht A. Jansen 01-12-2026.pdf": the patient and the day in the name, so a saved
// file is found again and never overwrites another patient's; characters a file system refuses
// are replaced.
std::string ReportFileName(const std::string& patientName, domain::Date day);
// `name` with the characters a file system refuses (/ \ : * ? " < > |) replaced by '-'.
std::string SafeFileName(std::string name);

}  // namespace zb::present
