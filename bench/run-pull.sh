#!/usr/bin/env bash
# Runs PullBench and its CPython twins, then draws bench.svg beside the README and prints the README's table,
# both from the same result files (bench/results/pull.json, bench/results/cpython.json, bench/results/table.md).
#
#   bench/run-pull.sh                      # build, measure, draw
#   SKIP_BUILD=1 bench/run-pull.sh         # reuse bench/target/benchmarks.jar
#   CHART_ONLY=1 bench/run-pull.sh         # redraw from the result files already there
#   JMH_OPTS='-f 1 -wi 1 -i 1 -w 200ms -r 200ms' bench/run-pull.sh   # a quick look, not for the README
#
# JAVA (default: java) must be 21 or newer. PYTHON (default: python3) is the CPython measured; its build matters
# (two builds of 3.11 on one machine differed by about 25%), and the JSON records its version and executable.
# Measure on a quiet machine, one benchmark at a time: the lock file JMH_LOCK (default /tmp/jmh.lock) keeps two
# runs of this script apart when flock is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-python3}
JMH_OPTS=${JMH_OPTS:--f 3 -wi 3 -i 5 -w 1s -r 1s}
JMH_LOCK=${JMH_LOCK:-/tmp/jmh.lock}
out=bench/results
mkdir -p "$out"

if [[ -z ${CHART_ONLY:-} ]]; then
    version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if (( ${version:-0} < 21 )); then
        echo "run-pull.sh: $JAVA is Java ${version:-?}; set JAVA to a java 21 or newer" >&2
        exit 1
    fi
    if [[ -z ${SKIP_BUILD:-} ]]; then
        mvn -q -pl bench -am package -DskipTests
    fi
    if command -v flock > /dev/null; then
        exec 9> "$JMH_LOCK"
        flock 9
    fi
    # shellcheck disable=SC2086 # JMH_OPTS is a list of options
    "$JAVA" -jar bench/target/benchmarks.jar PullBench $JMH_OPTS -rf json -rff "$out/pull.json"
    "$PYTHON" bench/python/pull_bench.py --json "$out/cpython.json"
fi
python3 bench/chart.py --jmh "$out/pull.json" --cpython "$out/cpython.json" --svg bench.svg | tee "$out/table.md"
