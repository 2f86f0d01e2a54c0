package dev.jyield.bench;

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
     * Prints the two times.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Object first = FirstUse.typical(3).next();
        long t1 = System.nanoTime();
        Object second = FirstUse.other(3).next();
        long t2 = System.nanoTime();
        System.out.printf("first body %.1f ms, second body %.2f ms (%s, %s)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                first, second);
    }
}
