#!/usr/bin/env bash
# Memory while indexing (hardening issue 16, item 1): builds an index of tiny-paper corpora the way a
# user runs `index`, and reports whether it finished, its peak resident memory and its time.
#
#   bench/run-index-memory.sh [HEAP...]          (default heaps: 256m 128m)
#
# Shapes: one-page (one 22 MB page of 1,000,000 tiny papers), many-pages (20,000 pages of 5 tiny
# papers). Each run: java -XmxHEAP -jar server/target/papernotes.jar index --no-progress --corpus C
# --index I (a fresh index), under /usr/bin/time -v. A run that fails must end in a one-line
# `papernotes index: ...` message, never a stack trace: the table says which it was.
# Environment: BENCH_WORK (default /tmp/papernotes-index-memory), PAPERNOTES_JAR, JAVA_OPTS (more
# flags, e.g. -XX:+UseSerialGC), SHAPES (default "one-page many-pages").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
work=${BENCH_WORK:-/tmp/papernotes-index-memory}
jar=${PAPERNOTES_JAR:-$root/server/target/papernotes.jar}
bench_jar=$here/target/papernotes-bench.jar
heaps=("$@")
[[ ${#heaps[@]} -gt 0 ]] || heaps=(256m 128m)
mkdir -p "$work"
if [[ ! -f "$jar" ]]; then
  mvn -q -f "$root/pom.xml" -pl server -am package -DskipTests >&2
fi
if [[ ! -f "$bench_jar" ]] || [[ -n "$(find "$here/src/main" -newer "$bench_jar" -print -quit)" ]]; then
  mvn -q -f "$root/pom.xml" -pl bench -am -Dmaven.test.skip=true package >&2
fi
declare -A papers=([one-page]=1000000 [many-pages]=100000)
declare -A per_file=([one-page]=1000000 [many-pages]=5)
printf '%-11s %8s %5s %-9s %8s %8s %9s  %s\n' shape papers heap result wall_s cpu_s peak_rss last_line
for shape in ${SHAPES:-one-page many-pages}; do
  corpus=$work/corpus-$shape
  if [[ ! -d "$corpus" ]]; then
    java -cp "$bench_jar" dev.papernotes.bench.TinyPages "${papers[$shape]}" "${per_file[$shape]}" "$corpus"
  fi
  for heap in "${heaps[@]}"; do
    index=$work/index-$shape-$heap
    rm -rf "$index"
    log=$work/$shape-$heap
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$log.time" java -Xmx"$heap" ${JAVA_OPTS:-} -jar "$jar" index --no-progress \
      --corpus "$corpus" --index "$index" >"$log.out" 2>"$log.err"
    rc=$?
    set -e
    wall=$(awk -F': ' '/Elapsed/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log.time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log.time")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%d MB", $2/1024}' "$log.time")
    if [[ $rc -eq 0 ]]; then result=finished; elif grep -q '^\s*at \|Exception in thread' "$log.err"; then result=TRACE; else result="exit-$rc"; fi
    last=$( (cat "$log.out"; grep -v '^\s' "$log.err" || true) | tail -1 | cut -c1-100)
    printf '%-11s %8s %5s %-9s %8s %8s %9s  %s\n' "$shape" "${papers[$shape]}" "$heap" "$result" "$wall" "$cpu" "$rss" "$last"
  done
done
