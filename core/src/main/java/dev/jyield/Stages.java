package dev.jyield;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The single-input operators, of {@link Generator} and {@link Itertools} alike, each defined once as a
 * {@link Stage}: the same code runs pushed (a plain call per element) and pulled (one input element per request,
 * through {@link StageSource}; map and filter through operators of their own, see {@link Stage#pulledOver}).
 * Operators over several inputs are in {@link Merges}. Those of Generator have an {@code of} factory typed as
 * {@code Stage} (see {@link Generator#then} for why).
 */
final class Stages {
    private Stages() {}

    static final class Map<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends R> f;

        static <T, R> Stage<T, R> of(Function<? super T, ? extends R> f) {
            return new Map<>(f);
        }

        Map(Function<? super T, ? extends R> f) {
            this.f = f;
        }

        @Override
        public void accept(T x) {
            down.accept(f.apply(x));
        }

        @Override
        Source<R> pulledOver(Generator<? extends T> input) {
            return new Pulled<>(input, this);
        }

        /** map pulled: {@code f(input.next())}, as a Kotlin transforming iterator. */
        private static final class Pulled<T, R> extends Over<T, R> {
            private final Function<? super T, ? extends R> f;

            Pulled(Generator<? extends T> input, Map<T, R> stage) {
                super(input, stage);
                this.f = stage.f;
            }

            @Override
            @SuppressWarnings("unchecked")
            Object next() {
                // why: input.pull() inlined by hand, so that the call of the input's operator is this class's own
                // (see AbstractGenerator.enterPull); filter's next() does the same
                Generator<? extends T> in = input;
                Producer.Split<?> s = inputSplit;
                if (s != null && in.idle()) {
                    // why: the element reaches f on a path where it never meets END (see Producer.Split)
                    if (!s.hasMore()) {
                        return in.exitPull(Generator.END);
                    }
                    Object x;
                    try {
                        x = s.make();
                    } catch (Throwable t) {
                        throw in.pullFailed(t);
                    }
                    return f.apply((T) x);
                }
                Op<?> op = inputOp;
                Object x;
                if (op != null && in.enterPull()) {
                    try {
                        x = op.next();
                    } catch (Throwable t) {
                        throw in.pullFailed(t);
                    }
                    x = in.exitPull(x);
                } else {
                    x = in.pull();
                }
                return x == Generator.END ? x : f.apply((T) x);
            }
        }
    }

    /** filter (keep when the predicate says {@code keep}) and filterFalse. */
    static final class Filter<T> extends Stage<T, T> {
        private final Predicate<? super T> p;
        private final boolean keep;

        static <T> Stage<T, T> of(Predicate<? super T> p, boolean keep) {
            return new Filter<>(p, keep);
        }

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

        @Override
        Source<T> pulledOver(Generator<? extends T> input) {
            return new Pulled<>(input, this);
        }

        /** filter pulled: the first input element that the predicate keeps, as a Kotlin filtering iterator. */
        private static final class Pulled<T> extends Over<T, T> {
            private final Predicate<? super T> p;
            private final boolean keep;

            Pulled(Generator<? extends T> input, Filter<T> stage) {
                super(input, stage);
                this.p = stage.p;
                this.keep = stage.keep;
            }

            @Override
            @SuppressWarnings("unchecked")
            Object next() {
                Generator<? extends T> in = input;
                Op<?> op = inputOp;
                Producer.Split<?> s = inputSplit;
                for (;;) {
                    Object x;
                    if (s != null && in.idle()) { // a range or count: no state to mark (see Producer.Split)
                        if (!s.hasMore()) {
                            return in.exitPull(Generator.END);
                        }
                        try {
                            x = s.make();
                        } catch (Throwable t) {
                            throw in.pullFailed(t);
                        }
                    } else if (op != null && in.enterPull()) {
                        try {
                            x = op.next();
                        } catch (Throwable t) {
                            throw in.pullFailed(t);
                        }
                        x = in.exitPull(x);
                    } else {
                        x = in.pull();
                    }
                    if (x == Generator.END || p.test((T) x) == keep) {
                        return x;
                    }
                }
            }
        }
    }

    static final class Peek<T> extends Stage<T, T> {
        private final Consumer<? super T> action;

        static <T> Stage<T, T> of(Consumer<? super T> action) {
            return new Peek<>(action);
        }

        Peek(Consumer<? super T> action) {
            this.action = action;
        }

        @Override
        public void accept(T x) {
            action.accept(x);
            down.accept(x);
        }
    }

    /** flatMap, and chain.from_iterable (the identity, with {@code nullName} naming a null element). */
    static final class FlatMap<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends Iterable<? extends R>> f;
        private final String nullName;

        static <T, R> Stage<T, R> of(Function<? super T, ? extends Iterable<? extends R>> f, String nullName) {
            return new FlatMap<>(f, nullName);
        }

        FlatMap(Function<? super T, ? extends Iterable<? extends R>> f, String nullName) {
            this.f = f;
            this.nullName = nullName;
        }

        @Override
        public void accept(T x) {
            Iterable<? extends R> items = f.apply(x);
            if (items == null) {
                throw new NullPointerException(
                        nullName != null ? nullName : "the function of flatMap returned null for " + x);
            }
            emitAll(items);
        }
    }

    static final class Enumerate<T> extends Stage<T, Indexed<T>> {
        private long index;
        /** Whether {@link Long#MAX_VALUE} has been given: the next element has no index. */
        private boolean past;

        static <T> Stage<T, Indexed<T>> of(long start) {
            return new Enumerate<>(start);
        }

        Enumerate(long start) {
            this.index = start;
        }

        @Override
        public void accept(T x) {
            if (past) {
                // why: Python's integers do not overflow; a wrapped index would be silently wrong, so stop loudly
                throw new ArithmeticException("enumerate() went past the range of long");
            }
            long i = index;
            if (i == Long.MAX_VALUE) {
                past = true;
            } else {
                index = i + 1;
            }
            down.accept(new Indexed<>(i, x));
        }
    }

    /** islice, as CPython's {@code islice_next}: skipped items are consumed lazily, on the request after a yield. */
    static final class Slice<T> extends Stage<T, T> {
        private final long stop;
        private final long step;
        private long count;
        private long next;

        static <T> Stage<T, T> of(long start, long stop, long step) {
            return new Slice<>(start, stop, step);
        }

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

        static <T> Stage<T, T> of(Predicate<? super T> p) {
            return new TakeWhile<>(p);
        }

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

        static <T> Stage<T, T> of(Predicate<? super T> p) {
            return new DropWhile<>(p);
        }

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

    /**
     * unique_everseen (a set of every key seen: distinct) and unique_justseen (only the key of the last element
     * kept, compared with {@code same}), over the element itself when {@code key} is null.
     */
    static final class Unique<T> extends Stage<T, T> {
        private final Function<? super T, ?> key;
        private final Set<Object> seen;
        private final BiPredicate<Object, Object> same;
        private boolean started;
        private Object last;

        private Unique(Function<? super T, ?> key, Set<Object> seen, BiPredicate<Object, Object> same) {
            this.key = key;
            this.seen = seen;
            this.same = same;
        }

        static <T> Stage<T, T> everSeen(Function<? super T, ?> key) {
            return new Unique<>(key, new HashSet<>(), null);
        }

        /** {@code same} is asked (last kept key, new key), as Python's groupby compares {@code tgtkey == currkey}. */
        static <T> Stage<T, T> justSeen(Function<? super T, ?> key, BiPredicate<Object, Object> same) {
            return new Unique<>(key, null, same);
        }

        @Override
        public void accept(T x) {
            Object k = key == null ? x : key.apply(x);
            if (seen != null) {
                if (seen.add(k)) {
                    down.accept(x);
                }
            } else if (!started || !same.test(last, k)) {
                started = true;
                last = k;
                down.accept(x);
            }
        }
    }

    /** What {@link Batch} does with an incomplete last batch. */
    enum Last {
        /** Emits it as it is: batched, chunked. */
        SHORT,
        /** Pads it with the fill value: grouper's default. */
        FILL,
        /** Drops it: grouper(incomplete='ignore'). */
        DROP,
        /** Fails as batched(strict=True). */
        BATCHED_ERROR,
        /** Fails as more-itertools' chunked(strict=True). */
        CHUNKED_ERROR,
        /** Fails as grouper(incomplete='strict'), the zip over one iterator n times. */
        ZIP_ERROR
    }

    /**
     * Non-overlapping batches of {@code n >= 1}: batched, chunked, grouper and reshape. A batch is emitted when its
     * n-th element arrives, so a pull takes exactly n elements, as Python's {@code islice(it, n)} does.
     */
    static final class Batch<T> extends Stage<T, List<T>> {
        private final int n;
        private final Last last;
        private final T fill;
        private Object[] batch;
        private int size;

        static <T> Stage<T, List<T>> of(int n, Last last, T fill) {
            return new Batch<>(n, last, fill);
        }

        Batch(int n, Last last, T fill) {
            this.n = n;
            this.last = last;
            this.fill = fill;
        }

        @Override
        public void accept(T x) {
            if (batch == null) {
                batch = new Object[Math.min(n, 1024)]; // why: n may be huge while the input is short
            } else if (size == batch.length) {
                batch = Arrays.copyOf(batch, (int) Math.min(n, size * 2L));
            }
            batch[size++] = x;
            if (size == n) {
                Object[] full = batch;
                batch = null;
                size = 0;
                down.accept(Tuples.of(full));
            }
        }

        @Override
        void end() {
            int k = size;
            if (k == 0) {
                return;
            }
            Object[] part = batch;
            batch = null;
            size = 0;
            switch (last) {
                case SHORT -> down.accept(Tuples.of(Arrays.copyOf(part, k)));
                case FILL -> {
                    Object[] full = Arrays.copyOf(part, n);
                    Arrays.fill(full, k, n, fill);
                    down.accept(Tuples.of(full));
                }
                case DROP -> { }
                case BATCHED_ERROR -> throw new IllegalArgumentException("batched(): incomplete batch");
                case CHUNKED_ERROR -> throw new IllegalArgumentException("iterable is not divisible by n.");
                case ZIP_ERROR -> throw Merges.shorter(k);
            }
        }
    }

    static final class Pairwise<T> extends Stage<T, Pair<T, T>> {
        static <T> Stage<T, Pair<T, T>> of() {
            return new Pairwise<>();
        }

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

    /**
     * Windows of the last {@code n >= 1} elements, one every {@code step}: windowed, sliding_window and triplewise
     * (full windows only), and more-itertools' windowed ({@code pad}: a short first window is filled, and the
     * input is followed by just enough fill values to complete the last window). A window is emitted when its
     * last element arrives, so the first pull takes n elements and each later one takes step.
     */
    static final class Window<T> extends Stage<T, List<T>> {
        private final int n;
        private final int step;
        private final boolean pad;
        private final T fill;
        /**
         * A ring of the last {@code size} elements, the oldest at {@code head}; it grows to {@code n} while the first
         * window fills, since n may be huge while the input is short.
         */
        private Object[] ring;
        private int head;
        private int size;
        private int sinceLast;

        static <T> Stage<T, List<T>> of(int n, int step, boolean pad, T fill) {
            return new Window<>(n, step, pad, fill);
        }

        Window(int n, int step, boolean pad, T fill) {
            this.n = n;
            this.step = step;
            this.pad = pad;
            this.fill = fill;
            this.ring = new Object[Math.min(n, 16)];
        }

        @Override
        public void accept(T x) {
            if (size < n) {
                if (size == ring.length) {
                    ring = Arrays.copyOf(ring, (int) Math.min(n, 2L * size));
                }
                ring[size++] = x;
                if (size == n) {
                    emit();
                }
                return;
            }
            ring[head] = x;
            head = head + 1 == n ? 0 : head + 1;
            if (++sinceLast == step) {
                sinceLast = 0;
                emit();
            }
        }

        @Override
        void end() {
            if (!pad || size == 0) {
                return;
            }
            if (size < n) {
                ring = Arrays.copyOf(ring, n); // the padded window has n values
                Arrays.fill(ring, size, n, fill);
                size = n;
                emit();
                return;
            }
            // more-itertools: chain(iterable, padding), padding = (fillvalue,) * (n - 1 if step >= n else step - 1)
            for (int k = step >= n ? n - 1 : step - 1; k > 0; k--) {
                accept(fill);
            }
        }

        private void emit() {
            Object[] t = new Object[n];
            System.arraycopy(ring, head, t, 0, n - head);
            System.arraycopy(ring, 0, t, n - head, head);
            down.accept(Tuples.of(t));
        }
    }

    static final class Accumulate<T> extends Stage<T, T> {
        private final BinaryOperator<T> op;
        private T total;
        private boolean started;

        static <T> Stage<T, T> of(BinaryOperator<T> op) {
            return new Accumulate<>(op);
        }

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

        static <T, R> Stage<T, R> of(R initial, BiFunction<? super R, ? super T, ? extends R> f) {
            return new AccumulateFrom<>(initial, f);
        }

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

        static <T> Stage<T, T> of(Comparator<? super T> order) {
            return new Sorted<>(order);
        }

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

    /**
     * intersperse over batches: {@code e} before every batch but the first, as more-itertools'
     * {@code flatten(islice(interleave(repeat([e]), chunked(it, n)), 1, None))}; the separator so waits until the
     * next batch is complete (or the input has ended).
     */
    static final class Intersperse<T> extends Stage<List<T>, T> {
        private final T e;
        private boolean started;

        Intersperse(T e) {
            this.e = e;
        }

        @Override
        public void accept(List<T> batch) {
            if (started) {
                down.accept(e);
            }
            started = true;
            emitAll(batch);
        }
    }

    /** Which of more-itertools' split functions. */
    enum Split { AT, AT_KEEP, BEFORE, AFTER }

    /**
     * {@code split_at}, {@code split_before} and {@code split_after}, each with {@code maxsplit}: a list is emitted
     * where more-itertools yields it. Once maxsplit is reached the rest is gathered into one list, emitted at the
     * end, so a pull reads the rest only when its list is asked for, as more-itertools' {@code list(it)}.
     */
    static final class Splitter<T> extends Stage<T, List<T>> {
        private final Predicate<? super T> pred;
        private final Split kind;
        private int maxsplit;
        private List<T> buf = new ArrayList<>();
        /** Whether maxsplit is reached: {@link #buf} gathers the rest. */
        private boolean rest;
        /** maxsplit == 0: more-itertools yields {@code list(iterable)}, even when empty. */
        private final boolean whole;

        Splitter(Predicate<? super T> pred, Split kind, int maxsplit) {
            this.pred = pred;
            this.kind = kind;
            this.maxsplit = maxsplit;
            this.rest = maxsplit == 0;
            this.whole = maxsplit == 0;
        }

        @Override
        public void accept(T item) {
            if (rest) {
                buf.add(item);
                return;
            }
            switch (kind) {
                case AT, AT_KEEP -> {
                    if (pred.test(item)) {
                        down.accept(buf);
                        if (kind == Split.AT_KEEP) {
                            List<T> separator = new ArrayList<>(1);
                            separator.add(item);
                            down.accept(separator);
                        }
                        split(item);
                    } else {
                        buf.add(item);
                    }
                }
                case BEFORE -> {
                    if (pred.test(item) && !buf.isEmpty()) { // more-itertools asks pred of every item
                        down.accept(buf);
                        split(item);
                    } else {
                        buf.add(item);
                    }
                }
                case AFTER -> {
                    buf.add(item);
                    if (pred.test(item)) {
                        down.accept(buf);
                        split(item);
                    }
                }
            }
        }

        /** After a split at {@code item}: a new list, which gathers the rest once maxsplit is reached. */
        private void split(T item) {
            buf = new ArrayList<>();
            if (kind == Split.BEFORE) {
                buf.add(item);
            }
            if (maxsplit == 1) {
                rest = true;
            } else if (maxsplit > 0) {
                maxsplit--;
            }
        }

        @Override
        void end() {
            List<T> last = buf;
            buf = null;
            // split_at yields its last list even when empty; the others (split_after's rest too) only when not
            if (whole || kind == Split.AT || kind == Split.AT_KEEP || !last.isEmpty()) {
                down.accept(last);
            }
        }
    }

    /**
     * {@code collapse(iterable, levels)}: each element of the input (level 1) is emitted, or, if it is an iterable
     * within {@code levels}, flattened depth first, lazily when pulled.
     */
    static final class Collapse extends Stage<Object, Object> {
        private final int levels;

        Collapse(int levels) {
            this.levels = levels;
        }

        @Override
        public void accept(Object node) {
            if (levels < 1 || !(node instanceof Iterable<?> children)) {
                down.accept(node);
            } else {
                emitAll(new Generator<>(new Walk(children, levels)));
            }
        }

        /** The depth-first walk below one iterable at level 1. */
        private static final class Walk extends Producer<Object> {
            private final ArrayDeque<Iterator<?>> stack = new ArrayDeque<>();
            private final int levels;

            Walk(Iterable<?> children, int levels) {
                this.levels = levels;
                stack.push(children.iterator());
            }

            @Override
            boolean advance() {
                while (!stack.isEmpty()) {
                    Iterator<?> nodes = stack.peek();
                    if (!nodes.hasNext()) {
                        stack.pop();
                        continue;
                    }
                    Object node = nodes.next();
                    // the nodes of the iterator on top are at level stack.size() + 1
                    if (stack.size() + 1 > levels || !(node instanceof Iterable<?> children)) {
                        out = node;
                        return true;
                    }
                    stack.push(children.iterator());
                }
                return false;
            }

            @Override
            String engineName() {
                return "operator";
            }
        }
    }
}
