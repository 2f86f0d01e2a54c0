package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * A generator expression, {@code sum(x for x in (i * 3 for i in range(n)) if x % 2 == 0)}, pushed (a terminal
 * operation on the unstarted chain) and pulled (a for-each), beside {@code java.util.stream} and a hand loop, in
 * one run; and pulled over a list's elements, beside Kotlin's {@code asSequence()} and {@code Stream.iterator()}.
 * ns per element of the source.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", GeneratorBench.EXPORT})
@State(Scope.Benchmark)
public class PipelineBench {
    static final int N = 100_000;

    @Benchmark
    @OperationsPerInvocation(N)
    public long handLoop() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int x = i * 3;
            if ((x & 1) == 0) {
                sum += x;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long intStream() {
        return IntStream.range(0, N).map(i -> i * 3).filter(x -> (x & 1) == 0).asLongStream().sum();
    }

    /** The boxed twin of the generator chain, which carries {@code Integer}s too. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long boxedStream() {
        return IntStream.range(0, N).boxed().map(i -> i * 3).filter(x -> (x & 1) == 0).mapToLong(x -> x).sum();
    }

    /** A terminal operation on the unstarted chain: pushed, each element a plain call through the stages. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long generatorPush() {
        return Generator.range(N).map(i -> i * 3).filter(x -> (x & 1) == 0).sumLong(x -> x);
    }

    /** The same chain pulled by a for-each: each element asked for through every stage. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long generatorPull() {
        long sum = 0;
        for (int x : Generator.range(N).map(i -> i * 3).filter(x -> (x & 1) == 0)) {
            sum += x;
        }
        return sum;
    }

    /** The chain over a generator body instead of {@code range}, pushed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long bodyPush() {
        return GeneratorBench.upTo(N).map(i -> i * 3).filter(x -> (x & 1) == 0).sumLong(x -> x);
    }

    /** The chain over a generator body, pulled: the body runs on the continuation engine. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long bodyPull() {
        long sum = 0;
        for (int x : GeneratorBench.upTo(N).map(i -> i * 3).filter(x -> (x & 1) == 0)) {
            sum += x;
        }
        return sum;
    }

    // a filter alone over a range, pulled, and Kotlin's (0 until n).asSequence().filter {}

    @Benchmark
    @OperationsPerInvocation(N)
    public long rangeFilterPull() {
        return sum(Generator.range(N).filter(x -> (x & 1) == 0));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long rangeFilterPullKotlin() {
        return sum(KotlinPeers.rangeFilter(N));
    }

    // the same over a list's elements, pulled: Generator.from(list), Kotlin's asSequence() and Stream.iterator()

    /** Filled by a plain loop: a stream here would run in every fork and pollute boxedStream's type profiles. */
    private final List<Integer> list = new ArrayList<>(N);

    {
        for (int i = 0; i < N; i++) {
            list.add(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long listPull() {
        return sum(Generator.from(list).map(i -> i * 3).filter(x -> (x & 1) == 0));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long listPullKotlin() {
        return sum(KotlinPeers.listMapFilter(list));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long listPullStream() {
        return sum(list.stream().map(i -> i * 3).filter(x -> (x & 1) == 0).iterator());
    }

    /** The one loop that drains the pulled range and list pipelines (each benchmark runs in a fork of its own). */
    private static long sum(Iterator<Integer> it) {
        long sum = 0;
        while (it.hasNext()) {
            sum += it.next();
        }
        return sum;
    }
}
