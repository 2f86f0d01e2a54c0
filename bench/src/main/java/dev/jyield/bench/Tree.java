package dev.jyield.bench;

/** A binary tree node, walked in order by the jyield, Kotlin and hand-written peers of {@link PullBench}. */
public record Tree(int value, Tree left, Tree right) {
    /** A balanced tree holding {@code lo .. hi-1}, in order; {@code null} when the range is empty. */
    public static Tree balanced(int lo, int hi) {
        if (lo >= hi) {
            return null;
        }
        int mid = (lo + hi) >>> 1;
        return new Tree(mid, balanced(lo, mid), balanced(mid + 1, hi));
    }
}
