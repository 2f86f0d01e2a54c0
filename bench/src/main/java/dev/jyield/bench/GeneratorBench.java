package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per element of each way to run a generator body, beside the hand-written baselines, in one run.
 * Every benchmark sums 0..N-1 and reports ns per element ({@code OperationsPerInvocation = N}).
 *
 * <p>The engines are chosen per fork with {@code -Djyield.engine}, as a user would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Benchmark)
public class GeneratorBench {
    static final int N = 100_000;
    static final String EXPORT = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    static Generator<Integer> upTo(int n) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        });
    }

    /** A for-each over a generator; each benchmark runs in a fork of its own, so this call site sees one kind. */
    private static long sum(Iterable<Integer> g) {
        long sum = 0;
        for (int x : g) {
            sum += x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long handLoop() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long handIterator() {
        long sum = 0;
        for (Iterator<Integer> it = new BytecodeEngineBench.RangeIterator(N); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /** The hand loop handing each element to a consumer that adds it up, as a terminal operation does. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long handLoopConsumer() {
        long[] sum = {0};
        java.util.function.IntConsumer c = x -> sum[0] += x;
        for (int i = 0; i < N; i++) {
            c.accept(i);
        }
        return sum[0];
    }

    /** A terminal operation on an unstarted generator: the body runs as a plain call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long pushForEach() {
        long[] sum = {0};
        upTo(N).forEach(x -> sum[0] += x);
        return sum[0];
    }

    /** for-each over a generator: the automatic choice, the bytecode engine's state machine. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long bytecodePull() {
        return sum(upTo(N));
    }

    /** for-each over a generator on the JDK's Continuation. */
    @Benchmark
    @OperationsPerInvocation(N)
    @Fork(value = 1, jvmArgsAppend = {"-Xss4m", EXPORT, "-Djyield.engine=continuation"})
    public long continuationPull() {
        return sum(upTo(N));
    }

    /** for-each over a generator on a virtual thread, consumed from the benchmark's platform thread. */
    @Benchmark
    @OperationsPerInvocation(N)
    @Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Djyield.engine=thread"})
    public long threadPullFromPlatformThread() {
        return sum(upTo(N));
    }

    /** The same, consumed from a virtual thread: the handoff never leaves the scheduler. */
    @Benchmark
    @OperationsPerInvocation(N)
    @Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Djyield.engine=thread"})
    public long threadPullFromVirtualThread() throws InterruptedException {
        long[] sum = {0};
        Thread consumer = Thread.ofVirtual().start(() -> {
            for (int x : upTo(N)) {
                sum[0] += x;
            }
        });
        consumer.join();
        return sum[0];
    }
}
