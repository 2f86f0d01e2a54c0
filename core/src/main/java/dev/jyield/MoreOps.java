package dev.jyield;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The derived generators behind Section M of {@link Itertools} (more-itertools), written as {@link Op}s. */
final class MoreOps {
    private MoreOps() {}

    /** {@code windowed(seq, n, fillvalue, step)} for {@code n >= 1}. */
    static final class Windowed<T> extends Op<List<T>> {
        private final Generator<? extends T> source;
        private final int n;
        private final int step;
        private final T fill;
        private final ArrayDeque<Object> window;
        private boolean started;
        private boolean done;
        private int padding;

        Windowed(Generator<? extends T> source, int n, T fill, int step) {
            super(source);
            this.source = source;
            this.n = n;
            this.step = step;
            this.fill = fill;
            this.window = new ArrayDeque<>(n);
            this.padding = step >= n ? n - 1 : step - 1;
        }

        @Override
        boolean advance() {
            if (done) {
                return false;
            }
            if (!started) {
                started = true;
                while (window.size() < n && source.hasNext()) {
                    window.addLast(Recipes.box(source.next()));
                }
                if (window.isEmpty()) {
                    done = true;
                    return false;
                }
                if (window.size() < n) {
                    done = true;
                    while (window.size() < n) {
                        window.addLast(Recipes.box(fill));
                    }
                }
                return emit();
            }
            // The next window once step more elements of chain(source, padding) have been appended.
            for (int k = 0; k < step; k++) {
                Object x;
                if (source.hasNext()) {
                    x = Recipes.box(source.next());
                } else if (padding > 0) {
                    padding--;
                    x = Recipes.box(fill);
                } else {
                    done = true;
                    return false;
                }
                if (window.size() == n) {
                    window.removeFirst();
                }
                window.addLast(x);
            }
            return emit();
        }

        private boolean emit() {
            Object[] t = window.toArray();
            for (int k = 0; k < t.length; k++) {
                t[k] = Recipes.unbox(t[k]);
            }
            out = Tuples.of(t);
            return true;
        }
    }

    /** {@code interleave(*its)}: whole rounds of one element per input, until an input runs out. */
    static final class Interleave<T> extends Op<T> {
        private final Generator<? extends T>[] sources;
        private final Object[] round;
        private int pos;
        private boolean done;

        @SafeVarargs
        Interleave(Generator<? extends T>... sources) {
            super(sources);
            this.sources = sources;
            this.round = new Object[sources.length];
            this.pos = sources.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean advance() {
            if (pos == round.length) {
                if (done || round.length == 0) {
                    return false;
                }
                for (int i = 0; i < sources.length; i++) {
                    if (!sources[i].hasNext()) {
                        done = true;
                        return false;
                    }
                    round[i] = sources[i].next();
                }
                pos = 0;
            }
            out = (T) round[pos];
            round[pos++] = null;
            return true;
        }
    }

    /** {@code interleave_longest(*its)}: zip_longest rounds with the missing elements left out. */
    static final class InterleaveLongest<T> extends Op<T> {
        private static final Object MISSING = new Object();
        private final Generator<List<Object>> rounds;
        private List<Object> round = List.of();
        private int pos;

        InterleaveLongest(Generator<List<Object>> rounds) {
            super(rounds);
            this.rounds = rounds;
        }

        @SuppressWarnings("unchecked")
        static <T> InterleaveLongest<T> of(Generator<?>[] sources) {
            return new InterleaveLongest<>(new Generator<>(
                    new IterOps.ZipLongest<Object>(MISSING, (Generator<? extends Object>[]) sources)));
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean advance() {
            for (;;) {
                while (pos < round.size()) {
                    Object x = round.get(pos++);
                    if (x != MISSING) {
                        out = x;
                        return true;
                    }
                }
                if (!rounds.hasNext()) {
                    return false;
                }
                round = rounds.next();
                pos = 0;
            }
        }
    }

    /** {@code intersperse(e, iterable, n)}: {@code e} between chunks of {@code n} elements. */
    static final class Intersperse<T> extends Op<T> {
        private final Generator<? extends T> source;
        private final T e;
        private final int n;
        private final ArrayDeque<Object> pending = new ArrayDeque<>();
        private boolean started;

        Intersperse(Generator<? extends T> source, T e, int n) {
            super(source);
            this.source = source;
            this.e = e;
            this.n = n;
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean advance() {
            if (pending.isEmpty()) {
                // why: like interleave(repeat([e]), chunked(it, n)), the separator waits for the next chunk.
                for (int k = 0; k < n && source.hasNext(); k++) {
                    pending.addLast(Recipes.box(source.next()));
                }
                if (pending.isEmpty()) {
                    return false;
                }
                if (started) {
                    pending.addFirst(Recipes.box(e));
                }
                started = true;
            }
            out = (T) Recipes.unbox(pending.pollFirst());
            return true;
        }
    }

