#!/usr/bin/env python3
"""Draws PullBench's results as an SVG bar chart and prints the README's table, both from the same numbers.

    python3 bench/chart.py --jmh bench/results/pull.json --cpython bench/results/cpython.json --svg bench.svg

--jmh is a JMH result file (`-rf json -rff FILE`: a list of {benchmark, primaryMetric{score, scoreError,
scoreUnit}, params, ...}); --cpython is what bench/python/pull_bench.py --json writes. Each PullBench method is
mapped to a (case, peer) by its name (METHODS below); a benchmark it does not know is left out, with a note on
stderr. Each value is the median of every measured iteration of every fork, its whisker the interquartile range
(robust to the few iterations that a shared machine slows down several times over, which JMH's mean follows). The
SVG has one group of horizontal bars per case, one bar per peer, on a log scale, each value printed at its bar's
end; its title gives the JDK, the date, the machine and the command. The Markdown table goes to stdout. Python
standard library only; the SVG is written as text.
"""
import argparse
import datetime
import json
import math
import os
import statistics
import sys
from xml.sax.saxutils import escape, quoteattr

# The cases, in the order they are drawn: (PullBench method prefix, README label, unit).
CASES = [
    ("single", "single pulled generator, for-each", "ns/element"),
    ("mapFilter", "pulled `range → map → filter`", "ns/element"),
    ("tree", "recursive tree walk, 65,535 nodes", "ns/node"),
    ("three", "3-element generator created and drained", "ns/generator"),
]

# PullBench method -> (case, peer, label on the chart, note in the Markdown table).
METHODS = {
    "singleHandLoop": ("single", "hand_loop", "hand-written loop", ""),
    "singleHandIterator": ("single", "hand", "hand-written iterator", ""),
    "singleJyield": ("single", "jyield", "jyield", ""),
    "singleKotlin": ("single", "kotlin", "Kotlin sequence {}", ""),
    "singleGuavaAbstractIterator": ("single", "guava", "Guava AbstractIterator", "Guava `AbstractIterator`"),
    "mapFilterHandLoop": ("mapFilter", "hand_loop", "hand-written loop", ""),
    "mapFilterJyield": ("mapFilter", "jyield", "jyield map.filter", ""),
    "mapFilterKotlin": ("mapFilter", "kotlin", "Kotlin asSequence().map.filter", "`asSequence`"),
    "mapFilterStreamIterator": ("mapFilter", "stream", "Stream.iterator()", "`Stream.iterator()`"),
    "mapFilterGuavaFluentIterable": ("mapFilter", "guava", "Guava FluentIterable", "Guava `FluentIterable`"),
    "treeHandStack": ("tree", "hand", "hand-written iterator, explicit stack", ""),
    "treeJyieldYieldFrom": ("tree", "jyield", "jyield yieldFrom", "`yieldFrom`"),
    "treeKotlinYieldAll": ("tree", "kotlin", "Kotlin yieldAll", "`yieldAll`"),
    "threeHand": ("three", "hand", "hand-written iterator", ""),
    "threeJyield": ("three", "jyield", "jyield", ""),
    "threeKotlin": ("three", "kotlin", "Kotlin sequence {}", ""),
}
CPYTHON_LABELS = {"single": "generator", "mapFilter": "generator expressions", "tree": "yield from",
                  "three": "generator"}

# The peers, in the order drawn within a group, with their bar colours.
PEERS = [("jyield", "#e8590c"), ("kotlin", "#7f52ff"), ("stream", "#1c7ed6"), ("guava", "#2f9e44"),
         ("hand", "#495057"), ("hand_loop", "#adb5bd"), ("cpython", "#f2b705")]
COLOURS = dict(PEERS)
ORDER = {peer: i for i, (peer, _) in enumerate(PEERS)}

NS_PER = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


class Bar:
    def __init__(self, case, peer, label, note, ns, error_ns):
        self.case, self.peer, self.label, self.note, self.ns, self.error_ns = case, peer, label, note, ns, error_ns


def note(message):
    print(f"chart.py: {message}", file=sys.stderr)


def to_ns(score, unit):
    """A JMH score in ns per operation: average-time units (ns/op, us/op, ...) or throughput (ops/us, ...)."""
    top, _, bottom = unit.partition("/")
    if bottom == "op" and top in NS_PER:
        return score * NS_PER[top]
    if top == "ops" and bottom in NS_PER:
        return NS_PER[bottom] / score
    raise ValueError(f"unknown score unit {unit!r}")


