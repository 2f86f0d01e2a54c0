package dev.jyield.bench;

import dev.jyield.Yielder;

/** A yielding helper in a class of its own, called by a body of {@link IdiomsBench}. */
final class IdiomHelpers {
    private IdiomHelpers() {}

    /** Yields {@code 2 * x} for each element: the even numbers. */
    static void evens(Iterable<Integer> items, Yielder<Integer> y) {
        for (int x : items) {
            y.yield(x * 2);
        }
    }
}
