package dev.jyield.bench;

import dev.jyield.Generator;

/**
 * First use of the bytecode engine in a JVM of its own, without JMH: the milliseconds to the first value of the
 * first body ({@link FirstUse#typical}, which loads and runs the engine), then of a second body. JMH's one-shot
 * {@code BytecodeEngineBench.firstUse} runs inside a harness that has loaded much of what the engine needs (the
 * logging backend, string concatenation's bootstrap); this probe shows what a small application pays.
 *
 * <p>Run: {@code for i in $(seq 10); do java -cp bench/target/benchmarks.jar dev.jyield.bench.FirstUseProbe; done}
 *
 * <p>With {@code --counts} it also prints, for each body's first {@code next()}, the main thread's CPU time, the
 * bytes it allocated and the classes the JVM loaded: figures that, unlike the elapsed time on a shared machine, do
 * not move from run to run (bytes and classes) or move little (CPU time), so that a change to first use can be
 * told apart from noise. The management beans that count are loaded before the first body, which may load some
 * classes the first body would otherwise load: compare counts with counts.
 */
public final class FirstUseProbe {
    private FirstUseProbe() {}

    /**
     * Prints the times: each body from its creation to its first value, then the two parts of that.
     *
     * @param args {@code --counts} to print the counts too (see the class documentation)
     */
    public static void main(String[] args) {
        Counts counts = args.length > 0 && args[0].equals("--counts") ? new Counts() : null;
        long t0 = System.nanoTime();
        Generator<Object> first = FirstUse.typical(3); // the lambda: Java's own first-use cost, and Generator's
        long t1 = System.nanoTime();
        long[] c1 = counts == null ? null : counts.now();
        Object a = first.next(); // the engine's: class file, rewrite, define, one value
        long[] c2 = counts == null ? null : counts.now();
        long t2 = System.nanoTime();
        Generator<Object> second = FirstUse.other(3);
        long t3 = System.nanoTime();
        long[] c3 = counts == null ? null : counts.now();
        Object b = second.next();
        long[] c4 = counts == null ? null : counts.now();
        long t4 = System.nanoTime();
        System.out.printf("first body %.1f ms, second body %.2f ms (%s, %s); of which creating the lambda %.1f and "
                + "%.2f ms, the first next() %.1f and %.2f ms%n", (t2 - t0) / 1e6, (t4 - t2) / 1e6, a, b,
                (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6);
        if (counts != null) {
            System.out.printf("first next(): %.1f ms CPU, %,d bytes, %d classes loaded; second next(): %.2f ms CPU, "
                    + "%,d bytes, %d classes loaded%n", (c2[0] - c1[0]) / 1e6, c2[1] - c1[1], c2[2] - c1[2],
                    (c4[0] - c3[0]) / 1e6, c4[1] - c3[1], c4[2] - c3[2]);
        }
    }

    /** The main thread's CPU time and allocated bytes, and the JVM's count of loaded classes. */
    private static final class Counts {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        private final java.lang.management.ClassLoadingMXBean classes =
                java.lang.management.ManagementFactory.getClassLoadingMXBean();

        Counts() {
            now(); // why: whatever the first call loads is loaded before the first body
        }

        long[] now() {
            return new long[] {threads.getCurrentThreadCpuTime(), threads.getCurrentThreadAllocatedBytes(),
                classes.getTotalLoadedClassCount()};
        }
    }
}
