package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the window, batch, intersperse, split, unique and interleave operators pull, request by request, against
 * CPython 3.11 with more-itertools 8.10: for k = 0..8 requests on an 8-element source, how many elements the
 * source has given. The expected rows are the output of {@code core/src/test/python/consumption.py}, which runs
 * the same operators (the itertools recipes as the 3.11 documentation writes them) over a counting iterator.
 */
class ItertoolsConsumptionTest {
    /** 0..n-1, counting what was pulled. */
    static final class Counting implements Iterator<Integer> {
        private final int n;
        int pulled;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return pulled < n;
        }

        @Override
        public Integer next() {
            return pulled++;
        }
    }

    private static Arguments op(String python, Function<Generator<Integer>, Iterable<?>> op, int[] expected) {
        return Arguments.of(python, op, expected);
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                // >>> windowed(it, 3, fillvalue=-1, step=2): [0, 3, 5, 7, 8, 8, 8, 8, 8]
                op("windowed(it, 3, fillvalue=-1, step=2)", it -> Itertools.windowed(it, 3, -1, 2),
                        new int[] {0, 3, 5, 7, 8, 8, 8, 8, 8}),
                // >>> windowed(it, 2, fillvalue=-1, step=3): [0, 2, 5, 8, 8, 8, 8, 8, 8]
                op("windowed(it, 2, fillvalue=-1, step=3)", it -> Itertools.windowed(it, 2, -1, 3),
                        new int[] {0, 2, 5, 8, 8, 8, 8, 8, 8}),
                // >>> windowed(it, 3): [0, 3, 4, 5, 6, 7, 8, 8, 8]
                op("windowed(it, 3)", it -> Itertools.windowed(it, 3),
                        new int[] {0, 3, 4, 5, 6, 7, 8, 8, 8}),
                // >>> sliding_window(it, 3): [0, 3, 4, 5, 6, 7, 8, 8, 8]
                op("sliding_window(it, 3)", it -> Itertools.slidingWindow(it, 3),
                        new int[] {0, 3, 4, 5, 6, 7, 8, 8, 8}),
                // >>> grouper(it, 3, fillvalue=-1): [0, 3, 6, 8, 8, 8, 8, 8, 8]
                op("grouper(it, 3, fillvalue=-1)", it -> Itertools.grouper(it, 3, -1),
                        new int[] {0, 3, 6, 8, 8, 8, 8, 8, 8}),
                // >>> grouper(it, 3, incomplete='ignore'): [0, 3, 6, 8, 8, 8, 8, 8, 8]
                op("grouper(it, 3, incomplete='ignore')", it -> Itertools.grouper(it, 3, Itertools.Incomplete.IGNORE, null),
                        new int[] {0, 3, 6, 8, 8, 8, 8, 8, 8}),
                // >>> chunked(it, 3): [0, 3, 6, 8, 8, 8, 8, 8, 8]
                op("chunked(it, 3)", it -> Itertools.chunked(it, 3),
                        new int[] {0, 3, 6, 8, 8, 8, 8, 8, 8}),
                // >>> intersperse(-1, it): [0, 1, 2, 2, 3, 3, 4, 4, 5]
                op("intersperse(-1, it)", it -> Itertools.intersperse(-1, it),
                        new int[] {0, 1, 2, 2, 3, 3, 4, 4, 5}),
                // >>> intersperse(-1, it, 3): [0, 3, 3, 3, 6, 6, 6, 6, 8]
                op("intersperse(-1, it, 3)", it -> Itertools.intersperse(-1, it, 3),
                        new int[] {0, 3, 3, 3, 6, 6, 6, 6, 8}),
                // >>> split_at(it, lambda x: x % 3 == 0): [0, 1, 4, 7, 8, 8, 8, 8, 8]
                op("split_at(it, lambda x: x % 3 == 0)", it -> Itertools.splitAt(it, x -> x % 3 == 0),
                        new int[] {0, 1, 4, 7, 8, 8, 8, 8, 8}),
                // >>> split_at(it, lambda x: x % 3 == 1, maxsplit=1, keep_separator=True): [0, 2, 2, 8, 8, 8, 8, 8, 8]
                op("split_at(it, lambda x: x % 3 == 1, maxsplit=1, keep_separator=True)", it -> Itertools.splitAt(it, x -> x % 3 == 1, 1, true),
                        new int[] {0, 2, 2, 8, 8, 8, 8, 8, 8}),
                // >>> split_before(it, lambda x: x % 3 == 0, maxsplit=2): [0, 4, 7, 8, 8, 8, 8, 8, 8]
                op("split_before(it, lambda x: x % 3 == 0, maxsplit=2)", it -> Itertools.splitBefore(it, x -> x % 3 == 0, 2),
                        new int[] {0, 4, 7, 8, 8, 8, 8, 8, 8}),
                // >>> split_after(it, lambda x: x % 3 == 0, maxsplit=1): [0, 1, 8, 8, 8, 8, 8, 8, 8]
                op("split_after(it, lambda x: x % 3 == 0, maxsplit=1)", it -> Itertools.splitAfter(it, x -> x % 3 == 0, 1),
                        new int[] {0, 1, 8, 8, 8, 8, 8, 8, 8}),
                // >>> unique_justseen(it, key=lambda x: x // 2): [0, 1, 3, 5, 7, 8, 8, 8, 8]
                op("unique_justseen(it, key=lambda x: x // 2)", it -> Itertools.uniqueJustseen(it, x -> x / 2),
                        new int[] {0, 1, 3, 5, 7, 8, 8, 8, 8}),
                // >>> unique_everseen(it, key=lambda x: x % 4): [0, 1, 2, 3, 4, 8, 8, 8, 8]
                op("unique_everseen(it, key=lambda x: x % 4)", it -> Itertools.uniqueEverseen(it, x -> x % 4),
                        new int[] {0, 1, 2, 3, 4, 8, 8, 8, 8}),
                // >>> interleave(it, [10, 11, 12]): [0, 1, 1, 2, 2, 3, 3, 4, 4]
                op("interleave(it, [10, 11, 12])", it -> Itertools.interleave(it, List.of(10, 11, 12)),
                        new int[] {0, 1, 1, 2, 2, 3, 3, 4, 4}),
                // >>> interleave_longest([10, 11, 12], it): [0, 1, 1, 2, 2, 3, 3, 4, 5]
                op("interleave_longest([10, 11, 12], it)", it -> Itertools.interleaveLongest(List.of(10, 11, 12), it),
                        new int[] {0, 1, 1, 2, 2, 3, 3, 4, 5}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void pullsWhatPythonPulls(String python, Function<Generator<Integer>, Iterable<?>> op, int[] expected) {
        int[] got = new int[expected.length];
        for (int k = 0; k < expected.length; k++) {
            Counting source = new Counting(8);
            Iterator<?> it = op.apply(Generator.from(source)).iterator();
            // Python: list(islice(g, k))
            for (int i = 0; i < k && it.hasNext(); i++) {
                it.next();
            }
            got[k] = source.pulled;
        }
        assertThat(got).as(python).containsExactly(expected);
    }
}
