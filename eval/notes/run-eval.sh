#!/usr/bin/env bash
# The real-notes evaluation: fetches the note collections and paper lists of sources.tsv at their
# pinned commits (a bare mirror under $EVAL_MIRRORS when there is one, else GitHub), converts the
# paper lists into daily-papers pages, runs the packaged server over each collection as an editor
# would, and scores what it recognised against labels.tsv. Nothing fetched is written into the
# repository; everything goes to $EVAL_WORK (default /tmp/papernotes-eval).
#
#   eval/notes/run-eval.sh                    # the server built from this tree
#   EVAL_JAR=/path/to/papernotes.jar eval/notes/run-eval.sh   # another build (e.g. a baseline)
#
# Output: the score table on stdout and in $EVAL_WORK/score.md; every recognised mention, link,
# document link and diagnostic in $EVAL_WORK/found.tsv (collection, path, line, column, kind, name).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${EVAL_WORK:-/tmp/papernotes-eval}
mirrors=${EVAL_MIRRORS:-/work/.mirror}
mkdir -p "$work"
mvn -q -f "$root/pom.xml" -pl server,bench -am -DskipTests package >&2
jar=$(realpath "${EVAL_JAR:-$root/server/target/papernotes.jar}")
rm -rf "$work/notes" "$work/corpus"
python3 "$here/materialize.py" "$here/sources.tsv" "$work" --mirrors "$mirrors"
# One index per server build: a different build may read it differently.
index="$work/index-$(sha1sum "$jar" | cut -c1-12)"
exec java -cp "$root/bench/target/papernotes-bench.jar:$jar" dev.papernotes.bench.NotesEval \
  --jar "$jar" --work "$work" --index "$index" --sources "$here/sources.tsv" --labels "$here/labels.tsv" \
  --corpus "$root/corpus" --found "$work/found.tsv" --out "$work/score.md"
