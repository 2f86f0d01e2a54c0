package dev.jyield;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operators of generator expressions, each defined once as a {@link Stage}: the same code runs pushed (a plain
 * call per element) and pulled (one input element per request, through {@link StageSource}).
 */
final class Stages {
    private Stages() {}

    /** An immutable list that allows nulls: Python's tuple. */
    static <T> List<T> tuple(Object[] values) {
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(values);
        return Collections.unmodifiableList(list);
    }

    static final class Map<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends R> f;

        Map(Function<? super T, ? extends R> f) {
            this.f = f;
        }

        @Override
        public void accept(T x) {
            down.accept(f.apply(x));
        }
    }

    /** filter (keep when the predicate says {@code keep}) and filterFalse. */
    static final class Filter<T> extends Stage<T, T> {
        private final Predicate<? super T> p;
        private final boolean keep;

        Filter(Predicate<? super T> p, boolean keep) {
            this.p = p;
            this.keep = keep;
        }

        @Override
        public void accept(T x) {
            if (p.test(x) == keep) {
                down.accept(x);
            }
        }
    }

    static final class Peek<T> extends Stage<T, T> {
        private final Consumer<? super T> action;

        Peek(Consumer<? super T> action) {
            this.action = action;
        }

        @Override
        public void accept(T x) {
            action.accept(x);
            down.accept(x);
        }
    }

    static final class FlatMap<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends Iterable<? extends R>> f;

        FlatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
            this.f = f;
        }

        @Override
        public void accept(T x) {
            Iterable<? extends R> items = f.apply(x);
            if (items == null) {
                throw new NullPointerException("the function of flatMap returned null for " + x);
            }
            emitAll(items);
        }
    }

    static final class Enumerate<T> extends Stage<T, Indexed<T>> {
        private long index;

        Enumerate(long start) {
            this.index = start;
        }

        @Override
        public void accept(T x) {
            down.accept(new Indexed<>(index++, x));
        }
    }

    /** islice, as CPython's {@code islice_next}: skipped items are consumed lazily, on the request after a yield. */
    static final class Slice<T> extends Stage<T, T> {
        private final long stop;
        private final long step;
        private long count;
        private long next;

        Slice(long start, long stop, long step) {
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        boolean wantsMore() {
            return count < next || count < stop;
        }

        @Override
        public void accept(T x) {
            if (count++ < next) {
                return;
            }
            long old = next;
            next += step;
            if (next < old || next > stop) {
                next = stop;
            }
            down.accept(x);
        }

        @Override
        boolean pushes() {
            return stop == Long.MAX_VALUE; // stop=None: consumes its input to the end
        }
    }

    static final class TakeWhile<T> extends Stage<T, T> {
        private final Predicate<? super T> p;
        private boolean done;

        TakeWhile(Predicate<? super T> p) {
            this.p = p;
        }

        @Override
        boolean wantsMore() {
            return !done;
        }

        @Override
        public void accept(T x) {
            if (p.test(x)) {
                down.accept(x);
            } else {
                done = true;
            }
        }

        @Override
        boolean pushes() {
            return false;
        }
    }

    static final class DropWhile<T> extends Stage<T, T> {
        private final Predicate<? super T> p;
        private boolean dropping = true;

        DropWhile(Predicate<? super T> p) {
            this.p = p;
        }

        @Override
        public void accept(T x) {
            if (dropping) {
                if (p.test(x)) {
                    return;
                }
                dropping = false;
            }
            down.accept(x);
        }
    }

    /** unique_everseen. */
    static final class Distinct<T> extends Stage<T, T> {
        private final Function<? super T, ?> key;
        private final Set<Object> seen = new HashSet<>();

        Distinct(Function<? super T, ?> key) {
            this.key = key;
        }

        @Override
        public void accept(T x) {
            if (seen.add(key == null ? x : key.apply(x))) {
                down.accept(x);
            }
        }
    }

    static final class Batched<T> extends Stage<T, List<T>> {
        private final int n;
        private final boolean strict;
        private Object[] batch;
        private int size;

        Batched(int n, boolean strict) {
            this.n = n;
            this.strict = strict;
        }

        @Override
        public void accept(T x) {
            if (batch == null) {
                batch = new Object[Math.min(n, 1024)];
            } else if (size == batch.length) {
                batch = Arrays.copyOf(batch, Math.min(n, size * 2));
            }
            batch[size++] = x;
            if (size == n) {
                Object[] full = batch;
                batch = null;
                size = 0;
                down.accept(tuple(full));
            }
        }

        @Override
        void end() {
            if (size > 0) {
                if (strict) {
                    throw new IllegalArgumentException("batched(): incomplete batch");
                }
                Object[] last = Arrays.copyOf(batch, size);
                batch = null;
                size = 0;
                down.accept(tuple(last));
            }
        }
    }

    static final class Pairwise<T> extends Stage<T, Pair<T, T>> {
        private T previous;
        private boolean started;

        @Override
        public void accept(T x) {
            if (started) {
                down.accept(new Pair<>(previous, x));
            } else {
                started = true;
            }
            previous = x;
        }
    }

    /** The sliding_window recipe: full windows only. */
    static final class Windowed<T> extends Stage<T, List<T>> {
        private final int n;
        private final ArrayDeque<Object> window = new ArrayDeque<>();
        private static final Object NULL = new Object();

        Windowed(int n) {
            this.n = n;
        }

        @Override
        public void accept(T x) {
            window.addLast(x == null ? NULL : x);
            if (window.size() > n) {
                window.removeFirst();
            }
            if (window.size() == n) {
                Object[] values = window.toArray();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == NULL) {
                        values[i] = null;
                    }
                }
                down.accept(tuple(values));
            }
        }
    }

    static final class Accumulate<T> extends Stage<T, T> {
        private final BinaryOperator<T> op;
        private T total;
        private boolean started;

        Accumulate(BinaryOperator<T> op) {
            this.op = op;
        }

        @Override
        public void accept(T x) {
            if (started) {
                total = op.apply(total, x);
            } else {
                started = true;
                total = x;
            }
            down.accept(total);
        }
    }

    static final class AccumulateFrom<T, R> extends Stage<T, R> {
        private final BiFunction<? super R, ? super T, ? extends R> f;
        private R total;

        AccumulateFrom(R initial, BiFunction<? super R, ? super T, ? extends R> f) {
            this.total = initial;
            this.f = f;
        }

        @Override
        void begin() {
            down.accept(total); // Python: the initial value comes out before anything is pulled
        }

        @Override
        public void accept(T x) {
            total = f.apply(total, x);
            down.accept(total);
        }
    }

    static final class Sorted<T> extends Stage<T, T> {
        private final Comparator<? super T> order;
        private ArrayList<T> all = new ArrayList<>();

        Sorted(Comparator<? super T> order) {
            this.order = order;
        }

        @Override
        public void accept(T x) {
            all.add(x);
        }

        @Override
        void end() {
            ArrayList<T> list = all;
            all = null;
            list.sort(order); // stable (TimSort), as Python's sort
            emitAll(list);
        }
    }

    /** zip with one other input, and zip(strict=True). */
    static final class ZipWith<T, U> extends Stage<T, Pair<T, U>> {
        private final Generator<? extends U> other;
        private final boolean strict;
        private boolean done;

        ZipWith(Generator<? extends U> other, boolean strict) {
            this.other = other;
            this.strict = strict;
        }

        @Override
        boolean wantsMore() {
            return !done;
        }

        @Override
        public void accept(T x) {
            if (other.hasNext()) {
                down.accept(new Pair<>(x, other.next()));
            } else if (strict) {
                throw new IllegalArgumentException("zip() argument 2 is shorter than argument 1");
            } else {
                done = true;
            }
        }

        @Override
        void end() {
            if (strict && other.hasNext()) {
                throw new IllegalArgumentException("zip() argument 2 is longer than argument 1");
            }
        }

        @Override
        boolean pushes() {
            return false;
        }

        @Override
        Generator<?>[] sideInputs() {
            return new Generator<?>[] {other};
        }
    }

    static final class Compress<T> extends Stage<T, T> {
        private final Generator<? extends Boolean> selectors;
        private boolean done;

        Compress(Generator<? extends Boolean> selectors) {
            this.selectors = selectors;
        }

        @Override
        boolean wantsMore() {
            return !done;
        }

        @Override
        public void accept(T x) {
            if (!selectors.hasNext()) {
                done = true; // Python pulls the datum first: it is consumed and lost
            } else if (Objects.equals(selectors.next(), Boolean.TRUE)) {
                down.accept(x);
            }
        }

        @Override
        boolean pushes() {
            return false;
        }

        @Override
        Generator<?>[] sideInputs() {
            return new Generator<?>[] {selectors};
        }
    }
}