    /** Which of more-itertools' split functions. */
    enum Split { AT, AT_KEEP, BEFORE, AFTER }

    /**
     * {@code split_at}, {@code split_before} and {@code split_after}, each with {@code maxsplit}. What
     * more-itertools yields at one point is queued; the rest of the source after the last split is read only when
     * its list is requested, as in more-itertools.
     */
    static final class Splitter<T> extends Op<List<T>> {
        private final Generator<? extends T> source;
        private final Predicate<? super T> pred;
        private final Split kind;
        private int maxsplit;
        /** Lists to yield, or a {@link Rest} to read when its turn comes. */
        private final ArrayDeque<Object> pending = new ArrayDeque<>();
        private List<T> buf = new ArrayList<>();
        private boolean finished;

        /** The list of everything the source has left, after {@code prefix} if {@code hasPrefix}. */
        private record Rest(boolean hasPrefix, Object prefix, boolean skipEmpty) {}

        Splitter(Generator<? extends T> source, Predicate<? super T> pred, Split kind, int maxsplit) {
            super(source);
            this.source = source;
            this.pred = pred;
            this.kind = kind;
            this.maxsplit = maxsplit;
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean advance() {
            for (;;) {
                while (pending.isEmpty()) {
                    if (finished) {
                        return false;
                    }
                    step();
                }
                Object next = pending.pollFirst();
                if (next instanceof Rest rest) {
                    List<T> list = new ArrayList<>();
                    if (rest.hasPrefix()) {
                        list.add((T) rest.prefix());
                    }
                    list.addAll(Tuples.drain(source));
                    if (rest.skipEmpty() && list.isEmpty()) {
                        continue;
                    }
                    out = list;
                } else {
                    out = next;
                }
                return true;
            }
        }

        /** Reads one element (or the end) and queues what more-itertools yields at that point. */
        private void step() {
            if (maxsplit == 0) {
                finished = true;
                pending.add(new Rest(false, null, false));
                return;
            }
            if (!source.hasNext()) {
                finished = true;
                if (kind == Split.AT || kind == Split.AT_KEEP || !buf.isEmpty()) {
                    pending.add(buf);
                }
                return;
            }
            T item = source.next();
            switch (kind) {
                case AT, AT_KEEP -> {
                    if (pred.test(item)) {
                        pending.add(buf);
                        if (kind == Split.AT_KEEP) {
                            List<T> separator = new ArrayList<>(1);
                            separator.add(item);
                            pending.add(separator);
                        }
                        split(item);
                    } else {
                        buf.add(item);
                    }
                }
                case BEFORE -> {
                    if (!buf.isEmpty() && pred.test(item)) {
                        pending.add(buf);
                        split(item);
                    } else {
                        buf.add(item);
                    }
                }
                case AFTER -> {
                    buf.add(item);
                    if (pred.test(item)) {
                        pending.add(buf);
                        split(item);
                    }
                }
            }
        }

        /** After a split at {@code item}: the rest in one list if maxsplit is reached, else a new buffer. */
        private void split(T item) {
            buf = new ArrayList<>();
            if (maxsplit == 1) {
                finished = true;
                pending.add(new Rest(kind == Split.BEFORE, item, kind == Split.AFTER));
                return;
            }
            if (kind == Split.BEFORE) {
                buf.add(item);
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    }

    /** {@code collapse(iterable, levels)}: depth-first flattening of nested iterables. */
    static final class Collapse extends Op<Object> {
        private final ArrayDeque<Object[]> stack = new ArrayDeque<>(); // {level, iterator}
        private final int levels;

        Collapse(Generator<?> root, int levels) {
            super(root);
            this.levels = levels;
            stack.push(new Object[] {0, List.of(root).iterator()});
        }

        @Override
        boolean advance() {
            while (!stack.isEmpty()) {
                Object[] group = stack.peek();
                int level = (Integer) group[0];
                Iterator<?> nodes = (Iterator<?>) group[1];
                if (!nodes.hasNext()) {
                    stack.pop();
                    continue;
                }
                Object node = nodes.next();
                if (level > levels || !(node instanceof Iterable<?> children)) {
                    out = node;
                    return true;
                }
                stack.push(new Object[] {level + 1, children.iterator()});
            }
            return false;
        }
    }
}
