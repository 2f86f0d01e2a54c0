package dev.jyield;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The sources of generator expressions and the operators over several inputs. */
final class Sources {
    private Sources() {}

    /** Python's range, counted in long so that no bound overflows. */
    static final class Range extends Producer<Integer> {
        private long next;
        private final long stop;
        private final long step;

        Range(long start, long stop, long step) {
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        boolean advance() {
            if (step > 0 ? next < stop : next > stop) {
                out = (int) next;
                next += step;
                return true;
            }
            return false;
        }
    }

    static final class Count extends Producer<Long> {
        private long next;
        private final long step;
        private boolean overflowed;

        Count(long start, long step) {
            this.next = start;
            this.step = step;
        }

        @Override
        boolean advance() {
            if (overflowed) {
                throw new ArithmeticException("count() went past the range of long");
            }
            out = next;
            long n = next + step;
            // why: Python's integers do not overflow; a wrapped count would be silently wrong, so stop loudly.
            if (((next ^ n) & (step ^ n)) < 0) {
                overflowed = true;
            }
            next = n;
            return true;
        }
    }

    static final class Repeat<T> extends Producer<T> {
        private final T value;
        private long remaining; // negative: forever

        Repeat(T value, long times) {
            this.value = value;
            this.remaining = times;
        }

        @Override
        boolean advance() {
            if (remaining == 0) {
                return false;
            }
            if (remaining > 0) {
                remaining--;
            }
            out = value;
            return true;
        }
    }

    static final class Iterate<T> extends Producer<T> {
        private final UnaryOperator<T> f;
        private T current;
        private boolean started;

        Iterate(T seed, UnaryOperator<T> f) {
            this.current = seed;
            this.f = f;
        }

        @Override
        boolean advance() {
            if (started) {
                current = f.apply(current);
            } else {
                started = true;
            }
            out = current;
            return true;
        }
    }

    static final class Generate<T> extends Producer<T> {
        private final Supplier<? extends T> supplier;

        Generate(Supplier<? extends T> supplier) {
            this.supplier = supplier;
        }

        @Override
        boolean advance() {
            out = supplier.get();
            return true;
        }
    }

    /** Python's cycle: the first pass is yielded and saved; then the saved copy repeats, the input untouched. */
    static final class Cycle<T> extends Producer<T> {
        private final Generator<? extends T> input;
        private ArrayList<T> saved = new ArrayList<>();
        private boolean firstPass = true;
        private int index;

        Cycle(Generator<? extends T> input) {
            super(input);
            this.input = input;
        }

        @Override
        boolean advance() {
            if (firstPass) {
                if (input.hasNext()) {
                    T x = input.next();
                    saved.add(x);
                    out = x;
                    return true;
                }
                firstPass = false;
            }
            if (saved.isEmpty()) {
                return false;
            }
            out = saved.get(index);
            index = index + 1 == saved.size() ? 0 : index + 1;
            return true;
        }

        @Override
        Object push(Consumer<? super T> sink) {
            input.forEachRemaining(x -> {
                saved.add(x);
                sink.accept(x);
            });
            firstPass = false;
            return super.push(sink);
        }
    }

    /** chain / concat: each input in turn; an input is not touched before the previous one is exhausted. */
    static final class Chain<T> extends Producer<T> {
        private final Generator<? extends T>[] inputs;
        private int index;

        @SafeVarargs
        Chain(Generator<? extends T>... inputs) {
            super(inputs);
            this.inputs = inputs;
        }

        @Override
        boolean advance() {
            while (index < inputs.length) {
                Generator<? extends T> g = inputs[index];
                if (g.hasNext()) {
                    out = g.next();
                    return true;
                }
                index++;
            }
            return false;
        }

        @Override
        Object push(Consumer<? super T> sink) {
            for (; index < inputs.length; index++) {
                inputs[index].forEachRemaining(sink);
            }
            return null;
        }
    }

    /** Python's zip over any number of inputs, and zip(strict=True), with CPython's messages. */
    static final class Zip<T> extends Op<java.util.List<T>> {
        private final Generator<? extends T>[] inputs;
        private final boolean strict;

        @SafeVarargs
        Zip(boolean strict, Generator<? extends T>... inputs) {
            super(inputs);
            this.inputs = inputs;
            this.strict = strict;
        }

        @Override
        boolean advance() {
            int n = inputs.length;
            if (n == 0) {
                return false;
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                Generator<? extends T> g = inputs[i];
                if (!g.hasNext()) {
                    if (strict) {
                        checkStrict(i);
                    }
                    return false;
                }
                row[i] = g.next();
            }
            out = Stages.tuple(row);
            return true;
        }

