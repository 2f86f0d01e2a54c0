package dev.jyield;

import static dev.jyield.ItertoolsTesting.chars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Section M of Itertools: the favourites of more-itertools. Expected values come from more-itertools under
 * CPython; the Python call is quoted above each assertion.
 */
class ItertoolsMoreTest {

    private static final List<Integer> RANGE10 = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    // -------------------------------------------------------------------------------------------- peekable

    @Test
    void peekable() {
        Probe<String> p = Probe.chars("abc");
        Peekable<String> it = Itertools.peekable(p);
        assertThat(p.pulls).isZero();
        assertThat(it.peek()).isEqualTo("a");
        assertThat(it.peek()).isEqualTo("a");
        assertThat(p.pulls).isEqualTo(1);
        assertThat(it.next()).isEqualTo("a");
        assertThat(it.hasNext()).isTrue();
        assertThat(p.pulls).isEqualTo(2);
        it.prepend("x", "y");
        assertThat(p.pulls).isEqualTo(2);
        assertThat(it.next()).isEqualTo("x");
        assertThat(it.next()).isEqualTo("y");
        assertThat(it.next()).isEqualTo("b");
        assertThat(it.next("z")).isEqualTo("c");
        assertThat(it.peek("default")).isEqualTo("default");
        assertThat(it.next("z")).isEqualTo("z");
        assertThatThrownBy(it::peek).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void peekableHoldsNullAndIsItsOwnIterator() {
        Peekable<String> it = Itertools.peekable(Arrays.asList(null, "b"));
        assertThat(it.peek("d")).isNull();
        assertThat(it.iterator()).isSameAs(it);
        for (String s : it) {
            assertThat(s).isNull();
            break;
        }
        assertThat(it.peek()).isEqualTo("b");
    }

    @Test
    void peekableGeneratorSharesTheCursorAndCloseClosesTheSource() {
        Generator<Integer> source = Generator.from(List.of(1, 2, 3).iterator());
        Peekable<Integer> it = Itertools.peekable(source);
        assertThat(it.peek()).isEqualTo(1);
        Generator<Integer> rest = it.generator();
        assertThat(rest.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        assertThat(rest.toList()).isEqualTo(List.of(3));
        Generator<Integer> source2 = Generator.from(List.of(1, 2).iterator());
        Peekable<Integer> it2 = Itertools.peekable(source2);
        it2.next();
        it2.close();
        assertThat(source2.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ------------------------------------------------------------------------------------ chunked, windowed

    @Test
    void chunked() {
        // list(chunked([1, 2, 3, 4, 5, 6, 7], 3)) == [[1, 2, 3], [4, 5, 6], [7]]; list(chunked([], 3)) == []
        assertThat(Itertools.chunked(List.of(1, 2, 3, 4, 5, 6, 7), 3).toList())
                .isEqualTo(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)));
        assertThat(Itertools.chunked(List.of(), 3).toList()).isEmpty();
        // list(chunked([1, 2], 0)) == []
        assertThat(Itertools.chunked(List.of(1, 2), 0).toList()).isEmpty();
        // list(chunked([1, 2, 3, 4], 3, strict=True)) → [1, 2, 3], then ValueError: iterable is not divisible by n.
        Generator<List<Integer>> strict = Itertools.chunked(List.of(1, 2, 3, 4), 3, true);
        assertThat(strict.next()).isEqualTo(List.of(1, 2, 3));
        assertThatThrownBy(strict::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iterable is not divisible by n.");
        assertThatThrownBy(() -> Itertools.chunked(List.of(1), -1)).isInstanceOf(IllegalArgumentException.class);
        Probe<Integer> p = Probe.range(10);
        Itertools.chunked(p, 4).next();
        assertThat(p.pulls).isEqualTo(4);
    }

    @Test
    void windowed() {
        // list(windowed([1, 2, 3, 4, 5], 3)) == [(1, 2, 3), (2, 3, 4), (3, 4, 5)]
        assertThat(Itertools.windowed(List.of(1, 2, 3, 4, 5), 3).toList())
                .isEqualTo(List.of(List.of(1, 2, 3), List.of(2, 3, 4), List.of(3, 4, 5)));
        // list(windowed([1, 2, 3], 4)) == [(1, 2, 3, None)]
        assertThat(Itertools.windowed(List.of(1, 2, 3), 4).toList()).isEqualTo(List.of(Arrays.asList(1, 2, 3, null)));
        // list(windowed([1, 2, 3, 4, 5, 6], 3, fillvalue='!', step=2)) == [(1, 2, 3), (3, 4, 5), (5, 6, '!')]
        assertThat(Itertools.<Object>windowed(List.of(1, 2, 3, 4, 5, 6), 3, "!", 2).toList())
                .isEqualTo(List.of(List.of(1, 2, 3), List.of(3, 4, 5), List.of(5, 6, "!")));
        // list(windowed([1, 2, 3, 4, 5, 6, 7], 3, step=3)) == [(1, 2, 3), (4, 5, 6), (7, None, None)]
        assertThat(Itertools.windowed(List.of(1, 2, 3, 4, 5, 6, 7), 3, null, 3).toList()).isEqualTo(
                List.of(List.of(1, 2, 3), List.of(4, 5, 6), Arrays.asList(7, null, null)));
        // list(windowed([1, 2, 3, 4, 5], 2, step=3)) == [(1, 2), (4, 5)]
        assertThat(Itertools.windowed(List.of(1, 2, 3, 4, 5), 2, null, 3).toList())
                .isEqualTo(List.of(List.of(1, 2), List.of(4, 5)));
        // list(windowed([], 2)) == [] (more-itertools 10); list(windowed([1, 2], 0)) == [()]
        assertThat(Itertools.windowed(List.of(), 2).toList()).isEmpty();
        assertThat(Itertools.windowed(List.of(1, 2), 0).toList()).isEqualTo(List.of(List.of()));
        assertThatThrownBy(() -> Itertools.windowed(List.of(1), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Itertools.windowed(List.of(1), 2, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step must be >= 1 but was: 0");
    }

    @Test
    void windowedPullsNThenStep() {
        Probe<Integer> p = Probe.range(10);
        Generator<List<Integer>> w = Itertools.windowed(p, 3, null, 2);
        w.next();
        assertThat(p.pulls).isEqualTo(3);
        w.next();
        assertThat(p.pulls).isEqualTo(5);
    }

    // ------------------------------------------------------------------------------- interleave, intersperse

    @Test
    void interleave() {
        // list(interleave([1, 2, 3], [4, 5], [6, 7, 8])) == [1, 4, 6, 2, 5, 7]
        assertThat(Itertools.interleave(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7, 8)).toList())
                .isEqualTo(List.of(1, 4, 6, 2, 5, 7));
        // list(interleave_longest([1, 2, 3], [4, 5], [6, 7, 8])) == [1, 4, 6, 2, 5, 7, 3, 8]
        assertThat(Itertools.interleaveLongest(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7, 8)).toList())
                .isEqualTo(List.of(1, 4, 6, 2, 5, 7, 3, 8));
        assertThat(Itertools.interleaveLongest(Arrays.asList(1, null), List.of(3)).toList())
                .isEqualTo(Arrays.asList(1, 3, null));
        assertThat(Itertools.<Integer>interleave().toList()).isEmpty();
        // zip pulls a whole round: the first input has given up its 3 when the second runs out
        Probe<Integer> a = Probe.of(1, 2, 3, 4);
        Itertools.interleave(a, List.of(5, 6)).toList();
        assertThat(a.remaining()).isEqualTo(List.of(4));
    }

    @Test
    void intersperse() {
        // list(intersperse('!', [1, 2, 3, 4, 5])) == [1, '!', 2, '!', 3, '!', 4, '!', 5]
        assertThat(Itertools.<Object>intersperse("!", List.of(1, 2, 3, 4, 5)).toList())
                .isEqualTo(List.of(1, "!", 2, "!", 3, "!", 4, "!", 5));
        // list(intersperse(None, [1, 2, 3, 4, 5], n=2)) == [1, 2, None, 3, 4, None, 5]
        assertThat(Itertools.intersperse(null, List.of(1, 2, 3, 4, 5), 2).toList())
                .isEqualTo(Arrays.asList(1, 2, null, 3, 4, null, 5));
        // list(intersperse('x', [])) == []; list(intersperse('x', [1])) == [1]
        assertThat(Itertools.intersperse("x", List.of()).toList()).isEmpty();
        assertThat(Itertools.intersperse(0, List.of(1)).toList()).isEqualTo(List.of(1));
        assertThatThrownBy(() -> Itertools.intersperse("x", List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be > 0 but was: 0");
    }

    // --------------------------------------------------------------------------------- first, last, one, ilen

    @Test
    void firstLastOneIlen() {
        // first([0, 1, 2]) == 0; first([], 'd') == 'd'; last([0, 1, 2]) == 2; last([], 'd') == 'd'
        assertThat(Itertools.first(List.of(0, 1, 2))).isEqualTo(0);
        assertThat(Itertools.first(List.of(), "d")).isEqualTo("d");
        assertThat(Itertools.last(List.of(0, 1, 2))).isEqualTo(2);
        assertThat(Itertools.last(Generator.from(List.of(0, 1, 2)))).isEqualTo(2);
        assertThat(Itertools.last(List.of(), "d")).isEqualTo("d");
        // first([]) → ValueError: first() was called on an empty iterable, and no default value was provided.
        assertThatThrownBy(() -> Itertools.first(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first() was called on an empty iterable, and no default value was provided.");
        assertThatThrownBy(() -> Itertools.last(Generator.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("last() was called on an empty iterable, and no default value was provided.");
        // one(['a']) == 'a'
        assertThat(Itertools.one(List.of("a"))).isEqualTo("a");
        // one([]) → ValueError: too few items in iterable (expected 1)
        assertThatThrownBy(() -> Itertools.one(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("too few items in iterable (expected 1)");
        // one(['a', 'b', 'c']) → ValueError: Expected exactly one item in iterable, but got 'a', 'b', and perhaps more.
        Probe<String> p = Probe.chars("abc");
        assertThatThrownBy(() -> Itertools.one(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected exactly one item in iterable, but got a, b, and perhaps more.");
        assertThat(p.pulls).isEqualTo(2);
        // ilen(x for x in range(1000000) if x % 3 == 0) == 333334
        assertThat(Itertools.ilen(Itertools.iterIndex(Itertools.tabulate(x -> x % 3 == 0), true, 0, 1_000_000)))
                .isEqualTo(333334);
        Generator<String> g = Generator.from(chars("ab"));
        assertThat(Itertools.first(g)).isEqualTo("a");
        assertThat(g.toList()).isEqualTo(chars("b"));
    }

    // ------------------------------------------------------------------------------------------------- spy

    @Test
    void spy() {
        // head, it = spy('abcdefg'); head == ['a']; list(it) == list('abcdefg')
        Itertools.Spy<String> s = Itertools.spy(chars("abcdefg"));
        assertThat(s.head()).isEqualTo(chars("a"));
        assertThat(s.all().toList()).isEqualTo(chars("abcdefg"));
        // head, it = spy('abcdefg', 3); head == ['a', 'b', 'c']
        Probe<String> p = Probe.chars("abcdefg");
        Itertools.Spy<String> s3 = Itertools.spy(p, 3);
        assertThat(s3.head()).isEqualTo(chars("abc"));
        assertThat(p.pulls).isEqualTo(3);
        assertThat(s3.all().next()).isEqualTo("a");
        assertThat(p.pulls).isEqualTo(3);
        assertThat(s3.all().toList()).isEqualTo(chars("bcdefg"));
        // head, it = spy('ab', 5); head == ['a', 'b']; list(it) == ['a', 'b']
        Itertools.Spy<String> s5 = Itertools.spy(chars("ab"), 5);
        assertThat(s5.head()).isEqualTo(chars("ab"));
        assertThat(s5.all().toList()).isEqualTo(chars("ab"));
        assertThatThrownBy(() -> Itertools.spy(chars("a"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------- splits

    @Test
    void splitAt() {
        // list(split_at('abcdcba', lambda x: x == 'b')) == [['a'], ['c', 'd', 'c'], ['a']]
        assertThat(Itertools.splitAt(chars("abcdcba"), x -> x.equals("b")).toList())
                .isEqualTo(List.of(chars("a"), chars("cdc"), chars("a")));
        // list(split_at(range(10), lambda n: n % 2 == 1)) == [[0], [2], [4], [6], [8], []]
        assertThat(Itertools.splitAt(RANGE10, n -> n % 2 == 1).toList())
                .isEqualTo(List.of(List.of(0), List.of(2), List.of(4), List.of(6), List.of(8), List.of()));
        // list(split_at(range(10), lambda n: n % 2 == 1, maxsplit=2)) == [[0], [2], [4, 5, 6, 7, 8, 9]]
        assertThat(Itertools.splitAt(RANGE10, n -> n % 2 == 1, 2, false).toList())
                .isEqualTo(List.of(List.of(0), List.of(2), List.of(4, 5, 6, 7, 8, 9)));
        // list(split_at('abcdcba', lambda x: x == 'b', keep_separator=True))
        assertThat(Itertools.splitAt(chars("abcdcba"), x -> x.equals("b"), -1, true).toList())
                .isEqualTo(List.of(chars("a"), chars("b"), chars("cdc"), chars("b"), chars("a")));
        // list(split_at([], lambda x: True)) == [[]]; list(split_at('b', lambda x: x == 'b')) == [[], []]
        assertThat(Itertools.splitAt(List.of(), x -> true).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.splitAt(chars("b"), x -> x.equals("b")).toList()).isEqualTo(List.of(List.of(), List.of()));
        // list(split_at('abc', lambda x: True, maxsplit=0)) == [['a', 'b', 'c']]
        assertThat(Itertools.splitAt(chars("abc"), x -> true, 0, false).toList()).isEqualTo(List.of(chars("abc")));
    }

    @Test
    void splitBeforeAndAfter() {
        // list(split_before('OneTwo', lambda s: s.isupper())) == [['O', 'n', 'e'], ['T', 'w', 'o']]
        assertThat(Itertools.splitBefore(chars("OneTwo"), s -> s.equals(s.toUpperCase())).toList())
                .isEqualTo(List.of(chars("One"), chars("Two")));
        // list(split_before(range(10), lambda n: n % 3 == 0)) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
        assertThat(Itertools.splitBefore(RANGE10, n -> n % 3 == 0).toList()).isEqualTo(
                List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)));
        // list(split_before(range(10), lambda n: n % 3 == 0, maxsplit=2)) == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
        assertThat(Itertools.splitBefore(RANGE10, n -> n % 3 == 0, 2).toList())
                .isEqualTo(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9)));
        // list(split_after('one1two2', lambda s: s.isdigit())) == [['o', 'n', 'e', '1'], ['t', 'w', 'o', '2']]
        assertThat(Itertools.splitAfter(chars("one1two2"), s -> Character.isDigit(s.charAt(0))).toList())
                .isEqualTo(List.of(chars("one1"), chars("two2")));
        // list(split_after(range(10), lambda n: n % 3 == 0)) == [[0], [1, 2, 3], [4, 5, 6], [7, 8, 9]]
        assertThat(Itertools.splitAfter(RANGE10, n -> n % 3 == 0).toList()).isEqualTo(
                List.of(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)));
        // list(split_after(range(10), lambda n: n % 3 == 0, maxsplit=2)) == [[0], [1, 2, 3], [4, 5, 6, 7, 8, 9]]
        assertThat(Itertools.splitAfter(RANGE10, n -> n % 3 == 0, 2).toList())
                .isEqualTo(List.of(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6, 7, 8, 9)));
        // list(split_before([], ...)) == []; list(split_after([], ...)) == []
        assertThat(Itertools.splitBefore(List.of(), x -> true).toList()).isEmpty();
        assertThat(Itertools.splitAfter(List.of(), x -> true).toList()).isEmpty();
        // list(split_after('b', lambda x: x == 'b')) == [['b']]; list(split_before('b', ...)) == [['b']]
        assertThat(Itertools.splitAfter(chars("b"), x -> x.equals("b")).toList()).isEqualTo(List.of(chars("b")));
        assertThat(Itertools.splitBefore(chars("b"), x -> x.equals("b")).toList()).isEqualTo(List.of(chars("b")));
        // list(split_after('ab', lambda x: x == 'b', maxsplit=1)) == [['a', 'b']]   (more-itertools 10; 8.10 gave
        // [['a', 'b'], []], an empty rest list that later versions no longer yield)
        assertThat(Itertools.splitAfter(chars("ab"), x -> x.equals("b"), 1).toList()).isEqualTo(List.of(chars("ab")));
    }

    @Test
    void splitBeforeAsksThePredicateOfEveryItemTheFirstIncluded() {
        // more-itertools 8.10 (split_before tests `pred(item) and buf`, the predicate first):
        // >>> calls = []
        // >>> def pred(x):
        // ...     calls.append(x); return x == 'b'
        // >>> list(mi.split_before('ab', pred)), calls
        // ([['a'], ['b']], ['a', 'b'])
        // >>> list(mi.split_before([0, 1], lambda x: 1 // x))
        // ZeroDivisionError: integer division or modulo by zero
        List<String> calls = new java.util.ArrayList<>();
        assertThat(Itertools.splitBefore(chars("ab"), x -> {
            calls.add(x);
            return x.equals("b");
        }).toList()).isEqualTo(List.of(chars("a"), chars("b")));
        assertThat(calls).containsExactly("a", "b");
        assertThatThrownBy(() -> Itertools.splitBefore(List.of(0, 1), x -> 1 / x == 1).toList())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void splitsAreLazy() {
        Probe<Integer> p = Probe.range(10);
        Generator<List<Integer>> g = Itertools.splitAt(p, n -> n % 3 == 2, 1, false);
        assertThat(g.next()).isEqualTo(List.of(0, 1));
        assertThat(p.pulls).isEqualTo(3);
        assertThat(g.next()).isEqualTo(List.of(3, 4, 5, 6, 7, 8, 9));
    }

    // ------------------------------------------------------------------------------------------- collapse

    @Test
    void collapse() {
        List<Object> nested = List.of(List.of(1), List.of(2, List.of(3)), List.of(List.of(4, List.of(5))));
        // list(collapse([[1], [2, [3]], [[4, [5]]]])) == [1, 2, 3, 4, 5]
        assertThat(Itertools.collapse(nested).toList()).isEqualTo(List.of(1, 2, 3, 4, 5));
        // list(collapse([[1], [2, [3]], [[4, [5]]]], levels=1)) == [1, 2, [3], [4, [5]]]
        assertThat(Itertools.collapse(nested, 1).toList())
                .isEqualTo(List.of(1, 2, List.of(3), List.of(4, List.of(5))));
        // list(collapse(['ab', ('cd', 'ef'), ['gh', 'ij']])) == ['ab', 'cd', 'ef', 'gh', 'ij']
        assertThat(Itertools.collapse(List.of("ab", List.of("cd", "ef"), List.of("gh", "ij"))).toList())
                .isEqualTo(List.of("ab", "cd", "ef", "gh", "ij"));
        // list(collapse([[1, [2]]], levels=0)) == [[1, [2]]]
        assertThat(Itertools.collapse(List.of(List.of(1, List.of(2))), 0).toList())
                .isEqualTo(List.of(List.of(1, List.of(2))));
        assertThat(Itertools.collapse(Arrays.asList(null, List.of())).toList()).isEqualTo(Arrays.asList((Object) null));
        assertThatThrownBy(() -> Itertools.collapse(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Itertools.peekable(null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.splitAt(List.of(), null)).hasMessage("pred");
        assertThatThrownBy(() -> Itertools.one(null)).hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.interleave(List.of(), null)).hasMessage("iterables[1]");
    }

    @Test
    void windowedOfSizeZeroYieldsOneEmptyWindowAndOwnsItsInput() {
        // more-itertools 8.10:
        // >>> list(mi.windowed([1, 2], 0, step=0))
        // [()]
        // (it never reads the input; closing the result here closes the input, as for any derived generator)
        assertThat(Itertools.windowed(List.of(1, 2), 0, null, 0).toList()).isEqualTo(List.of(List.of()));
        Generator<Integer> input = Generator.of(y -> y.yield(1));
        Generator<List<Integer>> w = Itertools.windowed(input, 0, null, 1);
        assertThat(w.next()).isEmpty();
        assertThat(input.state()).isEqualTo(Generator.State.CREATED);
        w.close();
        assertThat(input.state()).isEqualTo(Generator.State.CLOSED);
    }
}
