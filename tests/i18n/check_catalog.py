#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a user-visible text is not in the message catalogs.

1. Every message the sources mark (T, TF, Tr, Fmt, N_ in gui/ and present/) must have a
   non-empty English translation in resources/locale/en/zorgbrug.po and be present in nl.
2. No string literal that reads as text may reach the GUI unmarked: in gui/src every literal with
   a word and a space (or a non-ASCII letter) must be part of a marked message, unless its line
   says `// not-ui` (command-line help and the benchmark's machine report are exempt).
Usage: check_catalog.py <source root>
"""
import json, re, subprocess, sys, tempfile, pathlib

root = pathlib.Path(sys.argv[1])
gui_files = sorted((root / "gui/src").glob("*.cpp")) + sorted((root / "gui/src").glob("*.h"))
sources = gui_files + sorted((root / "present/src").glob("*.cpp"))
keywords = ["-kT", "-kTF", "-kTr", "-kFmt", "-kN_"]

def read_po(path):
    entries, cur, field = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            cur = [json.loads(line[6:]), ""]; field = 0
        elif line.startswith("msgstr "):
            field = 1; cur[1] = json.loads(line[7:])
            entries[cur[0]] = cur[1]
        elif line.startswith('"') and cur is not None:
            cur[field] += json.loads(line)
            if field == 1: entries[cur[0]] = cur[1]
    entries.pop("", None)
    return entries

with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "zorgbrug.pot"
    subprocess.run(["xgettext", "--from-code=UTF-8", "-C", "--no-wrap", "-o", str(pot)] + keywords + [str(s) for s in sources],
                   check=True, stderr=subprocess.DEVNULL)
    messages = read_po(pot)

problems = []
en = read_po(root / "resources/locale/en/zorgbrug.po")
nl = read_po(root / "resources/locale/nl/zorgbrug.po")
for msgid in sorted(messages):
    if not en.get(msgid):
        problems.append(f"not translated in resources/locale/en/zorgbrug.po: {json.dumps(msgid, ensure_ascii=False)}")
    if msgid not in nl:
        problems.append(f"missing in resources/locale/nl/zorgbrug.po: {json.dumps(msgid, ensure_ascii=False)}")
for msgid in sorted(set(en) - set(messages)):
    problems.append(f"obsolete in en/zorgbrug.po (no source uses it; remove it): {json.dumps(msgid, ensure_ascii=False)}")

literal = re.compile(r'"((?:[^"\\]|\\.)*)"')
marked_text = "\u0000".join(messages)
for path in gui_files:
    if path.name == "benchmark.cpp":
        continue
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("//")[0] if "//" in line and '"' not in line.split("//")[0][-1:] else line
        stripped = line.strip()
        if stripped.startswith(("//", "#include")) or "// not-ui" in line or "parser.Add" in line:
            continue
        for m in literal.finditer(line):
            text = bytes(m.group(1), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            looks_like_text = re.search(r"[A-Za-z]{2}", text) and (" " in text.strip() or re.search(r"[^\x00-\x7f]", text))
            if looks_like_text and text not in marked_text:
                problems.append(f"{path.relative_to(root)}:{number}: user-visible text not in the catalog (wrap it in T()/TF()): {text}")

for p in problems:
    print(p)
print(f"catalog check: {len(messages)} messages, {len(problems)} problems")
sys.exit(1 if problems else 0)
