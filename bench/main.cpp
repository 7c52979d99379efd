// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug-bench: performance targets live here, not in timed tests.
//   zorgbrug-bench ingest [benchmark flags]   FHIR parse + map + consolidate throughput
//   zorgbrug-bench retrieve [--patients N] [--service-ms MS] [--via-nginx]   parallel lookup through the gateway
//   zorgbrug-bench load [--desktops N] [--seconds S] [--service-ms MS] [--via-nginx]   many desktops, one gateway
//   zorgbrug-bench slowloris [--connections N] [--seconds S] [--service-ms MS] [--via-nginx]
//   zorgbrug-bench gui [--treatments N] [--runs N]   the workstation binary: start-up, painting, memory
//   zorgbrug-bench amo [--per-layout N] [--scanned N]   AMO import: pages per second, text and OCR
#include <cstdio>
#include <cstring>

#include "amo_bench.h"
#include "gui_bench.h"
#include "ingest_bench.h"
#include "load_bench.h"
#include "retrieve_bench.h"
#include "slowloris_bench.h"

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    std::fprintf(
        stderr,
        "usage: zorgbrug-bench ingest [--benchmark_* flags]\n       zorgbrug-bench retrieve [--patients N] [--service-ms MS] [--via-nginx]\n       zorgbrug-bench load [--desktops N] [--seconds S] [--service-ms MS] [--via-nginx]\n       zorgbrug-bench slowloris [--connections N] [--seconds S] [--service-ms MS] [--via-nginx]\n       zorgbrug-bench gui [--treatments N] [--runs N]   (needs a display: xvfb-run)\n       zorgbrug-bench amo [--per-layout N] [--scanned N]\n");
    return argc < 2 ? 1 : 0;
  }
  if (std::strcmp(argv[1], "ingest") == 0) {
    argv[1] = argv[0];  // hand the remaining flags to Google Benchmark
    return zb::bench::RunIngest(argc - 1, argv + 1);
  }
  if (std::strcmp(argv[1], "retrieve") == 0) return zb::bench::RunRetrieve(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "load") == 0) return zb::bench::RunLoad(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "amo") == 0) return zb::bench::RunAmo(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "slowloris") == 0) return zb::bench::RunSlowloris(argc - 1, argv + 1);
#ifdef ZB_GUI_PATH
  if (std::strcmp(argv[1], "gui") == 0) return zb::bench::RunGui(argc - 1, argv + 1);
#endif
  std::fprintf(stderr, "zorgbrug-bench: unknown benchmark '%s' (known: ingest, retrieve, load, slowloris, gui, amo)\n",
               argv[1]);
  return 1;
}
