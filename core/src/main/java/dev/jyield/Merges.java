package dev.jyield;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The operators over several inputs: the zip family, chain and roundrobin (interleave and interleave_longest are
 * a zip flattened, as in more-itertools). Each pulls its inputs one element at a time, in Python's order, so an
 * input it stops early on stays usable; run by a push, the operator's own loop is a plain call. Those of Generator
 * have an {@code of} factory typed as {@code Source} (see {@link Generator#then} for why).
 */
final class Merges {
    private Merges() {}

    /** The base of an operator over several inputs: reads them only as far as it needs, closes them all with it. */
    abstract static class Merge<E, T> extends Producer<T> {
        final Generator<? extends E>[] inputs;

        @SafeVarargs
        Merge(Generator<? extends E>... inputs) {
            super(inputs);
            this.inputs = inputs;
        }
    }

    /** Where a {@link Zip} ends. */
    enum Stop {
        /** At the first input that runs out: zip. */
        SHORTEST,
        /** As SHORTEST, then fails if the inputs differ in length: zip(strict=True). */
        STRICT,
        /** At the last input that runs out, the others filled: zip_longest. */
        LONGEST
    }

    /**
     * zip, zip(strict=True) and zip_longest, as CPython's {@code zip_next} and {@code zip_longest_next}: each row
     * pulls the inputs in order, and {@code combine} makes the row's value (a tuple, or a pair).
     */
    static final class Zip<E, T> extends Merge<E, T> {
        private final Stop stop;
        private final E fill;
        private final Function<Object[], ? extends T> combine;
        /** For LONGEST: the inputs found exhausted, never pulled again. */
        private final boolean[] exhausted;
        private int active;

        @SafeVarargs
        static <E, T> Source<T> of(Stop stop, E fill, Function<Object[], ? extends T> combine, Generator<? extends E>... inputs) {
            return new Zip<>(stop, fill, combine, inputs);
        }

        @SafeVarargs
        Zip(Stop stop, E fill, Function<Object[], ? extends T> combine, Generator<? extends E>... inputs) {
            super(inputs);
            this.stop = stop;
            this.fill = fill;
            this.combine = combine;
            this.exhausted = stop == Stop.LONGEST ? new boolean[inputs.length] : null;
            this.active = inputs.length;
        }

        /** A zip yielding tuples. */
        @SafeVarargs
        static <E> Zip<E, List<E>> tuples(Stop stop, E fill, Generator<? extends E>... inputs) {
            return new Zip<>(stop, fill, Tuples::of, inputs);
        }

        @Override
        boolean advance() {
            int n = inputs.length;
            if (active == 0) {
                return false;
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                if (exhausted != null && exhausted[i]) {
                    row[i] = fill;
                    continue;
                }
                Generator<? extends E> g = inputs[i];
                if (g.hasNext()) {
                    row[i] = g.next();
                    continue;
                }
                switch (stop) {
                    case SHORTEST -> {
                        return false;
                    }
                    case STRICT -> {
                        return checkLonger(i);
                    }
                    case LONGEST -> {
                        exhausted[i] = true;
                        if (--active == 0) {
                            return false; // Python stops mid-row when the last input runs out
                        }
                        row[i] = fill;
                    }
                }
            }
            out = combine.apply(row);
            return true;
        }

        /** Input {@code i} ran out first: as CPython, a later input that is not exhausted loses one element. */
        private boolean checkLonger(int i) {
            if (i > 0) {
                throw shorter(i);
            }
            for (int j = 1; j < inputs.length; j++) {
                if (inputs[j].hasNext()) {
                    inputs[j].next();
                    throw new IllegalArgumentException(
                            "zip() argument " + (j + 1) + " is longer than argument" + (j == 1 ? " 1" : "s 1-" + j));
                }
            }
            return false;
        }
    }

    /** CPython's error for a strict zip whose input {@code i} (counted from 0) ran out before the ones before it. */
    static IllegalArgumentException shorter(int i) {
        return new IllegalArgumentException(
                "zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " 1" : "s 1-" + i));
    }

    /** chain / concat: each input in turn; an input is not touched before the previous one is exhausted. */
    static final class Chain<T> extends Merge<T, T> {
        private int index;

        @SafeVarargs
        static <T> Source<T> of(Generator<? extends T>... inputs) {
            return new Chain<>(inputs);
        }

        @SafeVarargs
        Chain(Generator<? extends T>... inputs) {
            super(inputs);
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
                inputs[index].forEachRemaining(sink); // why: each input pushes in turn
            }
            return null;
        }
    }

    /** {@code roundrobin(*its)}: one element from each input in turn, dropping the exhausted ones. */
    static final class RoundRobin<T> extends Merge<T, T> {
        private final ArrayDeque<Generator<? extends T>> queue = new ArrayDeque<>();

        @SafeVarargs
        RoundRobin(Generator<? extends T>... inputs) {
            super(inputs);
            queue.addAll(List.of(inputs));
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
}
