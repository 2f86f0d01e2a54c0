package dev.jyield;

import static dev.jyield.CorpusChecks.assertRewritten;
import static dev.jyield.CorpusChecks.fallsBack;
import static dev.jyield.CorpusChecks.sameEventsOnEveryEngine;
import static dev.jyield.CorpusChecks.sameOnEveryEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jyield.other.ProtectedBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Bodies that stress the bytecode engine's rewrite. Each body runs on every engine: its values (or, with send
 * and throw, its event log) must be the same everywhere, and the bytecode engine must really have rewritten it.
 * Then each reason to fall back, with a check that the body fell back and still gives the right values.
 */
class BytecodeCorpusTest {

    // ------------------------------------------------------------------------------------------ control flow

    @Test
    void nestedLoops() {
        int n = 5;
        List<Integer> values = sameOnEveryEngine(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(-i);
                for (int j = 0; j < i; j++) {
                    for (int k = 0; k <= j; k++) {
                        y.yield(i * 100 + j * 10 + k);
                    }
                }
            }
        });
        assertThat(values).startsWith(0, -1, 100, -2, 200, 210, 211, -3).hasSize(5 + 20);
    }

    @Test
    void ifElseWhileAndDoWhile() {
        List<String> values = sameOnEveryEngine(y -> {
            int i = 0;
            while (true) {
                if (i % 3 == 0) {
                    y.yield("fizz" + i);
                } else if (i % 3 == 1) {
                    y.yield("one" + i);
                } else {
                    i += 2;
                    continue;
                }
                if (++i > 7) {
                    break;
                }
            }
            do {
                y.yield("do" + i);
            } while (--i > 5);
        });
        assertThat(values).containsExactly("fizz0", "one1", "one4", "one7", "do8", "do7", "do6");
    }

    enum Color { RED, GREEN, BLUE }

    @Test
    void switchesOldAndArrowOnIntsStringsAndEnums() {
        List<Object> values = sameOnEveryEngine(y -> {
            for (int i = 0; i < 4; i++) {
                switch (i) { // old style, with fall-through
                    case 0:
                        y.yield("zero");
                    case 1:
                        y.yield("zero-or-one");
                        break;
                    default:
                        y.yield("many");
                }
            }
            for (String s : new String[] {"a", "bb", "ccc"}) {
                switch (s) {
                    case "a" -> y.yield(1);
                    case "bb" -> {
                        y.yield(2);
                        y.yield(22);
                    }
                    default -> y.yield(s.length());
                }
                Object r = switch (s) {
                    case "a" -> "A";
                    default -> {
                        y.yield("in a switch expression");
                        yield s.toUpperCase(java.util.Locale.ROOT);
                    }
                };
                y.yield(r);
            }
            for (Color c : Color.values()) {
                switch (c) {
                    case RED:
                        y.yield("r");
                        break;
                    default:
                        y.yield(c.name().toLowerCase(java.util.Locale.ROOT));
                }
                y.yield(switch (c) {
                    case RED -> 1;
                    case GREEN -> 2;
                    case BLUE -> 3;
                });
            }
            Object o = 42L;
            y.yield(switch (o) { // a pattern switch (invokedynamic typeSwitch)
                case Integer n -> "int " + n;
                case Long n -> "long " + n;
                default -> "other";
            });
        });
        assertThat(values).containsExactly("zero", "zero-or-one", "zero-or-one", "many", "many",
                1, "A", 2, 22, "in a switch expression", "BB", 3, "in a switch expression", "CCC",
                "r", 1, "green", 2, "blue", 3, "long 42");
    }

    @Test
    void tryCatchFinallyWithYieldsInEveryPart() {
        List<String> values = sameOnEveryEngine(y -> {
            for (int i = 0; i < 3; i++) {
                try {
                    y.yield("try" + i);
                    if (i == 1) {
                        throw new IllegalStateException("boom" + i);
                    }
                    y.yield("try-end" + i);
                } catch (IllegalStateException e) {
                    y.yield("catch " + e.getMessage());
                } finally {
                    y.yield("finally" + i);
                }
            }
            try {
                try {
                    y.yield("inner");
                    throw new UnsupportedOperationException("deep");
                } finally {
                    y.yield("inner-finally");
                }
            } catch (UnsupportedOperationException e) {
                y.yield("outer-catch " + e.getMessage());
            }
        });
        assertThat(values).containsExactly("try0", "try-end0", "finally0", "try1", "catch boom1", "finally1",
                "try2", "try-end2", "finally2", "inner", "inner-finally", "outer-catch deep");
    }

    @Test
    void localsChangedOnSomePathsOnlyBetweenYields() {
        // The rewrite stores a local at a yield only if it may have changed since the last resume: every path
        // that changes one (a branch, a catch, a loop back edge) must be seen.
        List<String> values = sameOnEveryEngine(y -> {
            int a = 0;
            long b = 0;
            String s = "";
            for (int r = 0; r < 6; r++) {
                y.yield("top a" + a + " b" + b + " s" + s);
                if (r % 2 == 0) {
                    a++;
                }
                try {
                    if (r == 3) {
                        throw new IllegalStateException();
                    }
                    y.yield("mid a" + a);
                    b += 10;
                    if (r == 4) {
                        s = s + "x";
                        y.yield("s changed");
                        s = s + "y";
                    }
                } catch (IllegalStateException e) {
                    b--;
                    s = "caught";
                }
            }
            y.yield("end a" + a + " b" + b + " s" + s);
        });
        assertThat(values).contains("top a2 b29 scaught", "s changed", "top a3 b39 scaughtxy", "end a3 b49 scaughtxy");
    }

    @Test
    void aYieldFromNullCaughtByTheBodyKeepsItsLocals() {
        // yieldFrom(null) fails before the generator suspends: the catch sees the locals as they were.
        List<String> values = sameOnEveryEngine(y -> {
            int i = 0;
            while (i < 3) {
                y.yield("top " + i);
                i++;
                try {
                    y.yieldFrom((Generator<String>) null);
                } catch (NullPointerException e) {
                    y.yield("caught " + e.getMessage() + " at " + i);
                }
                y.yield("bottom " + i);
            }
        });
        assertThat(values).containsExactly("top 0", "caught sub at 1", "bottom 1", "top 1", "caught sub at 2",
                "bottom 2", "top 2", "caught sub at 3", "bottom 3");
    }

    @Test
    void labelledBreakAndContinue() {
        List<Integer> values = sameOnEveryEngine(y -> {
            outer:
            for (int i = 0; i < 6; i++) {
                inner:
                for (int j = 0; j < 6; j++) {
                    if (j > i) {
                        continue outer;
                    }
                    if (i == 4) {
                        break outer;
                    }
                    if (j == 2) {
                        break inner;
                    }
                    y.yield(i * 10 + j);
                }
                y.yield(-i);
            }
        });
        assertThat(values).containsExactly(0, 10, 11, 20, 21, -2, 30, 31, -3);
    }

    @Test
    void yieldAsAnArgumentAndInATernaryKeepsTheOperandStack() {
        List<String> log = sameEventsOnEveryEngine(l -> y -> {
            List<Object> list = new ArrayList<>();
            list.add(y.yield("first"));
            l.add("list " + list);
            l.add(join3("a", y.yield("middle"), "c"));
            long big = 1L << 40;
            long r = big + toLong(y.yield("long under it"));
            l.add("long " + r);
            double d = 1.5 * toDouble(y.yield("double under it"));
            l.add("double " + d);
            Object t = list.size() == 1 ? y.yield("then") : y.yield("else");
            l.add("ternary " + t);
            l.add("concat " + list.size() + "-" + y.yield("concat") + "-" + r);
            l.add("nested " + y.yield(y.yield("inner")));
        }, "next", "send:A", "send:B", "send:7", "send:2.0", "send:T", "send:C", "send:I", "send:N", "next");
        assertThat(log).contains("list [A]", "aBc", "long " + ((1L << 40) + 7), "double 3.0", "ternary T",
                "concat 1-C-" + ((1L << 40) + 7), "send:I -> I", "nested N");
    }

    private static String join3(Object a, Object b, Object c) {
        return "" + a + b + c;
    }

    private static long toLong(Object o) {
        return o == null ? 0 : Long.parseLong(o.toString());
    }

    private static double toDouble(Object o) {
        return o == null ? 0 : Double.parseDouble(o.toString());
    }

    // ----------------------------------------------------------------------------------------- data and state

    @Test
    void forEachOverAnIterableWhoseIteratorLivesAcrossYields() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("yy", 2);
        List<Object> values = sameOnEveryEngine(y -> {
            for (String s : List.of("a", "b", "c")) {
                y.yield(s);
                y.yield(s.toUpperCase(java.util.Locale.ROOT));
            }
            for (Map.Entry<String, Integer> en : m.entrySet()) {
                y.yield(en.getKey() + "=" + en.getValue());
            }
            Iterator<Integer> it = List.of(7, 8).iterator();
            while (it.hasNext()) {
                y.yield(it.next());
            }
        });
        assertThat(values).containsExactly("a", "A", "b", "B", "c", "C", "x=1", "yy=2", 7, 8);
    }

    record Point(int x, long y) {}

    @Test
    void recordsArraysAndEveryPrimitiveKindAcrossYields() {
        record Local(String name, double weight) {}
        List<Object> values = sameOnEveryEngine(y -> {
            long l = Long.MAX_VALUE - 3;
            double d = Math.PI;
            float f = 1.25f;
            char c = 'x';
            boolean b = true;
            byte by = (byte) 200;
            short sh = (short) 40000;
            int[] ints = {1, 2, 3};
            long[][] grid = new long[2][3];
            Point p = new Point(1, 2L);
            Local loc = new Local("n", 0.5);
            for (int i = 0; i < 3; i++) {
                y.yield(l);
                l++;
                y.yield(d);
                d /= 2;
                y.yield(f);
                f *= 3;
                y.yield(c);
                c++;
                y.yield(b);
                b = !b;
                y.yield(by);
                by += 100;
                y.yield(sh);
                sh -= 1000;
                ints[i] *= 10;
                grid[i % 2][i] = l;
                p = new Point(p.x() + 1, p.y() * 2);
                loc = new Local(loc.name() + i, loc.weight() * 3);
                y.yield(p);
                y.yield(loc);
            }
            y.yield(java.util.Arrays.toString(ints));
            y.yield(java.util.Arrays.deepToString(grid));
        });
        assertThat(values).hasSize(3 * 9 + 2).startsWith(Long.MAX_VALUE - 3, Math.PI, 1.25f, 'x', true,
                (byte) 200, (short) 40000, new Point(2, 4L), new Local("n0", 1.5));
        assertThat(values).endsWith("[10, 20, 30]",
                "[[" + (Long.MAX_VALUE - 2) + ", 0, " + Long.MAX_VALUE + "], [0, " + (Long.MAX_VALUE - 1) + ", 0]]");
    }

    private final List<String> seen = new ArrayList<>();
    private int counter = 10;

    private int bump() {
        return ++counter;
    }

    private static String tag(Object o) {
        return "<" + o + ">";
    }

    @Test
    void capturedLocalsThisAndPrivateMembers() {
        String prefix = "p";
        int step = 3;
        long wide = 5_000_000_000L;
        List<String> values = sameOnEveryEngine(y -> {
            seen.clear(); // each engine runs the body once; each run starts afresh
            counter = 10;
            for (int i = 0; i < 3; i++) {
                seen.add(prefix + i);
                y.yield(prefix + i * step + ":" + wide);
                y.yield(tag(bump()));
            }
            y.yield(String.join(",", seen));
        });
        assertThat(values).containsExactly("p0:5000000000", "<11>", "p3:5000000000", "<12>", "p6:5000000000",
                "<13>", "p0,p1,p2");
    }

    @Test
    void aLambdaInsideTheBodyIsMadeOnBehalfOfTheBodysClass() {
        List<Object> values = sameOnEveryEngine(y -> {
            List<Integer> xs = List.of(1, 2, 3);
            int k = 10;
            List<Integer> doubled = new ArrayList<>();
            xs.forEach(x -> doubled.add(x * k));
            y.yield(doubled);
            Function<Integer, Integer> sq = x -> x * x;
            y.yield(sq.apply(7));
            y.yieldFrom(Generator.of(z -> {
                z.yield("inner 1");
                z.yield("inner 2");
            }));
        });
        assertThat(values).containsExactly(List.of(10, 20, 30), 49, "inner 1", "inner 2");
    }

    @Test
    void theSecondGeneratorOfABodyReusesTheRewrittenClass() {
        Generator.Body<Integer> body = y -> {
            y.yield(1);
            y.yield(2);
        };
        Generator<Integer> a = Generator.of(body, Engine.BYTECODE);
        Generator<Integer> b = Generator.of(body, Engine.BYTECODE);
        assertThat(a.next()).isEqualTo(1);
        assertThat(b.next()).isEqualTo(1);
        assertThat(a.next()).isEqualTo(2);
        assertThat(b.toList()).containsExactly(2);
        assertThat(a.engineName()).isEqualTo("bytecode");
    }

    // -------------------------------------------------------------------------------- delegation and shapes

    record Node(int value, Node left, Node right) {}

    static Generator<Integer> inOrder(Node n) {
        return Generator.of(y -> {
            if (n == null) {
                return;
            }
            y.yieldFrom(inOrder(n.left()));
            y.yield(n.value());
            y.yieldFrom(inOrder(n.right()));
        });
    }

    @Test
    void recursionThroughYieldFromOfTheSameGeneratorFunction() {
        // def in_order(n): if n: yield from in_order(n.left); yield n.value; yield from in_order(n.right)
        Node tree = new Node(4, new Node(2, new Node(1, null, null), new Node(3, null, null)),
                new Node(6, new Node(5, null, null), null));
        List<Integer> values = sameOnEveryEngine(y -> y.yieldFrom(inOrder(tree)));
        assertThat(values).containsExactly(1, 2, 3, 4, 5, 6);
        Generator<Integer> g = inOrder(tree);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.engineName()).isEqualTo("bytecode");
    }

    static <T> Generator<T> repeatEach(List<? extends T> xs, int times) {
        return Generator.of(y -> {
            for (T x : xs) {
                for (int i = 0; i < times; i++) {
                    y.yield(x);
                }
            }
        });
    }

    @Test
    void genericBodiesAndYieldFromIterables() {
        List<Object> values = sameOnEveryEngine(y -> {
            y.yieldFrom(repeatEach(List.of("a", "b"), 2));
            y.yieldFrom(List.of(1, 2));
            Iterable<Object> asIterable = Generator.of(z -> z.yield("gen as iterable"));
            y.yieldFrom(asIterable);
        });
        assertThat(values).containsExactly("a", "a", "b", "b", 1, 2, "gen as iterable");
    }

    @Test
    void returningBodiesAndTheValueOfYieldFrom() {
        // def sub(): yield 1; return 'r'      def outer(): x = yield from sub(); yield x; return x + '!'
        Generator.ReturningBody<Object> outer = y -> {
            Object x = y.yieldFrom(Generator.ofReturning(z -> {
                z.yield(1);
                return "r";
            }));
            y.yield(x);
            return x + "!";
        };
        for (Engine e : Engines.pull().toList()) {
            Generator<Object> g = Generator.ofReturning(outer, e);
            assertThat(g.toList()).as(e.name()).containsExactly(1, "r");
            assertThat(g.returnValue()).isEqualTo("r!");
        }
        assertRewritten(outer, true);
        Generator.ReturningBody<Integer> primitive = BytecodeCorpusTest::countAndReturn;
        Generator<Integer> g = Generator.ofReturning(primitive, Engine.BYTECODE);
        assertThat(g.toList()).containsExactly(0, 1, 2);
        assertThat(g.returnValue()).isEqualTo(3);
        assertThat(g.engineName()).isEqualTo("bytecode");
    }

    /** A method reference whose return type is primitive: the value is boxed as the return value. */
    static int countAndReturn(Yielder<Integer> y) {
        int i = 0;
        while (i < 3) {
            y.yield(i++);
        }
        return i;
    }

    private int base = 100;

    private void walk(Yielder<Integer> y) {
        for (int i = 0; i < 3; i++) {
            y.yield(base + i);
        }
    }

    static void countdown(Yielder<Integer> y) {
        for (int i = 3; i > 0; i--) {
            y.yield(i);
        }
    }

    static class Walker {
        void walk(Yielder<String> y) {
            y.yield("walker");
        }
    }

    static final class LoudWalker extends Walker {
        @Override
        void walk(Yielder<String> y) {
            y.yield("LOUD");
        }
    }

    static final class NamedBody implements Generator.Body<String> {
        private final String word;

        NamedBody(String word) {
            this.word = word;
        }

        @Override
        public void run(Yielder<String> y) {
            for (char c : word.toCharArray()) {
                y.yield(String.valueOf(c));
            }
        }
    }

    @Test
    void methodReferencesAnonymousAndNamedClasses() {
        assertThat(sameOnEveryEngine(this::walk)).containsExactly(100, 101, 102);
        assertThat(sameOnEveryEngine(BytecodeCorpusTest::countdown)).containsExactly(3, 2, 1);
        assertThat(sameOnEveryEngine(new Walker()::walk)).containsExactly("walker");
        assertThat(sameOnEveryEngine(new NamedBody("abc"))).containsExactly("a", "b", "c");
        assertThat(sameOnEveryEngine(new Generator.Body<Integer>() {
            private int twice(int x) {
                return 2 * x;
            }

            @Override
            public void run(Yielder<Integer> y) {
                for (int i = 0; i < 3; i++) {
                    y.yield(twice(i));
                }
            }
        })).containsExactly(0, 2, 4);
    }

    /** One value per body object: the receiver's own. */
    record Named(String name) {
        void say(Yielder<String> y) {
            y.yield(name);
            y.yield(name + "!");
        }
    }

    @Test
    void oneMethodReferencedFromTwoPlacesRunsAsAStateMachineFromBoth() {
        // Two method references to one method are two lambda classes that share one state-machine class; each
        // body object gets a machine of its own, with its own receiver, interleaved.
        Generator<String> a = Generator.of(new Named("a")::say);
        Generator<String> b = Generator.of(new Named("b")::say);
        Generator<String> a2 = Generator.of(new Named("a2")::say);
        assertThat(List.of(a.next(), b.next(), a2.next(), b.next(), a.next(), a2.next()))
                .containsExactly("a", "b", "a2", "b!", "a!", "a2!");
        assertThat(List.of(a.engineName(), b.engineName(), a2.engineName())).containsOnly("bytecode");
    }

    /** Generator functions written in an interface: the body is a private static method of the interface. */
    interface Shapes {
        static Generator<String> corners(int n) {
            return Generator.of(y -> {
                for (int i = 0; i < n; i++) {
                    y.yield(label(i));
                }
            });
        }

        private static String label(int i) {
            return "corner " + i;
        }
    }

    @Test
    void aBodyWrittenInAnInterfaceAndNullsOnTheOperandStack() {
        assertThat(sameOnEveryEngine(y -> y.yieldFrom(Shapes.corners(2)))).containsExactly("corner 0", "corner 1");
        Generator<String> g = Shapes.corners(1);
        assertThat(g.next()).isEqualTo("corner 0");
        assertThat(g.engineName()).isEqualTo("bytecode");
        assertThat(sameEventsOnEveryEngine(l -> y -> l.add(join3(null, y.yield("with null below"), null)),
                "next", "send:v")).contains("nullvnull");
    }

    @Test
    void aBodyOfMoreThanFiveHundredLines() {
        for (int seed = 0; seed < 4; seed++) {
            List<Object> values = sameOnEveryEngine(LongBody.body(seed));
            assertThat(values).hasSizeGreaterThan(100);
        }
    }

    // -------------------------------------------------------------------------------- send, throw and close

    @Test
    void sendDrivesARunningAverage() {
        // def averager():
        //     total = 0.0; n = 0; avg = None
        //     while True: x = yield avg; total += x; n += 1; avg = total / n
        List<String> log = sameEventsOnEveryEngine(l -> y -> {
            double total = 0;
            long n = 0;
            Object avg = null;
            while (true) {
                Object x = y.yield(avg);
                if (x == null) {
                    return;
                }
                total += Double.parseDouble((String) x);
                n++;
                avg = total / n;
            }
        }, "next", "send:10", "send:20", "send:60", "next", "next");
        assertThat(log).containsExactly("next -> null", "state SUSPENDED", "send:10 -> 10.0", "state SUSPENDED",
                "send:20 -> 15.0", "state SUSPENDED", "send:60 -> 30.0", "state SUSPENDED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
    }

    @Test
    void throwInAndCloseHitYieldsInsideTryCatchAndFinally() {
        Function<List<String>, Generator.Body<Object>> body = l -> y -> {
            int round = 0;
            while (round < 10) {
                round++;
                try {
                    l.add("try " + round);
                    y.yield("in try " + round);
                } catch (IllegalArgumentException e) {
                    l.add("caught " + e.getMessage());
                    y.yield("in catch " + round);
                } finally {
                    l.add("finally " + round);
                    if (round == 3) {
                        y.yield("in finally " + round);
                    }
                }
            }
        };
        // Python: throw lands in the try's except, which yields; a throw at the except's yield escapes (after
        // finally); close runs finally; GeneratorExit through throw is an ordinary exception.
        assertThat(sameEventsOnEveryEngine(body, "next", "throw:a", "throw:b")).containsExactly(
                "try 1", "next -> in try 1", "state SUSPENDED", "caught a", "throw:a -> in catch 1",
                "state SUSPENDED", "finally 1", "throw:b !! IllegalArgumentException: b", "state CLOSED");
        assertThat(sameEventsOnEveryEngine(body, "next", "next", "close", "close")).containsExactly(
                "try 1", "next -> in try 1", "state SUSPENDED", "finally 1", "try 2", "next -> in try 2",
                "state SUSPENDED", "finally 2", "close -> closed", "state CLOSED", "close -> closed", "state CLOSED");
        // a finally that yields while closing: "generator ignored GeneratorExit", and it stays suspended
        assertThat(sameEventsOnEveryEngine(body, "next", "next", "next", "close", "close")).endsWith(
                "finally 3", "close !! IllegalStateException: generator ignored GeneratorExit", "state SUSPENDED",
                "close -> closed", "state CLOSED");
        // close at the yield inside finally: GeneratorExit there ends the body
        assertThat(sameEventsOnEveryEngine(body, "next", "next", "next", "next", "close")).endsWith(
                "finally 3", "next -> in finally 3", "state SUSPENDED", "close -> closed", "state CLOSED");
        assertThat(sameEventsOnEveryEngine(body, "next", "exit", "next")).containsExactly(
                "try 1", "next -> in try 1", "state SUSPENDED", "finally 1",
                "exit !! GeneratorExit: null", "state CLOSED",
                "next !! NoSuchElementException: generator exhausted", "state CLOSED");
    }

    @Test
    void aBodyThatCatchesGeneratorExitAndYieldsMakesCloseFail() {
        // def g():
        //     try: yield 1
        //     except GeneratorExit: yield 2
        // close() -> RuntimeError('generator ignored GeneratorExit')
        assertThat(sameEventsOnEveryEngine(l -> y -> {
            try {
                y.yield(1);
            } catch (GeneratorExit e) {
                l.add("exit caught");
                y.yield(2);
            }
        }, "next", "close", "close")).containsExactly("next -> 1", "state SUSPENDED", "exit caught",
                "close !! IllegalStateException: generator ignored GeneratorExit", "state SUSPENDED",
                "close -> closed", "state CLOSED");
    }

    @Test
    void aReturnInFinallySwallowsTheThrow() {
        // def g():
        //     try: yield 1
        //     finally: return 'swallowed'
        // next(g); g.throw(ValueError) -> StopIteration('swallowed')
        Generator.ReturningBody<Object> body = y -> {
            try {
                y.yield(1);
            } finally {
                return "swallowed";
            }
        };
        for (Engine e : Engines.pull().toList()) {
            Generator<Object> g = Generator.ofReturning(body, e);
            g.next();
            assertThrows(java.util.NoSuchElementException.class, () -> g.throwIn(new IllegalArgumentException()));
            assertThat(g.returnValue()).as(e.name()).isEqualTo("swallowed");
        }
        assertRewritten(body, true);
    }

    @Test
    void aBodyExceptionReachesTheCallerAsTheSameObject() {
        RuntimeException boom = new IllegalStateException("boom");
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw boom;
        }, Engine.BYTECODE);
        assertThat(g.next()).isEqualTo(1);
        assertSame(boom, assertThrows(IllegalStateException.class, g::next));
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.engineName()).isEqualTo("bytecode");
    }

    @Test
    void abandonedBytecodeGeneratorsWithAYieldInATryRunTheirFinallyBlocks() throws InterruptedException {
        // Python closes a generator when it is collected, so its finally runs.
        AtomicInteger finallies = new AtomicInteger();
        int n = 200;
        for (int i = 0; i < n; i++) {
            Generator<Integer> g = Generator.of(y -> {
                try {
                    y.yield(1);
                    y.yield(2);
                } finally {
                    finallies.incrementAndGet();
                }
            }, Engine.BYTECODE);
            assertThat(g.next()).isEqualTo(1);
            assertThat(g.engineName()).isEqualTo("bytecode");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (finallies.get() < n && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(finallies.get()).isEqualTo(n);
    }

    // ------------------------------------------------------------------------------------------- fallbacks

    private Yielder<?> kept;
    private final Object lock = new Object();

    private static void helper(Yielder<String> y) {
        y.yield("from helper");
    }

    static final class Box {
        final Object content;

        Box(Object content) {
            this.content = content;
        }

        @Override
        public String toString() {
            return "Box(" + content + ")";
        }
    }

    @Test
    void aYielderPassedToAPrivateHelperBecomesADelegation() {
        assertThat(sameOnEveryEngine((Generator.Body<String>) y -> {
            y.yield("a");
            helper(y);
        })).containsExactly("a", "from helper");
    }

    /** Overridable: which code runs is known only at run time. */
    void overridableHelper(Yielder<String> y) {
        y.yield("from an overridable helper");
    }

    @Test
    void aYielderPassedToAnOverridableMethodFallsBack() {
        fallsBack((Generator.Body<String>) y -> {
            y.yield("a");
            overridableHelper(y);
        }, "passed to dev.jyield.BytecodeCorpusTest.overridableHelper");
    }

    @Test
    void aYielderStoredInAFieldFallsBack() {
        fallsBack(y -> {
            kept = y;
            y.yield("a");
        }, "stored in a field");
    }

    @Test
    void aYielderCapturedByAnInnerLambdaFallsBack() {
        fallsBack(y -> {
            Runnable r = () -> y.yield("from the inner lambda");
            r.run();
            y.yield("b");
        }, "captured by a lambda");
    }

    @Test
    void aYieldWhileHoldingAMonitorFallsBack() {
        fallsBack(y -> {
            y.yield("before");
            synchronized (lock) {
                y.yield("locked");
            }
        }, "synchronized block");
    }

    @Test
    void aYieldWithAnObjectUnderConstructionOnTheStackFallsBack() {
        fallsBack(y -> {
            List<Object> boxes = new ArrayList<>();
            boxes.add(new Box(y.yield("a")));
            y.yield(boxes.toString());
        }, "being constructed");
    }

    @Test
    void anOverridingReceiverOfAMethodReferenceFallsBackForThatReceiver() {
        Walker loud = new LoudWalker();
        Generator.Body<String> body = loud::walk;
        Generator<String> g = Generator.of(body, Engine.BYTECODE);
        assertThat(g.toList()).containsExactly("LOUD");
        assertThat(g.engineName()).isNotEqualTo("bytecode");
    }

    @Test
    void aSuperCallRunsAsAStateMachine() {
        assertThat(sameOnEveryEngine(y -> y.yield(super.toString().isEmpty() ? "empty" : "not empty")))
                .containsExactly("not empty");
    }

    static final class Sub extends ProtectedBase {
        Generator.Body<Integer> body() {
            return y -> y.yield(protectedValue());
        }
    }

    @Test
    void aProtectedMemberOfASuperclassInAnotherPackageRunsAsAStateMachine() {
        assertThat(sameOnEveryEngine(new Sub().body())).containsExactly(42);
    }

    /** A class with no class file to read: as jshell's, or a class made by a code generator. */
    @Test
    void aBodyWhoseClassFileCannotBeReadFallsBack() throws Exception {
        String name = NamedBody.class.getName();
        byte[] bytes;
        try (InputStream in = NamedBody.class.getResourceAsStream("BytecodeCorpusTest$NamedBody.class")) {
            bytes = in.readAllBytes();
        }
        ClassLoader noFiles = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }

            @Override
            public URL getResource(String n) {
                return null;
            }

            @Override
            public InputStream getResourceAsStream(String n) {
                return null;
            }
        };
        Class<?> c = noFiles.loadClass(name);
        assertThat(c.getClassLoader()).isSameAs(noFiles);
        java.lang.reflect.Constructor<?> ctor = c.getDeclaredConstructor(String.class);
        ctor.setAccessible(true);
        @SuppressWarnings("unchecked")
        Generator.Body<String> body = (Generator.Body<String>) ctor.newInstance("xy");
        fallsBack(body, "cannot be read");
    }

    @Test
    void theAutomaticChoiceRunsRewritableBodiesAsStateMachines() {
        Generator<Integer> g = Generator.of(y -> y.yield(1));
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.engineName()).isEqualTo("bytecode");
        Generator<Integer> forced = Generator.of(y -> y.yield(1), Engine.BYTECODE);
        assertThat(forced.engineName()).as("named before it starts").isEqualTo("bytecode");
    }

    @Test
    void unreachableCodeKeepsItsYieldsHarmless() throws IOException {
        Assumptions.assumeTrue(true);
        List<Integer> values = sameOnEveryEngine(y -> {
            y.yield(1);
            if (Boolean.FALSE) {
                y.yield(-1);
            }
            y.yield(2);
        });
        assertThat(values).containsExactly(1, 2);
    }
}
