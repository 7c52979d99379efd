// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-amo-import FILE: reads one discharge AMO (PDF, text layer or scanned) and prints what it
// found as JSON on stdout (amo/amo_json.h). It runs as its own process under limits on memory,
// CPU time and file writes, so a hostile or broken PDF can at worst end this process: the
// workstation reports the failure and keeps nothing (amo.md C-R10). Exit 0: read; 2: the file was
// refused (the reason on stderr, one line); 1: usage.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "amo/amo_json.h"
#include "amo/amo_layout.h"
#include "amo/pdf_pages.h"
#include "amo/word_list.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressLimit = false;  // ASan reserves terabytes of address space up front
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressLimit = false;
#else
constexpr bool kAddressLimit = true;
#endif
#else
constexpr bool kAddressLimit = true;
#endif

void Limit(int resource, rlim_t value) {
  rlimit l{value, value};
  setrlimit(resource, &l);  // best effort: an already lower hard limit stays
}

int Refuse(const std::string& file, const std::string& why) {
  std::cerr << "zorgbrug-amo-import: " << file << ": " << why << "\n";
  return 2;
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
// The sanitizer build checks our code for leaks; poppler, Tesseract and fontconfig keep process-wide
// caches until exit by design, so their allocations are not findings.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libpoppler\nleak:libtesseract\nleak:liblept\nleak:libfontconfig\nleak:libfreetype\n";
}
#endif

int main(int argc, char** argv) {
  // Tesseract's OpenMP threads spin on a busy 2-core machine (9 s instead of 1.6 s a page); the
  // OpenMP runtime reads its limit at start-up, so set it and start again once.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // on failure, carry on with the default
  }
  zb::amo::PdfReadOptions options;
  std::string file;
  bool dumpWords = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-ocr") {
      options.ocr = false;
    } else if (a == "--dump-words") {
      dumpWords = true;
    } else if (a == "--max-pages" && i + 1 < argc) {
      options.maxPages = std::atoi(argv[++i]);
    } else if (file.empty() && !a.empty() && a[0] != '-') {
      file = a;
    } else {
      std::cerr << "usage: zorgbrug-amo-import [--no-ocr] [--max-pages N] [--dump-words] FILE\n";
      return 1;
    }
  }
  if (file.empty()) {
    std::cerr << "usage: zorgbrug-amo-import [--no-ocr] [--max-pages N] [--dump-words] FILE\n";
    return 1;
  }
  if (kAddressLimit) Limit(RLIMIT_AS, rlim_t{2} << 30);  // OCR of a 300 dpi page needs a few hundred MB
  Limit(RLIMIT_CPU, 300);                                // the caller's wall-clock deadline is shorter
  Limit(RLIMIT_FSIZE, rlim_t{64} << 20);                 // it writes only its answer (stdout may be a file)
  Limit(RLIMIT_CORE, 0);                                 // nor a core dump with patient data

  std::ifstream in(file, std::ios::binary);
  if (!in) return Refuse(file, "cannot be opened");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  constexpr size_t kMaxBytes = 64u << 20;
  if (bytes.str().size() > kMaxBytes) return Refuse(file, "is larger than 64 MB; an AMO is far smaller");
  auto pages = zb::amo::ReadPdfPages(bytes.str(), options);
  if (!pages) return Refuse(file, pages.error().detail);
  if (dumpWords) {
    std::cout << zb::amo::WriteWordList(pages.value());
    return 0;
  }
  const auto doc = zb::amo::ReadLayout(pages.value());
  if (doc.lines.empty() && doc.header.bsn.text.empty()) {
    return Refuse(file, "no AMO found: neither a medication table nor a patient header was recognised" +
                            std::string(doc.ocrPages > 0 ? " (the pages were read by OCR)" : ""));
  }
  std::cout << zb::amo::ToJson(doc).dump(2) << "\n";
  return 0;
}
