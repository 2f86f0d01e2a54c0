package dev.jyield;

import static dev.jyield.ItertoolsTesting.chars;
import static dev.jyield.ItertoolsTesting.tuples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Section C of Itertools: product, permutations, combinations, combinationsWithReplacement, which read their inputs
 * at the call as CPython's do.
 */
class ItertoolsCombinatoricsTest {

    // ---------------------------------------------------------------------------------------- conformance

    @Test
    void product() {
        // list(product('AB', 'xy'))
        assertThat(Itertools.product(chars("AB"), chars("xy")).toList()).isEqualTo(tuples("Ax", "Ay", "Bx", "By"));
        // list(product([0, 1], repeat=2))
        assertThat(Itertools.product(2, List.of(0, 1)).toList())
                .isEqualTo(List.of(List.of(0, 0), List.of(0, 1), List.of(1, 0), List.of(1, 1)));
        // list(product('ab', [1, 2], repeat=2))[:6]
        assertThat(Itertools.<Object>product(2, chars("ab"), List.of(1, 2)).toList().subList(0, 6)).isEqualTo(List.of(
                List.of("a", 1, "a", 1), List.of("a", 1, "a", 2), List.of("a", 1, "b", 1), List.of("a", 1, "b", 2),
                List.of("a", 2, "a", 1), List.of("a", 2, "a", 2)));
    }

    @Test
    void productEdgeCases() {
        // list(product()) == [()]  (DESIGN §6.13)
        assertThat(Itertools.product().toList()).isEqualTo(List.of(List.of()));
        // list(product('ab', [])) == []
        assertThat(Itertools.<Object>product(chars("ab"), List.of()).toList()).isEmpty();
        // list(product('ab', repeat=0)) == [()]
        assertThat(Itertools.product(0, chars("ab")).toList()).isEqualTo(List.of(List.of()));
    }

    @Test
    void permutations() {
        // list(permutations('ABC', 2))
        assertThat(Itertools.permutations(chars("ABC"), 2).toList())
                .isEqualTo(tuples("AB", "AC", "BA", "BC", "CA", "CB"));
        // list(permutations([1, 2, 3]))
        assertThat(Itertools.permutations(List.of(1, 2, 3)).toList()).isEqualTo(List.of(
                List.of(1, 2, 3), List.of(1, 3, 2), List.of(2, 1, 3), List.of(2, 3, 1), List.of(3, 1, 2),
                List.of(3, 2, 1)));
        // list(permutations([], 0)) == [()]; list(permutations('ab', 3)) == []; list(permutations('ab', 0)) == [()]
        assertThat(Itertools.permutations(List.of(), 0).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.permutations(List.of()).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.permutations(chars("ab"), 3).toList()).isEmpty();
        assertThat(Itertools.permutations(chars("ab"), 0).toList()).isEqualTo(List.of(List.of()));
        // list(permutations('AA')): elements are distinct by position
        assertThat(Itertools.permutations(chars("AA")).toList()).isEqualTo(tuples("AA", "AA"));
    }

    @Test
    void combinations() {
        // list(combinations('ABCD', 2))
        assertThat(Itertools.combinations(chars("ABCD"), 2).toList())
                .isEqualTo(tuples("AB", "AC", "AD", "BC", "BD", "CD"));
        // list(combinations(range(4), 3))
        assertThat(Itertools.combinations(List.of(0, 1, 2, 3), 3).toList()).isEqualTo(
                List.of(List.of(0, 1, 2), List.of(0, 1, 3), List.of(0, 2, 3), List.of(1, 2, 3)));
        // list(combinations([], 0)) == [()]  (DESIGN §6.13); list(combinations('ab', 3)) == []
        assertThat(Itertools.combinations(List.of(), 0).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.combinations(chars("ab"), 3).toList()).isEmpty();
    }

