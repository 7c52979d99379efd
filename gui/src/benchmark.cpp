// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchmark.h"

#include <wx/frame.h>

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/fhir/reader.h"
#include "overview_panel.h"
#include "present/patient_header.h"

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

domain::SourceKind KindOf(const std::string& id) {
  if (id == "huisarts") return domain::SourceKind::kGeneralPractitioner;
  if (id == "apotheek") return domain::SourceKind::kPharmacy;
  return domain::SourceKind::kHospital;
}

}  // namespace

void RunGuiBenchmark(const StartOptions& options, wxFrame* login) {
  const double startupMs =
      static_cast<double>(Clock::now().time_since_epoch().count() - options.benchmarkStartNs) / 1e6;
  std::ofstream report(options.benchmarkReport);
  report << "startup_ms " << startupMs << "\n";
  report << "rss_login_kb " << ResidentKb() << "\n";

  // The data, ready in a picture as the retriever would leave it after the last source.
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(options.benchmarkInput)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<domain::SourceOutcome> expected;
  for (const auto& f : files) {
    const std::string id = f.stem().string();
    expected.push_back(domain::PendingOutcome({id, KindOf(id), id}, "0000000" + std::to_string(expected.size())));
  }
  domain::PatientPicture picture("999991000", expected);
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    net::fhir::Reader reader;
    net::fhir::ReadOptions ro;
    ro.source = expected[i].source.id;
    ro.origin = files[i].filename().string();
    auto doc = reader.Read(text.str(), ro);
    if (!doc) {
      report << "error " << doc.error().detail << "\n";
      return;
    }
    domain::SourceDelivery d;
    d.outcome = expected[i];
    d.outcome.status = domain::SourceStatus::kData;
    d.medication = std::move(doc.value().medication);
    d.ica = std::move(doc.value().ica);
    picture.Deliver(std::move(d));
  }
  const domain::RegisteredPatient patient{0,
                                          domain::Bsn::Parse("999991000").value(),
                                          "Benchmark, B.",
                                          domain::Date(1938, 4, 2),
                                          domain::PatientCategory::kAdmitted,
                                          std::nullopt,
                                          "",
                                          {}};

  auto* frame = new wxFrame(nullptr, wxID_ANY, "Zorgbrug benchmark", wxDefaultPosition, wxSize(1400, 860));
  auto* panel = new OverviewPanel(frame);
  frame->Show();
  login->Hide();
  frame->Update();
  // Several rounds: the first pays for creating list rows; report the median and the worst.
  std::vector<double> rounds;
  std::size_t lines = 0, rows = 0;
  for (int round = 0; round < 7; ++round) {
    if (round > 0) panel->Clear();
    frame->Update();
    const auto t0 = Clock::now();
    const auto now = boost::posix_time::second_clock::universal_time();
    auto overview = std::make_shared<const domain::Overview>(picture.Consolidate(now));
    const auto view = present::BuildOverviewView(picture, *overview, picture.Ica(now), false);
    panel->Show(view, overview, {});
    panel->ShowHeader(present::BuildPatientHeader(patient, &picture, overview->AnyInRoll(), {now, false, false}, now));
    frame->Update();  // paints now, synchronously: the time the physician waits to see it
    rounds.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    lines = overview->lines.size();
    rows = static_cast<std::size_t>(panel->shownMedicationRows());
  }
  // The same with history shown: every treatment line in the list.
  panel->Clear();
  frame->Update();
  const auto t0 = Clock::now();
  {
    const auto now = boost::posix_time::second_clock::universal_time();
    auto overview = std::make_shared<const domain::Overview>(picture.Consolidate(now));
    panel->Show(present::BuildOverviewView(picture, *overview, picture.Ica(now), true), overview, {});
    frame->Update();
  }
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
