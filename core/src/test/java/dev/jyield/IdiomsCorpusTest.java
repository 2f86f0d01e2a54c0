package dev.jyield;

import static dev.jyield.BytecodeCorpusTest.inOrder;
import static dev.jyield.CorpusChecks.agreeOnEveryEngine;
import static dev.jyield.CorpusChecks.assertAllRewritten;
import static dev.jyield.CorpusChecks.assertRewritten;
import static dev.jyield.CorpusChecks.eventsAgreeOnEveryEngine;
import static dev.jyield.CorpusChecks.fallsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jyield.BytecodeCorpusTest.Node;
import dev.jyield.other.OpaqueBodies;
import dev.jyield.other.OtherPackageHelpers;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java idioms a body writes instead of a plain loop: a for-each lambda or method reference that yields
 * ({@code items.forEach(x -> y.yield(x))}), and a helper method the yielder is passed to ({@code walk(node, y)}).
 * The bytecode engine rewrites a for-each call into a loop over the receiver's iterator with the lambda inlined,
 * and a call that passes the yielder to a method whose code it can read into a {@code yieldFrom} of that method
 * rewritten as a body of its own. Each shape runs on every engine: the values (or the event log of
 * send/throwIn/close) must agree everywhere, and the bytecode engine must have rewritten the body. Then the one
 * observable difference of the rewritten for-each, and the shapes that still fall back.
 */
class IdiomsCorpusTest {

    // ------------------------------------------------------------------------------------ for-each lambdas

    @Test
    void iterableForEachOnListSetAndArrayListReceiversCapturingOnlyTheYielder() {
        List<Integer> list = List.of(1, 2, 3);
        Set<String> set = new LinkedHashSet<>(List.of("c", "a", "b"));
        ArrayList<Integer> arrayList = new ArrayList<>(List.of(7, 8));
        Iterable<Integer> iterable = list;
        Generator.Body<Integer> onList = y -> list.forEach(x -> y.yield(x * 2));
        Generator.Body<String> onSet = y -> set.forEach(s -> y.yield(s + s));
        Generator.Body<Integer> onArrayList = y -> arrayList.forEach(x -> y.yield(-x)); // invokevirtual
        Generator.Body<Integer> onIterable = y -> {
            iterable.forEach(x -> y.yield(x + 10));
            y.yield(0);
        };
        Generator.Body<Integer> onEmpty = y -> {
            List.<Integer>of().forEach(x -> y.yield(x));
            y.yield(-1);
        };
        assertThat(agreeOnEveryEngine(onList)).containsExactly(2, 4, 6);
        assertThat(agreeOnEveryEngine(onSet)).containsExactly("cc", "aa", "bb");
        assertThat(agreeOnEveryEngine(onArrayList)).containsExactly(-7, -8);
        assertThat(agreeOnEveryEngine(onIterable)).containsExactly(11, 12, 13, 0);
        assertThat(agreeOnEveryEngine(onEmpty)).containsExactly(-1);
        assertAllRewritten(onList, onSet, onArrayList, onIterable, onEmpty);
    }

