package dev.jyield;

import static dev.jyield.Util.sneaky;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/** The derived generators behind the recipes of Section R of {@link Itertools}, written as {@link Op}s. */
final class Recipes {
    private Recipes() {}

    /** Python's {@code chain(*its)} over generators: each input in turn. */
    static final class Concat<T> extends Op<T> {
        private final Generator<? extends T>[] sources;
        private int i;

        @SafeVarargs
        Concat(Generator<? extends T>... sources) {
            super(sources);
            this.sources = sources;
        }

        @Override
        boolean advance() {
            for (; i < sources.length; i++) {
                if (sources[i].hasNext()) {
                    out = sources[i].next();
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code filter(predicate, it)} or, with {@code keep == false}, {@code filterfalse(predicate, it)}. */
    static final class Filter<T> extends Op<T> {
        private final Generator<? extends T> source;
        private final Predicate<? super T> predicate;
        private final boolean keep;

        Filter(Generator<? extends T> source, Predicate<? super T> predicate, boolean keep) {
            super(source);
            this.source = source;
            this.predicate = predicate;
            this.keep = keep;
        }

        @Override
        boolean advance() {
            while (source.hasNext()) {
                T x = source.next();
                if (predicate.test(x) == keep) {
                    out = x;
                    return true;
                }
            }
            return false;
        }
    }

    /** A value computed by each call, {@code times} times or forever ({@code times < 0}). */
    static final class Calls<T> extends Op<T> {
        private final Callable<? extends T> call;
        private long left;

        Calls(Callable<? extends T> call, long times) {
            this.call = call;
            this.left = times;
        }

        @Override
        boolean advance() {
            if (left == 0) {
                return false;
            }
            if (left > 0) {
                left--;
            }
            try {
                out = call.call();
            } catch (Exception e) {
                throw sneaky(e);
            }
            return true;
        }
    }

    /**
     * {@code sliding_window(it, n)}: the first window pulls n elements, each later one pulls one. With
     * {@code step == n} and a fill value it is also {@code grouper(it, n, fillvalue=fill)}.
     */
    static final class SlidingWindow<T> extends Op<List<T>> {
        private final Generator<? extends T> source;
        private final int n;
        private final ArrayDeque<Object> window;

        SlidingWindow(Generator<? extends T> source, int n) {
            super(source);
            this.source = source;
            this.n = n;
            this.window = new ArrayDeque<>(n);
        }

        @Override
        boolean advance() {
            while (window.size() < n - 1 && source.hasNext()) {
                window.addLast(box(source.next()));
            }
            if (!source.hasNext()) {
                return false;
            }
            if (window.size() == n) {
                window.removeFirst();
            }
            window.addLast(box(source.next()));
            Object[] t = window.toArray();
            for (int k = 0; k < t.length; k++) {
                t[k] = unbox(t[k]);
            }
            out = Tuples.of(t);
            return true;
        }
    }

    /** Incomplete-chunk policies of {@code grouper}, and {@code batched(strict=...)}. */
    enum Mode { FILL, STRICT, IGNORE, SHORT, BATCH_STRICT, CHUNK_STRICT }

    /**
     * Non-overlapping chunks of n: {@code grouper} in its three modes (zip over one iterator n times), and
     * {@code batched} (a shorter last chunk, or with strict, an error).
     */
    static final class Chunks<T> extends Op<List<T>> {
        private final Generator<? extends T> source;
        private final int n;
        private final Mode mode;
        private final T fill;
        private boolean done;

        Chunks(Generator<? extends T> source, int n, Mode mode, T fill) {
            super(source);
            this.source = source;
            this.n = n;
            this.mode = mode;
            this.fill = fill;
        }

        @Override
        boolean advance() {
            if (done || n <= 0) {
                return false;
            }
            Object[] t = new Object[n];
            int k = 0;
            while (k < n && source.hasNext()) {
                t[k++] = source.next();
            }
            if (k == n) {
                out = Tuples.of(t);
                return true;
            }
            done = true;
            if (k == 0) {
                return false;
            }
            switch (mode) {
                case FILL -> {
                    for (int i = k; i < n; i++) {
                        t[i] = fill;
                    }
                    out = Tuples.of(t);
                    return true;
                }
                case SHORT -> {
                    out = Tuples.of(java.util.Arrays.copyOf(t, k));
                    return true;
                }
                case STRICT -> throw StrictZip.shorter(k);
                case BATCH_STRICT -> throw new IllegalArgumentException("batched(): incomplete batch");
                case CHUNK_STRICT -> throw new IllegalArgumentException("iterable is not divisible by n.");
                default -> {
                    return false;
                }
            }
        }
    }

    /** {@code zip(*its, strict=True)}: every complete tuple, then an error naming the argument out of step. */
    static final class StrictZip<T> extends Op<List<T>> {
        private final Generator<? extends T>[] sources;
        private boolean done;

        @SafeVarargs
        StrictZip(Generator<? extends T>... sources) {
            super(sources);
            this.sources = sources;
        }

        static IllegalArgumentException shorter(int i) {
            return new IllegalArgumentException(
                    "zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " 1" : "s 1-" + i));
        }

        @Override
        boolean advance() {
            if (done || sources.length == 0) {
                return false;
            }
            Object[] t = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                if (!sources[i].hasNext()) {
                    done = true;
                    if (i > 0) {
                        throw shorter(i);
                    }
                    for (int j = 1; j < sources.length; j++) {
                        if (sources[j].hasNext()) {
                            sources[j].next(); // Python has pulled it
                            throw new IllegalArgumentException("zip() argument " + (j + 1)
                                    + " is longer than argument" + (j == 1 ? " 1" : "s 1-" + j));
                        }
                    }
                    return false;
                }
                t[i] = sources[i].next();
            }
            out = Tuples.of(t);
            return true;
        }
    }

    /** {@code roundrobin(*its)}: one element from each input in turn, dropping the exhausted ones. */
    static final class RoundRobin<T> extends Op<T> {
        private final ArrayDeque<Generator<? extends T>> queue = new ArrayDeque<>();

        @SafeVarargs
        RoundRobin(Generator<? extends T>... sources) {
            super(sources);
            queue.addAll(List.of(sources));
        }

        @Override
        boolean advance() {
            while (!queue.isEmpty()) {
                Generator<? extends T> g = queue.pollFirst();
                if (g.hasNext()) {
                    out = g.next();
                    queue.addLast(g);
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code unique_everseen} and {@code unique_justseen}, with a key function ({@code identity} if none). */
    static final class Unique<T> extends Op<T> {
        private final Generator<? extends T> source;
        private final Function<? super T, ?> key;
        private final HashSet<Object> seen;
        private boolean started;
        private Object last;

        Unique(Generator<? extends T> source, Function<? super T, ?> key, boolean everSeen) {
            super(source);
            this.source = source;
            this.key = key;
            this.seen = everSeen ? new HashSet<>() : null;
        }

        @Override
        boolean advance() {
            while (source.hasNext()) {
                T x = source.next();
                Object k = key.apply(x);
                boolean fresh = seen != null ? seen.add(k) : !started || !Objects.equals(k, last);
                if (fresh) {
                    started = true;
                    last = k;
                    out = x;
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code iter_index(it, value, start, stop)}: the indices in {@code [start, stop)} where the element equals
     * {@code value}; the first request skips {@code start} elements, and nothing is pulled past {@code stop}.
     */
    static final class IterIndex extends Op<Long> {
        private final Generator<?> source;
        private final Object value;
        private final long stop;
        private long i;
        private boolean skipped;

        IterIndex(Generator<?> source, Object value, long start, long stop) {
            super(source);
            this.source = source;
            this.value = value;
            this.i = start;
            this.stop = stop;
        }

        @Override
        boolean advance() {
            if (!skipped) {
                skipped = true;
                // why: islice skips all of start, even past stop
                for (long k = 0; k < i && source.hasNext(); k++) {
                    source.next();
                }
            }
            while (i < stop && source.hasNext()) {
                Object x = source.next();
                long index = i++;
                if (x == value || Objects.equals(x, value)) {
                    out = index;
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code iter_except(func, exception, first)}: calls until {@code exception} (or a subclass) is thrown. */
    static final class IterExcept<T> extends Op<T> {
        private final Callable<? extends T> func;
        private final Class<? extends Throwable> exception;
        private Callable<? extends T> first;
        private boolean done;

        IterExcept(Callable<? extends T> func, Class<? extends Throwable> exception, Callable<? extends T> first) {
            this.func = func;
            this.exception = exception;
            this.first = first;
        }

        @Override
        boolean advance() {
            if (done) {
                return false;
            }
            Callable<? extends T> call = first != null ? first : func;
            first = null;
            try {
                out = call.call();
                return true;
            } catch (Throwable t) {
                if (exception.isInstance(t)) {
                    done = true;
                    return false;
                }
                throw sneaky(t);
            }
        }
    }

    /**
     * The two iterators of {@code before_and_after}: the leading elements that satisfy the predicate, and the
     * remainder, starting with the first element that failed it (the "transition"), if the first iterator had
     * found it when the remainder was first asked (Python's {@code yield from transition}). The source is closed
     * when both are closed.
     */
    static final class BeforeAndAfter<T> {
        private final Generator<? extends T> source;
        private final Predicate<? super T> predicate;
        private boolean beforeDone;
        private boolean hasTransition;
        private T transition;
        private int open = 2;

        BeforeAndAfter(Generator<? extends T> source, Predicate<? super T> predicate) {
            this.source = source;
            this.predicate = predicate;
        }

        Generator<T> before() {
            return new Generator<>(new Part() {
                @Override
                boolean advance() {
                    if (beforeDone || !source.hasNext()) {
                        beforeDone = true;
                        return false;
                    }
                    T x = source.next();
                    if (predicate.test(x)) {
                        out = x;
                        return true;
                    }
                    beforeDone = true;
                    hasTransition = true;
                    transition = x;
                    return false;
                }
            });
        }

        Generator<T> after() {
            return new Generator<>(new Part() {
                private boolean started;

                @Override
                boolean advance() {
                    if (!started) {
                        started = true;
                        if (hasTransition) {
                            hasTransition = false;
                            out = transition;
                            transition = null;
                            return true;
                        }
                    }
                    if (source.hasNext()) {
                        out = source.next();
                        return true;
                    }
                    return false;
                }
            });
        }

        private abstract class Part extends Op<T> {
            private boolean detached;

            @Override
            void closeSources() {
                if (!detached) {
                    detached = true;
                    if (--open == 0) {
                        source.close();
                    }
                }
            }
        }
    }

    /** ArrayDeque holds no null: null elements travel as this marker. */
    private static final Object NULL = new Object();

    static Object box(Object x) {
        return x == null ? NULL : x;
    }

    static Object unbox(Object x) {
        return x == NULL ? null : x;
    }

    /** Python's {@code math.sumprod(p, q)} over doubles, failing when the lengths differ. */
    static double sumprod(Iterable<? extends Number> p, Iterable<? extends Number> q) {
        var a = p.iterator();
        var b = q.iterator();
        double total = 0;
        while (a.hasNext()) {
            if (!b.hasNext()) {
                throw new IllegalArgumentException("Inputs are not the same length");
            }
            total += a.next().doubleValue() * b.next().doubleValue();
        }
        if (b.hasNext()) {
            throw new IllegalArgumentException("Inputs are not the same length");
        }
        return total;
    }

    /** Exact long convolution, for {@code polynomial_from_roots}. */
    static List<Long> convolve(List<Long> signal, List<Long> kernel) {
        int n = signal.size() + kernel.size() - 1;
        List<Long> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long s = 0;
            for (int j = Math.max(0, k - signal.size() + 1); j <= Math.min(k, kernel.size() - 1); j++) {
                s = Math.addExact(s, Math.multiplyExact(kernel.get(j), signal.get(k - j)));
            }
            out.add(s);
        }
        return out;
    }
}
