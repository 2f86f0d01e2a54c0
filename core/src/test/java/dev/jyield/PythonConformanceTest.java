package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sources, operators and terminal operations against CPython: each expected value is what the quoted Python
 * expression gives (CPython 3.13; batched and the float sum as documented for 3.12+).
 */
class PythonConformanceTest {

    private static Generator<Character> chars(String s) {
        return Generator.from(s.chars().mapToObj(c -> (char) c).toList());
    }

    private static List<Character> charList(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }

    private static String str(Iterable<?> values) {
        StringBuilder b = new StringBuilder();
        values.forEach(b::append);
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ sources

    @Test
    void range() {
        // list(range(5)) == [0, 1, 2, 3, 4]
        assertThat(Generator.range(5).toList()).containsExactly(0, 1, 2, 3, 4);
        // list(range(2, 5)) == [2, 3, 4]
        assertThat(Generator.range(2, 5).toList()).containsExactly(2, 3, 4);
        // list(range(10, 0, -3)) == [10, 7, 4, 1]
        assertThat(Generator.range(10, 0, -3).toList()).containsExactly(10, 7, 4, 1);
        // list(range(0, -10, -2)) == [0, -2, -4, -6, -8]
        assertThat(Generator.range(0, -10, -2).toList()).containsExactly(0, -2, -4, -6, -8);
        // list(range(5, 1)) == [] ; list(range(-3)) == []
        assertThat(Generator.range(5, 1).toList()).isEmpty();
        assertThat(Generator.range(-3).toList()).isEmpty();
        // range(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 5): no overflow past the bound
        assertThat(Generator.range(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 5).toList())
                .containsExactly(Integer.MAX_VALUE - 1);
        assertThat(Generator.range(Integer.MIN_VALUE + 1, Integer.MIN_VALUE, -7).toList())
                .containsExactly(Integer.MIN_VALUE + 1);
        // range(0, 10, 0) -> ValueError: range() arg 3 must not be zero
        assertThatThrownBy(() -> Generator.range(0, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step must not be zero");
    }

    @Test
    void countRepeatCycle() {
        // list(islice(count(10), 3)) == [10, 11, 12]
        assertThat(Itertools.count(10).take(3).toList()).containsExactly(10L, 11L, 12L);
        // list(islice(count(), 3)) == [0, 1, 2]
        assertThat(Itertools.count().take(3).toList()).containsExactly(0L, 1L, 2L);
        // list(islice(count(10, -5), 3)) == [10, 5, 0]
        assertThat(Itertools.count(10, -5).take(3).toList()).containsExactly(10L, 5L, 0L);
        // Python's ints do not overflow; a long count fails rather than wrap
        Generator<Long> near = Itertools.count(Long.MAX_VALUE - 1);
        assertThat(near.take(2).toList()).containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThatThrownBy(near::next).isInstanceOf(ArithmeticException.class);

        // list(repeat(10, 3)) == [10, 10, 10] ; list(repeat(10, -1)) == []
        assertThat(Generator.repeat(10, 3).toList()).containsExactly(10, 10, 10);
        assertThat(Generator.repeat(10, -1).toList()).isEmpty();
        // list(islice(repeat(None), 2)) == [None, None]
        assertThat(Itertools.repeat((Object) null).take(2).toList()).containsExactly(null, null);

        // list(islice(cycle('ABCD'), 10)) == ['A','B','C','D','A','B','C','D','A','B']
        assertThat(str(Generator.cycle(charList("ABCD")).take(10))).isEqualTo("ABCDABCDAB");
        // list(cycle([])) == []
        assertThat(Itertools.cycle(List.of()).toList()).isEmpty();
    }

    @Test
    void enumerateAndTabulateFailRatherThanWrapPastTheRangeOfLong() {
        // CPython 3.11 (its ints do not overflow; a long cannot hold the third index, so jyield raises there):
        // >>> list(enumerate(['a','b','c'], 2**63-2))
        // [(9223372036854775806, 'a'), (9223372036854775807, 'b'), (9223372036854775808, 'c')]
        // >>> list(islice(map(lambda i: i, count(2**63-2)), 3))       # the recipe tabulate(function, start)
        // [9223372036854775806, 9223372036854775807, 9223372036854775808]
        java.util.Iterator<String> letters = List.of("a", "b", "c", "d").iterator();
        Generator<Indexed<String>> e = Generator.from(letters).enumerate(Long.MAX_VALUE - 1);
        assertThat(e.next()).isEqualTo(new Indexed<>(Long.MAX_VALUE - 1, "a"));
        assertThat(e.next()).isEqualTo(new Indexed<>(Long.MAX_VALUE, "b"));
        assertThatThrownBy(e::next).isInstanceOf(ArithmeticException.class)
                .hasMessage("enumerate() went past the range of long");
        assertThat(letters.next()).isEqualTo("d"); // "c" was taken, as Python takes it for its third pair
        Generator<Long> t = Itertools.tabulate(i -> i, Long.MAX_VALUE - 1);
        assertThat(t.next()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(t.next()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(t::next).isInstanceOf(ArithmeticException.class)
                .hasMessage("count() went past the range of long");
        // Pushed, the same.
        assertThatThrownBy(() -> Generator.from(List.of(1, 2, 3)).enumerate(Long.MAX_VALUE - 1).toList())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void cycleReadsItsSourceOnceAndLazily() {
        List<String> log = new ArrayList<>();
        Generator<Integer> src = Generator.of(y -> {
            for (int i = 0; i < 3; i++) {
                log.add("pull " + i);
                y.yield(i);
            }
        });
        Generator<Integer> c = Generator.cycle(src);
        assertThat(c.next()).isEqualTo(0);
        assertThat(log).containsExactly("pull 0");
        assertThat(c.take(7).toList()).containsExactly(1, 2, 0, 1, 2, 0, 1);
        assertThat(log).containsExactly("pull 0", "pull 1", "pull 2");
    }

    @Test
    void iterateAndGenerate() {
        // Stream.iterate(1, x -> 2 * x) limited to 5
        assertThat(Generator.iterate(1, x -> 2 * x).take(5).toList()).containsExactly(1, 2, 4, 8, 16);
        int[] calls = {0};
        Generator<Integer> g = Generator.iterate(1, x -> {
            calls[0]++;
            return x + 1;
        });
        assertThat(g.take(3).toList()).containsExactly(1, 2, 3);
        assertThat(calls[0]).isEqualTo(2); // never ahead of the request
        int[] n = {0};
        assertThat(Generator.generate(() -> n[0]++).take(4).toList()).containsExactly(0, 1, 2, 3);
        assertThat(n[0]).isEqualTo(4);
    }

    @Test
    void concatAndChain() {
        // list(chain('ABC', 'DEF')) == ['A','B','C','D','E','F']
        assertThat(str(Generator.concat(charList("ABC"), charList("DEF")))).isEqualTo("ABCDEF");
        assertThat(str(Itertools.chain(charList("AB"), List.of(), charList("C")))).isEqualTo("ABC");
        assertThat(str(chars("AB").chain(charList("CD"), charList("E")))).isEqualTo("ABCDE");
        assertThat(Generator.concat().toList()).isEmpty();
    }

    @Test
    void fromStreamClosesTheStream() {
        boolean[] closed = {false};
        Generator<Integer> g = Generator.from(Stream.of(1, 2, 3).onClose(() -> closed[0] = true));
        assertThat(g.next()).isEqualTo(1);
        assertThat(closed[0]).isFalse();
        g.close();
        assertThat(closed[0]).isTrue();

        boolean[] closed2 = {false};
        assertThat(Generator.from(Stream.of(1, 2, 3).onClose(() -> closed2[0] = true)).map(x -> x * 2).toList())
                .containsExactly(2, 4, 6);
        assertThat(closed2[0]).isTrue();
    }

    @Test
    void zipStatic() {
        // list(zip('ABCD', 'xy')) == [('A', 'x'), ('B', 'y')]
        assertThat(Itertools.zip(charList("ABCD"), charList("xy")).toList())
                .containsExactly(List.of('A', 'x'), List.of('B', 'y'));
        // list(zip()) == []
        assertThat(Itertools.zip(new Iterable<?>[0]).toList()).isEmpty();
        // list(zip([1, 2], [1, 2], [1, 2, 3], strict=True)) -> [(1,1,1), (2,2,2)] then
        // ValueError: zip() argument 3 is longer than arguments 1-2
        Generator<List<Integer>> z = Itertools.zipStrict(List.of(1, 2), List.of(1, 2), List.of(1, 2, 3));
        assertThat(z.next()).containsExactly(1, 1, 1);
        assertThat(z.next()).containsExactly(2, 2, 2);
        assertThatThrownBy(z::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip() argument 3 is longer than arguments 1-2");
        // zip([1, 2, 3], [1, 2, 3], [1, 2], strict=True) -> zip() argument 3 is shorter than arguments 1-2
        Generator<List<Integer>> z2 = Itertools.zipStrict(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2));
        assertThat(z2.take(2).toList()).hasSize(2);
        assertThatThrownBy(z2::next).hasMessage("zip() argument 3 is shorter than arguments 1-2");
        // zip([1, 2, 3], [1, 2], strict=True) -> zip() argument 2 is shorter than argument 1
        Generator<List<Integer>> z3 = Itertools.zipStrict(List.of(1, 2, 3), List.of(1, 2));
        assertThat(z3.take(2).toList()).hasSize(2);
        assertThatThrownBy(z3::next).hasMessage("zip() argument 2 is shorter than argument 1");
        // strict zip of equal lengths just ends
        assertThat(Itertools.zipStrict(List.of(1), List.of(2)).toList()).containsExactly(List.of(1, 2));
        // tuples allow None
        assertThat(Itertools.zip(Arrays.asList(null, "a"), List.of(1, 2)).toList())
                .containsExactly(Arrays.asList(null, 1), Arrays.asList("a", 2));
    }

    // ----------------------------------------------------------------------------------------------- operators

    @Test
    void generatorExpression() {
        // [x * x for x in range(10) if x % 2] == [1, 9, 25, 49, 81]
        assertThat(Generator.range(10).filter(x -> x % 2 != 0).map(x -> x * x).toList())
                .containsExactly(1, 9, 25, 49, 81);
        // list(filterfalse(lambda x: x < 5, [1, 4, 6, 3, 8])) == [6, 8]
        assertThat(Itertools.filterFalse(x -> x < 5, List.of(1, 4, 6, 3, 8)).toList()).containsExactly(6, 8);
        // [y for x in range(4) for y in range(x)] == [0, 0, 1, 0, 1, 2]
        assertThat(Generator.range(4).flatMap(Generator::range).toList()).containsExactly(0, 0, 1, 0, 1, 2);
        // list(enumerate(['a', 'b'], 5)) == [(5, 'a'), (6, 'b')]
        assertThat(Generator.from(List.of("a", "b")).enumerate(5).toList())
                .containsExactly(new Indexed<>(5, "a"), new Indexed<>(6, "b"));
        assertThat(Generator.from(List.of("a")).enumerate().toList()).containsExactly(new Indexed<>(0, "a"));
    }

    @Test
    void flatMapReadsInnerIterablesLazily() {
        // next((y for x in count() for y in count(x))) == 0: an infinite inner iterable is fine
        Generator<Long> g = Itertools.count(0).flatMap(x -> Itertools.count(x));
        assertThat(g.take(3).toList()).containsExactly(0L, 1L, 2L);
        Generator<Integer> inner = Generator.of(y -> {
            y.yield(1);
            y.yield(2);
        });
        Generator<Integer> outer = Generator.from(List.of("x")).flatMap(x -> inner);
        assertThat(outer.next()).isEqualTo(1);
        outer.close();
        assertThat(inner.state()).isEqualTo(Generator.State.CLOSED);
        assertThatThrownBy(() -> Generator.range(1).flatMap(x -> null).toList())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void islice() {
        // list(islice('ABCDEFG', 2)) == ['A', 'B']
        assertThat(str(Itertools.islice(charList("ABCDEFG"), 2))).isEqualTo("AB");
        // list(islice('ABCDEFG', 2, 4)) == ['C', 'D']
        assertThat(str(Itertools.islice(charList("ABCDEFG"), 2, 4))).isEqualTo("CD");
        // list(islice('ABCDEFG', 2, None)) == ['C', 'D', 'E', 'F', 'G']
        assertThat(str(Itertools.islice(charList("ABCDEFG"), 2, Long.MAX_VALUE))).isEqualTo("CDEFG");
        assertThat(str(chars("ABCDEFG").skip(2))).isEqualTo("CDEFG");
        // list(islice('ABCDEFG', 0, None, 2)) == ['A', 'C', 'E', 'G']
        assertThat(str(Itertools.islice(charList("ABCDEFG"), 0, Long.MAX_VALUE, 2))).isEqualTo("ACEG");
        // list(islice('ABCDEFG', 1, 6, 2)) == ['B', 'D', 'F']
        assertThat(str(chars("ABCDEFG").slice(1, 6, 2))).isEqualTo("BDF");
    }

    @Test
    void isliceConsumesExactlyMaxOfStartAndStop() {
        // g = count(); list(islice(g, 1, 3, 50)) == [1]; next(g) == 3
        Generator<Long> g = Itertools.count(0);
        assertThat(g.slice(1, 3, 50).toList()).containsExactly(1L);
        assertThat(g.next()).isEqualTo(3L);
        // g = iter(range(10)); list(islice(g, 5, 3)) == []; next(g) == 5
        Generator<Integer> r = Generator.range(10);
        assertThat(r.slice(5, 3).toList()).isEmpty();
        assertThat(r.next()).isEqualTo(5);
        // g = iter(range(10)); list(islice(g, 3)) == [0, 1, 2]; list(g) == [3, ..., 9]
        Generator<Integer> h = Generator.range(10);
        assertThat(h.take(3).toList()).containsExactly(0, 1, 2);
        assertThat(h.toList()).containsExactly(3, 4, 5, 6, 7, 8, 9);
        // islice(g, 0) consumes nothing
        Generator<Integer> e = Generator.range(3);
        assertThat(e.take(0).toList()).isEmpty();
        assertThat(e.next()).isEqualTo(0);
    }

    @Test
    void isliceArgumentsFailAtTheCallStopFirst() {
        Generator<Integer> g = Generator.range(3);
        // islice([], -1) -> ValueError: Stop argument for islice() must be None or an integer
        assertThatThrownBy(() -> g.take(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n cannot be negative but was: -3");
        // islice([], -1, -1) names stop first
        assertThatThrownBy(() -> g.slice(-1, -1)).hasMessage("stop cannot be negative but was: -1");
        assertThatThrownBy(() -> g.slice(-1, 5)).hasMessage("start cannot be negative but was: -1");
        // islice([], 0, -1, 0) -> the Stop error, not the Step error
        assertThatThrownBy(() -> g.slice(0, -1, 0)).hasMessage("stop cannot be negative but was: -1");
        // islice([], 0, 1, 0) -> ValueError: Step for islice() must be a positive integer or None.
        assertThatThrownBy(() -> g.slice(0, 1, 0)).hasMessage("step must be positive but was: 0");
        assertThatThrownBy(() -> g.skip(-1)).hasMessage("n cannot be negative but was: -1");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
    }

    @Test
    void takeWhileAndDropWhile() {
        // g = iter(range(10)); list(takewhile(lambda x: x < 3, g)) == [0, 1, 2]; next(g) == 4 (3 is lost)
        Generator<Integer> g = Generator.range(10);
        assertThat(g.takeWhile(x -> x < 3).toList()).containsExactly(0, 1, 2);
        assertThat(g.next()).isEqualTo(4);
        // list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])) == [1, 4]
        assertThat(Itertools.takeWhile(x -> x < 5, List.of(1, 4, 6, 3, 8)).toList()).containsExactly(1, 4);
        // list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])) == [6, 3, 8]
        List<Integer> tested = new ArrayList<>();
        assertThat(Itertools.dropWhile(x -> {
            tested.add(x);
            return x < 5;
        }, List.of(1, 4, 6, 3, 8)).toList()).containsExactly(6, 3, 8);
        assertThat(tested).containsExactly(1, 4, 6); // never called again once it failed
    }

    @Test
    void zipInstance() {
        // g = iter([1, 2, 3, 4]); list(zip(g, 'ab')) == [(1, 'a'), (2, 'b')]; next(g) == 4 (3 was consumed)
        Generator<Integer> g = Generator.from(List.of(1, 2, 3, 4));
        assertThat(g.zip(charList("ab")).toList()).containsExactly(new Pair<>(1, 'a'), new Pair<>(2, 'b'));
        assertThat(g.next()).isEqualTo(4);
        // g = iter(range(7)); list(zip(g, g)) == [(0, 1), (2, 3), (4, 5)]
        Generator<Integer> h = Generator.range(7);
        assertThat(h.zip(h).toList()).containsExactly(new Pair<>(0, 1), new Pair<>(2, 3), new Pair<>(4, 5));
        // list(zip([1, 2], [1, 2, 3], strict=True)) -> [(1, 1), (2, 2)], then
        // ValueError: zip() argument 2 is longer than argument 1
        Generator<Pair<Integer, Integer>> z = Generator.from(List.of(1, 2)).zipStrict(List.of(1, 2, 3));
        List<Pair<Integer, Integer>> got = new ArrayList<>();
        assertThatThrownBy(() -> z.forEach(got::add)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip() argument 2 is longer than argument 1");
        assertThat(got).containsExactly(new Pair<>(1, 1), new Pair<>(2, 2));
        // list(zip([1, 2, 3], [1, 2], strict=True)) -> ... zip() argument 2 is shorter than argument 1
        Generator<Pair<Integer, Integer>> z2 = Generator.from(List.of(1, 2, 3)).zipStrict(List.of(1, 2));
        got.clear();
        assertThatThrownBy(() -> z2.forEach(got::add)).hasMessage("zip() argument 2 is shorter than argument 1");
        assertThat(got).containsExactly(new Pair<>(1, 1), new Pair<>(2, 2));
    }

    @Test
    void compress() {
        // list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])) == ['A', 'C', 'E', 'F']
        assertThat(str(Itertools.compress(charList("ABCDEF"), List.of(true, false, true, false, true, true))))
                .isEqualTo("ACEF");
        // g = iter('ABCDEF'); list(compress(g, [1, 0])) == ['A']; next(g) == 'D' (C pulled and lost)
        Generator<Character> g = chars("ABCDEF");
        assertThat(g.compress(List.of(true, false)).toList()).containsExactly('A');
        assertThat(g.next()).isEqualTo('D');
        // None is falsy
        assertThat(chars("AB").compress(Arrays.asList(null, true)).toList()).containsExactly('B');
    }

    @Test
    void distinct() {
        // list(unique_everseen('AAAABBBCCDAABBB')) == ['A', 'B', 'C', 'D']
        assertThat(str(chars("AAAABBBCCDAABBB").distinct())).isEqualTo("ABCD");
        // list(unique_everseen('ABBcCAD', str.casefold)) == ['A', 'B', 'c', 'D']
        assertThat(str(chars("ABBcCAD").distinct(Character::toLowerCase))).isEqualTo("ABcD");
    }

    @Test
    void batched() {
        // list(batched('ABCDEFG', 3)) == [('A','B','C'), ('D','E','F'), ('G',)]
        assertThat(Itertools.batched(charList("ABCDEFG"), 3).map(PythonConformanceTest::str).toList())
                .containsExactly("ABC", "DEF", "G");
        // list(batched('', 3)) == []
        assertThat(Itertools.batched(List.of(), 3).toList()).isEmpty();
        // batched('ABCDEFG', 3, strict=True) -> ABC, DEF, then ValueError: batched(): incomplete batch
        Generator<List<Character>> b = Itertools.batched(charList("ABCDEFG"), 3, true);
        assertThat(b.take(2).toList()).hasSize(2);
        assertThatThrownBy(b::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batched(): incomplete batch");
        assertThat(Itertools.batched(charList("ABCDEF"), 3, true).toList()).hasSize(2);
        // batched('ABC', 0) -> ValueError: n must be at least one
        assertThatThrownBy(() -> chars("ABC").batched(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be at least 1 but was: 0");
        // a huge n does not allocate n slots up front
        assertThat(Generator.range(3).batched(Integer.MAX_VALUE).toList()).containsExactly(List.of(0, 1, 2));
        assertThat(Generator.range(2000).batched(1500).map(List::size).toList()).containsExactly(1500, 500);
    }

    @Test
    void pairwiseAndWindowed() {
        // list(pairwise('ABCDEFG')) == [('A','B'), ('B','C'), ('C','D'), ('D','E'), ('E','F'), ('F','G')]
        assertThat(Itertools.pairwise(charList("ABCD")).toList())
                .containsExactly(new Pair<>('A', 'B'), new Pair<>('B', 'C'), new Pair<>('C', 'D'));
        assertThat(chars("A").pairwise().toList()).isEmpty();
        // list(sliding_window('ABCDEFG', 4)) == [('A','B','C','D'), ('B','C','D','E'), ..., ('D','E','F','G')]
        assertThat(chars("ABCDEFG").windowed(4).map(PythonConformanceTest::str).toList())
                .containsExactly("ABCD", "BCDE", "CDEF", "DEFG");
        assertThat(chars("AB").windowed(3).toList()).isEmpty();
        assertThat(Generator.from(Arrays.asList(null, 1, null)).windowed(2).toList())
                .containsExactly(Arrays.asList(null, 1), Arrays.asList(1, null));
        assertThatThrownBy(() -> chars("AB").windowed(0)).hasMessage("n must be at least 1 but was: 0");
    }

    @Test
    void accumulate() {
        // list(accumulate([1, 2, 3, 4, 5], operator.mul)) == [1, 2, 6, 24, 120]
        assertThat(Itertools.accumulate(List.of(1, 2, 3, 4, 5), (a, b) -> a * b).toList())
                .containsExactly(1, 2, 6, 24, 120);
        // list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)) == [3, 4, 6, 6, 6, 9, 9, 9, 9, 9]
        assertThat(Generator.from(List.of(3, 4, 6, 2, 1, 9, 0, 7, 5, 8)).accumulate(Math::max).toList())
                .containsExactly(3, 4, 6, 6, 6, 9, 9, 9, 9, 9);
        // list(accumulate([1, 2, 3, 4, 5], initial=100)) == [100, 101, 103, 106, 110, 115]
        assertThat(Generator.from(List.of(1, 2, 3, 4, 5)).accumulate(100, Integer::sum).toList())
                .containsExactly(100, 101, 103, 106, 110, 115);
        // list(accumulate([], initial=5)) == [5]
        assertThat(Generator.<Integer>empty().accumulate(5, Integer::sum).toList()).containsExactly(5);
        // func(total, x): list(accumulate('abc', lambda t, x: t + [x], initial=[]))
        //   == [[], ['a'], ['a', 'b'], ['a', 'b', 'c']]
        assertThat(Itertools.<Character, String>accumulate(charList("abc"), (t, x) -> t + x, "").toList())
                .containsExactly("", "a", "ab", "abc");
        // g = iter([1, 2, 3]); a = accumulate(g, initial=0); next(a) == 0; next(g) == 1 (nothing pulled)
        Generator<Integer> g = Generator.from(List.of(1, 2, 3));
        Generator<Integer> a = g.accumulate(0, Integer::sum);
        assertThat(a.next()).isEqualTo(0);
        assertThat(g.next()).isEqualTo(1);
    }

    @Test
    void groupBy() {
        // [(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')]
        //   == [('A', ['A']*4), ('B', ['B']*3), ('C', ['C']*2), ('D', ['D']), ('A', ['A']*2), ('B', ['B']*3)]
        List<String> runs = new ArrayList<>();
        for (Group<Character, Character> grp : Itertools.groupBy(charList("AAAABBBCCDAABBB"))) {
            runs.add(grp.key() + ":" + str(grp.values()));
        }
        assertThat(runs).containsExactly("A:AAAA", "B:BBB", "C:CC", "D:D", "A:AA", "B:BBB");
        // [k for k, g in groupby([1, 3, 2, 4, 5], lambda x: x % 2)] == [1, 0, 1]
        assertThat(Generator.from(List.of(1, 3, 2, 4, 5)).groupBy(x -> x % 2).map(Group::key).toList())
                .containsExactly(1, 0, 1);
        // gs = list(groupby('AAABBC')); [(k, list(g)) for k, g in gs] == [('A', []), ('B', []), ('C', [])]
        List<Group<Character, Character>> gs = Itertools.groupBy(charList("AAABBC")).toList();
        assertThat(gs).extracting(Group::key).containsExactly('A', 'B', 'C');
        for (Group<Character, Character> grp : gs) {
            assertThat(grp.values().toList()).isEmpty();
        }
    }

    @Test
    void groupByEmptiesEarlierGroupsAndSharesTheInput() {
        // it = groupby('AAABBC'); k1, g1 = next(it); next(g1) == 'A'; k2, g2 = next(it); list(g1) == []
        Generator<Group<Character, Character>> it = Itertools.groupBy(charList("AAABBC"));
        Group<Character, Character> g1 = it.next();
        assertThat(g1.values().next()).isEqualTo('A');
        Group<Character, Character> g2 = it.next();
        assertThat(g2.key()).isEqualTo('B');
        assertThat(g1.values().toList()).isEmpty();
        assertThat(str(g2.values())).isEqualTo("BB");
        assertThat(it.next().key()).isEqualTo('C');
        assertThat(it.hasNext()).isFalse();
        // null keys are keys like any other
        assertThat(Generator.from(Arrays.asList(null, null, 1)).groupBy().map(Group::key).toList())
                .containsExactly(null, 1);
    }

    @Test
    void sorted() {
        // sorted([(1,'b'), (0,'a'), (1,'a'), (0,'b')], key=lambda t: t[0]) == [(0,'a'), (0,'b'), (1,'b'), (1,'a')]
        List<Pair<Integer, String>> data = List.of(new Pair<>(1, "b"), new Pair<>(0, "a"), new Pair<>(1, "a"),
                new Pair<>(0, "b"));
        Comparator<Pair<Integer, String>> byFirst = Comparator.comparing(Pair::first);
        assertThat(Generator.from(data).sorted(byFirst).map(p -> p.first() + p.second()).toList())
                .containsExactly("0a", "0b", "1b", "1a");
        // sorted(..., key=lambda t: t[0], reverse=True) == [(1,'b'), (1,'a'), (0,'a'), (0,'b')]: stable
        assertThat(Generator.from(data).sorted(byFirst.reversed()).map(p -> p.first() + p.second()).toList())
                .containsExactly("1b", "1a", "0a", "0b");
        assertThat(Generator.from(List.of(3, 1, 2)).sorted().toList()).containsExactly(1, 2, 3);
        // pulled: sorted values come one per request
        Generator<Integer> s = Generator.from(List.of(3, 1, 2)).sorted();
        assertThat(s.next()).isEqualTo(1);
        assertThat(s.toList()).containsExactly(2, 3);
    }

    @Test
    void peek() {
        List<Integer> seen = new ArrayList<>();
        assertThat(Generator.range(3).peek(seen::add).map(x -> x * 10).toList()).containsExactly(0, 10, 20);
        assertThat(seen).containsExactly(0, 1, 2);
    }

    // ------------------------------------------------------------------------------------- terminal operations

    @Test
    void minAndMaxReturnTheFirstOfEqualElements() {
        // min([3, 1, 1.0, 2]) == 1 (the int, first of the equal ones); max([1, 3, 3.0, 2]) == 3 (the int)
        List<Number> values = List.of(3, 1, 1.0, 2);
        Comparator<Number> numeric = Comparator.comparingDouble(Number::doubleValue);
        assertThat(Generator.from(values).min(numeric)).isEqualTo(1);
        assertThat(Generator.from(List.<Number>of(1, 3, 3.0, 2)).max(numeric)).isEqualTo(3);
        assertThat(Generator.from(List.<Number>of(1, 3, 3.0, 2)).maxBy(Number::doubleValue)).isEqualTo(3);
        assertThat(Generator.from(values).minBy(Number::doubleValue)).isEqualTo(1);
        // min([]) -> ValueError: min() arg is an empty sequence
        assertThatThrownBy(() -> Generator.<Integer>empty().min(Comparator.naturalOrder()))
                .isInstanceOf(NoSuchElementException.class).hasMessage("min() arg is an empty sequence");
        assertThatThrownBy(() -> Generator.<Integer>empty().max(Comparator.naturalOrder()))
                .isInstanceOf(NoSuchElementException.class).hasMessage("max() arg is an empty sequence");
        assertThatThrownBy(() -> Generator.<Integer>empty().maxBy(x -> x))
                .hasMessage("max() arg is an empty sequence");
        // min([], default=7) == 7
        assertThat(Generator.<Integer>empty().min(Comparator.naturalOrder(), 7)).isEqualTo(7);
        assertThat(Generator.from(values).max(numeric, 0)).isEqualTo(3);
        assertThat(Generator.from(List.<Number>of(2, 2.0)).min(numeric, 0)).isEqualTo(2);
    }

    @Test
    void sums() {
        // sum(range(101)) == 5050
        assertThat(Generator.range(101).sumInt(x -> x)).isEqualTo(5050L);
        assertThat(Generator.range(3).sumLong(x -> Long.MAX_VALUE / 4)).isEqualTo(Long.MAX_VALUE / 4 * 3);
        assertThatThrownBy(() -> Generator.range(5).sumLong(x -> Long.MAX_VALUE / 4))
                .isInstanceOf(ArithmeticException.class);
        // Python 3.12+: sum([0.1] * 10) == 1.0 ; sum([1e100, 1.0, -1e100, 1.0]) == 2.0
        assertThat(Generator.repeat(0.1, 10).sumDouble(x -> x)).isEqualTo(1.0);
        assertThat(Generator.from(List.of(1e100, 1.0, -1e100, 1.0)).sumDouble(x -> x)).isEqualTo(2.0);
        // sum([]) == 0 ; sum([float('inf'), 1.0]) == inf
        assertThat(Generator.<Double>empty().sumDouble(x -> x)).isEqualTo(0.0);
        assertThat(Generator.from(List.of(Double.POSITIVE_INFINITY, 1.0)).sumDouble(x -> x))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void anyAllNoneStopAtTheDecidingValue() {
        // g = iter(range(10)); any(x > 2 for x in g) is True; next(g) == 4
        Generator<Integer> g = Generator.range(10);
        assertThat(g.anyMatch(x -> x > 2)).isTrue();
        assertThat(g.next()).isEqualTo(4);
        // all(x < 2 for x in g) is False, stopping at 5
        assertThat(g.allMatch(x -> x < 2)).isFalse();
        assertThat(g.next()).isEqualTo(6);
        assertThat(g.noneMatch(x -> x > 100)).isTrue();
        assertThat(g.hasNext()).isFalse();
        // any([]) is False ; all([]) is True
        assertThat(Generator.empty().anyMatch(x -> true)).isFalse();
        assertThat(Generator.empty().allMatch(x -> false)).isTrue();
    }

    @Test
    void firstNthLast() {
        Generator<Integer> g = Generator.range(10);
        assertThat(g.first()).contains(0);
        // nth(g, 2) after 0 was taken: 3; next(g) == 4
        assertThat(g.nth(2)).contains(3);
        assertThat(g.next()).isEqualTo(4);
        assertThat(g.last()).contains(9);
        assertThat(g.first()).isEmpty();
        assertThat(Generator.range(3).nth(5)).isEmpty();
        assertThatThrownBy(() -> Generator.range(3).nth(-1)).hasMessage("n cannot be negative but was: -1");
        assertThat(Generator.empty().last()).isEqualTo(Optional.empty());
    }

    @Test
    void collectingTerminals() {
        // ', '.join(map(str, [1, None, 'a'])) == '1, None, a' (Java spells None as null)
        assertThat(Generator.from(Arrays.asList(1, null, "a")).join(", ")).isEqualTo("1, null, a");
        assertThat(Generator.range(3).join(",", "[", "]")).isEqualTo("[0,1,2]");
        assertThat(Generator.from(List.of(3, 1, 3, 2)).toSet()).containsExactly(3, 1, 2);
        assertThat(Generator.range(4).collect(Collectors.summingInt(x -> x))).isEqualTo(6);
        assertThat(Generator.range(3).map(String::valueOf).toArray(String[]::new)).containsExactly("0", "1", "2");
        assertThat(Generator.range(4).count()).isEqualTo(4);
    }

    @Test
    void streamAndSpliterator() {
        assertThat(Generator.range(5).stream().map(x -> x * 2).toList()).containsExactly(0, 2, 4, 6, 8);
        // a short-circuiting stream pulls only what it needs; the generator stays usable
        Generator<Integer> g = Generator.range(10);
        assertThat(g.stream().filter(x -> x > 2).findFirst()).contains(3);
        assertThat(g.next()).isEqualTo(4);
        // closing the stream closes the generator
        Generator<Integer> h = Generator.of(y -> {
            y.yield(1);
            y.yield(2);
        });
        try (Stream<Integer> s = h.stream()) {
            assertThat(s.findFirst()).contains(1);
        }
        assertThat(h.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(Generator.range(3).spliterator().trySplit()).isNull();
    }

    @Test
    void nullArgumentsAreNamed() {
        Generator<Integer> g = Generator.range(3);
        assertThatThrownBy(() -> g.map(null)).isInstanceOf(NullPointerException.class).hasMessage("f");
        assertThatThrownBy(() -> g.filter(null)).hasMessage("p");
        assertThatThrownBy(() -> g.zip((Iterable<Integer>) null)).hasMessage("other");
        assertThatThrownBy(() -> g.groupBy(null)).hasMessage("key");
        assertThatThrownBy(() -> Generator.concat(List.of(1), null)).hasMessage("sources[1]");
        assertThatThrownBy(() -> Generator.lines((java.nio.file.Path) null)).hasMessage("path");
        assertThatThrownBy(() -> g.min(null)).hasMessage("order");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
    }
}
