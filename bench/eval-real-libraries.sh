#!/usr/bin/env bash
# Reads real, public libraries with papernotes' corpus readers and reports entries read, warnings
# and entries lost (bench/src/main/java/dev/papernotes/bench/ReadLibraries.java). The material is not
# in this repository: it is taken at evaluation time from mirrors of these repositories (bare git
# directories, e.g. fetched with `git clone --mirror`), at these commits:
#
#   retorquere/zotero-better-bibtex 73dd67998  test/fixtures/export/*.{bibtex,biblatex,csl.json,csl.yml}
#                                              (Better BibTeX's own expected exports: BibTeX, BibLaTeX,
#                                              CSL-JSON, CSL-YAML, incl. a damaged real library, #1296)
#   plk/biblatex                    d11aa549d8 bibtex/bib/biblatex/biblatex-examples.bib
#   jbibtex/jbibtex                 6118f8a969 src/test/resources/*.bib (incl. Nelson Beebe's
#                                              java.bib and unix.bib, thousands of real entries)
#
#   bench/eval-real-libraries.sh MIRRORS_DIR     (holds retorquere+zotero-better-bibtex/repo, ...)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
mirrors=${1:?usage: $0 MIRRORS_DIR}
work=$(mktemp -d /tmp/papernotes-real-libraries.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bbt" "$work/other"
bbt="$mirrors/retorquere+zotero-better-bibtex/repo"
git --git-dir="$bbt" ls-tree -r --name-only 73dd67998 test/fixtures/export \
  | grep -E '\.(biblatex|bibtex|csl\.json|csl\.yml)$' | while read -r f; do
    b=$(basename "$f"); n=$(printf '%s' "$f" | md5sum | cut -c1-6)
    case "$b" in
      *.biblatex) o="${b%.biblatex}.bib" ;; *.bibtex) o="${b%.bibtex}.bib" ;;
      *.csl.json) o="${b%.csl.json}.json" ;; *.csl.yml) o="${b%.csl.yml}.yaml" ;;
    esac
    git --git-dir="$bbt" show "73dd67998:$f" > "$work/bbt/$n-$o" 2>/dev/null || rm -f "$work/bbt/$n-$o"
  done
git --git-dir="$mirrors/plk+biblatex/repo" show d11aa549d8:bibtex/bib/biblatex/biblatex-examples.bib \
  > "$work/other/biblatex-examples.bib"
for f in bibtex java mendeley unix wiley zotero; do
  git --git-dir="$mirrors/jbibtex+jbibtex/repo" show "6118f8a969:src/test/resources/$f.bib" \
    > "$work/other/jbibtex-$f.bib"
done
mvn -q -f "$root/pom.xml" -pl server,bench -am -DskipTests package >&2
java -cp "$here/target/papernotes-bench.jar:$root/server/target/papernotes.jar" \
  dev.papernotes.bench.ReadLibraries "$work/bbt" "$work/other"