    @Test
    void combinationsWithReplacement() {
        // list(combinations_with_replacement('ABC', 2))
        assertThat(Itertools.combinationsWithReplacement(chars("ABC"), 2).toList())
                .isEqualTo(tuples("AA", "AB", "AC", "BB", "BC", "CC"));
        // list(combinations_with_replacement([], 0)) == [()]; ([], 1) == []; ('a', 3) == [('a', 'a', 'a')]
        assertThat(Itertools.combinationsWithReplacement(List.of(), 0).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.combinationsWithReplacement(List.of(), 1).toList()).isEmpty();
        assertThat(Itertools.combinationsWithReplacement(chars("a"), 3).toList()).isEqualTo(tuples("aaa"));
    }

    @Test
    void tuplesAreImmutableAndMayHoldNull() {
        List<List<String>> result = Itertools.combinations(Arrays.asList("a", null), 1).toList();
        assertThat(result).isEqualTo(List.of(List.of("a"), Arrays.asList((String) null)));
        assertThatThrownBy(() -> result.get(0).set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------------------------------- reading at the call
    // The Python sessions below use:
    //   def raiser():                 def half():                  def gen():
    //       raise RuntimeError("boom")    yield 1                      try:
    //       yield 1                       raise KeyError("half")           yield 1
    //                                                                      yield 2
    //                                                                  finally:
    //                                                                      print("finally")

    private static final RuntimeException BOOM = new RuntimeException("boom");

    /** Python's {@code raiser()}: a generator whose first step raises. */
    private static Generator<Integer> raiser() {
        return Generator.of(y -> {
            throw BOOM;
        });
    }

    /** Python's {@code gen()}: yields 1 and 2, logging its {@code finally}. */
    private static Generator<Integer> gen(List<String> log) {
        return Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                log.add("finally");
            }
        });
    }

    @Test
    void productReadsItsInputsAtTheCall() {
        // >>> it = iter([1, 2]); p = product(it); list(it)
        // []
        // >>> list(p)
        // [(1,), (2,)]
        Probe<Integer> it = Probe.of(1, 2);
        Generator<List<Integer>> p = Itertools.product(it);
        assertThat(it.remaining()).isEmpty();
        assertThat(p.toList()).isEqualTo(List.of(List.of(1), List.of(2)));
        // >>> it = iter([1, 2]); list(product(it, repeat=2))
        // [(1, 1), (1, 2), (2, 1), (2, 2)]
        assertThat(Itertools.product(2, Probe.of(1, 2)).toList())
                .isEqualTo(List.of(List.of(1, 1), List.of(1, 2), List.of(2, 1), List.of(2, 2)));
        // >>> it = iter([1, 2]); product(it, [], repeat=3); list(it)
        // <itertools.product object at 0x...>
        // []
        Probe<Integer> first = Probe.of(1, 2);
        assertThat(Itertools.<Object>product(3, first, List.of()).toList()).isEmpty();
        assertThat(first.remaining()).isEmpty();
    }

    @Test
    void productWithRepeatZeroReadsNothing() {
        // >>> it = iter([1, 2]); list(product(it, repeat=0)), list(it)
        // ([()], [1, 2])
        Probe<Integer> it = Probe.of(1, 2);
        assertThat(Itertools.product(0, it).toList()).isEqualTo(List.of(List.of()));
        assertThat(it.iterators).isZero();
        assertThat(it.remaining()).containsExactly(1, 2);
        // >>> list(product(raiser(), repeat=0))
        // [()]
        // >>> it = iter([1, 2]); product(raiser(), it, repeat=0)
        // <itertools.product object at 0x...>
        // >>> list(it)
        // [1, 2]
        Generator<Integer> raiser = raiser();
        Probe<Integer> other = Probe.of(1, 2);
        assertThat(Itertools.product(0, raiser, other).toList()).isEqualTo(List.of(List.of()));
        assertThat(raiser.state()).isEqualTo(Generator.State.CREATED);
        assertThat(other.remaining()).containsExactly(1, 2);
        // >>> g = gen(); p = product(g, repeat=0); inspect.getgeneratorstate(g), list(p)
        // ('GEN_CREATED', [()])
        // >>> next(g)
        // 1
        List<String> log = new ArrayList<>();
        Generator<Integer> g = gen(log);
        Generator<List<Integer>> p = Itertools.product(0, g);
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(p.toList()).isEqualTo(List.of(List.of()));
        assertThat(g.next()).isEqualTo(1);
        assertThat(log).isEmpty();
    }

    @Test
    void productRaisesAnInputsErrorAtTheCallAndLeavesTheLaterInputsUnread() {
        // >>> it = iter([1, 2]); product(iter([7, 8]), half(), it)
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        //   File "<stdin>", line 3, in half
        // KeyError: 'half'
        // >>> list(it)
        // [1, 2]
        RuntimeException keyError = new RuntimeException("half");
        Probe<Integer> before = Probe.of(7, 8);
        Generator<Integer> half = Generator.of(y -> {
            y.yield(1);
            throw keyError;
        });
        Probe<Integer> after = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.product(before, half, after)).isSameAs(keyError);
        assertThat(before.remaining()).isEmpty();
        assertThat(half.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(after.iterators).isZero();
        // >>> product(raiser())
        // Traceback (most recent call last):
        //   ...
        // RuntimeError: boom
        assertThatThrownBy(() -> Itertools.product(raiser())).isSameAs(BOOM);
    }

    @Test
    void productChecksRepeatBeforeItReadsAnything() {
        // >>> it = iter([1, 2]); product(it, repeat=-1)
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        // ValueError: repeat argument cannot be negative
        // >>> list(it)
        // [1, 2]
        // >>> product(raiser(), repeat=-1)
        // ... ValueError: repeat argument cannot be negative
        Probe<Integer> it = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.product(-1, it)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repeat must be non-negative but was: -1");
        assertThat(it.iterators).isZero();
        Generator<Integer> raiser = raiser();
        assertThatThrownBy(() -> Itertools.product(-1, raiser)).isInstanceOf(IllegalArgumentException.class);
        assertThat(raiser.state()).isEqualTo(Generator.State.CREATED);
        // >>> list(product([1, 2], repeat=sys.maxsize))
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        // OverflowError: repeat argument too large
        // >>> list(product(repeat=sys.maxsize))
        // [()]
        // (Java's limit is the size of an int array: 2 inputs repeated Integer.MAX_VALUE times.)
        Probe<Integer> big = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.product(Integer.MAX_VALUE, big, big))
                .isInstanceOf(ArithmeticException.class).hasMessage("repeat argument too large");
        assertThat(big.iterators).isZero();
        assertThat(Itertools.product(Integer.MAX_VALUE).toList()).isEqualTo(List.of(List.of()));
    }

    @Test
    void permutationsAndCombinationsReadTheirInputAtTheCall() {
        // >>> it = iter([1, 2]); combinations_with_replacement(it, 0); list(it)
        // <itertools.combinations_with_replacement object at 0x...>
        // []
        Probe<Integer> cwr = Probe.of(1, 2);
        Generator<List<Integer>> g = Itertools.combinationsWithReplacement(cwr, 0);
        assertThat(cwr.remaining()).isEmpty();
        assertThat(g.toList()).isEqualTo(List.of(List.of()));
        Probe<Integer> c = Probe.of(1, 2);
        Itertools.combinations(c, 0);
        assertThat(c.remaining()).isEmpty();
        Probe<Integer> p = Probe.of(1, 2);
        Itertools.permutations(p, 0);
        assertThat(p.remaining()).isEmpty();
        Probe<Integer> all = Probe.of(1, 2);
        Itertools.permutations(all);
        assertThat(all.remaining()).isEmpty();
    }

    @Test
    void aNegativeRConsumesTheInputThenFails() {
        // >>> it = iter([1, 2]); combinations(it, -1)
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        // ValueError: r must be non-negative
        // >>> list(it)
        // []
        // (the same for permutations(it, -1) and combinations_with_replacement(it, -1))
        Probe<Integer> c = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.combinations(c, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r must be non-negative but was: -1");
        assertThat(c.remaining()).isEmpty();
        Probe<Integer> p = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.permutations(p, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r must be non-negative but was: -1");
        assertThat(p.remaining()).isEmpty();
        Probe<Integer> cwr = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.combinationsWithReplacement(cwr, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("r must be non-negative but was: -1");
        assertThat(cwr.remaining()).isEmpty();
    }

    @Test
    void anInputsErrorWinsOverABadR() {
        // >>> combinations(raiser(), -1)
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        //   File "<stdin>", line 2, in raiser
        // RuntimeError: boom
        // (the same for permutations(raiser(), -1), combinations_with_replacement(raiser(), -1),
        //  permutations(raiser()) and combinations(raiser(), 2))
        assertThatThrownBy(() -> Itertools.combinations(raiser(), -1)).isSameAs(BOOM);
        assertThatThrownBy(() -> Itertools.permutations(raiser(), -1)).isSameAs(BOOM);
        assertThatThrownBy(() -> Itertools.combinationsWithReplacement(raiser(), -1)).isSameAs(BOOM);
        assertThatThrownBy(() -> Itertools.permutations(raiser())).isSameAs(BOOM);
        assertThatThrownBy(() -> Itertools.combinations(raiser(), 2)).isSameAs(BOOM);
        // >>> h = half(); combinations(h, -1)
        // ... KeyError: 'half'
        // >>> inspect.getgeneratorstate(h)
        // 'GEN_CLOSED'
        RuntimeException keyError = new RuntimeException("half");
        Generator<Integer> h = Generator.of(y -> {
            y.yield(1);
            throw keyError;
        });
        assertThatThrownBy(() -> Itertools.combinations(h, -1)).isSameAs(keyError);
        assertThat(h.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void anROverTheLengthStillConsumesTheInput() {
        // >>> it = iter([1, 2]); list(combinations(it, 3)), list(it)
        // ([], [])
        // >>> it = iter([1, 2]); list(permutations(it, 3)), list(it)
        // ([], [])
        // >>> it = iter([1, 2]); list(combinations_with_replacement(it, 3)), list(it)
        // ([(1, 1, 1), (1, 1, 2), (1, 2, 2), (2, 2, 2)], [])
        Probe<Integer> c = Probe.of(1, 2);
        assertThat(Itertools.combinations(c, 3).toList()).isEmpty();
        assertThat(c.remaining()).isEmpty();
        Probe<Integer> p = Probe.of(1, 2);
        assertThat(Itertools.permutations(p, 3).toList()).isEmpty();
        assertThat(p.remaining()).isEmpty();
        Probe<Integer> cwr = Probe.of(1, 2);
        assertThat(Itertools.combinationsWithReplacement(cwr, 3).toList()).isEqualTo(List.of(
                List.of(1, 1, 1), List.of(1, 1, 2), List.of(1, 2, 2), List.of(2, 2, 2)));
        assertThat(cwr.remaining()).isEmpty();
    }

    @Test
    void emptyInputs() {
        // >>> list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2))
        // ([()], [])
        assertThat(Itertools.combinationsWithReplacement(List.of(), 0).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.combinationsWithReplacement(List.of(), 2).toList()).isEmpty();
        // >>> list(permutations([])), list(permutations([], 1))
        // ([()], [])
        assertThat(Itertools.permutations(List.of()).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.permutations(List.of(), 1).toList()).isEmpty();
        // >>> list(combinations([], 1))
        // []
        assertThat(Itertools.combinations(List.of(), 1).toList()).isEmpty();
        // >>> list(product([], repeat=0)), list(product([1], [], repeat=1))
        // ([()], [])
        assertThat(Itertools.product(0, List.of()).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.<Object>product(1, List.of(1), List.of()).toList()).isEmpty();
    }

    @Test
    void aGeneratorInputIsExhaustedByTheCall() {
        // >>> g = gen(); c = combinations(g, 1); inspect.getgeneratorstate(g)
        // finally
        // 'GEN_CLOSED'
        // >>> list(c)
        // [(1,), (2,)]
        // >>> next(g, 'end')
        // 'end'
        // >>> g.close(); inspect.getgeneratorstate(g)
        // 'GEN_CLOSED'
        List<String> log = new ArrayList<>();
        Generator<Integer> g = gen(log);
        Generator<List<Integer>> c = Itertools.combinations(g, 1);
        assertThat(log).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(c.toList()).isEqualTo(List.of(List.of(1), List.of(2)));
        assertThat(g.hasNext()).isFalse();
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
        g.close();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(log).containsExactly("finally");
    }

    @Test
    void aStartedGeneratorInputGivesWhatItHasLeft() {
        // >>> g = gen(); next(g)
        // 1
        // >>> p = permutations(g); inspect.getgeneratorstate(g), list(p)
        // finally
        // ('GEN_CLOSED', [(2,)])
        List<String> log = new ArrayList<>();
        Generator<Integer> g = gen(log);
        assertThat(g.next()).isEqualTo(1);
        Generator<List<Integer>> p = Itertools.permutations(g);
        assertThat(log).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(p.toList()).isEqualTo(List.of(List.of(2)));
    }

    @Test
    void aClosedGeneratorInputIsEmpty() {
        // >>> g = gen(); g.close(); list(combinations(g, 0)), list(combinations(g, 1))
        // ([()], [])
        List<String> log = new ArrayList<>();
        Generator<Integer> g = gen(log);
        g.close();
        assertThat(Itertools.combinations(g, 0).toList()).isEqualTo(List.of(List.of()));
        assertThat(Itertools.combinations(g, 1).toList()).isEmpty();
        assertThat(log).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#pull")
    void aBodyThatPassesItsOwnGeneratorGetsAlreadyExecuting(Engine engine) {
        // >>> def selfref():
        // ...     yield list(combinations(s, 1))
        // >>> s = selfref(); next(s)
        // Traceback (most recent call last):
        //   File "<stdin>", line 1, in <module>
        //   File "<stdin>", line 2, in selfref
        // ValueError: generator already executing
        AtomicReference<Generator<Object>> self = new AtomicReference<>();
        Generator<Object> s = Generator.of(y -> y.yield(Itertools.combinations(self.get(), 1).toList()), engine);
        self.set(s);
        assertThatThrownBy(s::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("generator already executing");
    }

    @Test
    void closeClosesTheInputsThatRepeatZeroLeftUnread() {
        // Java's resource idiom (Python's itertools objects have no close): closing the product closes an input
        // it never read; reaching its end does not. An input read at the call is CLOSED already.
        Generator<String> unread = Generator.from(chars("ABC").iterator());
        Generator<List<String>> g = Itertools.product(0, unread);
        assertThat(g.next()).isEmpty();
        assertThat(g.hasNext()).isFalse();
        assertThat(unread.state()).isEqualTo(Generator.State.CREATED);
        g.close();
        assertThat(unread.state()).isEqualTo(Generator.State.CLOSED);
        Generator<String> read = Generator.from(chars("AB").iterator());
        Itertools.combinations(read, 1);
        assertThat(read.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void theBufferedElementsAreReleasedAtTheEnd() throws InterruptedException {
        // Memory: the pools live while the output is produced, not as long as the generator object.
        List<WeakReference<Object>> refs = new ArrayList<>();
        Generator<Object> input = Generator.of(y -> {
            for (int i = 0; i < 2; i++) {
                Object element = new Object();
                refs.add(new WeakReference<>(element));
                y.yield(element);
            }
        });
        Generator<List<Object>> g = Itertools.product(input);
        assertThat(g.next()).containsExactly(refs.get(0).get());
        assertThat(refs.get(0).get()).as("held by the pool").isNotNull();
        assertThat(g.next()).containsExactly(refs.get(1).get());
        assertThat(g.hasNext()).isFalse();
        for (int i = 0; i < 100 && refs.get(0).get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(refs.get(0).get()).isNull();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED); // g itself is still reachable here
    }

    // ---------------------------------------------------------------------------------------- bad arguments

    @Test
    void negativeRFailsAtTheCall() {
        assertThatThrownBy(() -> Itertools.combinations(List.of(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("r must be non-negative but was: -1");
        assertThatThrownBy(() -> Itertools.combinationsWithReplacement(List.of(1), -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("r must be non-negative but was: -2");
        assertThatThrownBy(() -> Itertools.permutations(List.of(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("r must be non-negative but was: -1");
        assertThatThrownBy(() -> Itertools.product(-1, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("repeat must be non-negative but was: -1");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Itertools.combinations(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.permutations(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("iterable");
        assertThatThrownBy(() -> Itertools.product(List.of(1), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("iterables[1]");
        // A null is a bad argument, checked before any input is read; Python instead reads in argument order:
        // >>> it = iter([1, 2]); product(it, None)
        // TypeError: 'NoneType' object is not iterable
        // >>> list(it)
        // []
        Probe<Integer> it = Probe.of(1, 2);
        assertThatThrownBy(() -> Itertools.product(it, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("iterables[1]");
        assertThat(it.iterators).isZero();
    }

    // ---------------------------------------------------------------------------------------- properties

    @Property(tries = 200)
    void permutationsMatchANaiveReference(@ForAll @Size(max = 6) List<Integer> pool, @ForAll @IntRange(max = 7) int r) {
        List<List<Integer>> expected = new ArrayList<>();
        naivePermutations(pool, r, new ArrayList<>(), new boolean[pool.size()], expected);
        List<List<Integer>> actual = Itertools.permutations(pool, r).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).hasSize((int) (r > pool.size() ? 0 : factorial(pool.size()) / factorial(pool.size() - r)));
    }

    @Property(tries = 200)
    void combinationsMatchANaiveReference(@ForAll @Size(max = 8) List<Integer> pool, @ForAll @IntRange(max = 9) int r) {
        List<List<Integer>> expected = new ArrayList<>();
        naiveCombinations(pool, r, 0, false, new ArrayList<>(), expected);
        List<List<Integer>> actual = Itertools.combinations(pool, r).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).hasSize((int) binomial(pool.size(), r));
    }

    @Property(tries = 200)
    void combinationsWithReplacementMatchANaiveReference(
            @ForAll @Size(max = 6) List<Integer> pool, @ForAll @IntRange(max = 5) int r) {
        List<List<Integer>> expected = new ArrayList<>();
        naiveCombinations(pool, r, 0, true, new ArrayList<>(), expected);
        List<List<Integer>> actual = Itertools.combinationsWithReplacement(pool, r).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).hasSize(pool.isEmpty() ? (r == 0 ? 1 : 0) : (int) binomial(pool.size() + r - 1, r));
    }

    @Property(tries = 200)
    void productMatchesNestedLoops(
            @ForAll @Size(max = 3) List<@Size(max = 4) List<Integer>> pools, @ForAll @IntRange(max = 2) int repeat) {
        List<List<Integer>> all = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            all.addAll(pools);
        }
        List<List<Integer>> expected = new ArrayList<>();
        naiveProduct(all, 0, new ArrayList<>(), expected);
        @SuppressWarnings("unchecked")
        List<Integer>[] array = pools.toArray(new List[0]);
        List<List<Integer>> actual = Itertools.product(repeat, array).toList();
        assertThat(actual).isEqualTo(expected);
        long size = 1;
        for (List<Integer> p : all) {
            size *= p.size();
        }
        assertThat(actual).hasSize((int) size);
    }

    private static void naivePermutations(
            List<Integer> pool, int r, List<Integer> prefix, boolean[] used, List<List<Integer>> out) {
        if (prefix.size() == r) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(pool.get(i));
                naivePermutations(pool, r, prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }

    private static void naiveCombinations(
            List<Integer> pool, int r, int from, boolean replacement, List<Integer> prefix, List<List<Integer>> out) {
        if (prefix.size() == r) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            prefix.add(pool.get(i));
            naiveCombinations(pool, r, replacement ? i : i + 1, replacement, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static void naiveProduct(List<List<Integer>> pools, int k, List<Integer> prefix, List<List<Integer>> out) {
        if (k == pools.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (Integer x : pools.get(k)) {
            prefix.add(x);
            naiveProduct(pools, k + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static long binomial(int n, int k) {
        if (k > n) {
            return 0;
        }
        long b = 1;
        for (int i = 0; i < k; i++) {
            b = b * (n - i) / (i + 1);
        }
        return b;
    }
}
