package dev.jyield;

/** Helpers of generator bodies in a class of their own, in the library's package. */
final class SamePackageHelpers {
    private SamePackageHelpers() {}

    /** Yields the even elements of {@code xs}, doubled. */
    static void evens(Iterable<Integer> xs, Yielder<Integer> y) {
        for (int x : xs) {
            if (x % 2 == 0) {
                y.yield(x * 2);
            }
        }
    }
}