        private void checkStrict(int i) {
            if (i > 0) {
                throw new IllegalArgumentException(
                        "zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " " : "s 1-") + i);
            }
            for (int j = 1; j < inputs.length; j++) {
                if (inputs[j].hasNext()) {
                    throw new IllegalArgumentException(
                            "zip() argument " + (j + 1) + " is longer than argument" + (j == 1 ? " " : "s 1-") + j);
                }
            }
        }
    }

    /**
     * Python's groupby, as CPython's {@code groupby_next} and {@code _grouper_next}: the groups share the input,
     * and moving the outer generator on invalidates the earlier groups.
     */
    static final class GroupBy<K, T> extends Op<Group<K, T>> {
        private final Generator<? extends T> input;
        private final Function<? super T, ? extends K> key;
        private K currentKey;
        private boolean hasCurrentKey;
        private T currentValue;
        private boolean hasCurrentValue;
        private K targetKey;
        private boolean hasTargetKey;
        private GroupView currentGroup;

        GroupBy(Generator<? extends T> input, Function<? super T, ? extends K> key) {
            super(input);
            this.input = input;
            this.key = key;
        }

        @SuppressWarnings("unchecked")
        private boolean step() {
            if (!input.hasNext()) {
                return false;
            }
            T v = input.next();
            K k = key == null ? (K) v : key.apply(v);
            currentValue = v;
            hasCurrentValue = true;
            currentKey = k;
            hasCurrentKey = true;
            return true;
        }

        @Override
        boolean advance() {
            currentGroup = null;
            for (;;) {
                if (hasCurrentKey) {
                    if (!hasTargetKey || !Objects.equals(targetKey, currentKey)) {
                        break;
                    }
                }
                if (!step()) {
                    return false;
                }
            }
            targetKey = currentKey;
            hasTargetKey = true;
            GroupView view = new GroupView(targetKey);
            currentGroup = view;
            out = new Group<>(targetKey, new Generator<>(view));
            return true;
        }

        private final class GroupView extends Op<T> {
            private final K groupKey;

            GroupView(K groupKey) {
                this.groupKey = groupKey;
            }

            @Override
            boolean advance() {
                if (currentGroup != this) {
                    return false;
                }
                if (!hasCurrentValue && !step()) {
                    return false;
                }
                if (!Objects.equals(groupKey, currentKey)) {
                    return false;
                }
                out = currentValue;
                currentValue = null;
                hasCurrentValue = false;
                return true;
            }

            @Override
            String engineName() {
                return "group";
            }
        }
    }

    /** The lines of a file or a reader, opened on the first request and closed on every way out. */
    static final class Lines extends Producer<String> {
        private final Path path;
        private final Charset charset;
        private final Handle handle = new Handle();
        private Cleaner.Cleanable cleanable;

        Lines(Path path, Charset charset, Reader reader) {
            this.path = path;
            this.charset = charset;
            if (reader != null) {
                handle.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            }
        }

        /** What the cleaner closes: it must not reach the generator, or the generator could never be collected. */
        private static final class Handle implements Runnable {
            BufferedReader reader;
            boolean closed;

            void close() throws IOException {
                BufferedReader r = reader;
                reader = null;
                closed = true;
                if (r != null) {
                    r.close();
                }
            }

            @Override
            public void run() {
                try {
                    close();
                } catch (IOException ignored) {
                    // best effort, for an abandoned generator
                }
            }
        }

        @Override
        Source<String> forPull(Object owner) {
            cleanable = StackfulSource.CLEANER.register(owner, handle);
            return this;
        }

        @Override
        boolean advance() {
            try {
                if (handle.reader == null) {
                    if (handle.closed) {
                        return false;
                    }
                    handle.reader = Files.newBufferedReader(path, charset);
                }
                String line = handle.reader.readLine();
                if (line == null) {
                    return false;
                }
                out = line;
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void release() {
            try {
                handle.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (cleanable != null) {
                    cleanable.clean();
                }
            }
        }

        @Override
        String engineName() {
            return "lines";
        }
    }

    /** The elements of a Stream: pushed with forEachOrdered, pulled through its iterator; closed on every way out. */
    static final class FromStream<T> extends Producer<T> {
        private Stream<? extends T> stream;
        private Iterator<? extends T> it;

        FromStream(Stream<? extends T> stream) {
            this.stream = stream;
        }

        @Override
        boolean advance() {
            if (it == null) {
                it = stream.iterator();
            }
            if (it.hasNext()) {
                out = it.next();
                return true;
            }
            return false;
        }

        @Override
        Object push(Consumer<? super T> sink) {
            stream.forEachOrdered(sink);
            return null;
        }

        @Override
        void release() {
            Stream<? extends T> s = stream;
            stream = null;
            it = null;
            if (s != null) {
                s.close();
            }
        }

        @Override
        String engineName() {
            return "stream";
        }
    }
}
