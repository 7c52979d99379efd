#!/usr/bin/env bash
# README command 1: installs what is missing, builds, starts the simulated outside world
# (zorgbrug-sandbox: DEZI, a Nuts node, GP, pharmacy and hospital over HTTPS on loopback) and the
# organisation gateway, and opens the workstation (zorgbrug) on them in demo mode: log in with DEZI
# in the browser or as a sandbox persona, pick a resident of the demo nursing home, and watch the
# overview fill in from GP, pharmacy and hospital. Without a display (no $DISPLAY), or with
# ZB_DEMO_CLI=1, it logs in as the SO persona and prints the overview of mevrouw Jansen with
# zorgbrug-cli instead; extra arguments then go to `zorgbrug-cli overview` (e.g. --explain, --json)
# and ZB_DEMO_BSN picks another demo patient. ZB_DEMO_OFFLINE=1 skips the network chain and reads
# the demo files directly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev > build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
rm -f build-configure.log
if [ "${ZB_DEMO_OFFLINE:-0}" = "1" ]; then
  cmake --build --preset dev --target zorgbrug-cli
  exec ./build/dev/cli/zorgbrug-cli demo "$@"
fi
cmake --build --preset dev --target zorgbrug zorgbrug-cli zorgbrug-sandbox zorgbrug-gateway
overview_args=("$@")

bin=./build/dev
work=$(mktemp -d "${TMPDIR:-/tmp}/zorgbrug-demo-XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Start a service and wait for its one-line JSON announcement on stdout.
start() {
  local name=$1; shift
  "$@" > "$work/$name.out" 2> "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q ready "$work/$name.out" 2> /dev/null && return 0
    kill -0 "${pids[-1]}" 2> /dev/null || break
    sleep 0.1
  done
  echo "zorgbrug-demo: $name did not start:" >&2; cat "$work/$name.log" >&2; exit 1
}
field() { grep -o "\"$2\":\"[^\"]*\"" "$work/$1.out" | head -1 | cut -d'"' -f4; }

start sandbox "$bin/sandbox/zorgbrug-sandbox" --state-dir "$work/world"
cat "$work/sandbox.log"
start gateway "$bin/gateway/zorgbrug-gateway" --config "$work/world/gateway.json"
cat "$work/gateway.log"

if [ -n "${DISPLAY:-}" ] && [ "${ZB_DEMO_CLI:-0}" != "1" ]; then
  # The demo keeps its own local store (and key file) for this run only: no keychain entry is left.
  echo "Zorgbrug opent; de sandbox en de gateway draaien tot het venster sluit."
  ZORGBRUG_DATA_DIR="$work/data" "$bin/gui/zorgbrug" --gateway "$(field gateway url)" --ca "$(field sandbox ca)" \
    --no-keychain --demo --persona so --import-register resources/demo/register.json \
    --import-formulary resources/formulary/demo-formularium.csv --import-roster resources/formulary/demo-apotheekrooster.csv \
    --identifier-root 2.999.380 || rc=$?
  exit "${rc:-0}"
fi

export ZORGBRUG_SESSION_FILE="$work/session.json"
cli="$bin/cli/zorgbrug-cli"
echo
"$cli" login --gateway "$(field gateway url)" --ca "$(field sandbox ca)" --persona so
echo

# One lookup at all three holders at once (Zorginzage at the GP, the seven MP9 3.0 queries + CiO +
# allergies at pharmacy and hospital), with a status per source, then the consolidated overview.
# Try another demo patient: 999900109 (Visser: her pharmacy says she refused consent) or
# 999990019 (De Boer: never at the hospital).
"$cli" overview --bsn "${ZB_DEMO_BSN:-999991000}" "${overview_args[@]}" || rc=$?
echo
echo "(audit trail of the gateway: $work/world/audit.jsonl)"
exit "${rc:-0}"
