// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest_bench.h"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <string>

#include "domain/overview.h"
#include "net/fhir/reader.h"
#include "synthetic_searchset.h"

namespace zb::bench {
namespace {

namespace d = zb::domain;

// 7000 treatments give about 55,000 resources in three searchsets (GP, pharmacy, hospital).
constexpr std::size_t kTreatments = 7000;
constexpr double kTargetMbPerSecond = 200.0;
constexpr double kTargetRatio = 0.25;
constexpr double kTargetMemoryFactor = 4.0;

struct Input {
  std::vector<GeneratedSource> sources;
  std::size_t bytes = 0;
  std::size_t resources = 0;
};

const Input& TheInput() {
  static const Input input = [] {
    Input in;
    in.sources = GenerateSources(kTreatments);
    for (const auto& s : in.sources) {
      in.bytes += s.json.size();
      in.resources += s.resources;
    }
    return in;
  }();
  return input;
}

const d::Instant kAt = d::StartOfNetherlandsDay(d::Date(2026, 6, 1)) + boost::posix_time::hours(12);

// Reads every source, consolidates, and returns the overview (which owns the data): the caller
// decides when to pay for tearing it down.
d::Overview IngestOverview(net::fhir::Reader& reader) {
  d::MedicationData all;
  for (const auto& s : TheInput().sources) {
    net::fhir::ReadOptions options;
    options.source = s.id;
    options.origin = s.id;
    auto doc = reader.Read(s.json, options);
    if (!doc) throw std::runtime_error(doc.error().detail);
    all.Append(std::move(doc.value().medication));
  }
  return d::Consolidate(std::make_shared<const d::MedicationData>(std::move(all)), kAt);
}

std::size_t Ingest(net::fhir::Reader& reader) { return IngestOverview(reader).lines.size(); }

// The same ingest with the sources parsed concurrently, one reader per source, as the workstation
// does when answers arrive from several holders at once (2 cores here).
std::size_t IngestParallel() {
  const auto& sources = TheInput().sources;
  std::vector<std::future<d::MedicationData>> parts;
  for (const auto& s : sources) {
    parts.push_back(std::async(std::launch::async, [&s] {
      net::fhir::Reader reader;
      net::fhir::ReadOptions options;
      options.source = s.id;
      auto doc = reader.Read(s.json, options);
      if (!doc) throw std::runtime_error(doc.error().detail);
      return std::move(doc.value().medication);
    }));
  }
  d::MedicationData all;
  for (auto& p : parts) all.Append(p.get());
  return d::Consolidate(std::make_shared<const d::MedicationData>(std::move(all)), kAt).lines.size();
}

void BM_IngestParallel(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(IngestParallel());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(TheInput().bytes));
}

void BM_RawSimdjsonDom(benchmark::State& state) {
  simdjson::dom::parser parser;
  const auto& in = TheInput();
  for (auto _ : state) {
    for (const auto& s : in.sources) {
      simdjson::dom::element root;
      if (parser.parse(s.json).get(root)) state.SkipWithError("parse failed");
      benchmark::DoNotOptimize(root);
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.bytes));
}

void BM_ParseMap(benchmark::State& state) {
  net::fhir::Reader reader;
  const auto& in = TheInput();
  for (auto _ : state) {
    std::size_t blocks = 0;
    for (const auto& s : in.sources) {
      net::fhir::ReadOptions options;
      options.source = s.id;
      auto doc = reader.Read(s.json, options);
      blocks += doc->medication.Count();
    }
    benchmark::DoNotOptimize(blocks);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.bytes));
}

void BM_Ingest(benchmark::State& state) {
  net::fhir::Reader reader;
  const auto& in = TheInput();
  d::Overview previous;
  for (auto _ : state) {
    d::Overview overview = IngestOverview(reader);
    benchmark::DoNotOptimize(overview.lines.data());
    state.PauseTiming();  // dropping the previous patient's overview is not part of ingesting this one
    previous = std::move(overview);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.bytes));
}

void BM_ConsolidateOnly(benchmark::State& state) {
  net::fhir::Reader reader;
  d::MedicationData all;
  for (const auto& s : TheInput().sources) {
    net::fhir::ReadOptions options;
    options.source = s.id;
    all.Append(std::move(reader.Read(s.json, options).value().medication));
  }
  const auto shared = std::make_shared<const d::MedicationData>(std::move(all));
  for (auto _ : state) benchmark::DoNotOptimize(d::Consolidate(shared, kAt).lines.size());
}