def number(value):
    """A JMH number, which is "NaN" (a string) when a run had one iteration."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def jmh_bars(results):
    bars, seen = [], set()
    for r in results:
        cls, _, method = r["benchmark"].rpartition(".")
        if not cls.endswith("PullBench") or method not in METHODS:
            note(f"ignored {r['benchmark']}: not a known PullBench method")
            continue
        case, peer, label, md = METHODS[method]
        if r.get("params"):
            note(f"{method}: params {r['params']} ignored")
        if (case, peer) in seen:
            note(f"ignored a second result for {method}")
            continue
        seen.add((case, peer))
        metric = r["primaryMetric"]
        unit = metric["scoreUnit"]
        raw = sorted(to_ns(number(x), unit) for fork in metric.get("rawData") or [] for x in fork)
        if len(raw) >= 2:
            # The median of every measured iteration of every fork, and half the interquartile range: on a shared
            # machine a few iterations run several times slower, which JMH's mean follows and the median does not.
            ns = statistics.median(raw)
            q1, _, q3 = statistics.quantiles(raw, n=4)
            error_ns = (q3 - q1) / 2
        else:
            ns = to_ns(number(metric["score"]), unit)
            error = number(metric.get("scoreError"))
            error_ns = abs(to_ns(number(metric["score"]) + error, unit) - ns) if math.isfinite(error) else math.nan
        bars.append(Bar(case, peer, label, md, ns, error_ns))
    return bars


def cpython_bars(doc):
    bars = []
    for r in doc["results"]:
        if r["case"] not in CPYTHON_LABELS:
            note(f"ignored CPython case {r['case']!r}")
            continue
        label = f"CPython {doc.get('python', '')} {CPYTHON_LABELS[r['case']]}".replace("  ", " ")
        bars.append(Bar(r["case"], "cpython", label, "", float(r["ns"]), math.nan))
    return bars


def fmt(ns):
    """Three significant figures, as the README prints them: 0.34, 6.41, 14.4, 113, 1,250."""
    if ns >= 100:
        return f"{ns:,.0f}"
    if ns >= 10:
        return f"{ns:.1f}"
    return f"{ns:.2f}"


def ratio(a, b):
    r = a / b
    return f"{r:.2f}x" if r < 10 else f"{r:.1f}x"


def command_of(results):
    """The JMH command line that produced these results, read back from the file's own settings."""
    if not results:
        return "java -jar bench/target/benchmarks.jar PullBench"
    r = results[0]
    t = lambda s: str(s).replace(" ", "")
    return (f"java -jar bench/target/benchmarks.jar PullBench -f {r['forks']} -wi {r['warmupIterations']}"
            f" -i {r['measurementIterations']} -w {t(r['warmupTime'])} -r {t(r['measurementTime'])}")


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    cores = f"{os.cpu_count()} cores"
    return f"{model}, {cores}" if model else cores


def markdown(bars, python):
    """The README's table: one row per case, peers in their columns."""
    by = {(b.case, b.peer): b for b in bars}
    cpython = f"CPython {python}" if python else "CPython"
    lines = [f"| case (`PullBench`) | hand-written | Kotlin `sequence {{}}` | jyield | jyield vs Kotlin | others"
             f" | {cpython} |", "|---|---|---|---|---|---|---|"]

    def cell(case, peer):
        b = by.get((case, peer))
        return "" if b is None else fmt(b.ns) + (f" ({b.note})" if b.note else "")

    for case, label, unit in CASES:
        hand = cell(case, "hand")
        loop = by.get((case, "hand_loop"))
        if loop and hand:
            hand += f" (loop {fmt(loop.ns)})"
        elif loop:
            hand = fmt(loop.ns)
        jy, kt = by.get((case, "jyield")), by.get((case, "kotlin"))
        vs = ratio(jy.ns, kt.ns) if jy and kt else ""
        others = ", ".join(f"{b.note} {fmt(b.ns)}" for p in ("stream", "guava") for b in [by.get((case, p))] if b)
        name = label if unit == "ns/element" else f"{label} ({unit})"
        lines.append(f"| {name} | {hand} | {cell(case, 'kotlin')} | {cell(case, 'jyield')} | {vs} | {others}"
                     f" | {cell(case, 'cpython')} |")
    return "\n".join(lines)


