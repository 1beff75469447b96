#!/usr/bin/env bash
# The library benchmark: generates (once, cached) a Better BibTeX-shaped .bib and an arXiv-snapshot
# shaped JSON Lines file, builds each index with the command line under /usr/bin/time -v (wall time,
# peak RSS), then measures live reloads in a running server: from the last write of a changed file
# to the first completion answer that has the change. Not part of the default test run.
#
#   bench/run-library-benchmark.sh                 # 400-entry and 40,000-entry .bib, 1,000,000-line .jsonl
#   bench/run-library-benchmark.sh --jsonl 0       # skip the JSON Lines file
#
# Options are passed on to dev.papernotes.bench.LibraryBenchmark (--bib N, --jsonl N, --small N,
# --heap 256m, --repeats 3, --work DIR). Results: bench/results/library.md and library.json.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
mvn -q -f "$root/pom.xml" -pl server,bench -am -DskipTests package >&2
exec java -Xmx1g -cp "$here/target/papernotes-bench.jar:$root/server/target/papernotes.jar" \
  dev.papernotes.bench.LibraryBenchmark --jar "$root/server/target/papernotes.jar" \
  --work "${BENCH_WORK:-$HOME/.cache/papernotes-bench}/library" --out "$here/results" "$@"
