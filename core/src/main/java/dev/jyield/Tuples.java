package dev.jyield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Python's tuples as immutable lists (nulls allowed, unlike {@link List#of}), and buffering helpers. */
final class Tuples {
    private Tuples() {}

    /** The one null mask: collections that hold no null (ArrayDeque) carry a null element as this marker. */
    private static final Object NULL = new Object();

    static Object box(Object x) {
        return x == null ? NULL : x;
    }

    @SuppressWarnings("unchecked")
    static <T> T unbox(Object x) {
        return x == NULL ? null : (T) x;
    }

    /** An immutable list over {@code items}, which the caller hands over and never changes again. */
    @SuppressWarnings("unchecked")
    static <T> List<T> of(Object[] items) {
        return (List<T>) Collections.unmodifiableList(Arrays.asList(items));
    }

    /** Python's {@code tuple(iterator)}: drains {@code source} into a list (a generator pushes into it). */
    static <T> List<T> drain(Iterator<? extends T> source) {
        ArrayList<T> list = new ArrayList<>();
        source.forEachRemaining(list::add); // why: a generator's forEachRemaining pushes, with no engine
        return list;
    }

    /** Python's {@code tuple(iterator)}: drains {@code source} into an immutable list. */
    static <T> List<T> tuple(Iterator<? extends T> source) {
        return Collections.unmodifiableList(drain(source));
    }

    /**
     * The inputs of a {@code Collection} overload as the array its varargs twin takes (Guava's
     * {@code Iterables.concat} convention: the one collection argument is the list of inputs).
     */
    @SuppressWarnings("unchecked") // why: an array of a generic type cannot be created otherwise
    static <T> Iterable<? extends T>[] inputs(Collection<? extends Iterable<? extends T>> inputs, String name) {
        return Util.requireNonNull(inputs, name).toArray(new Iterable[0]);
    }

    /** Wraps each iterable as a generator (taking its iterator at the first request). */
    @SuppressWarnings("unchecked")
    static <T> Generator<? extends T>[] generators(Iterable<? extends T>[] iterables, String name) {
        Util.requireNonNull(iterables, name);
        Generator<? extends T>[] gens = new Generator[iterables.length];
        for (int i = 0; i < iterables.length; i++) {
            gens[i] = Generator.from(Util.requireNonNull(iterables[i], name + "[" + i + "]"));
        }
        return gens;
    }

    static void requireR(int r) {
        if (r < 0) {
            throw new IllegalArgumentException("r must be non-negative but was: " + r);
        }
    }
}
