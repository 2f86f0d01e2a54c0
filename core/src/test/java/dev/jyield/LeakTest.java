package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * An abandoned, suspended generator must not keep a thread or its memory: its body is closed (finally blocks run,
 * as Python does on garbage collection) and everything it held is released.
 */
class LeakTest {
    private static final int N = 100_000;

    @Test
    void abandonedVirtualThreadGeneratorsReleaseTheirThreadsAndRunTheirFinallyBlocks() throws Exception {
        AtomicInteger live = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<WeakReference<Thread>> threads = new ArrayList<>();
        long heapBefore = usedHeapAfterGc();
        int platformBefore = Thread.getAllStackTraces().size();
        for (int i = 0; i < N; i++) {
            Generator<Integer> g = Generator.of(y -> {
                live.incrementAndGet();
                synchronized (threads) {
                    threads.add(new WeakReference<>(Thread.currentThread()));
                }
                try {
                    byte[] ballast = new byte[1024]; // what the body holds must be freed too
                    y.yield(ballast.length);
                    y.yield(2);
                } finally {
                    finallies.incrementAndGet();
                    live.decrementAndGet();
                }
            }, Engine.THREAD);
            assertThat(g.next()).isEqualTo(1024);
        }
        awaitCleaned(finallies);
        assertThat(finallies.get()).isEqualTo(N);
        assertThat(live.get()).isZero();
        long alive = awaitThreadsEnded(threads);
        assertThat(alive).as("producer threads still alive").isZero();
        assertThat(Thread.getAllStackTraces().size())
                .as("platform threads (carriers may be added, up to the core count)")
                .isLessThanOrEqualTo(platformBefore + Runtime.getRuntime().availableProcessors() + 2);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(32L << 20);
    }

    @Test
    void abandonedContinuationGeneratorsRunTheirFinallyBlocksAndAreCollected() throws Exception {
        Assumptions.assumeTrue(ContinuationSource.AVAILABLE, "the continuation engine needs the export");
        AtomicInteger finallies = new AtomicInteger();
        long heapBefore = usedHeapAfterGc();
        for (int i = 0; i < N; i++) {
            Generator<Integer> g = Generator.of(y -> {
                try {
                    byte[] ballast = new byte[1024];
                    y.yield(ballast.length);
                    y.yield(2);
                } finally {
                    finallies.incrementAndGet();
                }
            }, Engine.CONTINUATION);
            assertThat(g.next()).isEqualTo(1024);
        }
        awaitCleaned(finallies);
        assertThat(finallies.get()).isEqualTo(N);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(32L << 20);
    }

    @Test
    void closeAndTryWithResourcesReleaseAtOnce() throws Exception {
        AtomicInteger finallies = new AtomicInteger();
        List<WeakReference<Thread>> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            try (Generator<Integer> g = Generator.of(y -> {
                threads.add(new WeakReference<>(Thread.currentThread()));
                try {
                    y.yield(1);
                } finally {
                    finallies.incrementAndGet();
                }
            }, Engine.THREAD)) {
                assertThat(g.next()).isEqualTo(1);
            }
        }
        assertThat(finallies.get()).isEqualTo(100); // at once, not by a cleaner
        for (WeakReference<Thread> t : threads) {
            Thread thread = t.get();
            if (thread != null) {
                thread.join(5_000);
                assertThat(thread.isAlive()).isFalse();
            }
        }
    }

    private static void awaitCleaned(AtomicInteger finallies) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (finallies.get() < N && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static long awaitThreadsEnded(List<WeakReference<Thread>> threads) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long alive;
        do {
            System.gc();
            Thread.sleep(50);
            synchronized (threads) {
                alive = threads.stream().map(WeakReference::get).filter(t -> t != null && t.isAlive()).count();
            }
        } while (alive > 0 && System.nanoTime() < deadline);
        return alive;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