def svg(bars, title_lines):
    """The chart as SVG text: per case a heading and its bars, a log-scale axis shared by all groups."""
    width, label_w, right_pad, bar_h, gap, group_gap = 980, 270, 110, 16, 4, 22
    x0, x1 = label_w, width - right_pad
    values = [b.ns for b in bars] or [1.0]
    lo = 10 ** math.floor(math.log10(min(values) * 0.8))
    hi = 10 ** math.ceil(math.log10(max(b.ns + (b.error_ns if math.isfinite(b.error_ns) else 0) for b in bars)
                                    if bars else 10.0))
    span = math.log10(hi) - math.log10(lo)

    def x(v):
        return x0 + (math.log10(max(v, lo)) - math.log10(lo)) / span * (x1 - x0)

    out = []
    y = 24
    for i, line in enumerate(title_lines):
        weight = ' font-weight="bold" font-size="15"' if i == 0 else ' font-size="12" fill="#444"'
        out.append(f'<text class="title" x="12" y="{y}"{weight}>{escape(line)}</text>')
        y += 20 if i == 0 else 16
    axis_top = y + 8
    y = axis_top + 18
    rows = []
    for case, label, unit in CASES:
        group = sorted((b for b in bars if b.case == case), key=lambda b: ORDER[b.peer])
        if not group:
            continue
        rows.append(f'<text class="case" x="12" y="{y + 12}" font-weight="bold" font-size="13">'
                    f'{escape(label.replace("`", ""))} ({unit})</text>')
        y += 20
        for b in group:
            w = max(x(b.ns) - x0, 1.0)
            tip = f"{b.label}: {fmt(b.ns)} {unit}" + (f" ± {fmt(b.error_ns)}" if math.isfinite(b.error_ns) else "")
            rows.append(f'<text x="{x0 - 8}" y="{y + bar_h - 4}" text-anchor="end" font-size="12">'
                        f'{escape(b.label)}</text>')
            rows.append(f'<rect class="bar" data-case={quoteattr(b.case)} data-peer={quoteattr(b.peer)} '
                        f'x="{x0}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[b.peer]}">'
                        f'<title>{escape(tip)}</title></rect>')
            end = x(b.ns)
            if math.isfinite(b.error_ns) and b.error_ns > 0:
                a, c, mid = x(b.ns - b.error_ns), x(b.ns + b.error_ns), y + bar_h / 2
                rows.append(f'<path class="error" d="M{a:.1f},{mid} H{c:.1f} M{a:.1f},{mid - 4} V{mid + 4} '
                            f'M{c:.1f},{mid - 4} V{mid + 4}" stroke="#000" stroke-width="1" fill="none"/>')
                end = max(end, c)
            rows.append(f'<text class="value" x="{end + 5:.1f}" y="{y + bar_h - 4}" font-size="12">'
                        f'{fmt(b.ns)}</text>')
            y += bar_h + gap
        y += group_gap
    axis_bottom = y - group_gap + 6
    grid = []
    decade = lo
    while decade <= hi * 1.0001:
        gx = x(decade)
        text = f"{decade:g}"
        grid.append(f'<line x1="{gx:.1f}" y1="{axis_top + 6}" x2="{gx:.1f}" y2="{axis_bottom}" stroke="#ddd"/>')
        grid.append(f'<text x="{gx:.1f}" y="{axis_top}" text-anchor="middle" font-size="11" fill="#666">'
                    f'{text} ns</text>')
        decade *= 10
    note_y = axis_bottom + 20
    footer = (f'<text x="12" y="{note_y}" font-size="11" fill="#666">log scale; lower is faster; bars: median of all iterations; '
              f'whiskers: interquartile range; CPython: best of repeats</text>')
    height = note_y + 12
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        *grid, *out, *rows, footer, "</svg>", ""])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jmh", required=True, help="JMH result file (-rf json -rff FILE)")
    parser.add_argument("--cpython", help="bench/python/pull_bench.py --json output")
    parser.add_argument("--svg", required=True, help="the SVG to write")
    parser.add_argument("--date", help="date of the run (default: the JMH file's modification date, UTC)")
    parser.add_argument("--machine", help="the machine that ran it (default: this one's CPU and cores)")
    parser.add_argument("--command", help="the command that ran it (default: read back from the JMH file)")
    parser.add_argument("--label", help="an extra title line, e.g. to mark a sample run")
    args = parser.parse_args(argv)
    with open(args.jmh, encoding="utf-8") as f:
        results = json.load(f)
    bars = jmh_bars(results)
    python = ""
    if args.cpython:
        with open(args.cpython, encoding="utf-8") as f:
            doc = json.load(f)
        python = doc.get("python", "")
        if doc.get("quick"):
            note("the CPython file comes from --quick: its numbers are not a measurement")
        bars += cpython_bars(doc)
    date = args.date or datetime.datetime.fromtimestamp(os.path.getmtime(args.jmh), datetime.timezone.utc) \
        .strftime("%Y-%m-%d")
    jdk = f"JDK {results[0]['jdkVersion']} ({results[0].get('vmName', '')})" if results else "JDK ?"
    command = args.command or command_of(results) + (
        "; python3 bench/python/pull_bench.py" if args.cpython else "")
    titles = ["PullBench: ns per element, lower is faster (log scale)",
              f"{jdk}" + (f", CPython {python}" if python else "") + f", {date}, {args.machine or machine()}",
              command]
    if args.label:
        titles.append(args.label)
    with open(args.svg, "w", encoding="utf-8") as f:
        f.write(svg(bars, titles))
    print(markdown(bars, python))
    print()
    print(f"```sh\n{command}\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
