package dev.jyield;

import static dev.jyield.ItertoolsTesting.chars;
import static dev.jyield.ItertoolsTesting.tuples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Section R of Itertools: the recipes of the itertools documentation. Expected values come from the recipes run
 * under CPython; the Python call is quoted above each assertion.
 */
class ItertoolsRecipesTest {

    private static String join(Iterable<String> strings) {
        return String.join("", strings);
    }

    @Test
    void take() {
        // take(3, 'ABCDE'); take(10, 'AB'); take(0, 'AB')
        assertThat(Itertools.take(3, chars("ABCDE"))).isEqualTo(chars("ABC"));
        assertThat(Itertools.take(10, chars("AB"))).isEqualTo(chars("AB"));
        assertThat(Itertools.take(0, chars("AB"))).isEmpty();
        // it = iter('abcdef'); take(3, it) == ['a', 'b', 'c']; list(it) == ['d', 'e', 'f']
        Probe<String> p = Probe.chars("abcdef");
        Generator<String> it = Generator.from(p);
        assertThat(Itertools.take(3, it)).isEqualTo(chars("abc"));
        assertThat(p.pulls).isEqualTo(3);
        assertThat(it.toList()).isEqualTo(chars("def"));
        assertThatThrownBy(() -> Itertools.take(-1, chars("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n cannot be negative but was: -1");
    }

    @Test
    void prependTabulateRepeatfuncFlattenLoops() {
        // list(prepend(1, [2, 3, 4]))
        assertThat(Itertools.prepend(1, List.of(2, 3, 4)).toList()).isEqualTo(List.of(1, 2, 3, 4));
        // list(islice(tabulate(lambda x: 2*x), 4)); list(islice(tabulate(lambda x: x*x, 3), 3))
        assertThat(Itertools.take(4, Itertools.tabulate(x -> 2 * x))).isEqualTo(List.of(0L, 2L, 4L, 6L));
        assertThat(Itertools.take(3, Itertools.tabulate(x -> x * x, 3))).isEqualTo(List.of(9L, 16L, 25L));
        // list(repeatfunc(pow, 5, 2, 3)) == [8, 8, 8, 8, 8]
        assertThat(Itertools.repeatfunc(() -> (int) Math.pow(2, 3), 5).toList()).isEqualTo(List.of(8, 8, 8, 8, 8));
        assertThat(Itertools.repeatfunc(() -> 1, -1).toList()).isEmpty();
        assertThat(Itertools.take(3, Itertools.repeatfunc(() -> "x"))).isEqualTo(chars("xxx"));
        // list(flatten([[1, 2, 3], [4, 5, 6]]))
        assertThat(Itertools.flatten(List.of(List.of(1, 2, 3), List.of(4, 5, 6))).toList())
                .isEqualTo(List.of(1, 2, 3, 4, 5, 6));
        // list(loops(3)) == [None, None, None]; list(loops(-1)) == []
        assertThat(Itertools.loops(3).toList()).isEqualTo(Arrays.asList(null, null, null));
        assertThat(Itertools.loops(-1).toList()).isEmpty();
    }

    @Test
    void ncyclesReadsItsInputAtTheCall() {
        // list(ncycles('abc', 3)); list(ncycles('ab', 0)); list(ncycles('ab', -1))
        assertThat(join(Itertools.ncycles(chars("abc"), 3))).isEqualTo("abcabcabc");
        assertThat(Itertools.ncycles(chars("ab"), 0).toList()).isEmpty();
        assertThat(Itertools.ncycles(chars("ab"), -1).toList()).isEmpty();
        // input_iterator = iter('abc'); output_iterator = ncycles(input_iterator, 3); list(input_iterator) == []
        Probe<String> p = Probe.chars("abc");
        Itertools.ncycles(p, 3);
        assertThat(p.remaining()).isEmpty();
    }

    @Test
    void tail() {
        // list(tail(3, 'ABCDEFG')); list(tail(0, 'AB')); list(tail(5, 'AB'))
        assertThat(Itertools.tail(3, chars("ABCDEFG")).toList()).isEqualTo(chars("EFG"));
        assertThat(Itertools.tail(0, chars("AB")).toList()).isEmpty();
        assertThat(Itertools.tail(5, chars("AB")).toList()).isEqualTo(chars("AB"));
        assertThat(Itertools.tail(2, Arrays.asList("a", null)).toList()).isEqualTo(Arrays.asList("a", null));
        // input_iterator = iter('ABCDEFG'); output_iterator = tail(3, input_iterator); list(input_iterator) == []
        Probe<String> p = Probe.chars("ABCDEFG");
        Itertools.tail(3, p);
        assertThat(p.remaining()).isEmpty();
        assertThatThrownBy(() -> Itertools.tail(-1, chars("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consume() {
        // it = iter(range(10)); consume(it, 3); next(it) == 3; consume(it); next(it, 'Done') == 'Done'
        Generator<Integer> it = Generator.from(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Itertools.consume(it, 3);
        assertThat(it.next()).isEqualTo(3);
        Itertools.consume(it);
        assertThat(it.next(-1)).isEqualTo(-1);
        assertThatThrownBy(() -> Itertools.consume(chars("a"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nth() {
        // nth('abcde', 3) == 'd'; nth('abcde', 9) is None; nth('abcde', 9, 'z') == 'z'
        assertThat(Itertools.nth(chars("abcde"), 3)).isEqualTo("d");
        assertThat(Itertools.nth(chars("abcde"), 9)).isNull();
        assertThat(Itertools.nth(chars("abcde"), 9, "z")).isEqualTo("z");
        // it = iter('abcde'); nth(it, 2) == 'c'; list(it) == ['d', 'e']
        Generator<String> it = Generator.from(chars("abcde"));
        assertThat(Itertools.nth(it, 2)).isEqualTo("c");
        assertThat(it.toList()).isEqualTo(chars("de"));
        assertThatThrownBy(() -> Itertools.nth(chars("a"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quantifyAndFirstTrue() {
        // quantify([True, False, False, True, True]) == 3; quantify(range(99), lambda x: x%2==0) == 50
        assertThat(Itertools.quantify(List.of(true, false, false, true, true))).isEqualTo(3);
        List<Integer> range99 = Generator.from(new java.util.Iterator<Integer>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 99;
            }

            @Override
            public Integer next() {
                return i++;
            }
        }).toList();
        assertThat(Itertools.quantify(range99, x -> x % 2 == 0)).isEqualTo(50);
        // first_true([0, 1, 2, 3], None, lambda x: x > 1) == 2; first_true([0, 1], 'x', lambda x: x > 5) == 'x'
        assertThat(Itertools.firstTrue(List.of(0, 1, 2, 3), null, x -> x > 1)).isEqualTo(2);
        assertThat(Itertools.<Object>firstTrue(List.of(0, 1), "x", x -> (Integer) x > 5)).isEqualTo("x");
        Generator<Integer> it = Generator.from(List.of(0, 1, 2, 3));
        Itertools.firstTrue(it, null, x -> x > 0);
        assertThat(it.toList()).isEqualTo(List.of(2, 3));
    }

    @Test
    void allEqual() {
        // [all_equal(s) for s in ('', 'A', 'AAAA', 'AAAB', 'AAABA')] == [True, True, True, False, False]
        assertThat(List.of("", "A", "AAAA", "AAAB", "AAABA").stream().map(s -> Itertools.allEqual(chars(s))))
                .containsExactly(true, true, true, false, false);
        // [all_equal(s, key=str.casefold) for s in ('', 'A', 'AaAa', 'AAAB', 'AAABA')]
        assertThat(List.of("", "A", "AaAa", "AAAB", "AAABA").stream()
                .map(s -> Itertools.allEqual(chars(s), String::toLowerCase)))
                .containsExactly(true, true, true, false, false);
        // it = iter('aaabbbccc'); all_equal(it) is False; ''.join(it) == 'bbccc'
        Generator<String> it = Generator.from(chars("aaabbbccc"));
        assertThat(Itertools.allEqual(it)).isFalse();
        assertThat(join(it)).isEqualTo("bbccc");
    }

    @Test
    void uniqueRecipes() {
        // ''.join(unique_justseen('AAAABBBCCDAABBB')) == 'ABCDAB'
        assertThat(join(Itertools.uniqueJustseen(chars("AAAABBBCCDAABBB")))).isEqualTo("ABCDAB");
        // ''.join(unique_justseen('ABBcCAD', str.casefold)) == 'ABcAD'
        assertThat(join(Itertools.uniqueJustseen(chars("ABBcCAD"), String::toLowerCase))).isEqualTo("ABcAD");
        // ''.join(unique_everseen('AAAABBBCCDAABBB')) == 'ABCD'
        assertThat(join(Itertools.uniqueEverseen(chars("AAAABBBCCDAABBB")))).isEqualTo("ABCD");
        // ''.join(unique_everseen('ABBcCAD', str.casefold)) == 'ABcD'
        assertThat(join(Itertools.uniqueEverseen(chars("ABBcCAD"), String::toLowerCase))).isEqualTo("ABcD");
        assertThat(Itertools.uniqueEverseen(Arrays.asList(null, "a", null)).toList()).isEqualTo(Arrays.asList(null, "a"));
        // list(unique([3, 1, 2, 3, 1])) == [1, 2, 3]
        assertThat(Itertools.unique(List.of(3, 1, 2, 3, 1)).toList()).isEqualTo(List.of(1, 2, 3));
        // list(unique(['b', 'A', 'a', 'B'], key=str.casefold)) == ['A', 'b']
        assertThat(Itertools.unique(List.of("b", "A", "a", "B"), Comparator.comparing(String::toLowerCase)).toList())
                .isEqualTo(List.of("A", "b"));
        // list(unique([3, 1, 2, 3, 1], reverse=True)) == [3, 2, 1]
        assertThat(Itertools.unique(List.of(3, 1, 2, 3, 1), Comparator.<Integer>naturalOrder().reversed()).toList())
                .isEqualTo(List.of(3, 2, 1));
    }

    @Test
    void uniqueJustseenIsLazy() {
        Probe<String> p = Probe.chars("AABBC");
        Generator<String> g = Itertools.uniqueJustseen(p);
        assertThat(p.pulls).isZero();
        assertThat(g.next()).isEqualTo("A");
        assertThat(p.pulls).isEqualTo(1);
        assertThat(g.next()).isEqualTo("B");
        assertThat(p.pulls).isEqualTo(3);
    }

    @Test
    void slidingWindowAndTriplewise() {
        // list(sliding_window('ABCDEFG', 4)); list(sliding_window('AB', 3)); list(sliding_window('ABC', 1))
        assertThat(Itertools.slidingWindow(chars("ABCDEFG"), 4).toList())
                .isEqualTo(tuples("ABCD", "BCDE", "CDEF", "DEFG"));
        assertThat(Itertools.slidingWindow(chars("AB"), 3).toList()).isEmpty();
        assertThat(Itertools.slidingWindow(chars("ABC"), 1).toList()).isEqualTo(tuples("A", "B", "C"));
        // list(triplewise('ABCDEFG'))
        assertThat(Itertools.triplewise(chars("ABCDEFG")).toList()).isEqualTo(tuples("ABC", "BCD", "CDE", "DEF", "EFG"));
        Probe<String> p = Probe.chars("ABCDE");
        Generator<List<String>> g = Itertools.slidingWindow(p, 3);
        g.next();
        assertThat(p.pulls).isEqualTo(3);
        g.next();
        assertThat(p.pulls).isEqualTo(4);
        assertThatThrownBy(() -> Itertools.slidingWindow(chars("a"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be at least one but was: 0");
    }

    @Test
    void grouper() {
        // list(grouper('ABCDEFG', 3, fillvalue='x'))
        assertThat(Itertools.grouper(chars("ABCDEFG"), 3, "x").toList()).isEqualTo(tuples("ABC", "DEF", "Gxx"));
        // list(grouper('ABCDEFG', 3, incomplete='ignore'))
        assertThat(Itertools.grouper(chars("ABCDEFG"), 3, Itertools.Incomplete.IGNORE, null).toList())
                .isEqualTo(tuples("ABC", "DEF"));
        // list(grouper('ABCDEF', 3, incomplete='strict'))
        assertThat(Itertools.grouper(chars("ABCDEF"), 3, Itertools.Incomplete.STRICT, null).toList())
                .isEqualTo(tuples("ABC", "DEF"));
        // list(grouper('AB', 0)) == []
        assertThat(Itertools.grouper(chars("AB"), 0, null).toList()).isEmpty();
        // grouper('ABCDEFG', 3, incomplete='strict') → ABC DEF, then ValueError: zip() argument 2 is shorter than argument 1
        Generator<List<String>> strict = Itertools.grouper(chars("ABCDEFG"), 3, Itertools.Incomplete.STRICT, null);
        assertThat(strict.next()).isEqualTo(chars("ABC"));
        assertThat(strict.next()).isEqualTo(chars("DEF"));
        assertThatThrownBy(strict::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip() argument 2 is shorter than argument 1");
        // grouper('ABCDEFGH', 3, incomplete='strict') → ... ValueError: zip() argument 3 is shorter than arguments 1-2
        Generator<List<String>> strict2 = Itertools.grouper(chars("ABCDEFGH"), 3, Itertools.Incomplete.STRICT, null);
        strict2.next();
        strict2.next();
        assertThatThrownBy(strict2::next).hasMessage("zip() argument 3 is shorter than arguments 1-2");
        // fill mode with Python's default fill value None
        assertThat(Itertools.grouper(chars("AB"), 3, null).toList()).isEqualTo(List.of(Arrays.asList("A", "B", null)));
    }

    @Test
    void roundrobin() {
        // list(roundrobin('ABC', 'D', 'EF')) == ['A', 'D', 'E', 'B', 'F', 'C']
        assertThat(join(Itertools.roundrobin(chars("ABC"), chars("D"), chars("EF")))).isEqualTo("ADEBFC");
        assertThat(Itertools.<String>roundrobin().toList()).isEmpty();
    }

    @Test
    void partition() {
        // f, t = partition(lambda x: x % 2 == 1, range(10)) → [0, 2, 4, 6, 8] and [1, 3, 5, 7, 9]
        List<Integer> range = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        List<Generator<Integer>> parts = Itertools.partition(x -> x % 2 == 1, range);
        assertThat(parts.get(0).toList()).isEqualTo(List.of(0, 2, 4, 6, 8));
        assertThat(parts.get(1).toList()).isEqualTo(List.of(1, 3, 5, 7, 9));
    }

    @Test
    void partitionIsLazyAndCallsThePredicateOncePerElementPerSide() {
        Probe<Integer> p = Probe.range(10);
        List<Integer> calls = new ArrayList<>();
        Predicate<Integer> odd = x -> {
            calls.add(x);
            return x % 2 == 1;
        };
        List<Generator<Integer>> parts = Itertools.partition(odd, p);
        assertThat(p.pulls).isZero();
        assertThat(parts.get(1).next()).isEqualTo(1);
        assertThat(p.pulls).isEqualTo(2);
        assertThat(parts.get(0).next()).isEqualTo(0);
        assertThat(p.pulls).isEqualTo(2);
        assertThat(calls).isEqualTo(List.of(0, 1, 0));
    }

    @Test
    void subslices() {
        // [''.join(s) for s in subslices('ABCD')]
        assertThat(Itertools.subslices(chars("ABCD")).toList().stream().map(ItertoolsRecipesTest::join))
                .containsExactly("A", "AB", "ABC", "ABCD", "B", "BC", "BCD", "C", "CD", "D");
        assertThat(Itertools.subslices(List.of()).toList()).isEmpty();
    }

    @Test
    void iterIndex() {
        // list(iter_index('AABCADEAF', 'A')) == [0, 1, 4, 7]
        assertThat(Itertools.iterIndex(chars("AABCADEAF"), "A").toList()).isEqualTo(List.of(0L, 1L, 4L, 7L));
        // list(iter_index('AABCADEAF', 'A', 1, 7)) == [1, 4]; (.., 'A', 2) == [4, 7]; (.., 'A', 10) == []
        assertThat(Itertools.iterIndex(chars("AABCADEAF"), "A", 1, 7).toList()).isEqualTo(List.of(1L, 4L));
        assertThat(Itertools.iterIndex(chars("AABCADEAF"), "A", 2).toList()).isEqualTo(List.of(4L, 7L));
        assertThat(Itertools.iterIndex(chars("AABCADEAF"), "A", 10).toList()).isEmpty();
        // x = float('NaN'); list(iter_index([0, x, x, y, 0], x)) == [1, 2]  (identity counts)
        Double x = Double.NaN;
        assertThat(Itertools.iterIndex(Arrays.asList(0.0, x, x, Double.valueOf(Double.NaN), 0.0), x).toList())
                .contains(1L, 2L);
        // input_iterator = iter('AABCADEAF'); output = iter_index(input_iterator, 'A'); next x3 → 0 1 4;
        // ''.join(input_iterator) == 'DEAF'
        Generator<String> in = Generator.from(chars("AABCADEAF"));
        Generator<Long> out = Itertools.iterIndex(in, "A");
        assertThat(List.of(out.next(), out.next(), out.next())).isEqualTo(List.of(0L, 1L, 4L));
        assertThat(join(in)).isEqualTo("DEAF");
        assertThatThrownBy(() -> Itertools.iterIndex(chars("A"), "A", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("start cannot be negative but was: -1");
    }

    @Test
    void iterExcept() {
        ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(1, 2, 3));
        assertThat(Itertools.iterExcept(stack::pop, NoSuchElementException.class).toList())
                .isEqualTo(List.of(1, 2, 3));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(1, 2));
        assertThat(Itertools.iterExcept(queue::pop, NoSuchElementException.class, () -> 0).toList())
                .isEqualTo(List.of(0, 1, 2));
        Generator<Object> failing = Itertools.iterExcept(() -> {
            throw new java.io.IOException("boom");
        }, NoSuchElementException.class);
        assertThatThrownBy(failing::next).isInstanceOf(java.io.IOException.class).hasMessage("boom");
    }

    @Test
    void powerset() {
        // list(powerset([1, 2, 3]))
        assertThat(Itertools.powerset(List.of(1, 2, 3)).toList()).isEqualTo(List.of(List.of(), List.of(1), List.of(2),
                List.of(3), List.of(1, 2), List.of(1, 3), List.of(2, 3), List.of(1, 2, 3)));
        assertThat(Itertools.powerset(List.of()).toList()).isEqualTo(List.of(List.of()));
        Probe<Integer> p = Probe.of(1, 2);
        Itertools.powerset(p);
        assertThat(p.remaining()).isEmpty();
    }

    @Test
    void matrixRecipes() {
        // sum_of_squares([10, 20, 30]) == 1400; math.sumprod([1, 2], [3, 4]) == 11
        assertThat(Itertools.sumOfSquares(List.of(10, 20, 30))).isEqualTo(1400.0);
        assertThat(Itertools.sumprod(List.of(1, 2), List.of(3, 4))).isEqualTo(11.0);
        assertThatThrownBy(() -> Itertools.sumprod(List.of(1, 2), List.of(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Inputs are not the same length");
        // list(reshape([(0, 1), (2, 3), (4, 5)], 3)) == [(0, 1, 2), (3, 4, 5)]
        assertThat(Itertools.reshape(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5)), 3).toList())
                .isEqualTo(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));
        // list(reshape(M, 5)) → ValueError: batched(): incomplete batch
        List<List<Integer>> m = List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9, 10, 11));
        Generator<List<Integer>> r5 = Itertools.reshape(m, 5);
        r5.next();
        r5.next();
        assertThatThrownBy(r5::next).hasMessage("batched(): incomplete batch");
        assertThatThrownBy(() -> Itertools.reshape(m, 0)).isInstanceOf(IllegalArgumentException.class);
        // list(transpose([(1, 2, 3), (11, 22, 33)])) == [(1, 11), (2, 22), (3, 33)]
        assertThat(Itertools.transpose(List.of(List.of(1, 2, 3), List.of(11, 22, 33))).toList())
                .isEqualTo(List.of(List.of(1, 11), List.of(2, 22), List.of(3, 33)));
        // list(transpose([(1, 2), (3,)])) → (1, 3), then ValueError: zip() argument 2 is shorter than argument 1
        Generator<List<Integer>> t = Itertools.transpose(List.of(List.of(1, 2), List.of(3)));
        assertThat(t.next()).isEqualTo(List.of(1, 3));
        assertThatThrownBy(t::next).hasMessage("zip() argument 2 is shorter than argument 1");
        // list(transpose([(1,), (3, 4)])) → (1, 3), then ValueError: zip() argument 2 is longer than argument 1
        Generator<List<Integer>> t2 = Itertools.transpose(List.of(List.of(1), List.of(3, 4)));
        t2.next();
        assertThatThrownBy(t2::next).hasMessage("zip() argument 2 is longer than argument 1");
        // list(matmul([(7, 5), (3, 5)], [[2, 5], [7, 9]])) == [(49, 80), (41, 60)]
        assertThat(Itertools.matmul(List.of(List.of(7, 5), List.of(3, 5)), List.of(List.of(2, 5), List.of(7, 9)))
                .toList()).isEqualTo(List.of(List.of(49.0, 80.0), List.of(41.0, 60.0)));
        // list(matmul([[2, 5], [7, 9], [3, 4]], [[7, 11, 5, 4, 9], [3, 5, 2, 6, 3]]))
        assertThat(Itertools.matmul(List.of(List.of(2, 5), List.of(7, 9), List.of(3, 4)),
                List.of(List.of(7, 11, 5, 4, 9), List.of(3, 5, 2, 6, 3))).toList()).isEqualTo(List.of(
                        List.of(29.0, 47.0, 20.0, 38.0, 33.0), List.of(76.0, 122.0, 53.0, 82.0, 90.0),
                        List.of(33.0, 53.0, 23.0, 36.0, 39.0)));
    }

    @Test
    void convolve() {
        // list(convolve([1, -1, -20], [1, -3])) == [1, -4, -17, 60]
        assertThat(Itertools.convolve(List.of(1, -1, -20), List.of(1, -3)).toList())
                .isEqualTo(List.of(1.0, -4.0, -17.0, 60.0));
        List<Integer> data = List.of(20, 40, 24, 32, 20, 28, 16);
        // list(convolve(data, [0.25, 0.25, 0.25, 0.25]))
        assertThat(Itertools.convolve(data, List.of(0.25, 0.25, 0.25, 0.25)).toList())
                .isEqualTo(List.of(5.0, 15.0, 21.0, 29.0, 29.0, 26.0, 24.0, 16.0, 11.0, 4.0));
        // list(convolve(data, [1, -2, 1]))
        assertThat(Itertools.convolve(data, List.of(1, -2, 1)).toList())
                .isEqualTo(List.of(20.0, 0.0, -36.0, 24.0, -20.0, 20.0, -20.0, -4.0, 16.0));
        // signal_iterator = iter([10, 20, 30, 40, 50]); kernel_iterator = iter([1, 2, 3]);
        // output_iterator = convolve(signal_iterator, kernel_iterator); list(kernel_iterator) == [];
        // next(output_iterator) == 10; next(output_iterator) == 40; list(signal_iterator) == [30, 40, 50]
        Probe<Integer> signal = Probe.of(10, 20, 30, 40, 50);
        Probe<Integer> kernel = Probe.of(1, 2, 3);
        Generator<Double> out = Itertools.convolve(signal, kernel);
        assertThat(kernel.remaining()).isEmpty();
        assertThat(out.next()).isEqualTo(10.0);
        assertThat(out.next()).isEqualTo(40.0);
        assertThat(signal.remaining()).isEqualTo(List.of(30, 40, 50));
        assertThatThrownBy(() -> Itertools.convolve(List.of(1), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void polynomials() {
        // polynomial_from_roots([5, -4, 3]) == [1, -4, -17, 60]
        assertThat(Itertools.polynomialFromRoots(List.of(5, -4, 3))).isEqualTo(List.of(1L, -4L, -17L, 60L));
        // polynomial_eval([1, -4, -17, 60], x=5) == 0; (.., x=2.5) == 8.125; polynomial_eval([], 2.5) == 0.0
        assertThat(Itertools.polynomialEval(List.of(1, -4, -17, 60), 5)).isEqualTo(0.0);
        assertThat(Itertools.polynomialEval(List.of(1, -4, -17, 60), 2.5)).isEqualTo(8.125);
        assertThat(Itertools.polynomialEval(List.of(), 2.5)).isEqualTo(0.0);
        // polynomial_derivative([1, -4, -17, 60]) == [3, -8, -17]
        assertThat(Itertools.polynomialDerivative(List.of(1, -4, -17, 60))).isEqualTo(List.of(3L, -8L, -17L));
    }

    @Test
    void primes() {
        // list(sieve(30)); len(list(sieve(1000))) == 168; list(sieve(3)) == [2]; list(sieve(2)) == []
        assertThat(Itertools.sieve(30).toList()).isEqualTo(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29));
        assertThat(Itertools.sieve(1000).count()).isEqualTo(168);
        assertThat(Itertools.sieve(3).toList()).isEqualTo(List.of(2));
        assertThat(Itertools.sieve(2).toList()).isEmpty();
        assertThat(Itertools.sieve(0).toList()).isEmpty();
        // list(factor(99)); list(factor(1_000_000_000_000_007)); list(factor(1)); list(factor(0));
        // list(factor(2**10*3)); list(factor(97))
        assertThat(Itertools.factor(99).toList()).isEqualTo(List.of(3L, 3L, 11L));
        assertThat(Itertools.factor(1_000_000_000_000_007L).toList()).isEqualTo(List.of(47L, 59L, 360620266859L));
        assertThat(Itertools.factor(1).toList()).isEmpty();
        assertThat(Itertools.factor(0).toList()).isEmpty();
        assertThat(Itertools.factor(3072).toList()).isEqualTo(List.of(2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 3L));
        assertThat(Itertools.factor(97).toList()).isEqualTo(List.of(97L));
        // is_prime(1_000_000_007), is_prime(1), is_prime(2), is_prime(91) == True, False, True, False
        assertThat(Itertools.isPrime(1_000_000_007L)).isTrue();
        assertThat(Itertools.isPrime(1)).isFalse();
        assertThat(Itertools.isPrime(2)).isTrue();
        assertThat(Itertools.isPrime(91)).isFalse();
        assertThat(Itertools.isPrime(-7)).isFalse();
        // totient(12), totient(1), totient(0), totient(97), totient(2**10*3*5) == 4, 1, 0, 96, 4096
        assertThat(List.of(Itertools.totient(12), Itertools.totient(1), Itertools.totient(0), Itertools.totient(97),
                Itertools.totient(15360))).isEqualTo(List.of(4L, 1L, 0L, 96L, 4096L));
        assertThatThrownBy(() -> Itertools.factor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void padNone() {
        // list(islice(pad_none('ab'), 4)) == ['a', 'b', None, None]
        assertThat(Itertools.take(4, Itertools.padNone(chars("ab")))).isEqualTo(Arrays.asList("a", "b", null, null));
    }

    @Test
    void beforeAndAfter() {
        Predicate<String> upper = s -> s.equals(s.toUpperCase());
        // b, a = before_and_after(str.isupper, 'ABCdEfGhI'); list(b), list(a)
        List<Generator<String>> ba = Itertools.beforeAndAfter(upper, chars("ABCdEfGhI"));
        assertThat(join(ba.get(0))).isEqualTo("ABC");
        assertThat(join(ba.get(1))).isEqualTo("dEfGhI");
        // the remainder read first: list(a) == list('ABCdEfGhI'), then list(b) == []
        ba = Itertools.beforeAndAfter(upper, chars("ABCdEfGhI"));
        assertThat(join(ba.get(1))).isEqualTo("ABCdEfGhI");
        assertThat(ba.get(0).toList()).isEmpty();
        // next(b) == 'A'; list(a) == list('BCdEfGhI'); list(b) == []
        ba = Itertools.beforeAndAfter(upper, chars("ABCdEfGhI"));
        assertThat(ba.get(0).next()).isEqualTo("A");
        assertThat(join(ba.get(1))).isEqualTo("BCdEfGhI");
        assertThat(ba.get(0).toList()).isEmpty();
    }

    @Test
    void beforeAndAfterClosesTheSourceWhenBothAreClosed() {
        Generator<String> source = Generator.from(chars("ABc").iterator());
        List<Generator<String>> ba = Itertools.beforeAndAfter(s -> true, source);
        ba.get(0).next();
        ba.get(0).close();
        assertThat(source.state()).isEqualTo(Generator.State.SUSPENDED);
        ba.get(1).close();
        assertThat(source.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Itertools.take(1, null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.partition(null, List.of())).hasMessage("predicate");
        assertThatThrownBy(() -> Itertools.uniqueEverseen(List.of(), (Function<Object, Object>) null)).hasMessage("key");
        assertThatThrownBy(() -> Itertools.roundrobin(List.of(1), null)).hasMessage("iterables[1]");
        assertThatThrownBy(() -> Itertools.grouper(List.of(1), 2, null, null)).hasMessage("incomplete");
    }

    @Test
    void hugeSizesNeitherWrapNorAllocateAhead() {
        // CPython 3.11, the documentation's recipes:
        // >>> list(islice(ncycles([1, 2, 3, 4], 2**62 + 1), 10))
        // [1, 2, 3, 4, 1, 2, 3, 4, 1, 2]
        // >>> list(sliding_window([1, 2, 3], 2**31 - 1))
        // []
        assertThat(Itertools.ncycles(List.of(1, 2, 3, 4), (1L << 62) + 1).take(10).toList())
                .containsExactly(1, 2, 3, 4, 1, 2, 3, 4, 1, 2);
        assertThat(Itertools.ncycles(List.of(1, 2, 3, 4), 1L << 62).take(5).toList()).containsExactly(1, 2, 3, 4, 1);
        assertThat(Itertools.slidingWindow(List.of(1, 2, 3), Integer.MAX_VALUE).toList()).isEmpty();
        assertThat(Generator.from(List.of(1, 2, 3)).windowed(Integer.MAX_VALUE).toList()).isEmpty();
        assertThat(Generator.from(List.of(1, 2, 3, 4, 5)).windowed(3).toList())
                .isEqualTo(List.of(List.of(1, 2, 3), List.of(2, 3, 4), List.of(3, 4, 5)));
        // product's index array cannot be longer than the JVM's largest array: refused before any input is read
        Probe<Integer> p = Probe.range(3);
        assertThatThrownBy(() -> Itertools.product(Integer.MAX_VALUE, p)).isInstanceOf(ArithmeticException.class)
                .hasMessage("repeat argument too large");
        assertThat(p.pulls).isZero();
    }

    @Test
    void polynomialFromRootsRefusesRootsThatAreNotIntegers() {
        // >>> polynomial_from_roots([1.5])     (the documentation's recipe, CPython 3.11)
        // [1.0, -1.5]
        // jyield computes in exact longs: a root that is not an integer is refused, not cut to 1.
        assertThatThrownBy(() -> Itertools.polynomialFromRoots(List.of(1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("roots must be integers within the range of long but one was: 1.5");
        assertThat(Itertools.polynomialFromRoots(List.of(2.0, 3))).containsExactly(1L, -5L, 6L);
    }

    @Test
    void argumentErrorsNameItertoolsOwnParameters() {
        List<Integer> l = List.of(1);
        assertThatThrownBy(() -> Itertools.cycle(null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.accumulate(null, Integer::sum)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.accumulate(l, null)).hasMessage("func");
        assertThatThrownBy(() -> Itertools.batched(null, 2)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.compress(null, List.of(true))).hasMessage("data");
        assertThatThrownBy(() -> Itertools.dropWhile(null, l)).hasMessage("predicate");
        assertThatThrownBy(() -> Itertools.takeWhile(x -> true, null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.filterFalse(null, l)).hasMessage("predicate");
        assertThatThrownBy(() -> Itertools.pairwise(null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.chain(l, null)).hasMessage("iterables[1]");
        assertThatThrownBy(() -> Itertools.reshape(List.of(l), 0)).hasMessage("cols must be at least one but was: 0");
    }
}
