#!/usr/bin/env bash
# The long fuzz run: the seeded protocol fuzzer (ProtocolFuzzTest) over many seeds, each a
# session of random edits and requests at random positions, until MINUTES have passed.
# Stops at the first seed that breaks the server and prints how to replay it.
#
#   scripts/fuzz.sh [MINUTES] [OPS_PER_SEED]       (defaults: 60, 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
ops=${2:-20000}
end=$(( $(date +%s) + minutes * 60 ))
seed=${FUZZ_FIRST_SEED:-1000}
runs=0
mvn -q -pl server -am -DskipTests install >/dev/null
while [ "$(date +%s)" -lt "$end" ]; do
  if ! mvn -q -pl server surefire:test -Dtest=ProtocolFuzzTest -Dfuzz.seed="$seed" -Dfuzz.ops="$ops" \
       -Dsurefire.failIfNoSpecifiedTests=false >/tmp/papernotes-fuzz-$seed.log 2>&1; then
    echo "seed $seed broke the server; replay: mvn -q -pl server test -Dtest=ProtocolFuzzTest -Dfuzz.seed=$seed -Dfuzz.ops=$ops"
    echo "log: /tmp/papernotes-fuzz-$seed.log"
    exit 1
  fi
  runs=$((runs + 1))
  seed=$((seed + 1))
done
echo "fuzzed $runs seeds x $ops operations in $minutes minutes: no failure"
