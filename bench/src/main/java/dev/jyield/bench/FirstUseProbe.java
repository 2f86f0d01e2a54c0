package dev.jyield.bench;

import dev.jyield.Generator;

/**
 * First use of the bytecode engine in a JVM of its own, without JMH: the milliseconds to the first value of the
 * first body ({@link FirstUse#typical}, which loads and runs the engine), then of a second body. JMH's one-shot
 * {@code BytecodeEngineBench.firstUse} runs inside a harness that has loaded much of what the engine needs (the
 * logging backend, string concatenation's bootstrap); this probe shows what a small application pays.
 *
 * <p>Run: {@code for i in $(seq 10); do java -cp bench/target/benchmarks.jar dev.jyield.bench.FirstUseProbe; done}
 */
public final class FirstUseProbe {
    private FirstUseProbe() {}

    /**
     * Prints the times: each body from its creation to its first value, then the two parts of that.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Generator<Object> first = FirstUse.typical(3); // the lambda: Java's own first-use cost, and Generator's
        long t1 = System.nanoTime();
        Object a = first.next(); // the engine's: class file, rewrite, define, one value
        long t2 = System.nanoTime();
        Generator<Object> second = FirstUse.other(3);
        long t3 = System.nanoTime();
        Object b = second.next();
        long t4 = System.nanoTime();
        System.out.printf("first body %.1f ms, second body %.2f ms (%s, %s); of which creating the lambda %.1f and "
                + "%.2f ms, the first next() %.1f and %.2f ms%n", (t2 - t0) / 1e6, (t4 - t2) / 1e6, a, b,
                (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6);
    }
}