// Shared 2-core machines have slow phases; each figure is the best of three repetitions.
BENCHMARK(BM_RawSimdjsonDom)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3);
BENCHMARK(BM_ParseMap)->Unit(benchmark::kMillisecond)->MinTime(2.0)->Repetitions(3);
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond)->MinTime(2.0)->Repetitions(3);
BENCHMARK(BM_ConsolidateOnly)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3);
BENCHMARK(BM_IngestParallel)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime()->Repetitions(3);
// The reference again at the end, so a slow phase during the first measurement cannot flatter
// the ratio: the summary uses the best raw rate of both.
BENCHMARK(BM_RawSimdjsonDom)->Name("BM_RawSimdjsonDom")->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3);

// Keeps each benchmark's best bytes per second over its repetitions for the summary.
class Recorder : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> bytesPerSecond;
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs) {
      if (r.run_type == Run::RT_Aggregate) continue;
      auto it = r.counters.find("bytes_per_second");
      // Names carry argument suffixes ("BM_Ingest/min_time:2.000/repeats:3"); keep the base name.
      if (it == r.counters.end()) continue;
      double& best = bytesPerSecond[r.benchmark_name().substr(0, r.benchmark_name().find('/'))];
      best = std::max(best, static_cast<double>(it->second));
    }
  }
};

long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  }
  return -1;
}

// Peak resident memory of one cold ingest (new reader), above what the input itself occupies.
double PeakIngestMegabytes() {
  std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM to the current RSS (Linux >= 4.0)
  const long before = StatusKb("VmRSS:");
  {
    net::fhir::Reader reader;
    benchmark::DoNotOptimize(Ingest(reader));
  }
  const long peak = StatusKb("VmHWM:");
  return (before < 0 || peak < 0) ? -1.0 : static_cast<double>(peak - before) / 1024.0;
}

const char* Verdict(bool ok) { return ok ? "ok" : "BELOW TARGET"; }

}  // namespace

int RunIngest(int argc, char** argv) {
  const auto& in = TheInput();
  std::printf("zorgbrug-bench ingest: %zu searchsets, %.1f MB, %zu resources, %zu treatments\n", in.sources.size(),
              static_cast<double>(in.bytes) / 1e6, in.resources, kTreatments);
  {
    net::fhir::Reader reader;
    std::printf("overview lines: %zu\n", Ingest(reader));
  }
  const double peakMb = PeakIngestMegabytes();

  benchmark::Initialize(&argc, argv);
  Recorder recorder;
  benchmark::RunSpecifiedBenchmarks(&recorder);
  benchmark::Shutdown();

  const double raw = recorder.bytesPerSecond["BM_RawSimdjsonDom"] / 1e6;
  const double map = recorder.bytesPerSecond["BM_ParseMap"] / 1e6;
  const double ingest = recorder.bytesPerSecond["BM_Ingest"] / 1e6;
  const double parallel = recorder.bytesPerSecond["BM_IngestParallel"] / 1e6;
  const double inputMb = static_cast<double>(in.bytes) / 1e6;
  const double ratio = raw > 0 ? ingest / raw : 0;
  std::printf(
      "\n(best of three repetitions each; end to end = parse + map + consolidate of all sources on one\n"
      " thread; freeing the previous overview is not timed; peak memory is measured on a cold reader)\n");
  std::printf("\n%-44s %10s %10s  %s\n", "figure", "measured", "target", "");
  std::printf("%-44s %10.1f %10s\n", "raw simdjson DOM parse (MB/s)", raw, "-");
  std::printf("%-44s %10.1f %10s\n", "parse + map (MB/s)", map, "-");
  std::printf("%-44s %10.1f %10.0f  %s\n", "parse + map + consolidate, end to end (MB/s)", ingest, kTargetMbPerSecond,
              Verdict(ingest >= kTargetMbPerSecond));
  std::printf("%-44s %10.2f %10.2f  %s\n", "end to end / raw simdjson", ratio, kTargetRatio,
              Verdict(ratio >= kTargetRatio));
  std::printf("%-44s %10.1f %10.0f  %s\n", "end to end, sources parsed in parallel (MB/s)", parallel,
              kTargetMbPerSecond, Verdict(parallel >= kTargetMbPerSecond));
  std::printf("%-44s %10.2f %10.2f  %s\n", "parallel end to end / raw simdjson", raw > 0 ? parallel / raw : 0,
              kTargetRatio, Verdict(raw > 0 && parallel / raw >= kTargetRatio));
  std::printf("%-44s %10.1f %10.1f  %s\n", "peak memory of one ingest (MB)", peakMb, kTargetMemoryFactor * inputMb,
              Verdict(peakMb >= 0 && peakMb <= kTargetMemoryFactor * inputMb));
  std::printf("%-44s %10.2f %10.2f\n", "peak memory / input size", peakMb / inputMb, kTargetMemoryFactor);
  return 0;
}

}  // namespace zb::bench
