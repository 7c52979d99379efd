#!/usr/bin/env bash
# README command 2: the whole test suite. Installs what is missing, builds with warnings as errors
# and runs every test (unit, layering, integration of sandbox + gateway + client, conformance
# against ../shared when present, with Prism and jose from tests/package-lock.json). With
# ZB_FULL_CHECK=1 (CI) it also runs unit, integration and conformance tests under AddressSanitizer
# + UBSan and fuzzes the FHIR reader (60 s), the JOSE/URL parsers (30 s), the holder-answer
# reader (20 s), the gateway's input checks (20 s), the formulary CSV /
# draft documents / on-call reports (20 s) and the AMO importer's PDF and layout stages (30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

section() { printf '\n==== %s ====\n' "$1"; }

section "test-only tools (npm ci in tests/, pinned by tests/package-lock.json)"
if command -v npm > /dev/null; then
  if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    npm ci --prefix tests --no-audit --no-fund
  fi
else
  echo "npm is not available: the Prism/jose conformance test will skip and say so"
fi

section "build (dev preset, -Werror)"
cmake --preset dev -DZB_WERROR=ON > /dev/null
cmake --build --preset dev
section "tests"
mkdir -p build
ctest --preset dev -j2 | tee build/ctest-dev.log

if [ "${ZB_FULL_CHECK:-0}" = "1" ]; then
  section "AddressSanitizer + UndefinedBehaviorSanitizer: unit, integration and conformance tests"
  cmake --preset asan -DZB_WERROR=ON > /dev/null
  cmake --build --preset asan
  # The release crash loop runs its 200 kills in the dev stage above; under the sanitizers 50 runs
  # look for memory errors in the same paths at a quarter of the time (about 200 s otherwise).
  ZB_CRASH_RUNS=50 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j2

  section "fuzz: FHIR reader -> consolidation, 60 seconds"
  cmake --preset fuzz > /dev/null
  # Only the harnesses and the libraries they link: the tools and servers are built and tested above.
  cmake --build --preset fuzz --target fuzz_fhir_overview fuzz_jose fuzz_answer fuzz_gateway_input fuzz_formulary fuzz_amo
  corpus=build/fuzz/corpus
  rm -rf "$corpus" && mkdir -p "$corpus"
  find tests/data resources/demo -name '*.json' -exec cp {} "$corpus"/ \;
  if [ -d ../shared/fixtures/nictiz ]; then
    find ../shared/fixtures/nictiz/Nictiz-testscripts/mp9-fixtures-searchset-xml ../shared/fixtures/nictiz/Nictiz-R4-cio/Examples \
      -name '*.json' -size -64k -exec cp {} "$corpus"/ \;
  fi
  (cd build/fuzz && ./fuzz/fuzz_fhir_overview -max_total_time=60 -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -dict=../../fuzz/fhir.dict -print_final_stats=1 corpus)

  section "fuzz: JOSE (JWS, JWE, JWK), OpenSSH keys, URLs and forms, 30 seconds"
  jose_corpus=build/fuzz/corpus-jose
  rm -rf "$jose_corpus" && mkdir -p "$jose_corpus" && cp fuzz/seeds/jose/* "$jose_corpus"/
  (cd build/fuzz && ./fuzz/fuzz_jose -max_total_time=30 -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 corpus-jose)
  section "fuzz: holder answers as the desktop reads them (status, OperationOutcome, paging), 20 seconds"
  answer_corpus=build/fuzz/corpus-answer
  rm -rf "$answer_corpus" && mkdir -p "$answer_corpus" && cp fuzz/seeds/answer/* "$answer_corpus"/
  (cd build/fuzz && ./fuzz/fuzz_answer -max_total_time=20 -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
    -dict=../../fuzz/fhir.dict -print_final_stats=1 corpus-answer)
  section "fuzz: gateway input (login body, request target, relay checks, next links, session proofs), 20 seconds"
  gateway_corpus=build/fuzz/corpus-gateway
  rm -rf "$gateway_corpus" && mkdir -p "$gateway_corpus" && cp fuzz/seeds/gateway/* "$gateway_corpus"/
  (cd build/fuzz && ./fuzz/fuzz_gateway_input -max_total_time=20 -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 corpus-gateway)
  section "fuzz: the formulary CSV, stored draft documents and on-call reports, 20 seconds"
  formulary_corpus=build/fuzz/corpus-formulary
  rm -rf "$formulary_corpus" && mkdir -p "$formulary_corpus" && cp fuzz/seeds/formulary/* "$formulary_corpus"/
  (cd build/fuzz && ./fuzz/fuzz_formulary -max_total_time=20 -max_len=32768 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 corpus-formulary)
  section "fuzz: AMO import (PDF text layer, layout analysis, cell readers), 30 seconds"
  amo_corpus=build/fuzz/corpus-amo
  rm -rf "$amo_corpus" && mkdir -p "$amo_corpus" && cp fuzz/seeds/amo/* "$amo_corpus"/
  # Text PDFs of the generated corpus as seeds (the dev build made the generator above).
  build/dev/tools/amo-corpus/zorgbrug-amo-corpus "$amo_corpus/pdf" --per-layout 1 --scanned 0 > /dev/null
  mv "$amo_corpus"/pdf/*.pdf "$amo_corpus"/ && rm -rf "$amo_corpus/pdf"
  (cd build/fuzz && ./fuzz/fuzz_amo -max_total_time=30 -max_len=262144 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 corpus-amo)
fi
section "done"
# One plain closing line: "tests: N passed, N failed" (from the main ctest run above).
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' build/ctest-dev.log | tail -1)
total=$(sed -E 's/.* out of ([0-9]+)/\1/' <<<"$summary")
failed=$(sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/' <<<"$summary")
echo "tests: $((total - failed)) passed, ${failed} failed"
