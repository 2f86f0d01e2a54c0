package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Values yielded at the bottom of a {@code yieldFrom} chain of a given depth, pulled by a for-each at the top:
 * {@code def deep(n): if n == 0: yield from range(N) else: yield from deep(n - 1)}. ns per element, so the cost
 * of delegation per element shows as a function of the depth. {@code forEach} includes building the chain (one
 * generator per level, spread over N elements); {@code pullStarted} pulls from a chain built and started before
 * the measurement, the cost per element alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", GeneratorBench.EXPORT})
@State(Scope.Benchmark)
public class DelegationBench {
    static final int N = 100_000;

    @Param({"1", "10", "1000", "100000"})
    int depth;

    static Generator<Integer> deep(int n) {
        return Generator.of(y -> {
            if (n == 0) {
                for (int i = 0; i < N; i++) {
                    y.yield(i);
                }
                return;
            }
            y.yieldFrom(deep(n - 1));
        });
    }

    /** A chain of {@link #depth} levels whose first value has been pulled, so that every level has started. */
    Generator<Integer> started;

    @Setup(Level.Invocation)
    public void start() {
        started = deep(depth);
        started.next();
    }

    @Benchmark
    @OperationsPerInvocation(N - 1)
    public long pullStarted() {
        long sum = 0;
        Generator<Integer> g = started;
        while (g.hasNext()) {
            sum += g.next();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long forEach() {
        long sum = 0;
        for (int v : deep(depth)) {
            sum += v;
        }
        return sum;
    }
}
