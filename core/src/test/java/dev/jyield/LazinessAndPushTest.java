package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What each operator pulls and when (counted with an instrumented source, never timed), and that a chain consumed
 * to its end by a terminal operation is pushed: its body runs as a plain call on the consumer's stack.
 */
class LazinessAndPushTest {

    /** An infinite source that counts how many values were pulled from it. */
    static final class Counting implements Iterator<Integer> {
        int pulled;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            return pulled++;
        }
    }

    /** A body generator of 0..n-1 that counts the values it has yielded. */
    static Generator<Integer> countingBody(int n, int[] pulled) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                pulled[0]++;
                y.yield(i);
            }
        });
    }

    @Test
    void nothingRunsBeforeTheFirstRequest() {
        int[] pulled = {0};
        Generator<Integer> g = countingBody(100, pulled);
        Generator<List<Integer>> chain = g.map(x -> x + 1).filter(x -> x % 2 == 0).skip(1).batched(2).take(5);
        assertThat(pulled[0]).isZero();
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        chain.close();
        assertThat(pulled[0]).isZero();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void takeOfAnInfiniteSourcePullsExactlyN() {
        Counting src = new Counting();
        Generator<Integer> g = Generator.from(src);
        assertThat(g.map(x -> x * 2).take(3).toList()).containsExactly(0, 2, 4);
        assertThat(src.pulled).isEqualTo(3);
        // and the source goes on from there
        assertThat(g.next()).isEqualTo(3);
    }

    @Test
    void aRedundantHasNextPullsNothingExtra() {
        Counting src = new Counting();
        Generator<Integer> g = Generator.from(src).filter(x -> x % 3 == 0).map(x -> x + 1);
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(src.pulled).isEqualTo(1);
        assertThat(g.next()).isEqualTo(1);
        assertThat(src.pulled).isEqualTo(1);
        assertThat(g.next()).isEqualTo(4);
        assertThat(src.pulled).isEqualTo(4);
    }

    /** Each operator's pulls for its first value and for its second, as its Python twin. */
    @Test
    void eachOperatorPullsWhatItsPythonTwinPulls() {
        expectPulls(g -> g.map(x -> x), 1, 2);
        expectPulls(g -> g.filter(x -> x % 2 == 1), 2, 4);
        expectPulls(g -> g.filterFalse(x -> x < 5), 6, 7);
        expectPulls(g -> g.peek(x -> { }), 1, 2);
        expectPulls(Generator::enumerate, 1, 2);
        expectPulls(g -> g.skip(3), 4, 5);
        expectPulls(g -> g.slice(2, 100, 3), 3, 6); // islice(it, 2, 100, 3): 2, then 5
        expectPulls(g -> g.dropWhile(x -> x < 4), 5, 6);
        expectPulls(g -> g.takeWhile(x -> x < 100), 1, 2);
        expectPulls(g -> g.batched(3), 3, 6);
        expectPulls(Generator::pairwise, 2, 3);
        expectPulls(g -> g.windowed(4), 4, 5);
        expectPulls(g -> g.accumulate(Integer::sum), 1, 2);
        expectPulls(g -> g.accumulate(0, Integer::sum), 0, 1); // the initial value needs no pull
        expectPulls(g -> g.distinct(x -> x / 2), 1, 3);
        expectPulls(g -> g.flatMap(x -> List.of(x, x)), 1, 1);
        expectPulls(g -> g.zip(Itertools.count(0)), 1, 2);
        expectPulls(g -> g.compress(Generator.repeat(true)), 1, 2);
        expectPulls(g -> g.chain(List.of()), 1, 2);
        expectPulls(g -> g.groupBy(x -> x / 3), 1, 4); // the second group starts at 3, the 4th value
    }

    /**
     * A pulled map or filter reads its input as anyone else would: a value read from the input in between is not
     * seen again. CPython 3.11:
     * <pre>
     * >>> it = iter(range(10)); m = map(lambda x: x*10, it); f = filter(lambda x: x % 2, it)
     * >>> next(it), next(m), next(f), next(m), list(f)[:2]
     * (0, 10, 3, 40, [5, 7])
     * </pre>
     */
    @Test
    void mapAndFilterShareTheirInputWithOtherReaders() {
        for (Engine e : Engines.pullAndDefault().toList()) {
            Generator<Integer> it = Generator.of(y -> {
                for (int i = 0; i < 10; i++) {
                    y.yield(i);
                }
            }, e);
            Generator<Integer> m = it.map(x -> x * 10);
            Generator<Integer> f = it.filter(x -> x % 2 == 1);
            assertThat(it.next()).isEqualTo(0);
            assertThat(m.next()).isEqualTo(10);
            assertThat(it.hasNext()).isTrue(); // 2 waits in it: the next reader takes it
            assertThat(f.next()).isEqualTo(3);
            assertThat(m.next()).isEqualTo(40);
            assertThat(f.take(2).toList()).containsExactly(5, 7);
        }
        Generator<Integer> range = Generator.range(10);
        Generator<Integer> m = range.map(x -> x * 10);
        assertThat(range.next()).isEqualTo(0);
        assertThat(m.next()).isEqualTo(10);
    }

    /**
     * A map or filter whose function asks its own generator for a value fails as a generator expression does, and
     * the failure ends it. CPython 3.11:
     * <pre>
     * >>> def h(x): return next(g)
     * >>> g = (h(x) for x in range(3))
     * >>> next(g)
     * ValueError: generator already executing
     * </pre>
     */
    @Test
    void mapOrFilterReenteredFromItsFunctionFails() {
        List<Generator<Integer>> self = new ArrayList<>();
        Generator<Integer> m = Generator.range(3).map(x -> self.get(0).next());
        self.add(m);
        assertThatThrownBy(m::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generator already executing");
        assertThat(m.state()).isEqualTo(Generator.State.CLOSED);
        self.clear();
        Generator<Integer> f = Generator.range(3).filter(x -> self.get(0).hasNext());
        self.add(f);
        assertThatThrownBy(f::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generator already executing");
        assertThat(f.state()).isEqualTo(Generator.State.CLOSED);
    }

    /**
     * A map or filter over another operator calls that operator directly (AbstractGenerator.enterPull), and the
     * input still keeps the protocol: re-entered while it runs, it fails; its failure and its end close it; a value
     * waiting in it goes to the next reader. CPython 3.11:
     * <pre>
     * >>> def h(x): return next(inner)
     * >>> inner = (h(x) for x in range(3)); outer = (x * 2 for x in inner)
     * >>> next(outer)
     * ValueError: generator already executing
     * >>> getgeneratorstate(inner), getgeneratorstate(outer)
     * ('GEN_CLOSED', 'GEN_CLOSED')
     * >>> inner = (1 // (x - 1) for x in range(3)); outer = (x for x in inner if x != 5)
     * >>> next(outer)
     * -1
     * >>> next(outer)
     * ZeroDivisionError: integer division or modulo by zero
     * >>> getgeneratorstate(inner), getgeneratorstate(outer)
     * ('GEN_CLOSED', 'GEN_CLOSED')
     * >>> inner = (x for x in range(2)); outer = (x * 10 for x in inner)
     * >>> list(outer), getgeneratorstate(inner), next(inner, 'end')
     * ([0, 10], 'GEN_CLOSED', 'end')
     * >>> inner = (x for x in range(5)); outer = (x * 10 for x in inner)
     * >>> next(outer), next(inner), next(outer), next(inner)
     * (0, 1, 20, 3)
     * </pre>
     */
    @Test
    void anOperatorReadByAnotherKeepsTheProtocol() {
        List<Generator<Integer>> self = new ArrayList<>();
        Generator<Integer> inner = Generator.range(3).map(x -> self.get(0).next());
        self.add(inner);
        Generator<Integer> outer = inner.map(x -> x * 2);
        assertThatThrownBy(outer::next).isInstanceOf(IllegalStateException.class) // at inner's start, in pull()
                .hasMessageContaining("generator already executing");
        assertThat(inner.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(outer.state()).isEqualTo(Generator.State.CLOSED);
        self.clear();
        inner = Generator.range(5).map(x -> x == 2 ? self.get(0).next() : x); // the same, later: the direct path
        self.add(inner);
        outer = inner.map(x -> x * 2);
        assertThat(outer.next()).isZero();
        assertThat(outer.next()).isEqualTo(2);
        assertThatThrownBy(outer::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generator already executing");
        assertThat(inner.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(outer.state()).isEqualTo(Generator.State.CLOSED);

        Generator<Integer> failing = Generator.range(3).map(x -> 1 / (x - 1));
        Generator<Integer> kept = failing.filter(x -> x != 5);
        assertThat(kept.next()).isEqualTo(-1);
        assertThatThrownBy(kept::next).isInstanceOf(ArithmeticException.class);
        assertThat(failing.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(kept.state()).isEqualTo(Generator.State.CLOSED);

        Generator<Integer> ending = Generator.range(2).map(x -> x);
        List<Integer> pulled = new ArrayList<>();
        for (int x : ending.map(x -> x * 10)) { // pulled (a terminal operation such as toList() would push)
            pulled.add(x);
        }
        assertThat(pulled).containsExactly(0, 10);
        assertThat(ending.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(ending.next(-1)).isEqualTo(-1);

        Generator<Integer> shared = Generator.range(5).map(x -> x);
        Generator<Integer> reader = shared.map(x -> x * 10);
        assertThat(List.of(reader.next(), shared.next(), reader.next(), shared.next())).containsExactly(0, 1, 20, 3);
        assertThat(shared.hasNext()).isTrue(); // 4 waits in shared: the next reader takes it
        assertThat(reader.next()).isEqualTo(40);
        assertThat(reader.hasNext()).isFalse();
    }

    /**
     * A map over a range or a count asks it for an element and makes it in two calls (Producer.Split), and the
     * input still keeps the protocol: shared with another reader, ended, or failing under map's function. CPython
     * 3.11:
     * <pre>
     * >>> r = iter(range(5)); m = (x * 10 for x in r)
     * >>> (next(m), next(r), next(m), next(r), list(m)), next(r, 'end')
     * ((0, 1, 20, 3, [40]), 'end')
     * >>> r = iter(range(5)); m = (1 // (x - 1) for x in r)
     * >>> next(m)
     * -1
     * >>> next(m)
     * ZeroDivisionError: integer division or modulo by zero
     * >>> getgeneratorstate(m), list(m)
     * ('GEN_CLOSED', [])
     * </pre>
     * Unlike Python's (whose {@code next(r)} then gives 2), a failed operator closes its input, as Op does on every
     * failure. A count past the range of long fails instead of wrapping (Python's integers do not overflow).
     */
    @Test
    void aMapOverARangeOrACountKeepsTheProtocol() {
        Generator<Integer> r = Generator.range(5);
        Generator<Integer> m = r.map(x -> x * 10);
        List<Integer> pulled = new ArrayList<>(List.of(m.next(), r.next(), m.next(), r.next()));
        for (int x : m) { // pulled: toList() would push
            pulled.add(x);
        }
        assertThat(pulled).containsExactly(0, 1, 20, 3, 40);
        assertThat(r.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(r.next(-1)).isEqualTo(-1);

        r = Generator.range(5);
        Generator<Integer> failing = r.map(x -> 1 / (x - 1));
        assertThat(failing.next()).isEqualTo(-1);
        assertThatThrownBy(failing::next).isInstanceOf(ArithmeticException.class);
        assertThat(failing.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(failing.hasNext()).isFalse();
        assertThat(r.state()).isEqualTo(Generator.State.CLOSED);

        Generator<Long> near = Itertools.count(Long.MAX_VALUE - 1);
        Generator<Long> same = near.map(x -> x);
        assertThat(same.next()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(same.next()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(same::next).isInstanceOf(ArithmeticException.class)
                .hasMessage("count() went past the range of long");
        assertThat(same.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(near.state()).isEqualTo(Generator.State.CLOSED);
    }

    /**
     * A map or filter over the elements of an iterator reads them directly too (the iterator's generator is an
     * operator), and the generator keeps the protocol, since an iterator may run any code: re-entered from the
     * iterator, it fails; a null element is a value; shared with another reader, each element goes to one of them.
     * CPython 3.11:
     * <pre>
     * >>> class It:
     * ...     n = 0
     * ...     def __iter__(self): return self
     * ...     def __next__(self):
     * ...         self.n += 1
     * ...         return 1 if self.n == 1 else next(g)
     * >>> g = (x for x in It()); m = (x * 2 for x in g)
     * >>> next(m)
     * 2
     * >>> next(m)
     * ValueError: generator already executing
     * >>> getgeneratorstate(g), getgeneratorstate(m)
     * ('GEN_CLOSED', 'GEN_CLOSED')
     * >>> r = iter([1, None, 3]); g = (x for x in r); m = (x for x in g if x is None or x > 1)
     * >>> next(m), next(g), list(m)
     * (None, 3, [])
     * </pre>
     */
    @Test
    void aMapOrFilterOverAnIteratorKeepsTheProtocol() {
        List<Generator<Integer>> self = new ArrayList<>();
        Iterator<Integer> reentering = new Iterator<>() { // the first element plainly, then re-entering
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return ++n == 1 ? 1 : self.get(0).next();
            }
        };
        Generator<Integer> g = Generator.from(reentering);
        self.add(g);
        Generator<Integer> m = g.map(x -> x * 2);
        assertThat(g.engine()).contains("iterator");
        assertThat(m.next()).isEqualTo(2); // at g's start, through pull(); then the direct path
        assertThatThrownBy(m::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generator already executing");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(m.state()).isEqualTo(Generator.State.CLOSED);

        Generator<Integer> shared = Generator.from(java.util.Arrays.asList(1, null, 3));
        Generator<Integer> kept = shared.filter(x -> x == null || x > 1);
        assertThat(kept.next()).isNull();
        assertThat(shared.next()).isEqualTo(3);
        assertThat(kept.hasNext()).isFalse();
        assertThat(shared.state()).isEqualTo(Generator.State.CLOSED);
    }

    private static void expectPulls(Function<Generator<Integer>, Generator<?>> op, int first, int second) {
        Counting src = new Counting();
        Generator<?> g = op.apply(Generator.from(src));
        assertThat(src.pulled).as("before any request").isZero();
        g.next();
        assertThat(src.pulled).as("pulls for the first value").isEqualTo(first);
        g.next();
        assertThat(src.pulled).as("pulls for the second value").isEqualTo(second);
    }

    @Test
    void isliceAndTakeLeaveTheSourceUsable() {
        // Python: g = gen(); list(islice(g, 3)); then go on with g
        int[] pulled = {0};
        Generator<Integer> g = countingBody(10, pulled);
        assertThat(g.take(3).toList()).containsExactly(0, 1, 2);
        assertThat(pulled[0]).isEqualTo(3);
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        assertThat(g.toList()).containsExactly(3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void firstAndAnyMatchPullOnly() {
        int[] pulled = {0};
        Generator<Integer> g = countingBody(10, pulled);
        assertThat(g.map(x -> x * 10).first()).contains(0);
        assertThat(pulled[0]).isEqualTo(1);
        assertThat(g.anyMatch(x -> x == 4)).isTrue();
        assertThat(pulled[0]).isEqualTo(5);
        assertThat(g.next()).isEqualTo(5);
    }

    // --------------------------------------------------------------------------------------------------- push

    /** Whether a frame of {@code method} of this class is on the current stack. */
    private static boolean onStackOf(String method) {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals(LazinessAndPushTest.class.getName())
                        && f.getMethodName().equals(method)));
    }

    @Test
    void aWholeChainConsumedByATerminalOperationIsPushed() {
        List<Boolean> onConsumerStack = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        Generator<Integer> body = Generator.of(y -> {
            for (int i = 0; i < 6; i++) {
                onConsumerStack.add(onStackOf("aWholeChainConsumedByATerminalOperationIsPushed"));
                threads.add(Thread.currentThread());
                y.yield(i);
            }
        });
        List<String> out = body.map(x -> x * 3).filter(x -> x % 2 == 0).peek(x -> { }).enumerate(1)
                .flatMap(ix -> List.of(ix.index() + ":" + ix.value())).accumulate("", String::concat)
                .skip(1).toList();
        assertThat(out).containsExactly("1:0", "1:02:6", "1:02:63:12");
        assertThat(onConsumerStack).hasSize(6).containsOnly(true);
        assertThat(threads).containsOnly(caller);
        assertThat(body.engineName()).isEqualTo("push"); // the body never went to a pull engine
        assertThat(body.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void everyPushingTerminalPushes() {
        List<Function<Generator<Integer>, Object>> terminals = List.of(
                Generator::toList, Generator::toSet, Generator::count, Generator::last,
                g -> g.join(","), g -> g.sumInt(x -> x), g -> g.sumLong(x -> x), g -> g.sumDouble(x -> x),
                g -> g.min(Integer::compare), g -> g.max(Integer::compare), g -> g.minBy(x -> x),
                g -> g.reduce(0, Integer::sum), g -> g.collect(java.util.stream.Collectors.toList()),
                g -> g.toArray(Integer[]::new), g -> g.stream().map(x -> x).toList(),
                g -> {
                    g.forEach(x -> { });
                    return null;
                });
        for (Function<Generator<Integer>, Object> terminal : terminals) {
            boolean[] onStack = {false};
            Generator<Integer> body = Generator.of(y -> {
                onStack[0] = onStackOf("everyPushingTerminalPushes");
                y.yield(1);
                y.yield(2);
            });
            terminal.apply(body.map(x -> x + 1).sorted().distinct());
            assertThat(onStack[0]).as("body on the consumer's stack").isTrue();
            assertThat(body.engineName()).isEqualTo("push");
        }
    }

    @Test
    void chainsThatCanStopEarlyPull() {
        List<Function<Generator<Integer>, Object>> pulling = List.of(
                g -> g.take(2).toList(), g -> g.takeWhile(x -> x < 1).toList(),
                g -> g.zip(List.of(1)).toList(), g -> g.first(), g -> g.anyMatch(x -> x > 0),
                g -> g.compress(List.of(true)).toList(), g -> g.groupBy().next().values().first(),
                g -> g.stream().findFirst());
        for (Function<Generator<Integer>, Object> op : pulling) {
            Generator<Integer> body = Generator.of(y -> {
                y.yield(1);
                y.yield(2);
                y.yield(3);
            });
            op.apply(body);
            assertThat(body.engineName()).isNotEqualTo("push");
            assertThat(body.state()).isEqualTo(Generator.State.SUSPENDED); // still usable, as in Python
        }
    }

    @Test
    void aConsumerThatThrowsDuringAPushClosesTheBody() {
        List<String> log = new ArrayList<>();
        Generator<Integer> body = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                log.add("finally");
            }
        });
        RuntimeException boom = new RuntimeException("boom");
        assertThatThrownBy(() -> body.map(x -> x).forEach(x -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(log).containsExactly("finally");
        assertThat(body.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void whatAConsumerThrowsDuringAPushIsItsOwnNotPep479s() {
        // CPython 3.11 (the consumer's StopIteration is not the generator's: no RuntimeError):
        // >>> def g():
        // ...     try:
        // ...         yield 0; yield 1
        // ...     finally:
        // ...         print("finally")
        // >>> for x in g(): next(iter([]))
        // finally
        // StopIteration
        // As pulled (for-each), so pushed by forEach on the body itself.
        List<String> log = new ArrayList<>();
        Iterator<Object> empty = List.of().iterator();
        Generator<Integer> body = upToThenFinally(2, log);
        assertThatThrownBy(() -> body.forEach(x -> empty.next())).isExactlyInstanceOf(NoSuchElementException.class);
        assertThat(body.engineName()).isEqualTo("push");
        assertThat(log).containsExactly("finally");
        assertThat(body.state()).isEqualTo(Generator.State.CLOSED);
        // A function of an operator is the operator's own code: PEP 479 applies to it, pushed as pulled. Under a
        // pushed operator the consumer cannot be told from it (README, "Push"): its exception comes as the cause.
        assertThatThrownBy(() -> Generator.range(3).map(x -> empty.next()).forEach(x -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("generator raised NoSuchElementException");
        assertThatThrownBy(() -> Generator.range(3).map(x -> x * 10).forEach(x -> empty.next()))
                .isInstanceOf(IllegalStateException.class).hasMessage("generator raised NoSuchElementException")
                .hasCauseExactlyInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aConsumerOfAPushCannotControlTheGeneratorItConsumesAndIsToldHowToPullInstead() {
        // CPython 3.11 lets a for loop close the generator it iterates (the loop pulls, so it is suspended there):
        // >>> it = g()
        // >>> for x in it:
        // ...     print(x)
        // ...     if x == 1: it.close()
        // 0
        // 1
        // finally
        // A push runs the body as a plain call under the consumer, which therefore sees it running: the call fails,
        // with the fix in the message, and the body is closed as for any failure of the consumer.
        List<String> log = new ArrayList<>();
        Generator<Integer> g = upToThenFinally(4, log);
        assertThatThrownBy(() -> g.forEach(x -> {
            log.add(x + " " + g.state());
            if (x == 1) {
                g.close();
            }
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("generator already executing: forEach (or another terminal operation) runs it")
                .hasMessageContaining("for (T x : g)");
        assertThat(log).containsExactly("0 RUNNING", "1 RUNNING", "finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        // Pulled, it behaves as Python's loop does.
        List<String> pulled = new ArrayList<>();
        Generator<Integer> h = upToThenFinally(4, pulled);
        for (Integer x : h) {
            pulled.add(x + " " + h.state());
            if (x == 1) {
                h.close();
            }
        }
        assertThat(pulled).containsExactly("0 SUSPENDED", "1 SUSPENDED", "finally");
        // A running generator that is not pushed keeps the short message.
        Generator<Integer>[] self = new Generator[1];
        self[0] = Generator.of(y -> y.yield(self[0].next()));
        assertThatThrownBy(self[0]::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("generator already executing");
    }

    /** 0..n-1, then "finally" into {@code log} when the body ends or is closed. */
    private static Generator<Integer> upToThenFinally(int n, List<String> log) {
        return Generator.of(y -> {
            try {
                for (int i = 0; i < n; i++) {
                    y.yield(i);
                }
            } finally {
                log.add("finally");
            }
        });
    }

    @Test
    void aStartedSourceIsPulledToTheEndByAPushingChain() {
        int[] pulled = {0};
        Generator<Integer> g = countingBody(5, pulled);
        assertThat(g.next()).isZero();
        assertThat(g.map(x -> x * 2).toList()).containsExactly(2, 4, 6, 8);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.jyield.Engines#all")
    void operatorsOverBodiesAgreeOnEveryEngine(Engine engine) {
        Function<Integer, Generator<Integer>> body = n -> Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        }, engine);
        assertThat(body.apply(10).filter(x -> x % 3 != 0).map(x -> x * 2).toList())
                .containsExactly(2, 4, 8, 10, 14, 16);
        Generator<Integer> g = body.apply(10);
        assertThat(g.take(3).toList()).containsExactly(0, 1, 2);
        assertThat(g.zip(g).toList()).containsExactly(new Pair<>(3, 4), new Pair<>(5, 6), new Pair<>(7, 8));
        assertThat(g.hasNext()).isFalse(); // zip(g, g) took 9 as a first element, then found g exhausted
        // [list(v) for k, v in groupby(range(7), lambda x: x // 3)] == [[0, 1, 2], [3, 4, 5], [6]]
        assertThat(body.apply(7).groupBy(x -> x / 3).map(grp -> grp.values().toList()).toList())
                .containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
        // [list(v) for k, v in list(groupby(range(7), lambda x: x // 3))] == [[], [], []]
        assertThat(body.apply(7).groupBy(x -> x / 3).toList()).allMatch(grp -> grp.values().toList().isEmpty());
        assertThat(body.apply(7).flatMap(x -> body.apply(x % 3)).toList())
                .containsExactly(0, 0, 1, 0, 0, 1); // [y for x in range(7) for y in range(x % 3)]
        Generator<Integer> h = body.apply(5);
        assertThat(h.takeWhile(x -> x < 2).toList()).containsExactly(0, 1);
        assertThat(h.toList()).containsExactly(3, 4);
    }

    @Test
    void closeClosesEveryInputEvenWhenOneFails() {
        RuntimeException first = new RuntimeException("first input failed to close");
        RuntimeException second = new RuntimeException("second input failed to close");
        Generator<Integer> a = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                throw first;
            }
        });
        Generator<Integer> b = Generator.of(y -> {
            try {
                y.yield(10);
                y.yield(20);
            } finally {
                throw second;
            }
        });
        List<String> log = new ArrayList<>();
        Generator<Integer> c = Generator.of(y -> {
            try {
                y.yield(100);
                y.yield(200);
            } finally {
                log.add("c closed");
            }
        });
        Generator<List<Integer>> z = Itertools.zip(a, b, c);
        assertThat(z.next()).containsExactly(1, 10, 100);
        assertThatThrownBy(z::close).isSameAs(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(log).containsExactly("c closed");
        assertThat(a.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(b.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(z.state()).isEqualTo(Generator.State.CLOSED);
    }
}
