package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No call that reads as one thing and does another: no static method shares a name with an instance method (so
 * {@code g.zip(b, c)} cannot silently ignore {@code g}), n-way functions take a collection of inputs (Python's
 * {@code f(*its)} with no array, raw type or unchecked warning), and {@code yieldFrom} takes an iterator.
 * Expected values from CPython 3.11.
 */
class NoVarargsTrapsTest {

    static Stream<Engine> engines() {
        return Engines.all();
    }

    private static List<Integer> l(Integer... xs) {
        return List.of(xs);
    }

    /** Three fresh generators over [1, 2, 3], [4, 5], [6, 7, 8], as Python's {@code its = [iter(...), ...]}. */
    private static List<Generator<Integer>> its() {
        return List.of(Generator.from(l(1, 2, 3)), Generator.from(l(4, 5)), Generator.from(l(6, 7, 8)));
    }

    // ------------------------------------------------------------------------------- static vs instance names

    @Test
    void noPublicClassHasAStaticMethodNamedLikeOneOfItsInstanceMethods() throws Exception {
        Path classes = Path.of(Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> clashes = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(classes.resolve("dev/jyield"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("dev.jyield." + name.replace('/', '.'), false,
                        Generator.class.getClassLoader());
                if (!isPublic(c)) {
                    continue;
                }
                checked++;
                Set<String> statics = new TreeSet<>();
                Set<String> instance = new TreeSet<>();
                for (Method m : c.getMethods()) {
                    (Modifier.isStatic(m.getModifiers()) ? statics : instance).add(m.getName());
                }
                statics.retainAll(instance);
                if (!statics.isEmpty()) {
                    clashes.add(c.getName() + " " + statics);
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5); // Generator, Itertools, Yielder, Coroutine, Channel, ...
        assertThat(clashes).isEmpty();
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    @Test
    void instanceZipZipsTheReceiver() {
        // >>> list(zip([1, 2, 3], [4, 5, 6]))
        // [(1, 4), (2, 5), (3, 6)]
        Generator<Integer> g = Generator.from(l(1, 2, 3));
        assertThat(g.zip(l(4, 5, 6)).map(p -> List.of(p.first(), p.second())).toList())
                .containsExactly(l(1, 4), l(2, 5), l(3, 6));
    }

    @Test
    void threeWayZipIsItertools() {
        // >>> list(zip([1, 2, 3], [4, 5, 6], [7, 8, 9]))
        // [(1, 4, 7), (2, 5, 8), (3, 6, 9)]
        Generator<Integer> g = Generator.from(l(1, 2, 3));
        assertThat(Itertools.zip(g, l(4, 5, 6), l(7, 8, 9)).toList()).containsExactly(l(1, 4, 7), l(2, 5, 8),
                l(3, 6, 9));
    }

    // ------------------------------------------------------------------------------------ collection overloads

    @Test
    void zipOfACollection() {
        // >>> its = [iter([1, 2, 3]), iter([4, 5]), iter([6, 7, 8])]; list(zip(*its))
        // [(1, 4, 6), (2, 5, 7)]
        assertThat(Itertools.zip(its()).toList()).containsExactly(l(1, 4, 6), l(2, 5, 7));
    }

    @Test
    void zipStrictOfACollection() {
        // >>> its = [iter([1, 2, 3]), iter([4, 5]), iter([6, 7, 8])]; list(zip(*its, strict=True))
        // ValueError: zip() argument 2 is shorter than argument 1
        Generator<List<Integer>> z = Itertools.zipStrict(its());
        assertThat(z.next()).isEqualTo(l(1, 4, 6));
        assertThat(z.next()).isEqualTo(l(2, 5, 7));
        assertThatThrownBy(z::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip() argument 2 is shorter than argument 1");
    }

    @Test
    void chainAndConcatOfACollection() {
        // >>> list(chain(*[[1, 2], [3], [4, 5]]))
        // [1, 2, 3, 4, 5]
        List<List<Integer>> lists = List.of(l(1, 2), l(3), l(4, 5));
        assertThat(Itertools.chain(lists).toList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(Generator.concat(lists).toList()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void productOfACollection() {
        // >>> list(product(*[[1, 2], [3, 4]]))
        // [(1, 3), (1, 4), (2, 3), (2, 4)]
        // >>> list(product(*[[0, 1]], repeat=2))
        // [(0, 0), (0, 1), (1, 0), (1, 1)]
        assertThat(Itertools.product(List.of(l(1, 2), l(3, 4))).toList())
                .containsExactly(l(1, 3), l(1, 4), l(2, 3), l(2, 4));
        assertThat(Itertools.product(2, List.of(l(0, 1))).toList())
                .containsExactly(l(0, 0), l(0, 1), l(1, 0), l(1, 1));
    }

    @Test
    void zipLongestOfACollection() {
        // >>> list(zip_longest(*[[1, 2, 3], [4]], fillvalue=0))
        // [(1, 4), (2, 0), (3, 0)]
        assertThat(Itertools.zipLongest(0, List.of(l(1, 2, 3), l(4))).toList())
                .containsExactly(l(1, 4), l(2, 0), l(3, 0));
    }

    @Test
    void roundrobinOfACollection() {
        // >>> list(roundrobin(*[[1, 2, 3], [4], [5, 6]]))   # the itertools recipe
        // [1, 4, 5, 2, 6, 3]
        assertThat(Itertools.roundrobin(List.of(l(1, 2, 3), l(4), l(5, 6))).toList()).containsExactly(1, 4, 5, 2, 6, 3);
    }

    @Test
    void interleaveOfACollection() {
        // more_itertools.interleave is chain.from_iterable(zip(*iterables)):
        // >>> list(chain.from_iterable(zip(*[[1, 2, 3], [4, 5], [6, 7, 8]])))
        // [1, 4, 6, 2, 5, 7]
        assertThat(Itertools.interleave(its()).toList()).containsExactly(1, 4, 6, 2, 5, 7);
    }

    @Test
    void interleaveLongestOfACollection() {
        // more_itertools.interleave_longest, by its definition:
        // >>> m = object()
        // >>> [x for x in chain.from_iterable(zip_longest(*[[1, 2, 3], [4, 5], [6, 7, 8]], fillvalue=m)) if x is not m]
        // [1, 4, 6, 2, 5, 7, 3, 8]
        assertThat(Itertools.interleaveLongest(its()).toList()).containsExactly(1, 4, 6, 2, 5, 7, 3, 8);
    }

    @Test
    void theCollectionOverloadsCompileWithoutWarnings(@TempDir Path out) throws Exception {
        // -Xlint:all -Werror: no raw types, unchecked conversions or generic-array warnings at the call sites.
        String source = """
                import dev.jyield.Generator;
                import dev.jyield.Itertools;
                import java.util.List;
                class Usage {
                    static List<Generator<Integer>> its() {
                        return List.of(Generator.of(y -> y.yield(1)), Generator.of(y -> y.yield(2)));
                    }
                    void f() {
                        Generator<List<Integer>> a = Itertools.zip(its());
                        Generator<List<Integer>> b = Itertools.zipStrict(its());
                        Generator<Integer> c = Itertools.chain(its());
                        Generator<Integer> d = Generator.concat(its());
                        Generator<List<Integer>> e = Itertools.product(its());
                        Generator<List<Integer>> e2 = Itertools.product(2, its());
                        Generator<List<Integer>> f = Itertools.zipLongest(0, its());
                        Generator<Integer> g = Itertools.interleave(its());
                        Generator<Integer> h = Itertools.interleaveLongest(its());
                        Generator<Integer> i = Itertools.roundrobin(its());
                        System.out.println(List.of(a, b, c, d, e, e2, f, g, h, i));
                    }
                }
                """;
        assertThat(CoroutineTest.compile(source, out)).isEmpty();
    }

    @Test
    void aStaticCallThroughAnInstanceNoLongerCompiles(@TempDir Path out) throws Exception {
        // Before, g.zip(b, c) compiled as the static Generator.zip(b, c) and ignored g.
        String source = """
                import dev.jyield.Generator;
                import java.util.List;
                class Wrong {
                    Object f(Generator<Integer> g) {
                        return g.zip(List.of(4, 5, 6), List.of(7, 8, 9));
                    }
                }
                """;
        assertThat(CoroutineTest.compile(source, out)).hasSize(1);
    }

    // --------------------------------------------------------------------------------- yieldFrom(Iterator)

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromAnIterator(Engine e) {
        // heapq.merge's tail, `yield from it` on an iterator:
        // >>> def merge_tail(first, it):
        // ...     yield first
        // ...     yield from it
        // >>> it = iter([2, 3, 4]); g = merge_tail(1, it); next(g), list(g)
        // (1, [2, 3, 4])
        Iterator<Integer> it = l(2, 3, 4).iterator();
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            y.yieldFrom(it);
        }, e);
        assertThat(g.toList()).containsExactly(1, 2, 3, 4);
        assertThat(it.hasNext()).isFalse();
        if (e == Engine.BYTECODE) {
            assertThat(g.engineName()).isEqualTo("bytecode");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromAnIteratorTakesOnlyWhatIsPulled(Engine e) {
        // >>> it = iter([2, 3, 4]); g = merge_tail(1, it); next(g), next(g), list(it)
        // (1, 2, [3, 4])
        if (e == Engine.PUSH) {
            return; // a pushed body runs to its end
        }
        Iterator<Integer> it = l(2, 3, 4).iterator();
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            y.yieldFrom(it);
        }, e);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.next()).isEqualTo(2);
        g.close();
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertThat(rest).containsExactly(3, 4);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aGeneratorSeenAsAnIteratorIsDelegatedTo(Engine e) {
        // >>> def sub():
        // ...     x = yield 'a'
        // ...     return 'sub got %s' % x
        // >>> def outer(it):
        // ...     r = yield from it
        // ...     yield r
        // >>> o = outer(sub()); next(o), o.send('s')
        // ('a', 'sub got s')
        if (e == Engine.PUSH) {
            return; // send needs a pull engine
        }
        Iterator<String> sub = Generator.ofReturning(y -> "sub got " + y.yield("a"), e);
        Generator<String> outer = Generator.of(y -> {
            Object r = y.yieldFrom(sub);
            y.yield((String) r);
        }, e);
        assertThat(outer.next()).isEqualTo("a");
        assertThat(outer.send("s")).isEqualTo("sub got s");
    }

    @Test
    void overloadResolutionOfYieldFrom(@TempDir Path out) throws Exception {
        // A Generator is both an Iterator and an Iterable: its own overload is chosen, with no cast and no warning.
        String source = """
                import dev.jyield.Generator;
                import dev.jyield.Peekable;
                import java.util.Iterator;
                import java.util.List;
                class Usage {
                    Generator<Integer> f(Generator<Integer> g, Iterator<Integer> it, List<Integer> xs,
                            Peekable<Integer> p) {
                        return Generator.of(y -> {
                            Object r = y.yieldFrom(g);
                            y.yieldFrom(it);
                            y.yieldFrom(xs);
                            y.yieldFrom((Iterator<Integer>) p);
                            y.yieldFrom(Generator.range(2).map(x -> x + 1));
                            System.out.println(r);
                        });
                    }
                }
                """;
        assertThat(CoroutineTest.compile(source, out)).isEmpty();
        // Another class that is both (Peekable) needs the cast: without it javac reports the ambiguity.
        var errors = CoroutineTest.compile(source.replace("(Iterator<Integer>) p", "p"), out);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage(java.util.Locale.ROOT)).contains("ambiguous");
    }

    @Test
    void yieldFromANullIteratorFails() {
        Iterator<Integer> none = null;
        Engines.all().forEach(e -> assertThatThrownBy(() -> Generator.<Integer>of(y -> y.yieldFrom(none), e).toList())
                .as(e.name()).isInstanceOf(NullPointerException.class));
    }
}
