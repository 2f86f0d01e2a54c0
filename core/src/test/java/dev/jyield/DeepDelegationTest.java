package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * yieldFrom chains several levels deep, against CPython, and chains far deeper than CPython allows: a chain runs on
 * the heap (the outermost generator resumes the innermost directly), so its depth is bounded by memory, not by the
 * stack.
 */
class DeepDelegationTest {

    static java.util.stream.Stream<Engine> engines() {
        return Engines.pullAndDefault();
    }

    /** A thread with a stack of 1 MiB, the JVM's default on 64-bit Linux (the tests' JVM runs with more). */
    static <R> R onADefaultStack(java.util.concurrent.Callable<R> task) throws Throwable {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                result.set(new Failure(e));
            }
        }, "default-stack", 1 << 20);
        t.start();
        t.join();
        if (result.get() instanceof Failure f) {
            throw f.error;
        }
        @SuppressWarnings("unchecked")
        R r = (R) result.get();
        return r;
    }

    private record Failure(Throwable error) {}

    /** Yields 1 and 2 at the bottom of a chain {@code n} deep; every level returns what the level below returned. */
    static Generator<Integer> chain(int n, Engine e) {
        return Generator.ofReturning(y -> {
            if (n == 0) {
                y.yield(1);
                y.yield(2);
                return "bottom";
            }
            return y.yieldFrom(chain(n - 1, e));
        }, e);
    }

    static final String CHAIN = """
            >>> def g(n):
            ...     if n == 0:
            ...         yield 1; yield 2
            ...         return 'bottom'
            ...     r = yield from g(n-1)
            ...     return r
            >>> x = g(3); print(list(x))  # and the return value through StopIteration.value: 'bottom'
            [1, 2]
            >>> list(g(1000000))
            RecursionError: maximum recursion depth exceeded
            """;

    /**
     * A chain a million deep, pulled on a default stack: values and the return value climb every level.
     * CPython stops at its recursion limit (see {@link #CHAIN}).
     */
    @Test
    void aMillionDeepChainIsPulledOnADefaultStack() throws Throwable {
        Generator<Integer> x = chain(1_000_000, Engine.DEFAULT);
        List<Integer> got = onADefaultStack(() -> {
            List<Integer> out = new ArrayList<>();
            for (int v : x) {
                out.add(v);
            }
            return out;
        });
        assertThat(got).containsExactly(1, 2);
        assertThat(x.returnValue()).isEqualTo("bottom");
    }

    /** The same chain consumed by forEach from its start (push): deep delegates are pulled, on a bounded stack. */
    @Test
    void aMillionDeepChainIsPushedOnADefaultStack() throws Throwable {
        Generator<Integer> x = chain(1_000_000, Engine.DEFAULT);
        List<Integer> got = onADefaultStack(() -> {
            List<Integer> out = new ArrayList<>();
            x.forEach(out::add);
            return out;
        });
        assertThat(got).containsExactly(1, 2);
        assertThat(x.returnValue()).isEqualTo("bottom");
    }

    /** On every pull engine: a chain 20,000 deep (beyond what recursion through each level allowed) runs. */
    @ParameterizedTest
    @MethodSource("engines")
    void aChainDeeperThanTheStackRunsOnEveryEngine(Engine e) throws Throwable {
        Generator<Integer> x = chain(20_000, e);
        assertThat(onADefaultStack(x::toList)).containsExactly(1, 2);
        assertThat(x.returnValue()).isEqualTo("bottom");
    }

    /**
     * A send reaches the bottom of a deep chain, and a throwIn climbs every level's finally, from the inside out.
     * <pre>
     * >>> def h(n, log):
     * ...     try:
     * ...         if n == 0:
     * ...             got = yield 1
     * ...             log.append(got)
     * ...             yield 2
     * ...         else:
     * ...             yield from h(n-1, log)
     * ...     finally:
     * ...         log.append(n)
     * >>> log=[]; x=h(3, log); print(next(x), x.send('s'))
     * 1 2
     * >>> try: x.throw(KeyError('k'))
     * ... except KeyError as e: print('raised', e)
     * raised 'k'
     * >>> print(log)
     * ['s', 0, 1, 2, 3]
     * </pre>
     */
    @Test
    void sendAndThrowReachTheBottomOfAHundredThousandDeepChain() throws Throwable {
        int depth = 100_000;
        List<Object> log = new ArrayList<>();
        Generator<Integer> x = h(depth, log);
        onADefaultStack(() -> {
            assertThat(x.next()).isEqualTo(1);
            assertThat(x.send("s")).isEqualTo(2);
            try {
                x.throwIn(new IllegalArgumentException("k"));
                throw new AssertionError("not raised");
            } catch (IllegalArgumentException expected) {
                assertThat(expected).hasMessage("k");
            }
            return null;
        });
        assertThat(log).hasSize(depth + 2);
        assertThat(log.subList(0, 4)).containsExactly("s", 0, 1, 2);
        assertThat(log.get(depth + 1)).isEqualTo(depth);
        assertThat(x.state()).isEqualTo(Generator.State.CLOSED);
    }

    static Generator<Integer> h(int n, List<Object> log) {
        return Generator.of(y -> {
            try {
                if (n == 0) {
                    log.add(y.yield(1));
                    y.yield(2);
                } else {
                    y.yieldFrom(h(n - 1, log));
                }
            } finally {
                log.add(n);
            }
        });
    }

    /** close() of a chain a hundred thousand deep runs every finally, from the inside out, on a default stack. */
    @Test
    void closeOfAHundredThousandDeepChainRunsEveryFinally() throws Throwable {
        int depth = 100_000;
        List<Integer> log = new ArrayList<>();
        Generator<Integer> x = g(depth, log);
        onADefaultStack(() -> {
            assertThat(x.next()).isEqualTo(1);
            x.close();
            return null;
        });
        assertThat(log).hasSize(depth + 1);
        for (int i = 0; i <= depth; i++) {
            assertThat(log.get(i)).isEqualTo(i);
        }
    }

    static Generator<Integer> g(int n, List<Integer> log) {
        return Generator.of(y -> {
            try {
                if (n == 0) {
                    y.yield(1);
                    y.yield(2);
                } else {
                    y.yieldFrom(g(n - 1, log));
                }
            } finally {
                log.add(n);
            }
        });
    }

    /**
     * Close reaches the innermost level first; each level's finally runs from the inside out.
     * <pre>
     * >>> def g(n, log):
     * ...     try:
     * ...         if n == 0:
     * ...             yield 1; yield 2
     * ...         else:
     * ...             yield from g(n-1, log)
     * ...     finally:
     * ...         log.append(n)
     * >>> log=[]; x=g(3,log); print(next(x)); x.close(); print(log)
     * 1
     * [0, 1, 2, 3]
     * </pre>
     */
    @Test
    void closeRunsEveryFinallyFromTheInsideOut() {
        List<Integer> log = new ArrayList<>();
        Generator<Integer> x = g(3, log);
        assertThat(x.next()).isEqualTo(1);
        x.close();
        assertThat(log).containsExactly(0, 1, 2, 3);
    }
}
