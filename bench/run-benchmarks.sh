#!/usr/bin/env bash
# The benchmark: builds the server and the harness, then for each corpus size generates a
# synthetic corpus (cached), builds the index inside the server at a 256 MB heap, and measures
# build speed, index size, heap, start-to-first-completion and request latency over stdio against
# the same lookups made directly on Lucene. Not part of the default test run.
#
#   bench/run-benchmarks.sh [SIZES]        e.g. bench/run-benchmarks.sh 10000,100000,1000000
#
# Results: bench/results/results.json and results.md. Corpora and indexes: $BENCH_WORK
# (default ~/.cache/papernotes-bench; 1M papers need about 2 GB for the corpus and 2 GB more).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
sizes=${1:-10000,100000,1000000}
work=${BENCH_WORK:-$HOME/.cache/papernotes-bench}
mvn -q -f "$root/pom.xml" -pl server,bench -am -DskipTests package >&2
exec java -Xmx2g -cp "$here/target/papernotes-bench.jar:$root/server/target/papernotes.jar" \
  dev.papernotes.bench.Benchmark --jar "$root/server/target/papernotes.jar" --work "$work" \
  --out "$here/results" --sizes "$sizes" --queries "${BENCH_QUERIES:-1000}" --heap "${BENCH_HEAP:-256m}"
