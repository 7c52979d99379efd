#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the GUI tests (they take the screenshots while they run against
# the real sandbox + gateway on a virtual display). Run after a change to a screen.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev > /dev/null
cmake --build --preset dev --target gui_tests zorgbrug-sandbox zorgbrug-gateway
ZB_SCREENSHOT_DIR="$PWD/docs/screenshots" NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_THEME=Adwaita \
  xvfb-run -a -s "-screen 0 1400x900x24" ./build/dev/tests/gui_tests
ls -l docs/screenshots
