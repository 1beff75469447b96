#!/usr/bin/env bash
# Generates a deterministic synthetic corpus of daily-papers pages for benchmarks.
#
#   bench/generate-corpus.sh [--profile seed|syllables|acronyms] N OUTDIR [SEED]
#
# --profile picks the corpus shape (default seed, shaped like the bundled corpus; syllables: names
# from shared syllables, 6-10 sentence abstracts; acronyms: short all-caps names, long titles and
# abstracts; see bench/README.md).
# N distinct papers (about N/0.83 entries with the default 17% repeats), written to
# OUTDIR/page-000000.txt ... plus OUTDIR/generator-manifest.json. SEED defaults to 1; the same
# N and SEED always give byte-identical files. Extra generator options can be passed in
# GENERATOR_OPTS (e.g. "--damage 0.01 --per-page 150 --truth /tmp/truth.jsonl"), JVM options in
# JAVA_OPTS. The generator jar is (re)built with Maven when missing or older than its sources.
set -euo pipefail

profile=seed
if [[ "${1:-}" == "--profile" ]]; then
  profile=${2:?--profile needs a value}
  shift 2
elif [[ "${1:-}" == --profile=* ]]; then
  profile=${1#--profile=}
  shift
fi
if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 [--profile seed|syllables|acronyms] N OUTDIR [SEED]" >&2
  exit 2
fi
papers=$1
out=$2
seed=${3:-1}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
jar="$here/target/papernotes-bench.jar"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar ..." >&2
  # -am: the bench module's tests use the server's corpus reader, so Maven wants it built too.
  mvn -q -f "$root/pom.xml" -pl bench -am -Dmaven.test.skip=true package >&2
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" --papers "$papers" --out "$out" --seed "$seed" --profile "$profile" ${GENERATOR_OPTS:-}
