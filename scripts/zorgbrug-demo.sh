#!/usr/bin/env bash
# README command 1: installs what is missing, builds, starts the simulated outside world
# (zorgbrug-sandbox: DEZI, a Nuts node, GP, pharmacy and hospital over HTTPS on loopback) and the
# organisation gateway, logs in with DEZI as the sandbox's SO persona, fetches mevrouw Jansen's
# medication and ICA from the three holders through the gateway (Nuts tokens + DPoP), and prints
# the consolidated overview. Extra arguments go to `zorgbrug-cli overview` (e.g. --explain,
# --format json). ZB_DEMO_OFFLINE=1 skips the network chain and reads the demo files directly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev > build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
rm -f build-configure.log
if [ "${ZB_DEMO_OFFLINE:-0}" = "1" ]; then
  cmake --build --preset dev --target zorgbrug-cli
  exec ./build/dev/cli/zorgbrug-cli demo "$@"
fi
cmake --build --preset dev --target zorgbrug-cli zorgbrug-sandbox zorgbrug-gateway
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

export ZORGBRUG_SESSION_FILE="$work/session.json"
cli="$bin/cli/zorgbrug-cli"
echo
"$cli" login --gateway "$(field gateway url)" --ca "$(field sandbox ca)" --persona so
echo

bsn="http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn%7C999991000"
sct="http%3A%2F%2Fsnomed.info%2Fsct%7C"
files=()
fetch() {  # fetch KIND SERVICE/URA NAME QUERY [FORM]
  local out="$work/$1-$3.json"
  "$cli" fetch "$2" "$4" ${5:+--form "$5"} > "$out" 2> "$work/fetch.log" || { cat "$work/fetch.log" >&2; exit 1; }
  files+=("$1:$1=$out")
}
# GP (Zorginzage R4): resolve the patient by BSN in a POST body, then the agreed queries.
"$cli" fetch HuisartsVVTInzage/90000401 Patient/_search --form "identifier=$bsn" > "$work/gp-patient.json" 2> /dev/null
gp_id=$(grep -o '"id":"[^"]*"' "$work/gp-patient.json" | head -1 | cut -d'"' -f4)
fetch huisarts HuisartsVVTInzage/90000401 ma "MedicationRequest?patient=$gp_id&category=${sct}16076005&_include=MedicationRequest%3Amedication"
fetch huisarts HuisartsVVTInzage/90000401 allergie "AllergyIntolerance?patient=$gp_id&category=medication"
fetch huisarts HuisartsVVTInzage/90000401 flag "Flag?patient=$gp_id"
# Pharmacy and hospital (MP9 3.0 building blocks, CiO flags), by BSN.
for holder in apotheek:90000402 ziekenhuis:90000403; do
  kind=${holder%%:*}; ura=${holder##*:}
  for q in "MedicationRequest 33633005 ma" "MedicationRequest 52711000146108 vv" "MedicationRequest 395067002 wds" \
           "MedicationDispense 422037009 ta" "MedicationDispense 373784005 mve" "MedicationStatement 422979000 mgb" \
           "MedicationAdministration 18629005 mtd"; do
    read -r rtype code name <<< "$q"
    fetch "$kind" "medicatieoverdracht-gf/$ura" "$name" "$rtype?patient.identifier=$bsn&category=${sct}$code&_include=$rtype%3Amedication"
  done
  fetch "$kind" "medicatieoverdracht-gf/$ura" ci "Flag?patient.identifier=$bsn&category=${sct}350241000146102&_include=Flag%3Apatient&_revinclude=Provenance%3Atarget"
  fetch "$kind" "medicatieoverdracht-gf/$ura" bb "Flag?patient.identifier=$bsn&category=${sct}225419007&_include=Flag%3Apatient&_revinclude=Provenance%3Atarget"
  fetch "$kind" "medicatieoverdracht-gf/$ura" allergie "AllergyIntolerance?patient.identifier=$bsn"
done
echo "Opgehaald via de gateway: ${#files[@]} zoekvragen bij huisarts, apotheek en ziekenhuis (audit: $work/world/audit.jsonl)"
echo
"$cli" overview "${files[@]}" "${overview_args[@]}"
