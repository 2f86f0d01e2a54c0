package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Itertools} operator that consumes its input to the end pushes when a terminal operation drives
 * it: the input body runs as a plain call whose frame is under the terminal operation's caller, on the
 * caller's thread, with no engine frame between, and the body never goes to a pull engine. The pushed run gives
 * what a pulled run of the same operator gives (values, then the error if any), from the same elements.
 */
class ItertoolsPushTest {
    /** One operator over a generator of 0..7. */
    record Op(String name, Function<Generator<Integer>, Iterable<?>> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Op> consumingToTheEnd() {
        return Stream.of(
                new Op("accumulate", g -> Itertools.accumulate(g, Integer::sum)),
                new Op("accumulate initial", g -> Itertools.accumulate(g, (Integer a, Integer b) -> a + b, 100)),
                new Op("batched", g -> Itertools.batched(g, 3)),
                new Op("batched strict", g -> Itertools.batched(g, 3, true)),
                new Op("chain", g -> Itertools.chain(List.of(-1), g, List.of(-2))),
                new Op("dropWhile", g -> Itertools.dropWhile(x -> x < 3, g)),
                new Op("filterFalse", g -> Itertools.filterFalse(x -> x % 3 == 0, g)),
                new Op("islice stop None", g -> Itertools.islice(g, 1, Long.MAX_VALUE, 2)),
                new Op("pairwise", g -> Itertools.pairwise(g)),
                new Op("starmap", g -> Itertools.starmap((List<Integer> args) -> args.get(0) * 2, g.map(List::of))),
                new Op("starmap 2", g -> Itertools.starmap((Integer a, Integer b) -> a + b, g.map(x -> List.of(x, x)))),
                new Op("chainFromIterable", g -> Itertools.chainFromIterable(g.map(x -> List.of(x, -x)))),
                new Op("flatten", g -> Itertools.flatten(g.map(x -> List.of(x)))),
                new Op("prepend", g -> Itertools.prepend(-1, g)),
                new Op("tail", g -> Itertools.tail(3, g)),
                new Op("ncycles", g -> Itertools.ncycles(g, 2)),
                new Op("uniqueJustseen", g -> Itertools.uniqueJustseen(g.map(x -> x / 3))),
                new Op("uniqueJustseen key", g -> Itertools.uniqueJustseen(g, x -> x / 2)),
                new Op("uniqueEverseen", g -> Itertools.uniqueEverseen(g.map(x -> x % 3))),
                new Op("uniqueEverseen key", g -> Itertools.uniqueEverseen(g, x -> x % 4)),
                new Op("unique", g -> Itertools.unique(g.map(x -> x % 3))),
                new Op("slidingWindow", g -> Itertools.slidingWindow(g, 3)),
                new Op("triplewise", g -> Itertools.triplewise(g)),
                new Op("grouper fill", g -> Itertools.grouper(g, 3, -1)),
                new Op("grouper ignore", g -> Itertools.grouper(g, 3, Itertools.Incomplete.IGNORE, null)),
                new Op("grouper strict", g -> Itertools.grouper(g, 3, Itertools.Incomplete.STRICT, null)),
                new Op("iterIndex", g -> Itertools.iterIndex(g.map(x -> x % 2), 1)),
                new Op("iterIndex start", g -> Itertools.iterIndex(g.map(x -> x % 2), 0, 3)),
                new Op("powerset", g -> Itertools.powerset(g).take(20)),
                new Op("reshape", g -> Itertools.reshape(g.map(x -> List.of(x, -x)), 4)),
                new Op("convolve", g -> Itertools.convolve(g, List.of(1, -1, 2))),
                new Op("chunked", g -> Itertools.chunked(g, 3)),
                new Op("chunked strict", g -> Itertools.chunked(g, 3, true)),
                new Op("windowed", g -> Itertools.windowed(g, 3)),
                new Op("windowed fill step", g -> Itertools.windowed(g, 3, -1, 2)),
                new Op("windowed step past n", g -> Itertools.windowed(g, 2, -1, 3)),
                new Op("intersperse", g -> Itertools.intersperse(-1, g)),
                new Op("intersperse 3", g -> Itertools.intersperse(-1, g, 3)),
                new Op("splitAt", g -> Itertools.splitAt(g, x -> x % 3 == 0)),
                new Op("splitAt maxsplit keep", g -> Itertools.splitAt(g, x -> x % 3 == 1, 1, true)),
                new Op("splitBefore", g -> Itertools.splitBefore(g, x -> x % 3 == 0, 2)),
                new Op("splitAfter", g -> Itertools.splitAfter(g, x -> x % 3 == 0, 1)),
                new Op("collapse", g -> Itertools.collapse(g.map(x -> List.of(x, List.of(x, List.of(-x)))))),
                new Op("collapse levels", g -> Itertools.collapse(g.map(x -> List.of(x, List.of(-x))), 1)),
                new Op("spy's rest", g -> Itertools.spy(g, 0).all()),
                new Op("sumOfSquares", g -> List.of(Itertools.sumOfSquares(g))),
                new Op("quantify", g -> List.of(Itertools.quantify(g, x -> x > 2))),
                new Op("ilen", g -> List.of(Itertools.ilen(g))),
                new Op("last", g -> List.of(Itertools.last(g, -1))),
                new Op("consume", g -> {
                    Itertools.consume(g);
                    return List.of();
                }));
    }

    /** The frames that run a body on a pull engine. */
    private static boolean engineFrame(StackWalker.StackFrame f) {
        String c = f.getClassName();
        return c.endsWith("ContinuationSource") || c.endsWith("ThreadSource") || c.endsWith("StackfulSource")
                || c.endsWith("BytecodeSource") || c.startsWith("jdk.internal.vm.Continuation");
    }

    /** Whether {@code method} of this class is on the stack, with no engine frame above it. */
    private static boolean underTheConsumerWithNoEngine(String method) {
        return StackWalker.getInstance().walk(frames -> {
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (engineFrame(f)) {
                    return false;
                }
                if (f.getClassName().equals(ItertoolsPushTest.class.getName()) && f.getMethodName().equals(method)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Generator<Integer> body(int n, List<Boolean> underConsumer, List<Thread> threads, String method) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                if (underConsumer != null) {
                    underConsumer.add(underTheConsumerWithNoEngine(method));
                    threads.add(Thread.currentThread());
                }
                y.yield(i);
            }
        });
    }

    /** Values, then the error's message if it failed. */
    private static List<Object> pushed(Iterable<?> result) {
        List<Object> out = new ArrayList<>();
        try {
            if (result instanceof Generator<?> g) {
                g.forEach(out::add);
            } else {
                result.forEach(out::add);
            }
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    private static List<Object> pulled(Iterable<?> result) {
        List<Object> out = new ArrayList<>();
        try {
            if (result instanceof Generator<?> g) {
                while (g.hasNext()) {
                    out.add(g.next());
                }
            } else {
                result.forEach(out::add);
            }
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("consumingToTheEnd")
    void pushesWhenATerminalOperationDrivesIt(Op op) {
        List<Boolean> underConsumer = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Generator<Integer> source = body(8, underConsumer, threads, "pushesWhenATerminalOperationDrivesIt");
        pushed(op.apply().apply(source));
        assertThat(underConsumer).as("the body ran under the consumer, with no engine frame").hasSize(8)
                .containsOnly(true);
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(source.engineName()).isEqualTo("push");
        assertThat(source.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("consumingToTheEnd")
    void aPushGivesWhatAPullGives(Op op) {
        for (int n : new int[] {0, 1, 2, 3, 7, 8, 9}) {
            Generator<Integer> pulledSource = body(n, null, null, null);
            List<Object> byPull = pulled(op.apply().apply(pulledSource));
            Generator<Integer> pushedSource = body(n, null, null, null);
            List<Object> byPush = pushed(op.apply().apply(pushedSource));
            assertThat(byPush).as("%s of %d elements", op, n).isEqualTo(byPull);
            assertThat(pushedSource.state()).isEqualTo(Generator.State.CLOSED);
            assertThat(pulledSource.state()).isEqualTo(Generator.State.CLOSED);
        }
    }
}
