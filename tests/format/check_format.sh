#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the project differs from what its .clang-format makes of it, and names
# the files. Uses the Debian clang-format of the installed clang (14 on Debian 12): another major
# version formats a few constructs differently, so the version is part of the rule.
# Usage: check_format.sh <source root>
set -euo pipefail
root="${1:?usage: check_format.sh <source root>}"
cd "$root"
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
else
  mapfile -t files < <(find . -path ./build -prune -o -path ./tests/node_modules -prune -o \( -name '*.cpp' -o -name '*.h' \) -print)
fi
existing=()
for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
files=("${existing[@]}")
# One run over all files first (fast); only when it fails, one run per file to name them.
if clang-format --dry-run -Werror "${files[@]}" > /dev/null 2>&1; then
  echo "format: ${#files[@]} files match .clang-format"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" > /dev/null 2>&1 || bad+=("$f")
done
printf 'not formatted by .clang-format (%s):\n' "$(clang-format --version)"
printf '  %s\n' "${bad[@]}"
echo "fix: clang-format -i ${bad[*]}"
exit 1
