#!/usr/bin/env bash
# Scores method-name extraction on the hand-labelled evaluation (eval/names/labels.tsv) and checks
# the bundled seed corpus. Reads the abstracts from bare clones of the source repositories under
# $PAPERNOTES_MIRRORS (default /work/.mirror; see README.md for making them).
#
#   eval/names/score.sh                  precision, recall, per-class recall, seed check
#   eval/names/score.sh --errors tune    also every wrong and missed name of the tune split
#   eval/names/score.sh --write-seed eval/names/seed-names-before.tsv   record today's seed names
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mvn -q -B ${MVN_OPTS:--o} -pl server test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.papernotes.names.NamesEvaluation \
  -Dexec.args="--labels $root/eval/names/labels.tsv --sources $root/eval/names/sources.tsv --corpus $root/corpus --seed-before $root/eval/names/seed-names-before.tsv $*"
