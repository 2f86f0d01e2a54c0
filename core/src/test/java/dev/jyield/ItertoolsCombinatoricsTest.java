package dev.jyield;

import static dev.jyield.ItertoolsTesting.chars;
import static dev.jyield.ItertoolsTesting.tuples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Section C of Itertools: product, permutations, combinations, combinationsWithReplacement. */
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
    void productReadsEveryInputAtTheFirstRequestEvenForRepeatZero() {
        Probe<String> a = Probe.chars("ab");
        Probe<String> b = Probe.chars("cd");
        Generator<List<String>> g = Itertools.product(0, a, b);
        assertThat(a.pulls + b.pulls).isZero();
        assertThat(g.next()).isEmpty();
        assertThat(a.remaining()).isEmpty();
        assertThat(b.remaining()).isEmpty();
        assertThat(g.hasNext()).isFalse();
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

    @Test
    void inputsAreBufferedAtTheFirstRequestNotAtTheCall() {
        Probe<String> p = Probe.chars("ABC");
        Generator<List<String>> g = Itertools.permutations(p, 2);
        assertThat(p.iterators).isZero();
        assertThat(g.next()).isEqualTo(chars("AB"));
        assertThat(p.remaining()).isEmpty();
    }

    @Test
    void closeClosesTheInputs() {
        Generator<String> source = Generator.from(chars("ABC").iterator());
        Generator<String> other = Generator.from(chars("xy").iterator());
        Generator<List<String>> g = Itertools.product(source, other);
        g.next();
        g.close();
        assertThat(source.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(other.state()).isEqualTo(Generator.State.CLOSED);
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
