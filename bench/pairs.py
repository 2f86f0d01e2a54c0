#!/usr/bin/env python3
"""jyield's ratio to Kotlin on PullBench's cases, measured in pairs of forks run back to back.

    python3 bench/pairs.py --rounds 8                      # all four cases, about 1.5 minutes a round
    python3 bench/pairs.py --rounds 8 --case mapFilter     # one case
    python3 bench/pairs.py --from bench/results/pairs      # the table again, from the files of a run
    python3 bench/pairs.py --baseline-jar old.jar           # jyield against jyield of another build

JMH runs every fork of one benchmark before it starts the next benchmark, so on a shared machine, whose speed
drifts from one minute to the next, two peers of one run are measured on different machines. Here each round runs
one fork of jyield and one of Kotlin back to back, in alternating order, and divides the median of jyield's
iterations by Kotlin's; the table gives, per case, the median of those ratios over the rounds, their range, and
the issue's target. With --baseline-jar, the second peer is jyield again, from that jar (a build before a change),
and the ratio is the change's. Each fork's JMH result is kept in --out as <case>-<round>-<peer>.json. JAVA (or
--java) must be 21 or newer; the jar is built by `mvn -pl bench -am package -DskipTests`. Python standard library
only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chart  # noqa: E402 (one mapping of PullBench's methods, chart.py's)

# The ratio to Kotlin asked of each case (jyield's time / Kotlin's time; lower is faster).
TARGETS = {"single": 0.7, "mapFilter": 1.0, "tree": 0.5, "three": 1.0}
PEERS = ("jyield", "kotlin")
BASELINE = ("jyield", "baseline")  # --baseline-jar: jyield from --jar, then from the baseline jar


def method(case, peer):
    """The PullBench method measuring `peer` on `case`, from chart.py's mapping."""
    for name, (c, p, _, _) in chart.METHODS.items():
        if c == case and p == peer:
            return name
    raise ValueError(f"no PullBench method for {case}/{peer}")


def median_ns(path):
    """The median of every measured iteration in one JMH result file, in ns, as chart.py reads it."""
    with open(path, encoding="utf-8") as f:
        bars = chart.jmh_bars(json.load(f))
    if len(bars) != 1:
        raise ValueError(f"{path}: expected one PullBench result, found {len(bars)}")
    return bars[0].ns


def measure(args, case, rnd, peer):
    path = os.path.join(args.out, f"{case}-{rnd}-{peer}.json")
    jar, name = (args.baseline_jar, method(case, "jyield")) if peer == "baseline" else (args.jar, method(case, peer))
    command = [args.java, "-jar", jar, f"PullBench.{name}$", "-f", "1", *args.jmh_opts.split(),
               "-rf", "json", "-rff", path]
    print(f"pairs.py: round {rnd}, {case}, {peer}", file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        sys.exit(f"pairs.py: {' '.join(command)} failed:\n{done.stdout}")
    return path


def table(out, cases):
    """The Markdown table of the rounds whose two files are both in `out` (against Kotlin, or a baseline jar)."""
    peers = BASELINE if any(n.endswith("-baseline.json") for n in os.listdir(out)) else PEERS
    other = "baseline" if peers == BASELINE else "Kotlin"
    lines = [f"| case | jyield (ns) | {other} (ns) | ratio, median of the rounds | range | rounds | target |",
             "|---|---|---|---|---|---|---|"]
    for case in cases:
        ratios, mine, theirs = [], [], []
        rnd = 1
        # why: JMH creates its result file when the fork starts, empty until it ends
        while all(os.path.isfile(f := os.path.join(out, f"{case}-{rnd}-{p}.json")) and os.path.getsize(f) > 0
                  for p in peers):
            j, k = (median_ns(os.path.join(out, f"{case}-{rnd}-{p}.json")) for p in peers)
            mine.append(j)
            theirs.append(k)
            ratios.append(j / k)
            rnd += 1
        if not ratios:
            print(f"pairs.py: no complete round of {case} in {out}", file=sys.stderr)
            continue
        r = statistics.median(ratios)
        target = TARGETS[case]
        met = sum(1 for x in ratios if x <= target)
        goal = f"≤ {target}x, met in {met} of {len(ratios)}" if peers == PEERS else "(a change, no target)"
        lines.append(f"| {case} | {chart.fmt(statistics.median(mine))} | {chart.fmt(statistics.median(theirs))} "
                     f"| {r:.2f}x | {min(ratios):.2f}–{max(ratios):.2f}x | {len(ratios)} | {goal} |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=8)
    p.add_argument("--case", action="append", choices=list(TARGETS), help="repeatable; default: every case")
    p.add_argument("--java", default=os.environ.get("JAVA", "java"))
    p.add_argument("--jar", default="bench/target/benchmarks.jar")
    p.add_argument("--baseline-jar", help="measure jyield from this jar as the second peer, instead of Kotlin")
    p.add_argument("--jmh-opts", default="-wi 3 -i 5 -w 1s -r 1s", help="JMH options of each fork")
    p.add_argument("--out", default="bench/results/pairs")
    p.add_argument("--from", dest="source", help="print the table of a finished run in this directory; measure nothing")
    args = p.parse_args()
    cases = args.case or list(TARGETS)
    if args.source:
        print(table(args.source, cases))
        return
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.endswith(".json"):
            os.remove(os.path.join(args.out, name))  # why: a stale round would be read as one of this run
    peers = BASELINE if args.baseline_jar else PEERS
    for rnd in range(1, args.rounds + 1):
        for case in cases:
            for peer in peers if rnd % 2 else reversed(peers):
                measure(args, case, rnd, peer)
    print(table(args.out, cases))


if __name__ == "__main__":
    main()
