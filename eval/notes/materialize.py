#!/usr/bin/env python3
"""Brings the evaluation material into a scratch folder, from git, at the pinned commits.

    materialize.py SOURCES WORK [--mirrors DIR]

For every source in SOURCES (sources.tsv) the repository is read from DIR/<owner>+<name>/repo (a
bare mirror) when it exists, else cloned bare from GitHub into WORK/git/. Then:

- notes: every file of the repository at the commit is written under WORK/notes/<name>/ --
  Markdown files with their text, every other file as an empty placeholder (a link or embed to
  an attachment must find it; its bytes are irrelevant here). WORK/notes/<name>.list names the
  notes the evaluation opens (the paths column).
- corpus: the CSV is converted into daily-papers pages (the .txt format the server reads) under
  WORK/corpus/<name>/, about 120 papers a page, each page with its header and a date line.

Nothing here is committed: the folders hold other people's text.
"""
import csv
import fnmatch
import os
import subprocess
import sys

csv.field_size_limit(1 << 30)

DATES = {"iclr2020": "Apr 26, 2020", "cvpr2024": "Jun 17, 2024"}
HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n"
PER_PAGE = 120


def git(gitdir, *args, binary=False):
    out = subprocess.run(["git", "--git-dir", gitdir, *args], check=True, stdout=subprocess.PIPE)
    return out.stdout if binary else out.stdout.decode("utf-8", "replace")


def repository(repo, work, mirrors):
    mirror = os.path.join(mirrors, repo.replace("/", "+"), "repo") if mirrors else None
    if mirror and os.path.isdir(mirror):
        return mirror
    local = os.path.join(work, "git", repo.replace("/", "+") + ".git")
    if not os.path.isdir(local):
        subprocess.run(["git", "clone", "--bare", "--quiet", "https://github.com/" + repo, local], check=True)
    return local


def files_at(gitdir, commit):
    """(path, blob, present) for every file of the tree; large blobs may be absent from a mirror."""
    out = []
    for line in git(gitdir, "ls-tree", "-r", "-z", commit).split("\0"):
        if not line:
            continue
        meta, path = line.split("\t", 1)
        mode, kind, blob = meta.split()
        if kind == "blob":
            out.append((path, blob))
    present = set()
    if out:
        check = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "--batch-check"],
                               input="\n".join(b for _, b in out).encode(), stdout=subprocess.PIPE, check=True)
        for line in check.stdout.decode().splitlines():
            if not line.endswith("missing"):
                present.add(line.split()[0])
    return [(p, b, b in present) for p, b in out]


def matches(path, patterns):
    return any(fnmatch.fnmatchcase(path, p) for p in patterns)


def write_notes(name, gitdir, commit, patterns, work):
    root = os.path.join(work, "notes", name)
    opened = []
    for path, blob, present in files_at(gitdir, commit):
        target = os.path.join(root, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        markdown = path.lower().endswith((".md", ".markdown"))
        with open(target, "wb") as f:
            if markdown and present:
                f.write(git(gitdir, "cat-file", "blob", blob, binary=True))
        if markdown and present and matches(path, patterns):
            opened.append(path)
    with open(os.path.join(work, "notes", name + ".list"), "w", encoding="utf-8") as f:
        for p in sorted(opened):
            f.write(p + "\n")
    return len(opened)


def one_line(s):
    return " ".join((s or "").split())


def papers_of(name, text):
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    out = []
    for r in rows:
        if name == "iclr2020":
            title, abstract = r.get("title"), r.get("abstract")
        else:
            title, abstract = r.get("Title"), r.get("summary")
        title, abstract = one_line(title), one_line(abstract)
        if title and abstract and title != "No title found":
            out.append((title, abstract))
    return out


def write_corpus(name, gitdir, commit, path, work):
    text = git(gitdir, "show", commit + ":" + path)
    papers = papers_of(name, text)
    root = os.path.join(work, "corpus", name)
    os.makedirs(root, exist_ok=True)
    for i in range(0, len(papers), PER_PAGE):
        with open(os.path.join(root, "%s_%03d.txt" % (name, i // PER_PAGE)), "w", encoding="utf-8") as f:
            f.write(HEADER + DATES.get(name, "Jan 1") + "\n\n")
            for title, abstract in papers[i:i + PER_PAGE]:
                f.write(title + "\n\n" + abstract + "\n\n")
    return len(papers)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    sources, work = argv[1], argv[2]
    mirrors = argv[argv.index("--mirrors") + 1] if "--mirrors" in argv else None
    for line in open(sources, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        # An optional seventh column (split) only matters to the scoring.
        kind, name, _style, repo, commit, paths = line.rstrip("\n").split("\t")[:6]
        gitdir = repository(repo, work, mirrors)
        if kind == "notes":
            n = write_notes(name, gitdir, commit, paths.split(","), work)
            print("notes  %-10s %5d notes  %s@%s" % (name, n, repo, commit[:10]), file=sys.stderr)
        else:
            n = write_corpus(name, gitdir, commit, paths, work)
            print("corpus %-10s %5d papers %s@%s" % (name, n, repo, commit[:10]), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
