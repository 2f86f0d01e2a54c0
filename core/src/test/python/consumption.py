"""How many elements of an 8-element source each operator has pulled after k = 0..8 requests.

Run with CPython 3.11 and more-itertools 8.10: `python3 consumption.py`. ItertoolsConsumptionTest quotes its output.
"""
import itertools, collections, operator, more_itertools as mi
from itertools import islice, chain, repeat, zip_longest, groupby

class Counting:
    def __init__(self, n): self.n = n; self.pulled = 0
    def __iter__(self): return self
    def __next__(self):
        if self.pulled >= self.n: raise StopIteration
        self.pulled += 1
        return self.pulled - 1

def sliding_window(iterable, n):
    it = iter(iterable)
    window = collections.deque(islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)

def grouper(iterable, n, *, incomplete='fill', fillvalue=None):
    args = [iter(iterable)] * n
    if incomplete == 'fill':
        return zip_longest(*args, fillvalue=fillvalue)
    if incomplete == 'strict':
        return zip(*args, strict=True)
    if incomplete == 'ignore':
        return zip(*args)

def unique_justseen(iterable, key=None):
    return map(next, map(operator.itemgetter(1), groupby(iterable, key)))

def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element

cases = [
 ("windowed(it, 3, fillvalue=-1, step=2)", lambda it: mi.windowed(it, 3, fillvalue=-1, step=2)),
 ("windowed(it, 2, fillvalue=-1, step=3)", lambda it: mi.windowed(it, 2, fillvalue=-1, step=3)),
 ("windowed(it, 3)", lambda it: mi.windowed(it, 3)),
 ("sliding_window(it, 3)", lambda it: sliding_window(it, 3)),
 ("grouper(it, 3, fillvalue=-1)", lambda it: grouper(it, 3, fillvalue=-1)),
 ("grouper(it, 3, incomplete='ignore')", lambda it: grouper(it, 3, incomplete='ignore')),
 ("chunked(it, 3)", lambda it: mi.chunked(it, 3)),
 ("intersperse(-1, it)", lambda it: mi.intersperse(-1, it)),
 ("intersperse(-1, it, 3)", lambda it: mi.intersperse(-1, it, 3)),
 ("split_at(it, lambda x: x % 3 == 0)", lambda it: mi.split_at(it, lambda x: x % 3 == 0)),
 ("split_at(it, lambda x: x % 3 == 1, maxsplit=1, keep_separator=True)", lambda it: mi.split_at(it, lambda x: x % 3 == 1, maxsplit=1, keep_separator=True)),
 ("split_before(it, lambda x: x % 3 == 0, maxsplit=2)", lambda it: mi.split_before(it, lambda x: x % 3 == 0, maxsplit=2)),
 ("split_after(it, lambda x: x % 3 == 0, maxsplit=1)", lambda it: mi.split_after(it, lambda x: x % 3 == 0, maxsplit=1)),
 ("unique_justseen(it, key=lambda x: x // 2)", lambda it: unique_justseen(it, key=lambda x: x // 2)),
 ("unique_everseen(it, key=lambda x: x % 4)", lambda it: unique_everseen(it, key=lambda x: x % 4)),
 ("interleave(it, [10, 11, 12])", lambda it: mi.interleave(it, [10, 11, 12])),
 ("interleave_longest([10, 11, 12], it)", lambda it: mi.interleave_longest([10, 11, 12], it)),
]
for name, f in cases:
    row = []
    for k in range(0, 9):
        src = Counting(8)
        g = iter(f(src))
        got = list(islice(g, k))
        row.append(src.pulled)
    print(name, row)
