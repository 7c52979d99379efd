// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_bench.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "synthetic_searchset.h"

extern char** environ;

namespace zb::bench {

namespace {

constexpr double kTargetPaintMs = 50;
constexpr double kTargetStartupMs = 500;
constexpr double kTargetRssMb = 120;

std::map<std::string, std::string> ReadReport(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string key, value;
  while (in >> key && std::getline(in, value)) out[key] = value.empty() ? value : value.substr(1);
  return out;
}

// One run of the GUI in benchmark mode; empty map when it failed (the reason printed).
std::map<std::string, std::string> RunOnce(const std::string& input, const std::string& work, int run) {
  const std::string report = work + "/report-" + std::to_string(run) + ".txt";
  const std::string store = work + "/store-" + std::to_string(run) + ".db";
  const std::string start = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  std::vector<std::string> args{
      ZB_GUI_PATH,          "--no-keychain", "--store",           store, "--benchmark-input", input,
      "--benchmark-report", report,          "--benchmark-start", start};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, ZB_GUI_PATH, nullptr, nullptr, argv.data(), environ) != 0) {
    std::fprintf(stderr, "zorgbrug-bench gui: cannot start %s: %s\n", ZB_GUI_PATH, std::strerror(errno));
    return {};
  }
  int status = 0;
  waitpid(pid, &status, 0);
  auto r = ReadReport(report);
  if (!WIFEXITED(status) || r.count("rss_kb") == 0) {
    std::fprintf(stderr, "zorgbrug-bench gui: run %d ended without a full report (exit status %d)%s%s\n", run, status,
                 r.count("error") ? ": " : "", r.count("error") ? r["error"].c_str() : "");
    return {};
  }
  return r;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int RunGui(int argc, char** argv) {
  std::size_t treatments = 400;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--treatments") == 0)
      treatments = std::strtoul(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--runs") == 0)
      runs = std::max(1, std::atoi(argv[i + 1]));
  }
  if (!std::getenv("DISPLAY")) {
    std::fprintf(
        stderr,
        "zorgbrug-bench gui needs a display; on a server run it as: xvfb-run -a -s '-screen 0 1400x900x24' zorgbrug-bench gui\n");
    return 2;
  }
  char pattern[] = "/tmp/zb-bench-gui-XXXXXX";
  const char* made = mkdtemp(pattern);
  if (!made) {
    std::perror("zorgbrug-bench gui: mkdtemp");
    return 2;
  }
  const std::string work = made;
  const std::string input = work + "/sources";
  std::filesystem::create_directories(input);
  for (const auto& s : GenerateSources(treatments))
    std::ofstream(input + "/" + s.id + ".json", std::ios::binary) << s.json;

  std::vector<double> startup, paintFirst, paintMedian, paintMax, paintAll, rss, rssLogin;
  std::string lines, rows, rowsAll;
  for (int run = 0; run < runs; ++run) {
    auto r = RunOnce(input, work, run);
    if (r.empty()) return 1;
    startup.push_back(std::stod(r["startup_ms"]));
    paintFirst.push_back(std::stod(r["paint_first_ms"]));
    paintMedian.push_back(std::stod(r["paint_median_ms"]));
    paintMax.push_back(std::stod(r["paint_max_ms"]));
    rss.push_back(std::stod(r["rss_kb"]) / 1024.0);
    rssLogin.push_back(std::stod(r["rss_login_kb"]) / 1024.0);
    paintAll.push_back(std::stod(r["paint_all_ms"]));
    rowsAll = r["rows_all"];
    lines = r["lines"];
    rows = r["rows"];
  }
  std::filesystem::remove_all(work);

  const double s = Median(startup), first = Median(paintFirst), paint = Median(paintMedian),
               worst = *std::max_element(paintMax.begin(), paintMax.end()),
               mem = *std::max_element(rss.begin(), rss.end());
  std::printf(
      "zorgbrug-bench gui: %d runs of the zorgbrug binary, patient with %s treatment lines (%s rows shown, history hidden)\n",
      runs, lines.c_str(), rows.c_str());
  std::printf("%-58s %10s %10s\n", "measure", "value", "target");
  std::printf("%-58s %7.1f ms %7s ms\n", "start-up to login window painted (median)", s, "<= 500");
  std::printf("%-58s %7.1f ms %7s ms\n", "data ready -> overview painted, first paint (median)", first, "<= 50");
  std::printf("%-58s %7.1f ms %10s\n", "data ready -> overview painted, repaint (median)", paint, "-");
  std::printf("%-58s %7.1f ms %10s\n", "data ready -> overview painted, worst of all rounds", worst, "-");
  std::printf("%-58s %7.1f ms %10s\n", ("same with history shown (" + rowsAll + " rows, median)").c_str(),
              Median(paintAll), "-");
  std::printf("%-58s %7.1f MB %10s\n", "resident memory at the login window (median)", Median(rssLogin), "-");
  std::printf("%-58s %7.1f MB %7s MB\n", "resident memory with that patient open (max)", mem, "<= 120");
  const bool met = s <= kTargetStartupMs && first <= kTargetPaintMs && mem <= kTargetRssMb;
  std::printf("%s\n", met ? "targets met" : "TARGETS NOT MET");
  return met ? 0 : 3;
}

}  // namespace zb::bench
