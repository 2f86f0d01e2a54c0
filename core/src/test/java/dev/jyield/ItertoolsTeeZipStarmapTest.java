package dev.jyield;

import static dev.jyield.ItertoolsTesting.chars;
import static dev.jyield.ItertoolsTesting.tuples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section C of Itertools: tee, zipLongest, starmap, chainFromIterable. */
class ItertoolsTeeZipStarmapTest {

    // ------------------------------------------------------------------------------------------------- tee

    @Test
    void copiesAdvanceIndependently() {
        List<Generator<String>> t = Itertools.tee(chars("ABC"), 3);
        assertThat(t).hasSize(3);
        assertThat(t.get(0).next()).isEqualTo("A");
        assertThat(t.get(1).toList()).isEqualTo(chars("ABC"));
        assertThat(t.get(0).toList()).isEqualTo(chars("BC"));
        assertThat(t.get(2).toList()).isEqualTo(chars("ABC"));
        assertThat(Itertools.tee(chars("ab")).get(1).toList()).isEqualTo(chars("ab"));
    }

    @Test
    void sourceIsPulledOnlyAsFarAsTheLeadingCopy() {
        // it = iter('ABCDEFGH'); a, b, c = tee(it, 3); next(a) x3; next(b) == 'A'; list(it) == ['D', ..., 'H']
        Probe<String> p = Probe.chars("ABCDEFGH");
        List<Generator<String>> t = Itertools.tee(p, 3);
        assertThat(p.pulls).isZero();
        t.get(0).next();
        t.get(0).next();
        t.get(0).next();
        assertThat(p.pulls).isEqualTo(3);
        assertThat(t.get(1).next()).isEqualTo("A");
        assertThat(p.pulls).isEqualTo(3);
        assertThat(p.remaining()).isEqualTo(chars("DEFGH"));
    }

    @Test
    void itemsTakenBehindTheTeesBackAreNeverSeen() {
        // it = iter('ABCDE'); a, b = tee(it); next(a) == 'A'; next(it) == 'B'; list(a) == list('CDE');
        // list(b) == list('ACDE')   (DESIGN §6.10)
        Generator<String> it = Generator.from(chars("ABCDE"));
        List<Generator<String>> t = Itertools.tee(it, 2);
        assertThat(t.get(0).next()).isEqualTo("A");
        assertThat(it.next()).isEqualTo("B");
        assertThat(t.get(0).toList()).isEqualTo(chars("CDE"));
        assertThat(t.get(1).toList()).isEqualTo(chars("ACDE"));
    }

