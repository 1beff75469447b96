#!/usr/bin/env bash
# The benchmark: builds the server and the harness, then for each corpus profile and size generates
# a synthetic corpus (cached) and starts the server as users do (scripts/papernotes: its JVM flags,
# its class data sharing archive). It measures the index build (time, papers/s, size, peak memory),
# a user typing in a 200-line note (didChange + completion per keystroke after [[, in prose and
# after @; hover and definition on bare names), resident memory (total, anonymous, the mapped
# index's share), start to first completion with the index on disk, and single requests over stdio
# against the same lookups made directly on Lucene. Not part of the default test run.
#
#   bench/run-benchmarks.sh [--profiles seed,syllables,acronyms,arxiv] [SIZES]
#       e.g. bench/run-benchmarks.sh --profiles seed,syllables 10000,100000,1000000
#
# Profiles (bench/README.md): seed (shaped like the bundled corpus, the default), syllables (names
# from shared syllables, 6-10 sentence abstracts), acronyms (short all-caps names, long titles and
# abstracts), arxiv (one arXiv-snapshot-shaped JSON Lines file with the seed's texts). Results: bench/results/results.json and results.md. Corpora and indexes: $BENCH_WORK
# (default ~/.cache/papernotes-bench; 1M papers need about 2-4 GB for the corpus and as much for the
# index, per profile). BENCH_LAUNCH=probe starts the server as the launchers did before they had
# flags (java -XX:+ExitOnOutOfMemoryError -jar); BENCH_SERVER_OPTS adds JVM flags after the
# script's; BENCH_ARGS passes more harness options (e.g. "--ops hover --keystrokes 2000").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
profiles=seed
if [[ "${1:-}" == "--profiles" ]]; then
  profiles=${2:?--profiles needs a value}
  shift 2
elif [[ "${1:-}" == --profiles=* ]]; then
  profiles=${1#--profiles=}
  shift
fi
sizes=${1:-10000,100000,1000000}
work=${BENCH_WORK:-$HOME/.cache/papernotes-bench}
mvn -q -f "$root/pom.xml" -pl server,bench -am -DskipTests package >&2
# shellcheck disable=SC2086
exec java -Xmx2g -cp "$here/target/papernotes-bench.jar:$root/server/target/papernotes.jar" \
  dev.papernotes.bench.Benchmark --jar "$root/server/target/papernotes.jar" --script "$root/scripts/papernotes" \
  --work "$work" --out "$here/results" --sizes "$sizes" --profiles "$profiles" \
  --queries "${BENCH_QUERIES:-1000}" --launch "${BENCH_LAUNCH:-script}" --flags "${BENCH_SERVER_OPTS:-}" \
  ${BENCH_ARGS:-}
