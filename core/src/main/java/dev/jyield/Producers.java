package dev.jyield;

import static dev.jyield.Util.sneaky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The producers: what starts a generator expression without a body (range, count, repeat, the lines of a file,
 * the recipes' number sources), reading no generator (cycle reads one, then repeats what it saved). Each is
 * computed by {@link Producer#advance()}, so that it pushes and pulls from one definition. Those of Generator have
 * an {@code of} factory typed as {@code Source} (see {@link Generator#then} for why).
 */
final class Producers {
    private Producers() {}

    /** Python's range, counted in long so that no bound overflows. */
    static final class Range extends Producer.Split<Integer> {
        private long next;
        private final long stop;
        private final long step;

        static Source<Integer> of(long start, long stop, long step) {
            return new Range(start, stop, step);
        }

        Range(long start, long stop, long step) {
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        boolean hasMore() {
            return step > 0 ? next < stop : next > stop;
        }

        @Override
        Object make() {
            long n = next;
            next = n + step;
            return (int) n;
        }

        @Override
        Object push(Consumer<? super Integer> sink) {
            // why: a local loop keeps the counter in a register; advance() would box each value through a field.
            // A push ends the generator either way, so next need not be kept up to date.
            long from = next;
            if (step > 0) {
                for (long i = from; i < stop; i += step) {
                    sink.accept((int) i);
                }
            } else {
                for (long i = from; i > stop; i += step) {
                    sink.accept((int) i);
                }
            }
            return null;
        }
    }

    static final class Count extends Producer.Split<Long> {
        private long next;
        private final long step;
        private boolean overflowed;

        Count(long start, long step) {
            this.next = start;
            this.step = step;
        }

        @Override
        boolean hasMore() {
            return true;
        }

        @Override
        Object make() {
            if (overflowed) {
                throw new ArithmeticException("count() went past the range of long");
            }
            long v = next;
            long n = v + step;
            // why: Python's integers do not overflow; a wrapped count would be silently wrong, so stop loudly.
            if (((v ^ n) & (step ^ n)) < 0) {
                overflowed = true;
            }
            next = n;
            return v;
        }
    }

    static final class Iterate<T> extends Producer<T> {
        private final UnaryOperator<T> f;
        private T current;
        private boolean started;

        static <T> Source<T> of(T seed, UnaryOperator<T> f) {
            return new Iterate<>(seed, f);
        }

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

        static <T> Source<T> of(Supplier<? extends T> supplier) {
            return new Generate<>(supplier);
        }

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

        static <T> Source<T> of(Generator<? extends T> input) {
            return new Cycle<>(input);
        }

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

    /** The lines of a file or a reader, opened on the first request and closed on every way out. */
    static final class Lines extends Producer<String> {
        private final Path path;
        private final Charset charset;
        private final Handle handle = new Handle();
        private Cleaner.Cleanable cleanable;

        static Source<String> of(Path path, Charset charset, Reader reader) {
            return new Lines(path, charset, reader);
        }

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
            cleanable = Source.CLEANER.register(owner, handle);
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

        static <T> Source<T> of(Stream<? extends T> stream) {
            return new FromStream<>(stream);
        }

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

    /** A value computed by each call, {@code times} times or forever ({@code times < 0}): repeat, repeatfunc, ... */
    static final class Calls<T> extends Producer<T> {
        private final Callable<? extends T> call;
        private long left;

        static <T> Source<T> of(Callable<? extends T> call, long times) {
            return new Calls<>(call, times);
        }

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

    /** {@code iter_except(func, exception, first)}: calls until {@code exception} (or a subclass) is thrown. */
    static final class IterExcept<T> extends Producer<T> {
        private final Callable<? extends T> func;
        private final Class<? extends Throwable> exception;
        private Callable<? extends T> first;

        IterExcept(Callable<? extends T> func, Class<? extends Throwable> exception, Callable<? extends T> first) {
            this.func = func;
            this.exception = exception;
            this.first = first;
        }

        @Override
        boolean advance() {
            // why: no end flag; a generator never asks its source again once it has returned false
            Callable<? extends T> call = first != null ? first : func;
            first = null;
            try {
                out = call.call();
                return true;
            } catch (Throwable t) {
                if (exception.isInstance(t)) {
                    return false;
                }
                throw sneaky(t);
            }
        }
    }


    /** The recipe {@code sieve(n)}: the primes below {@code n}, the odd composites marked at the first request. */
    static final class Sieve extends Producer<Integer> {
        private final int n;
        private BitSet composite; // bit i stands for the odd number 2i + 1
        private int next = -1;

        Sieve(int n) {
            this.n = n;
        }

        @Override
        boolean advance() {
            if (next < 0) {
                next = 3;
                if (n > 2) {
                    out = 2;
                    return true;
                }
            }
            if (composite == null) {
                composite = new BitSet(n / 2);
                for (long p = 3; p * p < n; p += 2) {
                    if (!composite.get((int) (p / 2))) {
                        for (long m = p * p; m < n; m += 2 * p) {
                            composite.set((int) (m / 2));
                        }
                    }
                }
            }
            while (next < n) {
                int c = next;
                next += 2;
                if (!composite.get(c / 2)) {
                    out = c;
                    return true;
                }
                if (next < 0) {
                    break; // overflow past Integer.MAX_VALUE
                }
            }
            next = Integer.MAX_VALUE;
            return false;
        }
    }

    /** The recipe {@code factor(n)}: the prime factors of {@code n}, ascending, each found at its request. */
    static final class Factors extends Producer<Long> {
        /** What is left to factor, and the least candidate factor. */
        private long m;
        private long p = 2;

        Factors(long n) {
            this.m = n;
        }

        @Override
        boolean advance() {
            long rest = m;
            for (long q = p; q <= rest / q; q += q == 2 ? 1 : 2) {
                if (rest % q == 0) {
                    m = rest / q;
                    p = q;
                    out = q;
                    return true;
                }
            }
            m = 1;
            if (rest > 1) {
                out = rest;
                return true;
            }
            return false;
        }
    }
}
