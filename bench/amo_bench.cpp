// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo_bench.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "amo/import_process.h"

namespace zb::bench {

int RunAmo(int argc, char** argv) {
  int perLayout = 6, scanned = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--per-layout") == 0) perLayout = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--scanned") == 0) scanned = std::atoi(argv[i + 1]);
  }
  const auto dir = std::filesystem::temp_directory_path() / ("zorgbrug-bench-amo-" + std::to_string(getpid()));
  const std::string make = std::string(ZB_AMO_CORPUS_PATH) + " " + dir.string() + " --per-layout " +
                           std::to_string(perLayout) + " --scanned " + std::to_string(scanned) + " > /dev/null";
  if (std::system(make.c_str()) != 0) {
    std::fprintf(stderr, "zorgbrug-bench amo: the corpus generator failed\n");
    return 1;
  }
  struct Sum {
    int documents = 0, pages = 0, lines = 0, failed = 0;
    double seconds = 0;
  } text, ocr;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".pdf") continue;
    const bool fax = entry.path().filename().string().find("-fax") != std::string::npos;
    Sum& s = fax ? ocr : text;
    const auto t0 = std::chrono::steady_clock::now();
    auto doc = amo::ImportInProcess({entry.path().string(), std::chrono::seconds(300), true});
    s.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++s.documents;
    if (!doc) {
      ++s.failed;
      continue;
    }
    s.pages += doc->pages;
    s.lines += static_cast<int>(doc->lines.size());
  }
  std::filesystem::remove_all(dir);
  for (const auto& [name, s] : {std::pair<const char*, const Sum&>{"text PDFs", text}, {"faxes (OCR)", ocr}}) {
    std::printf("%-12s %3d documents, %3d pages, %4d lines in %6.2f s: %6.2f pages/s, %6.1f ms per document%s\n", name,
                s.documents, s.pages, s.lines, s.seconds, s.seconds > 0 ? s.pages / s.seconds : 0.0,
                s.documents ? 1000 * s.seconds / s.documents : 0.0,
                s.failed ? (" (" + std::to_string(s.failed) + " failed)").c_str() : "");
  }
  std::printf("targets (issue 17): text >= 20 pages/s, OCR >= 0.5 pages/s; one process per document, as imported\n");
  return text.failed + ocr.failed > 0 ? 1 : 0;
}

}  // namespace zb::bench
