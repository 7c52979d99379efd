#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the GUI tests (they take the screenshots while they run against
# the real sandbox + gateway on a virtual display). Run after a change to a screen, then look at
# every picture. Two sets: the windows at their own size on a 1440×900 screen, and the main windows
# at 1024×700 (file names ending in -1024x700); plus page 1 of the PDF export, the last page of the
# printed "medicatie bij opname", the paper prescription and the on-call report as PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/docs/screenshots"
cmake --preset dev > /dev/null
cmake --build --preset dev --target gui_tests present_tests zorgbrug-sandbox zorgbrug-gateway
rm -f "$out"/*.png "$out"/*.pdf
run() {
  NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_THEME=Adwaita ZB_SCREENSHOT_DIR="$out" "$@" \
    xvfb-run -a -s "-screen 0 1440x900x24" ./build/dev/tests/gui_tests
}
run env
run env ZB_SCREENSHOT_SIZE=1024x700
# The on-call report's PDF (no screen yet: the present test writes the example's).
ZB_SCREENSHOT_DIR="$out" ./build/dev/tests/present_tests "the on-call report's PDF holds every section's content in the document's order"
if command -v pdftoppm > /dev/null; then
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/overview-jansen.pdf" "$out/pdf-overview-jansen-page1"
  # The printed "medicatie bij opname" is the last page of the export made with a draft open.
  last=$(pdfinfo "$out/admission-jansen.pdf" | awk '/^Pages:/ {print $2}')
  pdftoppm -png -r 80 -f "$last" -l "$last" -singlefile "$out/admission-jansen.pdf" "$out/pdf-admission-jansen-last"
  # The paper prescription of an order no pharmacy took.
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/prescription-jansen.pdf" "$out/pdf-prescription-jansen"
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/locum-report-jansen.pdf" "$out/pdf-waarneemverslag-jansen"
else
  echo "pdftoppm (poppler-utils) is missing: run scripts/install-deps.sh for the PDF page picture" >&2
fi
rm -f "$out"/*.pdf
ls -l "$out"
