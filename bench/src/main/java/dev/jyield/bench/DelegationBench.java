package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Values yielded at the bottom of a {@code yieldFrom} chain of a given depth, pulled by a for-each at the top:
 * {@code def deep(n): if n == 0: yield from range(N) else: yield from deep(n - 1)}. ns per element, so the cost
 * of delegation per element shows as a function of the depth (building the chain is included, spread over N).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", GeneratorBench.EXPORT})
@State(Scope.Benchmark)
public class DelegationBench {
    static final int N = 10_000;

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
