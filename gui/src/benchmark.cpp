// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchmark.h"

#include <wx/frame.h>

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "overview_panel.h"
#include "workstation/call_queue.h"
#include "workstation/file_lookups.h"
#include "workstation/patient_session.h"

namespace zb::gui {

namespace {

using Clock = std::chrono::steady_clock;

long ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

void RunGuiBenchmark(const StartOptions& options, wxFrame* login) {
  const double startupMs =
      static_cast<double>(Clock::now().time_since_epoch().count() - options.benchmarkStartNs) / 1e6;
  std::ofstream report(options.benchmarkReport);
  report << "startup_ms " << startupMs << "\n";
  report << "rss_login_kb " << ResidentKb() << "\n";

  // The data, ready in the session as the lookup would leave it after the last source.
  auto files = workstation::FileLookups::InFolder(options.benchmarkInput);
  if (!files) {
    report << "error " << files.error().detail << "\n";
    return;
  }
  domain::RegisteredPatient patient{0,
                                    domain::Bsn::Parse("999991000").value(),
                                    "Benchmark, B.",
                                    domain::Date(1938, 4, 2),
                                    domain::PatientCategory::kAdmitted,
                                    std::nullopt,
                                    "",
                                    files->sources()};
  workstation::CallQueue queue;
  workstation::PatientSession session(
      files.value(), [&queue](std::function<void()> call) { queue.Post(std::move(call)); }, nullptr);
  session.Open(patient);
  queue.RunPending();
  if (!session.picture() || !session.picture()->Complete()) {
    report << "error the benchmark data did not load completely\n";
    return;
  }

  auto* frame = new wxFrame(nullptr, wxID_ANY, "Zorgbrug benchmark", wxDefaultPosition, wxSize(1400, 860));
  auto* panel = new OverviewPanel(frame);
  frame->Show();
  login->Hide();
  frame->Update();
  // One render as the main window does it: the session's screen (consolidation, rows, header),
  // the widgets filled, and a synchronous paint — the time the physician waits to see it.
  auto render = [&](bool history) {
    const auto screen = session.Screen(boost::posix_time::second_clock::universal_time(), {history, nullptr, nullptr});
    panel->Show(screen.view, screen.overview, screen.sourceNames);
    panel->ShowHeader(screen.header);
    frame->Update();
    return screen.overview->lines.size();
  };
  // Several rounds: the first pays for creating list rows; report the median and the worst.
  std::vector<double> rounds;
  std::size_t lines = 0, rows = 0;
  for (int round = 0; round < 7; ++round) {
    if (round > 0) panel->Clear();
    frame->Update();
    const auto t0 = Clock::now();
    lines = render(false);
    rounds.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    rows = static_cast<std::size_t>(panel->shownMedicationRows());
  }
  // The same with history shown: every treatment line in the list.
  panel->Clear();
  frame->Update();
  const auto t0 = Clock::now();
  render(true);
  report << "paint_all_ms " << std::chrono::duration<double, std::milli>(Clock::now() - t0).count() << "\n";
  report << "rows_all " << panel->shownMedicationRows() << "\n";
  std::vector<double> sorted = rounds;
  std::sort(sorted.begin(), sorted.end());
  report << "lines " << lines << "\n";
  report << "rows " << rows << "\n";
  report << "paint_first_ms " << rounds.front() << "\n";
  report << "paint_median_ms " << sorted[sorted.size() / 2] << "\n";
  report << "paint_max_ms " << sorted.back() << "\n";
  report << "rss_kb " << ResidentKb() << "\n";
  frame->Destroy();
  login->Destroy();
}

}  // namespace zb::gui
