#!/usr/bin/env python3
"""The CPython twins of PullBench's cases (bench/src/main/java/dev/jyield/bench/PullBench.java), same sizes.

    single     for i in range(n): yield i, summed by a for loop               n = 10**6, ns per element
    mapFilter  range(n) -> map(x * 2) -> filter(x % 3 == 0) as generator
               expressions, summed by a for loop                              n = 10**6, ns per source element
    tree       recursive in-order walk with yield from of a balanced
               65,535-node tree                                               ns per node
    three      a 3-element generator created, drained and dropped            ns per generator

Each case is timed with timeit, best of --repeat runs (the least disturbed one), and checked against the sum
PullBench's peers compute. Prints a table; --json FILE also writes

    {"implementation": "CPython", "python": "3.11.7", "executable": "/usr/bin/python3", "date": "2026-12-03",
     "cores": 2, "repeat": 5, "quick": false,
     "results": [{"case": "single", "ns": 22.3, "unit": "ns/element", "n": 1000000}, ...]}

where case is PullBench's method prefix and ns the best time divided by n (elements, nodes or generators).
bench/chart.py reads it. --quick shrinks every size 100x and runs once: a smoke test, not a measurement.

    python3 bench/python/pull_bench.py [--repeat N] [--json FILE] [--quick]
"""
import argparse
import datetime
import json
import os
import platform
import sys
import timeit

N = 1_000_000
NODES = 65_535


def up_to(n):
    for i in range(n):
        yield i


def single(n):
    s = 0
    for x in up_to(n):
        s += x
    return s


def map_filter(n):
    s = 0
    for x in (y for y in (x * 2 for x in range(n)) if y % 3 == 0):
        s += x
    return s


def balanced(lo, hi):
    """PullBench's Tree.balanced: (value, left, right) holding lo .. hi-1 in order, None when empty."""
    if lo >= hi:
        return None
    mid = (lo + hi) >> 1
    return (mid, balanced(lo, mid), balanced(mid + 1, hi))


def in_order(t):
    if t is None:
        return
    yield from in_order(t[1])
    yield t[0]
    yield from in_order(t[2])


def tree(t):
    s = 0
    for x in in_order(t):
        s += x
    return s


def three():
    yield 1
    yield 2
    yield 3


def best_ns(stmt, number, repeat, namespace):
    """The least of repeat timings of number runs of stmt, in ns per run."""
    times = timeit.repeat(stmt, number=number, repeat=repeat, globals=namespace)
    return min(times) * 1e9 / number


def measure(repeat, scale):
    n = N // scale
    nodes = NODES // scale
    root = balanced(0, nodes)
    gens = 100_000 // scale
    expected_map_filter = sum(x * 2 for x in range(n) if x * 2 % 3 == 0)
    # Every case computes what PullBench's peers compute before it is timed.
    assert single(n) == n * (n - 1) // 2
    assert map_filter(n) == expected_map_filter
    assert tree(root) == nodes * (nodes - 1) // 2 and list(in_order(root)) == list(range(nodes))
    assert sum(three()) == 6
    ns = dict(globals(), n=n, root=root)
    # The 3-element case runs inline in timeit's loop, so no extra call is timed beside the generator's own.
    return [
        {"case": "single", "ns": best_ns("single(n)", 1, repeat, ns) / n, "unit": "ns/element", "n": n},
        {"case": "mapFilter", "ns": best_ns("map_filter(n)", 1, repeat, ns) / n, "unit": "ns/element", "n": n},
        {"case": "tree", "ns": best_ns("tree(root)", 1, repeat, ns) / nodes, "unit": "ns/node", "n": nodes},
        {"case": "three", "ns": best_ns("s = 0\nfor x in three(): s += x", gens, repeat, ns), "unit": "ns/generator",
         "n": gens},
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timings per case, the best is kept (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--quick", action="store_true", help="sizes / 100, one run: a smoke test only")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    results = measure(repeat, 100 if args.quick else 1)
    print(f"CPython {platform.python_version()}, best of {repeat}")
    print(f"{'case':<10} {'ns':>10}  unit")
    for r in results:
        print(f"{r['case']:<10} {r['ns']:>10.2f}  {r['unit']}")
    if args.json:
        doc = {"implementation": platform.python_implementation(), "python": platform.python_version(),
               "executable": sys.executable,
               "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
               "cores": os.cpu_count(), "repeat": repeat, "quick": args.quick, "results": results}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
