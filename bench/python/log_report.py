#!/usr/bin/env python3
"""The twin of jyield's log report demo (dev.jyield.examples.logs.LogReport), in CPython.

The same generator pipeline, after David Beazley's "Generator Tricks for Systems Programmers":
gen_find -> gen_open -> gen_cat -> parse -> report, one pass, constant memory. It prints the same figures as the
Java demo on the same files; --summary prints them as "key value" lines, which both programs print identically.

    python3 bench/python/log_report.py [--top N] [--summary] FILE|GLOB ...
"""
import argparse
import glob
import gzip
import os
import re
import sys
import time

# The grammar of dev.jyield.examples.logs.LogParser, exactly.
LOG_LINE = re.compile(
    r'([^ ]+) [^ ]+ [^ ]+ \[[^\]]+\] "([^ "]+) ([^ "]+) ([^ "]+)" ([0-9]{3}) ([0-9]{1,18}|-)(?: |$)')


def gen_find(patterns):
    """The files named by the patterns: globs are expanded in name order, other names yielded as they are."""
    for pattern in patterns:
        if glob.has_magic(pattern):
            for path in sorted(glob.iglob(pattern, recursive=True)):
                if os.path.isfile(path):
                    yield path
        else:
            yield pattern


def gen_open(paths):
    """Each file opened in turn, gzip or plain, as ISO-8859-1 text (every byte one character, as the Java demo)."""
    for path in paths:
        if path.endswith('.gz'):
            f = gzip.open(path, 'rt', encoding='latin-1')
        else:
            f = open(path, encoding='latin-1')
        with f:
            yield f


def gen_cat(sources):
    """The lines of every source, one after the other."""
    for source in sources:
        yield from source


def parse(lines):
    """(client, path, status, bytes) for a request line, or the line itself (a str) when it is malformed."""
    match = LOG_LINE.match
    for line in lines:
        m = match(line)
        if m is None:
            yield line.rstrip('\n')
        else:
            client, _method, target, _protocol, status, size = m.groups()
            yield client, target.partition('?')[0], int(status), 0 if size == '-' else int(size)


class Stats:
    """The figures of the report, accumulated one entry at a time."""
    EXAMPLES = 3

    def __init__(self):
        self.requests = 0
        self.bytes = 0
        self.malformed = 0
        self.malformed_examples = []
        self.status_requests = {}
        self.status_bytes = {}
        self.paths = {}
        self.clients = {}
        self.missing = {}

    def add_all(self, entries):
        # Local names: the loop runs once per line.
        paths, clients, missing = self.paths, self.clients, self.missing
        status_requests, status_bytes = self.status_requests, self.status_bytes
        requests = total = 0
        for entry in entries:
            if entry.__class__ is str:
                self.malformed += 1
                if len(self.malformed_examples) < Stats.EXAMPLES:
                    self.malformed_examples.append(entry)
                continue
            client, path, status, size = entry
            requests += 1
            total += size
            status_requests[status] = status_requests.get(status, 0) + 1
            status_bytes[status] = status_bytes.get(status, 0) + size
            paths[path] = paths.get(path, 0) + 1
            clients[client] = clients.get(client, 0) + 1
            if status == 404:
                missing[path] = missing.get(path, 0) + 1
        self.requests += requests
        self.bytes += total

    @property
    def lines(self):
        return self.requests + self.malformed

    @staticmethod
    def top(counts, n):
        # Ties in key order, as the Java demo.
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def summary(self, n):
        out = [f'lines {self.lines}', f'requests {self.requests}', f'bytes {self.bytes}',
               f'malformed {self.malformed}']
        for status in sorted(self.status_requests):
            out.append(f'status {status} {self.status_requests[status]} {self.status_bytes[status]}')
        out += [f'path {k} {v}' for k, v in self.top(self.paths, n)]
        out += [f'client {k} {v}' for k, v in self.top(self.clients, n)]
        out += [f'missing {k} {v}' for k, v in self.top(self.missing, n)]
        return '\n'.join(out) + '\n'


def size(n):
    units = ['B', 'kB', 'MB', 'GB', 'TB']
    v, u = float(n), 0
    while v >= 1000 and u < len(units) - 1:
        v /= 1000
        u += 1
    return f'{n} B' if u == 0 else f'{v:.1f} {units[u]}'


def percent(part, whole):
    return '-' if whole == 0 else f'{100.0 * part / whole:.2f}%'


def print_report(files, total_bytes, seconds, stats, top):
    what = files[0] if len(files) == 1 else f'{len(files)} files'
    print(f'Access log report: {what} ({size(total_bytes)})\n')

    def row(label, value, note=''):
        print(f'  {label:<16} {value:>15,}   {note}'.rstrip())

    row('lines read', stats.lines, f'in {seconds:.2f} s: {stats.lines / seconds:,.0f} lines/s, '
                                   f'{total_bytes / 1e6 / seconds:.1f} MB/s')
    row('requests', stats.requests)
    row('bytes served', stats.bytes, f'({size(stats.bytes)})')
    row('malformed lines', stats.malformed)
    for line in stats.malformed_examples:
        print('    e.g. an empty line' if not line else
              f'    e.g. "{line if len(line) <= 100 else line[:97] + "..."}"')
    print()
    print(f'  {"status":<6} {"requests":>15} {"share":>8} {"bytes":>19}')
    for status in sorted(stats.status_requests):
        r = stats.status_requests[status]
        print(f'  {status:>6} {r:>15,} {percent(r, stats.requests):>8} {stats.status_bytes[status]:>19,}')
    print()

    def counts(title, items):
        width = max([8] + [min(56, len(k)) for k, _ in items])
        print(f'  {title}')
        for rank, (k, v) in enumerate(items, 1):
            k = k if len(k) <= 56 else k[:53] + '...'
            print(f'  {rank:>3}  {k:<{width}} {v:>12,}')
        print()

    counts(f'top {top} paths (of {len(stats.paths):,})', Stats.top(stats.paths, top))
    counts(f'top {top} clients (of {len(stats.clients):,})', Stats.top(stats.clients, top))
    not_found = stats.status_requests.get(404, 0)
    counts(f'404 Not Found: {not_found:,} requests ({percent(not_found, stats.requests)}), top {top} missing paths',
           Stats.top(stats.missing, top))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('inputs', nargs='+', metavar='FILE|GLOB')
    ap.add_argument('--top', type=int, default=10)
    ap.add_argument('--summary', action='store_true', help='print the figures as "key value" lines')
    args = ap.parse_args(argv)

    files = list(gen_find(args.inputs))
    if not files:
        sys.exit(f'log_report: no file matches {" ".join(args.inputs)}')
    try:
        total_bytes = sum(os.path.getsize(f) for f in files)
        stats = Stats()
        start = time.perf_counter()
        stats.add_all(parse(gen_cat(gen_open(files))))
        seconds = time.perf_counter() - start
    except OSError as e:
        sys.exit(f'log_report: cannot read {e.filename}: {e.strerror or e}')
    except EOFError as e:  # a truncated gzip file
        sys.exit(f'log_report: {e}')
    if args.summary:
        sys.stdout.write(stats.summary(args.top))
    else:
        print_report(files, total_bytes, seconds, stats, args.top)


if __name__ == '__main__':
    main()
