#!/usr/bin/env python3
"""Records how CPython answers every short sequence of generator protocol calls.

For each generator shape below, runs every sequence of next/send/throw/close calls up to MAX_STEPS long (a
sequence stops one call after the generator closes) on a fresh generator, then closes it, and writes one line per
sequence to core/src/test/resources/dev/jyield/protocol-transcripts.txt. ProtocolOracleTest replays each line on
every jyield engine and compares step by step. The shapes mirror the Java bodies in ProtocolShapes.java; the
vocabulary of results is the one both sides format:

    yield <v> | stop [ret=<v>] | closed | raise arg:<msg> | error ignored-exit | error send-unstarted
    | error send-to-iterator

followed by the state after the call and the body's log entries added during it. "ret" is shown only when the
generator ends during that call (the value of CPython's StopIteration). Run from the repository root:

    python3 core/src/test/python/protocol_transcripts.py
"""
import inspect
import os
import sys

MAX_STEPS = 5
OPS = ("next", "send", "throw", "close")
LOG = []


def show(v):
    return "null" if v is None else str(v)


def plain():
    yield "a"
    yield "b"
    return "ret"


def catches():
    for i in range(3):
        try:
            sent = yield f"v{i}"
            yield "sent " + show(sent)
        except ValueError as ex:
            yield f"caught {ex}"
        finally:
            LOG.append(f"finally {i}")


def ignores_exit():
    ignored = 0
    while True:
        try:
            yield "loop"
        except GeneratorExit:
            LOG.append("exit")
            ignored += 1
            if ignored == 2:
                return


def returns_on_throw():
    try:
        yield "r1"
        yield "r2"
    except ValueError as ex:
        LOG.append(f"handled {ex}")
        return f"handled {ex}"
    finally:
        LOG.append("finally")
    return "done"


def sub():
    try:
        x = yield "sub1"
        yield "sub got " + show(x)
    except ValueError:
        yield "sub caught"
    finally:
        LOG.append("sub finally")
    return "subret"


def delegates():
    try:
        r = yield from sub()
        yield f"outer got {r}"
        yield from ["i1", "i2"]
    finally:
        LOG.append("outer finally")
    return "outerret"


SHAPES = {
    "plain": plain,
    "catches": catches,
    "ignoresExit": ignores_exit,
    "returnsOnThrow": returns_on_throw,
    "delegates": delegates,
}

STATES = {
    inspect.GEN_CREATED: "CREATED",
    inspect.GEN_SUSPENDED: "SUSPENDED",
    inspect.GEN_CLOSED: "CLOSED",
}


def outcome(call, was_closed):
    try:
        v = call()
    except StopIteration as e:
        return "stop" if was_closed else "stop ret=" + show(e.value)
    except ValueError as e:
        return f"raise arg:{e}"
    except RuntimeError as e:
        if str(e) == "generator ignored GeneratorExit":
            return "error ignored-exit"
        raise
    except TypeError as e:
        if str(e) == "can't send non-None value to a just-started generator":
            return "error send-unstarted"
        raise
    except AttributeError as e:
        if "'send'" in str(e):
            return "error send-to-iterator"
        raise
    return "closed" if call.__name__ == "close" else "yield " + show(v)


def step(g, op, n):
    was_closed = inspect.getgeneratorstate(g) == inspect.GEN_CLOSED
    before = len(LOG)
    if op == "next":
        call = lambda: next(g)
        call.__name__ = "next"
    elif op == "send":
        call = lambda: g.send(f"s{n}")
        call.__name__ = "send"
    elif op == "throw":
        call = lambda: g.throw(ValueError(f"t{n}"))
        call.__name__ = "throw"
    else:
        call = g.close
    result = outcome(call, was_closed)
    added = LOG[before:]
    return f"{op} -> {result} [{STATES[inspect.getgeneratorstate(g)]}]" + (f" log={added}" if added else "")


def run(shape, ops):
    LOG.clear()
    g = SHAPES[shape]()
    steps = [step(g, op, n) for n, op in enumerate(ops, 1)]
    for _ in range(3):
        if inspect.getgeneratorstate(g) == inspect.GEN_CLOSED:
            break
        before = len(LOG)
        r = outcome(g.close, False)
        added = LOG[before:]
        steps.append(f"final close -> {r} [{STATES[inspect.getgeneratorstate(g)]}]"
                     + (f" log={added}" if added else ""))
    return " ; ".join(steps).replace("'", "")


def sequences(shape):
    """Every sequence up to MAX_STEPS calls; one that closes the generator goes on for one call more, then stops."""
    def closed_after(ops):
        LOG.clear()
        g = SHAPES[shape]()
        for n, op in enumerate(ops, 1):
            step(g, op, n)
        closed = inspect.getgeneratorstate(g) == inspect.GEN_CLOSED
        for _ in range(3):
            outcome(g.close, False)
        return closed

    def extend(ops, was_closed):
        if len(ops) == MAX_STEPS or was_closed:
            yield ops
            return
        closed = closed_after(ops)
        for op in OPS:
            yield from extend(ops + (op,), closed)

    for op in OPS:
        yield from extend((op,), False)


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "jyield", "protocol-transcripts.txt")
    lines = [f"# CPython {sys.version.split()[0]}: written by core/src/test/python/protocol_transcripts.py; do not edit"]
    for shape in SHAPES:
        for ops in sequences(shape):
            lines.append(f"{shape}\t{' '.join(ops)}\t{run(shape, ops)}")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines) - 1} sequences -> {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
