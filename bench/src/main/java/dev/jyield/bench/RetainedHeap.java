package dev.jyield.bench;

import dev.jyield.Generator;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The heap a suspended generator retains: 100,000 generators of a body with two int locals ({@code i}, {@code n}),
 * each advanced once and kept, for jyield, Kotlin's {@code sequence {}} iterator and a hand-written iterator.
 * Bytes per generator are the growth of the used heap after full collections, divided by the count; each figure
 * is the median of 5 rounds.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp bench/target/benchmarks.jar dev.jyield.bench.RetainedHeap}
 * (a serial collector reports the used heap without regions' slack).
 */
public final class RetainedHeap {
    static final int COUNT = 100_000;
    static final int ROUNDS = 5;

    private RetainedHeap() {}

    static Generator<Integer> squares(int n) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i * i);
            }
        });
    }

    /** What a careful programmer writes by hand for {@link #squares}. */
    static final class SquaresIterator implements Iterator<Integer> {
        private final int n;
        private int i;

        SquaresIterator(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public Integer next() {
            if (i >= n) {
                throw new NoSuchElementException();
            }
            int v = i * i;
            i++;
            return v;
        }
    }

    /** Prints the bytes retained per suspended generator for each peer. */
    public static void main(String[] args) throws InterruptedException {
        System.out.printf(Locale.ROOT, "retained heap per suspended generator, %,d kept, median of %d rounds (%s)%n",
                COUNT, ROUNDS, Runtime.version());
        print("hand-written iterator", bytesPerGenerator(SquaresIterator::new));
        print("jyield Generator.of", bytesPerGenerator(RetainedHeap::squares));
        print("Kotlin sequence {}", bytesPerGenerator(KotlinPeers::squares));
    }

    private static void print(String name, double bytes) {
        System.out.printf(Locale.ROOT, "%-24s %6.1f B%n", name, bytes);
    }

    /** The median over {@link #ROUNDS} rounds of the bytes each suspended generator made by {@code make} retains. */
    static double bytesPerGenerator(IntFunction<? extends Iterator<Integer>> make) throws InterruptedException {
        // The first generators of a body pay for loading and rewriting it: keep that out of the rounds.
        for (int i = 0; i < 1_000; i++) {
            make.apply(10).next();
        }
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rounds[r] = oneRound(make);
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static double oneRound(IntFunction<? extends Iterator<Integer>> make) throws InterruptedException {
        Object[] kept = new Object[COUNT]; // allocated before the first reading, so not counted
        long before = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            Iterator<Integer> it = make.apply(1_000 + i);
            it.next();
            kept[i] = it;
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        return (after - before) / (double) COUNT;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections: cleaners and reference processing may free more on the second or third.
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
