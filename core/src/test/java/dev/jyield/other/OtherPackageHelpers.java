package dev.jyield.other;

import dev.jyield.Yielder;

/** Helpers of generator bodies in another package than the bodies that call them. */
public final class OtherPackageHelpers {
    private OtherPackageHelpers() {}

    /**
     * Yields the odd elements of {@code xs}, negated, and returns how many it yielded.
     *
     * @param xs the elements
     * @param y the yielder of the calling body
     * @return the number of values yielded
     */
    public static int odds(Iterable<Integer> xs, Yielder<Integer> y) {
        int n = 0;
        for (int x : xs) {
            if (x % 2 != 0) {
                y.yield(-x);
                n++;
            }
        }
        return n;
    }
}