    @Test
    void mapForEachWithAKeyAndAValue() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("bb", 2);
        map.put("c", 3);
        LinkedHashMap<Integer, Integer> squares = new LinkedHashMap<>(Map.of(3, 9));
        Generator.Body<String> onMap = y -> {
            map.forEach((k, v) -> y.yield(k + v));
            y.yield("end");
        };
        Generator.Body<Integer> onLinkedHashMap = y -> squares.forEach((k, v) -> y.yield(k + v)); // invokevirtual
        assertThat(agreeOnEveryEngine(onMap)).containsExactly("a1", "bb2", "c3", "end");
        assertThat(agreeOnEveryEngine(onLinkedHashMap)).containsExactly(12);
        assertAllRewritten(onMap, onLinkedHashMap);
    }

    @Test
    void iteratorForEachRemainingAfterSomeElementsWereTaken() {
        Generator.Body<String> body = y -> {
            Iterator<String> it = List.of("a", "b", "c", "d").iterator();
            y.yield("first " + it.next());
            it.forEachRemaining(s -> y.yield("rest " + s));
            y.yield("exhausted " + !it.hasNext());
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly("first a", "rest b", "rest c", "rest d",
                "exhausted true");
        assertRewritten(body, false);
    }

    @Test
    void lambdasCapturingTheYielderAndOtherLocals() {
        String prefix = "p";
        long wide = 5_000_000_000L;
        Generator.Body<String> body = y -> {
            int step = 3;
            double half = 0.5;
            List<String> seen = new ArrayList<>();
            List.of(1, 2).forEach(x -> {
                seen.add(prefix + x);
                y.yield(prefix + x * step + ":" + (wide + x) + ":" + x * half);
                y.yield("seen " + seen.size());
            });
            y.yield("after " + seen);
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly("p3:5000000001:0.5", "seen 1", "p6:5000000002:1.0",
                "seen 2", "after [p1, p2]");
        assertRewritten(body, false);
    }

    private int scale = 10;
    private int calls;

    private String label(int x) {
        calls++;
        return "#" + x * scale;
    }

    @Test
    void lambdasCapturingTheYielderAndThis() {
        Generator.Body<String> body = y -> {
            calls = 0; // each engine runs the body once; each run starts afresh
            scale = 10;
            List.of(1, 2, 3).forEach(x -> {
                y.yield(label(x));
                scale++;
            });
            y.yield("calls " + calls + " scale " + scale);
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly("#10", "#22", "#36", "calls 3 scale 13");
        assertRewritten(body, false);
    }

    @Test
    void methodReferencesToYield() {
        List<Integer> list = List.of(1, 2);
        Map<String, Integer> map = new LinkedHashMap<>(Map.of("k", 0));
        Generator.Body<Integer> onList = y -> list.forEach(y::yield);
        Generator.Body<Object> onKeysAndIterator = y -> {
            map.keySet().forEach(y::yield);
            List.of("i", "j").iterator().forEachRemaining(y::yield);
        };
        assertThat(agreeOnEveryEngine(onList)).containsExactly(1, 2);
        assertThat(agreeOnEveryEngine(onKeysAndIterator)).containsExactly("k", "i", "j");
        assertAllRewritten(onList, onKeysAndIterator);
    }

    @Test
    void aLambdaThatDoesNotYieldInsideTheForEachLambda() {
        List<List<String>> rows = List.of(List.of("ccc", "a", "bb"), List.of("zz", "y"));
        Generator.Body<Object> body = y -> {
            List<Integer> lengths = new ArrayList<>();
            rows.forEach(row -> {
                List<String> sorted = new ArrayList<>(row);
                sorted.sort(Comparator.comparingInt(s -> s.length())); // captures nothing
                row.forEach(s -> lengths.add(s.length())); // a for-each that does not yield
                y.yield(sorted);
            });
            y.yield(lengths);
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly(List.of("a", "bb", "ccc"), List.of("y", "zz"),
                List.of(3, 1, 2, 2, 1));
        assertRewritten(body, false);
    }

    @Test
    void aForEachThatYieldsInsideAForEachThatYields() {
        List<List<Integer>> rows = List.of(List.of(1, 2), List.of(), List.of(3));
        Generator.Body<Integer> body = y -> rows.forEach(row -> {
            y.yield(-row.size());
            row.forEach(x -> y.yield(x * 10));
        });
        assertThat(agreeOnEveryEngine(body)).containsExactly(-2, 10, 20, 0, -1, 30);
        assertRewritten(body, false);
    }

    @Test
    void sentValuesAreReceivedInsideTheLambda() {
        // >>> def g(items, log):
        // ...     for x in items:
        // ...         r = yield x
        // ...         log.append(f"got {r} for {x}")
        // ...     log.append("end")
        // >>> log = []; it = g([1, 2, 3], log); next(it), it.send('a'), it.send('b')
        // (1, 2, 3)
        // >>> next(it)
        // StopIteration
        // >>> log
        // ['got a for 1', 'got b for 2', 'got None for 3', 'end']
        Function<List<String>, Generator.Body<Object>> bodyOf = l -> y -> {
            List.of(1, 2, 3).forEach(x -> {
                Object r = y.yield(x);
                l.add("got " + r + " for " + x);
            });
            l.add("end");
        };
        assertThat(eventsAgreeOnEveryEngine(bodyOf, "next", "send:a", "send:b", "next")).containsExactly(
                "next -> 1", "state SUSPENDED", "got a for 1", "send:a -> 2", "state SUSPENDED",
                "got b for 2", "send:b -> 3", "state SUSPENDED", "got null for 3", "end",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        assertRewritten(bodyOf.apply(new ArrayList<>()), false);
    }

    /**
     * A yield inside a try in the lambda, and a finally around the for-each:
     * <pre>
     * def loop(log):
     *     try:
     *         for x in [1, 2, 3]:
     *             try:
     *                 log.append(f"at {x}"); yield x
     *             except ValueError as e:
     *                 log.append(f"caught {e} at {x}")
     *             finally:
     *                 log.append(f"lambda finally {x}")
     *         log.append("loop done")
     *     finally:
     *         log.append("finally")
     * </pre>
     */
    private static Generator.Body<Object> guardedLoop(List<String> l) {
        return y -> {
            try {
                List.of(1, 2, 3).forEach(x -> {
                    try {
                        l.add("at " + x);
                        y.yield(x);
                    } catch (IllegalArgumentException e) {
                        l.add("caught " + e.getMessage() + " at " + x);
                    } finally {
                        l.add("lambda finally " + x);
                    }
                });
                l.add("loop done");
            } finally {
                l.add("finally");
            }
        };
    }

    @Test
    void throwInWhilePausedInsideTheLambda() {
        // >>> log = []; g = loop(log); next(g), g.throw(ValueError('a')), g.throw(ValueError('b'))
        // (1, 2, 3)
        // >>> next(g)
        // StopIteration
        // >>> log
        // ['at 1', 'caught a at 1', 'lambda finally 1', 'at 2', 'caught b at 2', 'lambda finally 2', 'at 3',
        //  'lambda finally 3', 'loop done', 'finally']
        assertThat(eventsAgreeOnEveryEngine(IdiomsCorpusTest::guardedLoop, "next", "throw:a", "throw:b", "next"))
                .containsExactly("at 1", "next -> 1", "state SUSPENDED", "caught a at 1", "lambda finally 1",
                        "at 2", "throw:a -> 2", "state SUSPENDED", "caught b at 2", "lambda finally 2", "at 3",
                        "throw:b -> 3", "state SUSPENDED", "lambda finally 3", "loop done", "finally",
                        "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        // >>> log = []; g = loop(log); next(g)
        // 1
        // >>> g.throw(GeneratorExit)
        // GeneratorExit
        // >>> log
        // ['at 1', 'lambda finally 1', 'finally']
        assertThat(eventsAgreeOnEveryEngine(IdiomsCorpusTest::guardedLoop, "next", "exit", "next")).containsExactly(
                "at 1", "next -> 1", "state SUSPENDED", "lambda finally 1", "finally",
                "exit !! GeneratorExit: null", "state CLOSED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        assertRewritten(guardedLoop(new ArrayList<>()), false);
    }

    @Test
    void closeWhilePausedInsideTheLambdaRunsTheFinallyBlocks() {
        // >>> log = []; g = loop(log); next(g), next(g)
        // (1, 2)
        // >>> g.close(); log
        // ['at 1', 'lambda finally 1', 'at 2', 'lambda finally 2', 'finally']
        assertThat(eventsAgreeOnEveryEngine(IdiomsCorpusTest::guardedLoop, "next", "next", "close", "next"))
                .containsExactly("at 1", "next -> 1", "state SUSPENDED", "lambda finally 1", "at 2", "next -> 2",
                        "state SUSPENDED", "lambda finally 2", "finally", "close -> closed", "state CLOSED",
                        "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        assertRewritten(guardedLoop(new ArrayList<>()), false);
    }

    @Test
    void anExceptionThrownInsideTheLambdaReachesTheConsumerAsTheSameObject() {
        // >>> boom = ValueError('boom')
        // >>> def g():
        // ...     for x in [1, 2, 3]:
        // ...         yield x
        // ...         if x == 2: raise boom
        // >>> it = g(); next(it), next(it)
        // (1, 2)
        // >>> try: next(it)
        // ... except ValueError as e: print(e is boom)
        // True
        RuntimeException boom = new IllegalStateException("boom");
        Generator.Body<Integer> body = y -> List.of(1, 2, 3).forEach(x -> {
            y.yield(x);
            if (x == 2) {
                throw boom;
            }
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Generator.of(body, Engine.PUSH).toList()));
        for (Engine e : Engines.pull().toList()) {
            Generator<Integer> g = Generator.of(body, e);
            assertThat(g.next()).as(e.name()).isEqualTo(1);
            assertThat(g.next()).isEqualTo(2);
            assertSame(boom, assertThrows(IllegalStateException.class, g::next), e.name());
            assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        }
        assertRewritten(body, false);
    }

    @Test
    void aReturnInsideTheLambdaActsAsContinue() {
        // >>> def g():
        // ...     for x in [1, 2, 3, 4, 5]:
        // ...         if x % 2 == 0: continue
        // ...         yield x
        // ...     yield 'after'
        // >>> list(g())
        // [1, 3, 5, 'after']
        Generator.Body<Object> body = y -> {
            List.of(1, 2, 3, 4, 5).forEach(x -> {
                if (x % 2 == 0) {
                    return;
                }
                y.yield(x);
            });
            y.yield("after");
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly(1, 3, 5, "after");
        assertRewritten(body, false);
    }

    // ------------------------------------------------- the observable difference of the rewritten for-each

    /** An iterable whose {@code forEach} is overridden to log its call. */
    static final class LoggedIterable implements Iterable<Integer> {
        private final List<Integer> items;
        private final List<String> calls;

        LoggedIterable(List<Integer> items, List<String> calls) {
            this.items = items;
            this.calls = calls;
        }

        @Override
        public Iterator<Integer> iterator() {
            calls.add("iterator");
            return items.iterator();
        }

        @Override
        public void forEach(Consumer<? super Integer> action) {
            calls.add("forEach");
            Iterable.super.forEach(action);
        }
    }

    /** Yields 1, 2, then which methods of the iterable were called. */
    private static final Generator.Body<Object> OVERRIDDEN_FOR_EACH = y -> {
        List<String> calls = new ArrayList<>();
        Iterable<Integer> items = new LoggedIterable(List.of(1, 2), calls);
        items.forEach(x -> y.yield(x));
        y.yield(calls);
    };

    /** Engines that run a body as written: every engine but the bytecode engine. */
    private static List<Engine> enginesThatRunTheBodyAsWritten() {
        return Stream.concat(Stream.of(Engine.PUSH), Engines.pull()).filter(e -> e != Engine.BYTECODE).toList();
    }

    /** The values of {@code body} on {@code e}: pushed by a terminal operation, else pulled one by one. */
    private static List<Object> valuesOn(Engine e, Generator.Body<Object> body) {
        Generator<Object> g = Generator.of(body, e);
        if (e == Engine.PUSH) {
            return g.toList();
        }
        List<Object> got = new ArrayList<>();
        while (g.hasNext()) {
            got.add(g.next());
        }
        return got;
    }

    @Test
    void onTheBytecodeEngineTheRewrittenForEachUsesTheIteratorAndAnOverridingForEachIsNotCalled() {
        assertRewritten(OVERRIDDEN_FOR_EACH, false);
        assertThat(valuesOn(Engine.BYTECODE, OVERRIDDEN_FOR_EACH)).containsExactly(1, 2, List.of("iterator"));
    }

    @Test
    void onTheOtherEnginesAnOverridingForEachIsCalled() {
        for (Engine e : enginesThatRunTheBodyAsWritten()) {
            assertThat(valuesOn(e, OVERRIDDEN_FOR_EACH)).as(e.name())
                    .containsExactly(1, 2, List.of("forEach", "iterator"));
        }
    }

    /** Yields, for each element, whether the list's lock is held at the yield. */
    private static final Generator.Body<Object> SYNCHRONIZED_FOR_EACH = y -> {
        List<Integer> sync = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        sync.forEach(x -> y.yield(x + " locked " + Thread.holdsLock(sync)));
    };

    @Test
    void onTheBytecodeEngineASynchronizedListsLockIsNotHeldAcrossTheRewrittenForEach() {
        assertRewritten(SYNCHRONIZED_FOR_EACH, false);
        assertThat(valuesOn(Engine.BYTECODE, SYNCHRONIZED_FOR_EACH)).containsExactly("1 locked false",
                "2 locked false");
    }

    @Test
    void onTheOtherEnginesASynchronizedListsForEachHoldsItsLockAcrossTheLoop() {
        for (Engine e : enginesThatRunTheBodyAsWritten()) {
            assertThat(valuesOn(e, SYNCHRONIZED_FOR_EACH)).as(e.name()).containsExactly("1 locked true",
                    "2 locked true");
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static void doubled(List<Integer> xs, Yielder<Integer> y) {
        for (int x : xs) {
            y.yield(x * 2);
        }
    }

    private static void viaForEach(List<Integer> xs, Yielder<Integer> y) {
        xs.forEach(y::yield);
    }

    private final int offset = 100;

    private void shifted(Yielder<Integer> y, int n) {
        for (int i = 0; i < n; i++) {
            y.yield(offset + i);
        }
    }

    @Test
    void aPrivateStaticHelperAndAPrivateInstanceHelper() {
        List<Integer> xs = List.of(1, 2, 3);
        Generator.Body<Integer> staticHelper = y -> {
            y.yield(0);
            doubled(xs, y);
            y.yield(99);
        };
        Generator.Body<Integer> instanceHelper = y -> {
            shifted(y, 2); // the yielder first, not last
            y.yield(-1);
        };
        Generator.Body<Integer> helperWithAForEach = y -> viaForEach(xs, y);
        assertThat(agreeOnEveryEngine(staticHelper)).containsExactly(0, 2, 4, 6, 99);
        assertThat(agreeOnEveryEngine(instanceHelper)).containsExactly(100, 101, -1);
        assertThat(agreeOnEveryEngine(helperWithAForEach)).containsExactly(1, 2, 3);
        assertAllRewritten(staticHelper, instanceHelper, helperWithAForEach);
    }

    @Test
    void staticHelpersInAnotherClassOfThePackageAndInAnotherPackage() {
        List<Integer> xs = List.of(1, 2, 3, 4);
        Generator.Body<Integer> samePackage = y -> SamePackageHelpers.evens(xs, y);
        Generator.Body<Integer> otherPackage = y -> {
            int n = OtherPackageHelpers.odds(xs, y);
            y.yield(n * 100);
        };
        assertThat(agreeOnEveryEngine(samePackage)).containsExactly(4, 8);
        assertThat(agreeOnEveryEngine(otherPackage)).containsExactly(-1, -3, 200);
        assertAllRewritten(samePackage, otherPackage);
    }

    /** A balanced tree of lo..hi-1. */
    static Node balanced(int lo, int hi) {
        if (lo >= hi) {
            return null;
        }
        int mid = (lo + hi) >>> 1;
        return new Node(mid, balanced(lo, mid), balanced(mid + 1, hi));
    }

    /** A tree of 0..n-1 where every node is the left child of the next: the walk recurses n deep at once. */
    static Node leftSpine(int n) {
        Node t = null;
        for (int i = 0; i < n; i++) {
            t = new Node(i, t, null);
        }
        return t;
    }

    private static void walk(Node n, Yielder<Integer> y) {
        if (n == null) {
            return;
        }
        walk(n.left(), y);
        y.yield(n.value());
        walk(n.right(), y);
    }

    @Test
    void aRecursivePrivateHelperWalksATreeInOrderAsYieldFromOfARecursiveGeneratorDoes() {
        // >>> def walk(n):
        // ...     if n: yield from walk(n.left); yield n.value; yield from walk(n.right)
        // >>> t = None
        // >>> for i in range(300): t = N(i, t, None)
        // >>> list(walk(t)) == list(range(300))
        // True
        Node[] trees = {null, balanced(0, 1), balanced(0, 100), leftSpine(300)};
        int[] sizes = {0, 1, 100, 300};
        List<Generator.Body<Integer>> walks = new ArrayList<>();
        for (int i = 0; i < trees.length; i++) {
            Node tree = trees[i];
            Generator.Body<Integer> helper = y -> walk(tree, y);
            List<Integer> values = agreeOnEveryEngine(helper);
            assertThat(values).isEqualTo(agreeOnEveryEngine(y -> y.yieldFrom(inOrder(tree))));
            assertThat(values).hasSize(sizes[i]).isSorted().doesNotHaveDuplicates();
            walks.add(helper);
        }
        assertAllRewritten(walks.toArray());
    }

    private static int count(List<Integer> xs, Yielder<Integer> y) {
        int n = 0;
        for (int x : xs) {
            y.yield(x);
            n++;
        }
        return n;
    }

    private static String describe(Yielder<Object> y) {
        y.yield("described");
        return "a description";
    }

    @Test
    void aHelperReturningAValue() {
        // >>> def count(xs):
        // ...     n = 0
        // ...     for x in xs: yield x; n += 1
        // ...     return n
        // >>> def body():
        // ...     n = yield from count([5, 6, 7]); yield -n
        // >>> list(body())
        // [5, 6, 7, -3]
        Generator.Body<Integer> primitive = y -> {
            int n = count(List.of(5, 6, 7), y);
            y.yield(-n);
        };
        Generator.Body<Object> reference = y -> y.yield("got " + describe(y));
        assertThat(agreeOnEveryEngine(primitive)).containsExactly(5, 6, 7, -3);
        assertThat(agreeOnEveryEngine(reference)).containsExactly("described", "got a description");
        assertAllRewritten(primitive, reference);
    }

    private static final RuntimeException HELPER_FAILED = new IllegalStateException("helper failed");

    private static void failing(Yielder<String> y) {
        y.yield("before the failure");
        throw HELPER_FAILED;
    }

    @Test
    void aHelperThatThrows() {
        // >>> err = RuntimeError('helper failed')
        // >>> def failing(): yield 'before the failure'; raise err
        // >>> def caught():
        // ...     try: yield from failing()
        // ...     except RuntimeError as e: yield f'caught {e}'
        // >>> list(caught())
        // ['before the failure', 'caught helper failed']
        // >>> it = failing(); next(it)
        // 'before the failure'
        // >>> try: next(it)
        // ... except RuntimeError as e: print(e is err)
        // True
        Generator.Body<String> caught = y -> {
            try {
                failing(y);
                y.yield("not reached");
            } catch (IllegalStateException e) {
                y.yield("caught " + e.getMessage());
            }
        };
        Generator.Body<String> escaping = y -> failing(y);
        assertThat(agreeOnEveryEngine(caught)).containsExactly("before the failure", "caught helper failed");
        assertSame(HELPER_FAILED, assertThrows(IllegalStateException.class,
                () -> Generator.of(escaping, Engine.PUSH).toList()));
        for (Engine e : Engines.pull().toList()) {
            Generator<String> g = Generator.of(escaping, e);
            assertThat(g.next()).as(e.name()).isEqualTo("before the failure");
            assertSame(HELPER_FAILED, assertThrows(IllegalStateException.class, g::next), e.name());
            assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        }
        assertAllRewritten(caught, escaping);
    }

    private static void rows(List<List<Integer>> rows, Yielder<Integer> y) {
        for (List<Integer> row : rows) {
            y.yield(-1);
            cells(row, y);
        }
    }

    private static void cells(List<Integer> row, Yielder<Integer> y) {
        for (int x : row) {
            y.yield(x);
        }
    }

    @Test
    void aHelperThatPassesTheYielderOnToASecondHelper() {
        Generator.Body<Integer> body = y -> {
            rows(List.of(List.of(1, 2), List.of(), List.of(3)), y);
            y.yield(0);
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly(-1, 1, 2, -1, -1, 3, 0);
        assertRewritten(body, false);
    }

    /**
     * A helper that receives sent values, catches a thrown exception and has a finally:
     * <pre>
     * def echo(log):
     *     try:
     *         i = 0
     *         while True:
     *             try:
     *                 got = yield f"ready {i}"
     *             except ValueError as e:
     *                 log.append(f"helper caught {e}"); i += 1; continue
     *             if got is None:
     *                 return f"done after {i}"
     *             log.append(f"helper got {got}"); i += 1
     *     finally:
     *         log.append("helper finally")
     *
     * def outer(log):
     *     log.append("start")
     *     r = yield from echo(log)
     *     log.append(f"returned {r}")
     *     yield "after"
     * </pre>
     */
    private static Object echo(List<String> l, Yielder<Object> y) {
        try {
            int i = 0;
            while (true) {
                Object got;
                try {
                    got = y.yield("ready " + i);
                } catch (IllegalArgumentException e) {
                    l.add("helper caught " + e.getMessage());
                    i++;
                    continue;
                }
                if (got == null) {
                    return "done after " + i;
                }
                l.add("helper got " + got);
                i++;
            }
        } finally {
            l.add("helper finally");
        }
    }

    private static Generator.Body<Object> echoCalled(List<String> l) {
        return y -> {
            l.add("start");
            Object r = echo(l, y);
            l.add("returned " + r);
            y.yield("after");
        };
    }

    private static Generator.Body<Object> echoDelegated(List<String> l) {
        return y -> {
            l.add("start");
            Object r = y.yieldFrom(Generator.ofReturning(z -> echo(l, z)));
            l.add("returned " + r);
            y.yield("after");
        };
    }

    @Test
    void sendThrowInAndCloseAreForwardedIntoAHelperAsYieldFromForwardsThem() {
        // >>> log = []; g = outer(log); next(g), g.send('a'), g.send('b'), next(g)
        // ('ready 0', 'ready 1', 'ready 2', 'after')
        // >>> log
        // ['start', 'helper got a', 'helper got b', 'helper finally', 'returned done after 2']
        List<String> sends = eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoCalled,
                "next", "send:a", "send:b", "next", "next");
        assertThat(sends).isEqualTo(eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoDelegated,
                "next", "send:a", "send:b", "next", "next"));
        assertThat(sends).containsExactly("start", "next -> ready 0", "state SUSPENDED", "helper got a",
                "send:a -> ready 1", "state SUSPENDED", "helper got b", "send:b -> ready 2", "state SUSPENDED",
                "helper finally", "returned done after 2", "next -> after", "state SUSPENDED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        // >>> log = []; g = outer(log); next(g), g.throw(ValueError('x')), g.send('c')
        // ('ready 0', 'ready 1', 'ready 2')
        // >>> g.close(); log
        // ['start', 'helper caught x', 'helper got c', 'helper finally']
        List<String> throwAndClose = eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoCalled,
                "next", "throw:x", "send:c", "close", "next");
        assertThat(throwAndClose).isEqualTo(eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoDelegated,
                "next", "throw:x", "send:c", "close", "next"));
        assertThat(throwAndClose).containsExactly("start", "next -> ready 0", "state SUSPENDED", "helper caught x",
                "throw:x -> ready 1", "state SUSPENDED", "helper got c", "send:c -> ready 2", "state SUSPENDED",
                "helper finally", "close -> closed", "state CLOSED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
        // >>> log = []; g = outer(log); next(g); g.throw(GeneratorExit)
        // GeneratorExit
        // >>> log
        // ['start', 'helper finally']
        List<String> exit = eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoCalled, "next", "exit");
        assertThat(exit).isEqualTo(eventsAgreeOnEveryEngine(IdiomsCorpusTest::echoDelegated, "next", "exit"));
        assertThat(exit).containsExactly("start", "next -> ready 0", "state SUSPENDED", "helper finally",
                "exit !! GeneratorExit: null", "state CLOSED");
        assertRewritten(echoCalled(new ArrayList<>()), false);
    }

    // ------------------------------------------------------------------------------------------- fallbacks

    /** A yielding method whose implementation is chosen at run time. */
    interface Emitter {
        void emit(Yielder<String> y);
    }

    /** A class whose yielding method is overridden. */
    static class Speaker {
        void speak(Yielder<String> y) {
            y.yield("speaker");
        }
    }

    static final class LoudSpeaker extends Speaker {
        @Override
        void speak(Yielder<String> y) {
            y.yield("LOUD");
        }
    }

    @Test
    void aYielderPassedToAnInterfaceOrVirtualMethodWhoseTargetCannotBeKnownFallsBack() {
        List<Emitter> emitters = List.of(y -> y.yield("one"), y -> y.yield("two"));
        Generator.Body<String> viaInterface = y -> {
            for (Emitter e : emitters) {
                e.emit(y);
            }
        };
        List<Speaker> speakers = List.of(new Speaker(), new LoudSpeaker());
        Generator.Body<String> viaVirtual = y -> {
            for (Speaker s : speakers) {
                s.speak(y);
            }
        };
        assertThat(agreeOnEveryEngine(viaInterface)).containsExactly("one", "two");
        assertThat(agreeOnEveryEngine(viaVirtual)).containsExactly("speaker", "LOUD");
        fallsBack(viaInterface, "emit");
        fallsBack(viaVirtual, "speak");
    }

    /** Yields through a yielder kept in a field. */
    static final class Holder {
        Yielder<String> y;

        void emit(String s) {
            y.yield(s);
        }
    }

    @Test
    void aYielderStoredInAFieldFallsBack() {
        Generator.Body<String> body = y -> {
            Holder h = new Holder();
            h.y = y;
            h.emit("kept");
            y.yield("direct");
        };
        assertThat(agreeOnEveryEngine(body)).containsExactly("kept", "direct");
        fallsBack(body, "stored in a field");
    }

    /**
     * The body's class file can be read but its helper's cannot: both are defined by a loader that hides the
     * helper's class file, as a class made at run time has none.
     */
    @Test
    void aHelperWithoutAReadableClassFileRunsOnAStackfulEngineWhileTheBodyStaysRewritten() throws Exception {
        String bodies = OpaqueBodies.class.getName();
        String helper = bodies.replace("OpaqueBodies", "OpaqueHelper");
        String hiddenFile = helper.replace('.', '/') + ".class";
        ClassLoader parent = getClass().getClassLoader();
        ClassLoader hiding = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(bodies) && !n.equals(helper)) {
                    return super.loadClass(n, resolve);
                }
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    if (c == null) {
                        byte[] bytes;
                        try (InputStream in = parent.getResourceAsStream(n.replace('.', '/') + ".class")) {
                            bytes = in.readAllBytes();
                        } catch (java.io.IOException e) {
                            throw new ClassNotFoundException(n, e);
                        }
                        c = defineClass(n, bytes, 0, bytes.length);
                    }
                    return c;
                }
            }

            @Override
            public URL getResource(String n) {
                return n.equals(hiddenFile) ? null : super.getResource(n);
            }

            @Override
            public InputStream getResourceAsStream(String n) {
                return n.equals(hiddenFile) ? null : super.getResourceAsStream(n);
            }
        };
        Class<?> c = hiding.loadClass(bodies);
        assertThat(c.getClassLoader()).isSameAs(hiding);
        @SuppressWarnings("unchecked")
        Generator.Body<String> body = (Generator.Body<String>) c.getMethod("body").invoke(null);
        assertThat(body.getClass().getClassLoader()).isSameAs(hiding);
        assertThat(hiding.getResource(bodies.replace('.', '/') + ".class")).as("the body's class file").isNotNull();
        assertThat(agreeOnEveryEngine(body)).containsExactly("before", "from the opaque helper", "after");
        // The call becomes a delegation when the body is rewritten; only the helper, whose code cannot be read,
        // runs on a stackful engine (and says so once at WARNING).
        assertRewritten(body, false);
        Generator<String> g = Generator.of(body, Engine.BYTECODE);
        assertThat(g.next()).isEqualTo("before");
        assertThat(g.next()).isEqualTo("from the opaque helper");
        assertThat(g.engineName()).isEqualTo("bytecode");
    }
}
