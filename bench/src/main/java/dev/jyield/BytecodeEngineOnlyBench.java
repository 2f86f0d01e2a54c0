package dev.jyield;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The bytecode engine alone, without the generator's protocol driver: the state machine's source resumed in a
 * loop, as the driver resumes it. Beside {@code BytecodeEngineBench.rangeBytecode} it splits the cost per element
 * between the engine and the driver. In package {@code dev.jyield} (on the class path) to reach the engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class BytecodeEngineOnlyBench {
    static final int N = 1_000_000;

    @Benchmark
    @OperationsPerInvocation(N)
    public long rangeEngineOnly() {
        int n = N;
        Generator.Body<Integer> body = y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        };
        Source<Integer> s = new BodySource<Integer>(body, false, Engine.BYTECODE).forPull(new Object());
        long sum = 0;
        while (s.resume(null, null) == Source.YIELD) {
            sum += (Integer) s.out;
            s.out = null;
        }
        return sum;
    }
}
