#!/usr/bin/env python3
"""Labels the link warnings of `papernotes check --all` on a note vault: right or wrong.

An oracle written apart from the server (plain Python, Obsidian's rules as its help pages state
them), so that the server is not graded by its own resolver:
  - a link target exists when some file's path, relative to the vault and case forgiven, is the
    target or ends with "/" + target, with or without ".md"; or when a note lists it in the
    `aliases:` of its YAML front matter;
  - a heading exists when the target note has a heading whose text equals it, case forgiven
    (Obsidian's own links to "A: B" are written "A B", so ":" counts as a space);
  - a block exists when the target note has "^id" at the end of a line.
A warning about a target that exists is wrong; one about a target that does not is right.

Usage: label-warnings.py VAULT CHECK_OUTPUT [--list]
  VAULT         the folder `check` was run on
  CHECK_OUTPUT  what `papernotes check --all VAULT` printed (paths as it printed them)
Prints: warnings, wrong, right, and the wrong ones (with --list, every verdict).
"""
import os
import re
import sys

import yaml

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): warning: (?P<msg>.*)$")
TARGET = re.compile(r"^No (?:paper or note named|file named|note or file) '(?P<t>.*)'$")
HEADING = re.compile(r"^No heading '(?P<h>.*)' in (?:'(?P<n>.*)'|this note)$")
BLOCK = re.compile(r"^No block '\^(?P<b>.*)' in (?:'(?P<n>.*)'|this note)$")


def vault_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".") and x != "node_modules"]
        for f in files:
            if not f.startswith("."):
                out.append(os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/"))
    return out


def aliases(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    m = re.match(r"---\r?\n(.*?)\r?\n(?:---|\.\.\.)\s*\r?\n", text, re.S)
    if not m:
        return []
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    a = data.get("aliases", data.get("alias"))
    if isinstance(a, str):
        return [a]
    return [str(x) for x in a] if isinstance(a, list) else []


def exists(target, files, alias_set):
    t = target.strip().replace("\\", "/").lstrip("/").lower()
    while t.startswith("./"):
        t = t[2:]
    if not t:
        return True
    for f in files:
        fl = f.lower()
        for cand in (t, t + ".md"):
            if fl == cand or fl.endswith("/" + cand):
                return True
    return t in alias_set


def note_named(name, source, files, root):
    if name is None:
        return os.path.join(root, source)
    n = name.lower()
    for f in files:
        base = os.path.basename(f).lower()
        if base == n + ".md" or base == n:
            return os.path.join(root, f)
    return None


def norm(h):
    return re.sub(r"\s+", " ", re.sub(r"[:#|^\[\]]", " ", h)).strip().lower()


def has_heading(path, heading):
    want = norm(heading)
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m and norm(m.group(1)) == want:
            return True
    return False


def has_block(path, block):
    pat = re.compile(r"(^|\s)\^" + re.escape(block) + r"\s*$")
    return any(pat.search(line.rstrip("\n")) for line in open(path, encoding="utf-8", errors="replace"))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    root, output = sys.argv[1], sys.argv[2]
    listing = "--list" in sys.argv
    files = vault_files(root)
    alias_set = set()
    for f in files:
        if f.lower().endswith(".md"):
            alias_set.update(a.strip().lower() for a in aliases(os.path.join(root, f)))
    prefix = os.path.basename(os.path.normpath(root)) + "/"
    warnings = wrong = 0
    for raw in open(output, encoding="utf-8"):
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        warnings += 1
        source = m.group("file")
        source = source[len(prefix):] if source.startswith(prefix) else source
        msg = m.group("msg")
        verdict = "right"
        if (t := TARGET.match(msg)) is not None:
            verdict = "wrong" if exists(t.group("t"), files, alias_set) else "right"
        elif (h := HEADING.match(msg)) is not None:
            note = note_named(h.group("n"), source, files, root)
            verdict = "wrong" if note and has_heading(note, h.group("h")) else "right"
        elif (b := BLOCK.match(msg)) is not None:
            note = note_named(b.group("n"), source, files, root)
            verdict = "wrong" if note and has_block(note, b.group("b")) else "right"
        else:
            verdict = "unknown"
        wrong += verdict == "wrong"
        if listing or verdict != "right":
            print(f"{verdict}\t{source}:{m.group('line')}:{m.group('col')}\t{msg}")
    share = 100.0 * wrong / warnings if warnings else 0.0
    print(f"warnings {warnings}  wrong {wrong} ({share:.1f} %)  right {warnings - wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
