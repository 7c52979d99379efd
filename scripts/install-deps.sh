#!/usr/bin/env bash
# Installs the Debian 12 packages Zorgbrug needs to build, test and run. Idempotent: it only
# calls apt-get when a package is missing. Root (CI) runs apt-get directly, anyone else via sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang-format                       # tests: the tree stays formatted by .clang-format
  clang libclang-rt-14-dev          # libFuzzer harnesses and the fuzz preset
  libboost-dev libboost-date-time-dev
  libsimdjson-dev nlohmann-json3-dev  # FHIR JSON: simdjson reads, nlohmann writes
  libcli11-dev                       # command-line parsing in zorgbrug-cli
  catch2 libbenchmark-dev            # tests and zorgbrug-bench
  libssl-dev openssl                 # JOSE, TLS and the sandbox test CA
  libcurl4-openssl-dev               # the HTTP client
  libcpp-httplib-dev                 # HTTPS server of the gateway and the sandbox
  libsqlite3-dev                     # the workstation's local store
  libsecret-1-dev                    # the OS keychain (Secret Service) for the store's key
  gnome-keyring dbus-daemon          # tests: a private keyring in its own D-Bus session
  libwxgtk3.2-dev gettext            # the workstation's GUI and its translations
  libcairo2-dev                      # PDF export of the overview
  libpoppler-cpp-dev                 # AMO import: words and boxes of a PDF's text layer, page images
  libtesseract-dev libleptonica-dev tesseract-ocr-nld  # AMO import: OCR of faxed and scanned pages
  xvfb xauth                         # GUI tests and the GUI benchmark on a virtual display
  poppler-utils                      # pdftoppm: the PDF's first page as a picture (update-screenshots.sh)
  qpdf                               # tests: a second reader checks the PDF/A update's structure
  python3 fonts-dejavu-core          # the catalog check (tests); the font of the printed overview
  nodejs                             # test-only tools (Prism, jose; npm ships with Node 20 here)
  nginx                              # the production reverse proxy (installer/nginx), tested in front of the gateway
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "zorgbrug: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
