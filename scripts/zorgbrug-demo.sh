#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and shows the consolidated medication
# overview and ICA of the demo patient (synthetic data, dates relative to today). Extra arguments
# go to `zorgbrug-cli demo` (e.g. --explain, --history, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev > build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
rm -f build-configure.log
cmake --build --preset dev --target zorgbrug-cli
exec ./build/dev/cli/zorgbrug-cli demo "$@"
