package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every operator against a naive list-based reference, on random inputs (empty and one-element ones included),
 * consumed three ways: pushed by a terminal operation, pulled value by value, and stopped early. Sources are both
 * plain lists and generator bodies, and the consumption of the source is checked where Python fixes it.
 */
class OperatorPropertiesTest {

    record Case(String name, Function<Generator<Integer>, Generator<?>> op, Function<List<Integer>, List<?>> ref) {}

    private static Generator<Integer> source(List<Integer> xs, boolean body) {
        return body ? Generator.of(y -> {
            for (Integer x : xs) {
                y.yield(x);
            }
        }) : Generator.from(xs);
    }

    private static List<Case> cases(int a, int b, int step, List<Integer> ys) {
        List<Boolean> selectors = ys.stream().map(y -> y % 2 == 0).toList();
        return List.of(
                new Case("map", g -> g.map(x -> x * 3), xs -> xs.stream().map(x -> x * 3).toList()),
                new Case("filter", g -> g.filter(x -> x > 0), xs -> xs.stream().filter(x -> x > 0).toList()),
                new Case("filterFalse", g -> g.filterFalse(x -> x > 0),
                        xs -> xs.stream().filter(x -> x <= 0).toList()),
                new Case("flatMap", g -> g.flatMap(x -> Generator.repeat(x, Math.abs(x) % 3)),
                        xs -> xs.stream().flatMap(x -> java.util.Collections.nCopies(Math.abs(x) % 3, x).stream())
                                .toList()),
                new Case("peek", g -> g.peek(x -> { }), xs -> xs),
                new Case("take", g -> g.take(a), xs -> islice(xs, 0, a, 1)),
                new Case("skip", g -> g.skip(a), xs -> islice(xs, a, Long.MAX_VALUE, 1)),
                new Case("slice", g -> g.slice(a, b, step), xs -> islice(xs, a, b, step)),
                new Case("slice to None", g -> g.slice(a, Long.MAX_VALUE, step),
                        xs -> islice(xs, a, Long.MAX_VALUE, step)),
                new Case("takeWhile", g -> g.takeWhile(x -> x < a - 2), xs -> takeWhile(xs, a - 2)),
                new Case("dropWhile", g -> g.dropWhile(x -> x < a - 2), xs -> xs.subList(
                        Math.min(xs.size(), takeWhile(xs, a - 2).size()), xs.size())),
                new Case("enumerate", g -> g.enumerate(a), xs -> {
                    List<Indexed<Integer>> r = new ArrayList<>();
                    for (int i = 0; i < xs.size(); i++) {
                        r.add(new Indexed<>(a + i, xs.get(i)));
                    }
                    return r;
                }),
                new Case("zip", g -> g.zip(ys), xs -> {
                    List<Pair<Integer, Integer>> r = new ArrayList<>();
                    for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
                        r.add(new Pair<>(xs.get(i), ys.get(i)));
                    }
                    return r;
                }),
                new Case("chain", g -> g.chain(ys, List.of(a)), xs -> {
                    List<Integer> r = new ArrayList<>(xs);
                    r.addAll(ys);
                    r.add(a);
                    return r;
                }),
                new Case("distinct", Generator::distinct, xs -> List.copyOf(new LinkedHashSet<>(xs))),
                new Case("batched", g -> g.batched(step), xs -> {
                    List<List<Integer>> r = new ArrayList<>();
                    for (int i = 0; i < xs.size(); i += step) {
                        r.add(xs.subList(i, Math.min(xs.size(), i + step)));
                    }
                    return r;
                }),
                new Case("pairwise", Generator::pairwise, xs -> {
                    List<Pair<Integer, Integer>> r = new ArrayList<>();
                    for (int i = 0; i + 1 < xs.size(); i++) {
                        r.add(new Pair<>(xs.get(i), xs.get(i + 1)));
                    }
                    return r;
                }),
                new Case("windowed", g -> g.windowed(step), xs -> {
                    List<List<Integer>> r = new ArrayList<>();
                    for (int i = 0; i + step <= xs.size(); i++) {
                        r.add(xs.subList(i, i + step));
                    }
                    return r;
                }),
                new Case("accumulate", g -> g.accumulate(Integer::sum), xs -> {
                    List<Integer> r = new ArrayList<>();
                    int total = 0;
                    for (int i = 0; i < xs.size(); i++) {
                        total = i == 0 ? xs.get(0) : total + xs.get(i);
                        r.add(total);
                    }
                    return r;
                }),
                new Case("accumulate initial", g -> g.accumulate(List.<Integer>of(),
                        (List<Integer> t, Integer x) -> append(t, x)), xs -> {
                    List<List<Integer>> r = new ArrayList<>();
                    for (int i = 0; i <= xs.size(); i++) {
                        r.add(xs.subList(0, i));
                    }
                    return r;
                }),
                new Case("compress", g -> g.compress(selectors), xs -> {
                    List<Integer> r = new ArrayList<>();
                    for (int i = 0; i < Math.min(xs.size(), selectors.size()); i++) {
                        if (selectors.get(i)) {
                            r.add(xs.get(i));
                        }
                    }
                    return r;
                }),
                new Case("groupBy", g -> g.groupBy(x -> x / 2).map(grp -> grp.key() + "=" + grp.values().toList()),
                        xs -> {
                            List<String> r = new ArrayList<>();
                            int i = 0;
                            while (i < xs.size()) {
                                int k = xs.get(i) / 2;
                                int j = i;
                                while (j < xs.size() && xs.get(j) / 2 == k) {
                                    j++;
                                }
                                r.add(k + "=" + xs.subList(i, j));
                                i = j;
                            }
                            return r;
                        }),
                new Case("sorted (stable)", g -> g.map(x -> new Pair<>(Math.abs(x), x))
                        .sorted(java.util.Comparator.comparing(Pair::first)), xs -> {
                    // insertion sort: stable by construction
                    List<Pair<Integer, Integer>> r = new ArrayList<>();
                    for (Integer x : xs) {
                        int at = r.size();
                        while (at > 0 && r.get(at - 1).first() > Math.abs(x)) {
                            at--;
                        }
                        r.add(at, new Pair<>(Math.abs(x), x));
                    }
                    return r;
                }));
    }

    private static List<Integer> append(List<Integer> t, Integer x) {
        List<Integer> r = new ArrayList<>(t);
        r.add(x);
        return r;
    }

    static List<Integer> islice(List<Integer> xs, long start, long stop, long step) {
        List<Integer> r = new ArrayList<>();
        for (long i = start; i < Math.min(stop, xs.size()); i += step) {
            r.add(xs.get((int) i));
        }
        return r;
    }

    static List<Integer> takeWhile(List<Integer> xs, int below) {
        List<Integer> r = new ArrayList<>();
        for (Integer x : xs) {
            if (x >= below) {
                break;
            }
            r.add(x);
        }
        return r;
    }

    @Property(tries = 300)
    void everyOperatorMatchesItsReferenceWhetherPushedPulledOrStoppedEarly(
            @ForAll @Size(max = 14) List<@IntRange(min = -4, max = 4) Integer> xs,
            @ForAll @Size(max = 8) List<@IntRange(min = -4, max = 4) Integer> ys,
            @ForAll @IntRange(min = 0, max = 9) int a, @ForAll @IntRange(min = 0, max = 9) int b,
            @ForAll @IntRange(min = 1, max = 4) int step, @ForAll @IntRange(min = 0, max = 4) int stopAfter,
            @ForAll boolean body) {
        for (Case c : cases(a, b, step, ys)) {
            List<?> expected = c.ref().apply(xs);

            List<?> pushed = c.op().apply(source(xs, body)).toList();
            assertThat(pushed).as(c.name() + " pushed").isEqualTo(expected);

            List<Object> pulled = new ArrayList<>();
            Generator<?> g = c.op().apply(source(xs, body));
            while (g.hasNext()) {
                pulled.add(g.next());
            }
            assertThat(pulled).as(c.name() + " pulled").isEqualTo(expected);

            Generator<Integer> src = source(xs, body);
            Generator<?> early = c.op().apply(src);
            List<Object> prefix = new ArrayList<>();
            for (int i = 0; i < stopAfter && early.hasNext(); i++) {
                prefix.add(early.next());
            }
            assertThat(prefix).as(c.name() + " stopped early")
                    .isEqualTo(expected.subList(0, Math.min(stopAfter, expected.size())));
            early.close();
            assertThat(src.state()).as(c.name() + ": closing the result closes the source")
                    .isEqualTo(Generator.State.CLOSED);
        }
    }

    /** Python fixes what islice, takewhile, zip and compress leave in their source: check it on random input. */
    @Property(tries = 300)
    void theSourceIsLeftWherePythonLeavesIt(
            @ForAll @Size(max = 14) List<@IntRange(min = -4, max = 4) Integer> xs,
            @ForAll @Size(max = 8) List<@IntRange(min = -4, max = 4) Integer> ys,
            @ForAll @IntRange(min = 0, max = 16) int a, @ForAll @IntRange(min = 0, max = 16) int b,
            @ForAll @IntRange(min = 1, max = 4) int step, @ForAll boolean body) {
        int n = xs.size();
        Map<String, Function<Generator<Integer>, Generator<?>>> ops = new LinkedHashMap<>();
        Map<String, Integer> consumed = new LinkedHashMap<>();
        // islice(it, a, b, step) exhausted consumes max(a, b) (capped by the length)
        ops.put("slice", g -> g.slice(a, b, step));
        consumed.put("slice", Math.min(n, Math.max(a, b)));
        // takewhile consumes the first failing element too
        ops.put("takeWhile", g -> g.takeWhile(x -> x < a - 8));
        consumed.put("takeWhile", Math.min(n, takeWhile(xs, a - 8).size() + 1));
        // zip(it, ys) consumes one more from it when ys runs out first
        ops.put("zip", g -> g.zip(ys));
        consumed.put("zip", Math.min(n, ys.size() + 1));
        ops.put("compress", g -> g.compress(ys.stream().map(y -> y > 0).toList()));
        consumed.put("compress", Math.min(n, ys.size() + 1));
        for (var e : ops.entrySet()) {
            Generator<Integer> src = source(xs, body);
            e.getValue().apply(src).toList();
            assertThat(src.toList()).as(e.getKey() + " leaves the rest")
                    .isEqualTo(xs.subList(consumed.get(e.getKey()), n));
        }
    }

    /**
     * A pulled map or filter over a range on random bounds: Python's {@code [x * 3 for x in range(start, stop,
     * step)]} or {@code [x for x in range(...) if x % 3 != 0]}, whether it reads the range alone or the program also
     * reads it, or looks ahead in it with hasNext(), between its values (their own path into a range,
     * Producer.Split, and the usual one). The reference walks the same steps over a list.
     */
    @Property(tries = 300)
    void aMapOrFilterOverARangeSeesWhatTheRangeHasLeft(
            @ForAll @IntRange(min = -12, max = 12) int start, @ForAll @IntRange(min = -12, max = 12) int stop,
            @ForAll @IntRange(min = -4, max = 4) int step, @ForAll @Size(max = 30) List<Boolean> direct,
            @ForAll boolean filter) {
        Assume.that(step != 0);
        List<Integer> all = new ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) {
            all.add(i);
        }
        List<Integer> expected = new ArrayList<>();
        for (int k = 0, at = 0; ; k++) {
            boolean fromRange = k < direct.size() && direct.get(k);
            while (!fromRange && filter && at < all.size() && all.get(at) % 3 == 0) {
                at++;
            }
            if (at == all.size()) {
                break;
            }
            expected.add(all.get(at++));
        }
        Generator<Integer> range = Generator.range(start, stop, step);
        Generator<Integer> reader = filter ? range.filter(x -> x % 3 != 0) : range.map(x -> x * 3);
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; ; k++) {
            boolean fromRange = k < direct.size() && direct.get(k);
            if (!(fromRange ? range : reader).hasNext()) {
                break;
            }
            seen.add(fromRange ? range.next() : filter ? reader.next() : reader.next() / 3);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(range.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(reader.hasNext()).isFalse();
    }

    @Property(tries = 200)
    void terminalOperationsMatchTheirReference(
            @ForAll @Size(max = 12) List<@IntRange(min = -4, max = 4) Integer> xs, @ForAll boolean body) {
        assertThat(source(xs, body).count()).isEqualTo(xs.size());
        assertThat(source(xs, body).sumInt(x -> x)).isEqualTo(xs.stream().mapToLong(x -> x).sum());
        assertThat(source(xs, body).join("|")).isEqualTo(String.join("|", xs.stream().map(String::valueOf).toList()));
        assertThat(source(xs, body).toSet()).containsExactlyElementsOf(new LinkedHashSet<>(xs));
        assertThat(source(xs, body).anyMatch(x -> x > 2)).isEqualTo(xs.stream().anyMatch(x -> x > 2));
        assertThat(source(xs, body).allMatch(x -> x > -3)).isEqualTo(xs.stream().allMatch(x -> x > -3));
        assertThat(source(xs, body).last()).isEqualTo(xs.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(xs.get(xs.size() - 1)));
        assertThat(source(xs, body).nth(3)).isEqualTo(xs.size() > 3 ? java.util.Optional.of(xs.get(3))
                : java.util.Optional.empty());
        Integer[] array = source(xs, body).toArray(Integer[]::new);
        assertThat(Arrays.asList(array)).isEqualTo(xs);
        if (!xs.isEmpty()) {
            // the first of equal elements: compare by absolute value and check identity of position
            List<Indexed<Integer>> ix = Generator.from(xs).enumerate().toList();
            Indexed<Integer> min = source(xs, body).enumerate().min(
                    java.util.Comparator.comparing(i -> Math.abs(i.value())));
            Indexed<Integer> max = source(xs, body).enumerate().max(
                    java.util.Comparator.comparing(i -> Math.abs(i.value())));
            int minAbs = xs.stream().mapToInt(Math::abs).min().getAsInt();
            int maxAbs = xs.stream().mapToInt(Math::abs).max().getAsInt();
            assertThat(min).isEqualTo(ix.stream().filter(i -> Math.abs(i.value()) == minAbs).findFirst().get());
            assertThat(max).isEqualTo(ix.stream().filter(i -> Math.abs(i.value()) == maxAbs).findFirst().get());
        }
    }
}
