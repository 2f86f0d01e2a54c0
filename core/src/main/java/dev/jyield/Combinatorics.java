package dev.jyield;

import java.util.List;

/**
 * The combinatoric iterators, as Python computes them (CPython's index algorithms, so the output order is
 * Python's). Each factory reads its inputs to their end <em>at the call</em>, as CPython's constructors run
 * {@code tuple(pool)}: an input's exception surfaces from the factory, and an input's error wins over a bad
 * {@code r}. The tuples are then computed one per request, as fresh immutable lists. The pools are released
 * when the generator is closed or exhausted. An input read at the call is exhausted, hence closed, so only the
 * inputs that {@code product(..., repeat=0)} never reads stay attached, for {@code close()} to close them.
 */
final class Combinatorics {
    private Combinatorics() {}

    /** The most pools a product can hold: the largest array length a JVM allocates (ArrayList's own limit). */
    private static final int MAX_POOLS = Integer.MAX_VALUE - 8;

    /**
     * {@code product(*iterables, repeat=repeat)}: checks {@code repeat}, then reads each input in argument order;
     * with {@code repeat == 0} it reads nothing at all.
     */
    static <T> Generator<List<T>> product(int repeat, Iterable<? extends T>[] iterables) {
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must be non-negative but was: " + repeat);
        }
        Generator<?>[] inputs = Tuples.generators(iterables, "iterables");
        // why: CPython checks the size of the index array before it reads an input ("repeat argument too large").
        if (repeat > 0 && inputs.length > MAX_POOLS / repeat) {
            throw new ArithmeticException("repeat argument too large");
        }
        // why: CPython's product(..., repeat=0) builds no pool, so even an input that would raise is never touched.
        Object[][] distinct = new Object[repeat == 0 ? 0 : inputs.length][];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = pool(inputs[i]);
        }
        // why: a drained input is CLOSED already; holding it would keep its iterable (and elements) reachable.
        return generator(new Product(distinct, repeat, repeat == 0 ? inputs : new Generator<?>[0]));
    }

    /** {@code permutations(iterable, r)}, {@code r == null} meaning the input's length: reads, then checks r. */
    static <T> Generator<List<T>> permutations(Iterable<? extends T> iterable, Integer r) {
        Generator<?> input = Generator.from(Util.requireNonNull(iterable, "iterable"));
        Object[] pool = pool(input);
        int length = r == null ? pool.length : r;
        Tuples.requireR(length);
        return generator(new Permutations(pool, length));
    }

    /** {@code combinations(iterable, r)}, or {@code combinations_with_replacement} if {@code replacement}. */
    static <T> Generator<List<T>> combinations(Iterable<? extends T> iterable, int r, boolean replacement) {
        Generator<?> input = Generator.from(Util.requireNonNull(iterable, "iterable"));
        Object[] pool = pool(input);
        Tuples.requireR(r);
        return generator(new Combinations(pool, r, replacement));
    }

    /** The generator over {@code op}'s tuples, which hold elements of type {@code T}. */
    @SuppressWarnings("unchecked")
    private static <T> Generator<List<T>> generator(Op<List<Object>> op) {
        return new Generator<>((Source<List<T>>) (Source<?>) op);
    }

    /** Python's {@code tuple(pool)}: the rest of {@code input}, read now. */
    private static Object[] pool(Generator<?> input) {
        return input.toList().toArray();
    }

    /** The tuple {@code (pool[indices[0]], ..., pool[indices[r - 1]])}. */
    private static List<Object> pick(Object[] pool, int[] indices, int r) {
        Object[] t = new Object[r];
        for (int k = 0; k < r; k++) {
            t[k] = pool[indices[k]];
        }
        return Tuples.of(t);
    }

    /** {@code product(*pools, repeat=repeat)}: the odometer, rightmost index fastest. */
    static final class Product extends Op<List<Object>> {
        private Object[][] pools;
        private int[] indices;
        private boolean started;

        private Product(Object[][] distinct, int repeat, Generator<?>[] unread) {
            super(unread);
            boolean empty = false;
            for (Object[] pool : distinct) {
                empty |= pool.length == 0;
            }
            if (empty) {
                return; // an empty pool makes the product empty: no index array of repeat * n entries
            }
            pools = new Object[distinct.length * repeat][];
            for (int i = 0; i < pools.length; i++) {
                pools[i] = distinct[i % distinct.length];
            }
            indices = new int[pools.length];
        }

        @Override
        boolean advance() {
            if (pools == null) {
                return false;
            }
            if (started) {
                int i = indices.length - 1;
                while (i >= 0 && ++indices[i] == pools[i].length) {
                    indices[i] = 0;
                    i--;
                }
                if (i < 0) {
                    return false;
                }
            }
            started = true;
            Object[] t = new Object[indices.length];
            for (int k = 0; k < t.length; k++) {
                t[k] = pools[k][indices[k]];
            }
            out = Tuples.of(t);
            return true;
        }

        @Override
        void release() {
            pools = null;
        }
    }

    /** {@code permutations(pool, r)}: CPython's cycles algorithm (lexicographic by position). */
    static final class Permutations extends Op<List<Object>> {
        private Object[] pool;
        private final int r;
        private int[] indices;
        private int[] cycles;

        private Permutations(Object[] pool, int r) {
            this.r = r;
            if (r <= pool.length) { // else nothing to yield, and no index arrays to allocate
                this.pool = pool;
            }
        }

        @Override
        boolean advance() {
            if (pool == null) {
                return false;
            }
            int n = pool.length;
            if (indices == null) {
                indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = i;
                }
                cycles = new int[r];
                for (int i = 0; i < r; i++) {
                    cycles[i] = n - i;
                }
                return emit();
            }
            for (int i = r - 1; i >= 0; i--) {
                cycles[i]--;
                if (cycles[i] == 0) {
                    // rotate indices[i:] left by one
                    int first = indices[i];
                    System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = first;
                    cycles[i] = n - i;
                } else {
                    int j = n - cycles[i];
                    int tmp = indices[i];
                    indices[i] = indices[j];
                    indices[j] = tmp;
                    return emit();
                }
            }
            return false;
        }

        private boolean emit() {
            out = pick(pool, indices, r);
            return true;
        }

        @Override
        void release() {
            pool = null;
        }
    }

    /** {@code combinations(pool, r)} and {@code combinations_with_replacement(pool, r)}. */
    static final class Combinations extends Op<List<Object>> {
        private Object[] pool;
        private final int r;
        private final boolean replacement;
        private int[] indices;

        private Combinations(Object[] pool, int r, boolean replacement) {
            this.r = r;
            this.replacement = replacement;
            int n = pool.length;
            if (replacement ? n > 0 || r == 0 : r <= n) { // else nothing to yield
                this.pool = pool;
            }
        }

        @Override
        boolean advance() {
            if (pool == null) {
                return false;
            }
            if (indices == null) {
                indices = new int[r];
                if (!replacement) {
                    for (int i = 0; i < r; i++) {
                        indices[i] = i;
                    }
                }
                return emit();
            }
            int n = pool.length;
            int i = r - 1;
            if (replacement) {
                while (i >= 0 && indices[i] == n - 1) {
                    i--;
                }
                if (i < 0) {
                    return false;
                }
                int v = indices[i] + 1;
                for (int j = i; j < r; j++) {
                    indices[j] = v;
                }
            } else {
                while (i >= 0 && indices[i] == i + n - r) {
                    i--;
                }
                if (i < 0) {
                    return false;
                }
                indices[i]++;
                for (int j = i + 1; j < r; j++) {
                    indices[j] = indices[j - 1] + 1;
                }
            }
            return emit();
        }

        private boolean emit() {
            out = pick(pool, indices, r);
            return true;
        }

        @Override
        void release() {
            pool = null;
        }
    }
}
