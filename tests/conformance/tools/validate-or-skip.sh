#!/usr/bin/env bash
# Runs validate-fhir.mjs; exit 77 (CTest SKIP_RETURN_CODE) when the npm validators are not
# installed (`npm ci --prefix tests`, which the test script runs, installs them).
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/../../node_modules/@medplum/core" ] || [ ! -d "$here/../../node_modules/fhirpath" ]; then
  echo "skipped: tests/node_modules lacks @medplum/core or fhirpath: run npm ci --prefix tests"
  exit 77
fi
exec node "$here/validate-fhir.mjs" "$@"
