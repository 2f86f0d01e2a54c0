package dev.jyield;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Derived generators of the itertools ports that are not combinatorics or tee, written as {@link Op}s. */
final class IterOps {
    private IterOps() {}

    /** {@code zip_longest(*its, fillvalue=fill)}: an exhausted input is never pulled again. */
    static final class ZipLongest<T> extends Op<List<T>> {
        private final Generator<? extends T>[] sources;
        private final boolean[] exhausted;
        private final T fill;
        private int active;

        @SafeVarargs
        ZipLongest(T fill, Generator<? extends T>... sources) {
            super(sources);
            this.sources = sources;
            this.exhausted = new boolean[sources.length];
            this.fill = fill;
            this.active = sources.length;
        }

        @Override
        boolean advance() {
            if (active == 0) {
                return false;
            }
            Object[] t = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                if (exhausted[i]) {
                    t[i] = fill;
                } else if (sources[i].hasNext()) {
                    t[i] = sources[i].next();
                } else {
                    exhausted[i] = true;
                    if (--active == 0) {
                        return false; // Python stops mid-tuple when the last input runs out
                    }
                    t[i] = fill;
                }
            }
            out = Tuples.of(t);
            return true;
        }
    }

    /** {@code starmap(function, iterable)}. */
    static final class Starmap<T, R> extends Op<R> {
        private final Generator<? extends List<? extends T>> source;
        private final Function<? super List<T>, ? extends R> function;

        Starmap(Generator<? extends List<? extends T>> source, Function<? super List<T>, ? extends R> function) {
            super(source);
            this.source = source;
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean advance() {
            if (!source.hasNext()) {
                return false;
            }
            List<? extends T> args = Util.requireNonNull(source.next(), "an element of iterable");
            out = function.apply((List<T>) args);
            return true;
        }
    }

    /**
     * {@code chain.from_iterable(iterables)}: takes the next inner iterable from the outer one only when the
     * current one is exhausted. Closing it closes the outer generator and the inner one it is reading.
     */
    static final class ChainFromIterable<T> extends Op<T> {
        private final Generator<? extends Iterable<? extends T>> outer;
        private Iterator<? extends T> inner;

        ChainFromIterable(Generator<? extends Iterable<? extends T>> outer) {
            super(outer);
            this.outer = outer;
        }

        @Override
        boolean advance() {
            for (;;) {
                if (inner != null) {
                    if (inner.hasNext()) {
                        out = inner.next();
                        return true;
                    }
                    inner = null;
                }
                if (!outer.hasNext()) {
                    return false;
                }
                inner = Util.requireNonNull(outer.next(), "an element of iterables").iterator();
            }
        }

        @Override
        void closeSources() {
            Iterator<? extends T> current = inner;
            inner = null;
            if (current instanceof Generator<?> g) {
                closeAll(outer, g);
            } else {
                super.closeSources();
            }
        }
    }
}
