package dev.jyield;

import java.util.List;

/**
 * The combinatoric iterators, as Python computes them (CPython's index algorithms, so the output order is
 * Python's). Each buffers its inputs at the first request, as Python's {@code tuple(pool)}, and yields fresh
 * immutable lists.
 */
final class Combinatorics {
    private Combinatorics() {}

    /** {@code product(*pools, repeat=repeat)}: the odometer, rightmost index fastest. */
    static final class Product extends Op<List<Object>> {
        private final int repeat;
        private final Generator<?>[] sources;
        private Object[][] pools;
        private int[] indices;
        private boolean done;

        Product(int repeat, Generator<?>... inputs) {
            super(inputs);
            this.sources = inputs;
            this.repeat = repeat;
        }

        @Override
        boolean advance() {
            if (done) {
                return false;
            }
            if (pools == null) {
                start();
                if (done) {
                    return false;
                }
            } else {
                int i = indices.length - 1;
                while (i >= 0 && ++indices[i] == pools[i].length) {
                    indices[i] = 0;
                    i--;
                }
                if (i < 0) {
                    done = true;
                    return false;
                }
            }
            Object[] t = new Object[indices.length];
            for (int k = 0; k < t.length; k++) {
                t[k] = pools[k][indices[k]];
            }
            out = Tuples.of(t);
            return true;
        }

        private void start() {
            // why: Python builds every pool (in argument order) before it looks at repeat, even for repeat=0.
            Object[][] distinct = new Object[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                distinct[i] = Tuples.drain(sources[i]).toArray();
            }
            pools = new Object[distinct.length * repeat][];
            for (int i = 0; i < pools.length; i++) {
                pools[i] = distinct[i % distinct.length];
                if (pools[i].length == 0) {
                    done = true;
                }
            }
            indices = new int[pools.length];
        }
    }

    /** {@code permutations(pool, r)}: CPython's cycles algorithm (lexicographic by position). */
    static final class Permutations extends Op<List<Object>> {
        private final Generator<?> source;
        private final Integer r0;
        private Object[] pool;
        private int n;
        private int r;
        private int[] indices;
        private int[] cycles;
        private boolean done;

        Permutations(Generator<?> input, Integer r) {
            super(input);
            this.source = input;
            this.r0 = r;
        }

        @Override
        boolean advance() {
            if (done) {
                return false;
            }
            if (pool == null) {
                pool = Tuples.drain(source).toArray();
                n = pool.length;
                r = r0 == null ? n : r0;
                if (r > n) {
                    done = true;
                    return false;
                }
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
            if (n == 0) {
                done = true;
                return false;
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
            done = true;
            return false;
        }

        private boolean emit() {
            Object[] t = new Object[r];
            for (int k = 0; k < r; k++) {
                t[k] = pool[indices[k]];
            }
            out = Tuples.of(t);
            return true;
        }
    }

    /** {@code combinations(pool, r)} and {@code combinations_with_replacement(pool, r)}. */
    static final class Combinations extends Op<List<Object>> {
        private final Generator<?> source;
        private final int r;
        private final boolean replacement;
        private Object[] pool;
        private int[] indices;
        private boolean done;

        Combinations(Generator<?> input, int r, boolean replacement) {
            super(input);
            this.source = input;
            this.r = r;
            this.replacement = replacement;
        }

        @Override
        boolean advance() {
            if (done) {
                return false;
            }
            if (pool == null) {
                pool = Tuples.drain(source).toArray();
                int n = pool.length;
                if (replacement ? n == 0 && r > 0 : r > n) {
                    done = true;
                    return false;
                }
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
                    done = true;
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
                    done = true;
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
            Object[] t = new Object[r];
            for (int k = 0; k < r; k++) {
                t[k] = pool[indices[k]];
            }
            out = Tuples.of(t);
            return true;
        }
    }
}