    @Test
    void teeZeroIsEmptyAndNegativeFails() {
        // tee('ab', 0) == ()
        assertThat(Itertools.tee(chars("ab"), 0)).isEmpty();
        // tee('a', -1): ValueError
        assertThatThrownBy(() -> Itertools.tee(chars("a"), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n cannot be negative but was: -1");
        assertThatThrownBy(() -> Itertools.tee(null, 2)).isInstanceOf(NullPointerException.class)
                .hasMessage("iterable");
    }

    @Test
    void closingTheLastCopyClosesTheSource() {
        Generator<String> source = Generator.from(chars("ABC").iterator());
        List<Generator<String>> t = Itertools.tee(source, 2);
        t.get(0).next();
        t.get(0).close();
        t.get(0).close(); // idempotent: still one copy open
        assertThat(source.state()).isEqualTo(Generator.State.SUSPENDED);
        assertThat(t.get(1).toList()).isEqualTo(chars("ABC"));
        assertThat(source.state()).isEqualTo(Generator.State.CLOSED);
        t.get(1).close();
    }

    @Test
    void reachingTheEndDoesNotCloseTheSourceButClosingDoes() {
        Generator<Integer> body = Generator.of(y -> {
            y.yield(1);
            y.yield(2);
        });
        List<Generator<Integer>> t = Itertools.tee(body, 2);
        assertThat(t.get(0).next()).isEqualTo(1);
        t.get(0).close();
        t.get(1).next();
        assertThat(body.state()).isEqualTo(Generator.State.SUSPENDED);
        t.get(1).close();
        assertThat(body.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void theBufferHoldsOnlyWhatTheSlowestCopyHasNotSeen() throws InterruptedException {
        List<WeakReference<Object>> refs = new ArrayList<>();
        Generator<Object> objects = Generator.from(new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                Object o = new Object();
                refs.add(new WeakReference<>(o));
                return o;
            }
        });
        List<Generator<Object>> t = Itertools.tee(objects, 2);
        for (int i = 0; i < 100; i++) {
            t.get(0).next();
        }
        for (int i = 0; i < 50; i++) {
            t.get(1).next();
        }
        for (int attempt = 0; attempt < 50 && refs.get(10).get() != null; attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(refs.get(10).get()).as("an item both copies have passed is collected").isNull();
        assertThat(refs.get(60).get()).as("an item the slow copy has not seen is kept").isNotNull();
        assertThat(t.get(1).next()).isSameAs(refs.get(50).get());
    }

    // ------------------------------------------------------------------------------------------ zipLongest

    @Test
    void zipLongest() {
        // list(zip_longest('ABCD', 'xy', fillvalue='-'))
        assertThat(Itertools.zipLongest("-", chars("ABCD"), chars("xy")).toList())
                .isEqualTo(tuples("Ax", "By", "C-", "D-"));
        // list(zip_longest('AB', 'xyz', '1')) == [('A', 'x', '1'), ('B', 'y', None), (None, 'z', None)]
        assertThat(Itertools.zipLongest(null, chars("AB"), chars("xyz"), chars("1")).toList()).isEqualTo(List.of(
                List.of("A", "x", "1"), Arrays.asList("B", "y", null), Arrays.asList(null, "z", null)));
        // list(zip_longest()) == []
        assertThat(Itertools.<String>zipLongest("-").toList()).isEmpty();
    }

    @Test
    void zipLongestNeverPullsAnExhaustedInputAgain() {
        Probe<String> a = Probe.chars("AB");
        Probe<String> b = Probe.chars("xyz");
        Generator<List<String>> z = Itertools.zipLongest(null, a, b);
        assertThat(a.pulls + b.pulls).isZero();
        assertThat(z.toList()).hasSize(3);
        assertThat(a.pulls).isEqualTo(2);
        assertThat(b.pulls).isEqualTo(3);
        assertThatThrownBy(() -> Itertools.zipLongest("-", chars("a"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("iterables[1]");
    }

    // --------------------------------------------------------------------------------------------- starmap

    @Test
    void starmap() {
        // list(starmap(pow, [(2, 5), (3, 2), (10, 3)])) == [32, 9, 1000]
        List<List<Integer>> args = List.of(List.of(2, 5), List.of(3, 2), List.of(10, 3));
        assertThat(Itertools.starmap((Integer a, Integer b) -> (int) Math.pow(a, b), args).toList())
                .isEqualTo(List.of(32, 9, 1000));
        assertThat(Itertools.starmap((List<Integer> xs) -> xs.stream().mapToInt(i -> i).sum(),
                List.of(List.of(1, 2, 3), List.of(), List.of(4))).toList()).isEqualTo(List.of(6, 0, 4));
    }

    @Test
    void starmapWithTheWrongArityFailsAtThatElement() {
        Generator<Integer> g = Itertools.starmap((Integer a, Integer b) -> a + b, List.of(List.of(1, 2), List.of(1)));
        assertThat(g.next()).isEqualTo(3);
        assertThatThrownBy(g::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2-element tuples but got 1 elements");
        assertThatThrownBy(() -> Itertools.starmap((Integer a, Integer b) -> a + b, null))
                .isInstanceOf(NullPointerException.class).hasMessage("iterable");
    }

    // --------------------------------------------------------------------------------- chainFromIterable

    @Test
    void chainFromIterable() {
        // list(chain.from_iterable(['ABC', '', 'DEF']))
        assertThat(Itertools.chainFromIterable(List.of(chars("ABC"), List.<String>of(), chars("DEF"))).toList())
                .isEqualTo(chars("ABCDEF"));
    }

    @Test
    void chainFromIterableReadsTheOuterIterableLazily() {
        Probe<List<String>> outer = Probe.of(chars("AB"), chars("C"), chars("D"));
        Generator<String> g = Itertools.chainFromIterable(outer);
        assertThat(outer.pulls).isZero();
        assertThat(g.next()).isEqualTo("A");
        assertThat(g.next()).isEqualTo("B");
        assertThat(outer.pulls).isEqualTo(1);
        assertThat(g.next()).isEqualTo("C");
        assertThat(outer.pulls).isEqualTo(2);
        // an infinite outer iterable is fine
        Generator<List<Integer>> infinite = Generator.from(new java.util.Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public List<Integer> next() {
                return List.of(i++);
            }
        });
        Generator<Integer> flat = Itertools.chainFromIterable(infinite);
        assertThat(List.of(flat.next(), flat.next(), flat.next())).isEqualTo(List.of(0, 1, 2));
    }

    @Test
    void closingChainFromIterableClosesTheOuterAndTheCurrentInner() {
        Generator<String> inner = Generator.from(chars("AB").iterator());
        Generator<Generator<String>> outer = Generator.from(List.of(inner).iterator());
        Generator<String> g = Itertools.chainFromIterable(outer);
        g.next();
        g.close();
        assertThat(inner.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(outer.state()).isEqualTo(Generator.State.CLOSED);
    }
}
