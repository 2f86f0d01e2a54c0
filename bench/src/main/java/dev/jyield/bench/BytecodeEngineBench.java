package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
 * The bytecode engine per element, beside hand-written iterators doing the same work and the continuation engine,
 * in one run; and the first-use cost of a body (rewrite and define).
 *
 * <p>Each for-each pulls a fresh generator, so the engine is the automatic pull engine: the bytecode state
 * machine, or the continuation where the fork forces it with {@code -Djyield.engine=continuation}. Reference:
 * Kotlin's {@code sequence { yield(i) }} measured 5.3 ns/element on this machine.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar BytecodeEngineBench -f 1 -wi 3 -i 5 -w 1s -r 1s} for the
 * per-element figures. The first-use figures need a fresh JVM per sample and no warm-up, which command-line
 * {@code -f}/{@code -wi}/{@code -i} would override:
 * {@code java -jar bench/target/benchmarks.jar 'BytecodeEngineBench.firstUse' -bm ss -f 10 -wi 0 -i 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class BytecodeEngineBench {
    /** Elements per operation of the flat benchmarks. */
    static final int N = 1_000_000;
    /** The nested loops: A x B x C elements per operation. */
    static final int A = 100;
    static final int B = 100;
    static final int C = 100;

    static Generator<Integer> range(int n) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        });
    }

    static Generator<Integer> nested(int a, int b, int c) {
        return Generator.of(y -> {
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < b; j++) {
                    for (int k = 0; k < c; k++) {
                        y.yield(i + j + k);
                    }
                }
            }
        });
    }

    /** What a careful programmer writes by hand for {@link #range}. */
    static final class RangeIterator implements Iterator<Integer> {
        private final int n;
        private int i;

        RangeIterator(int n) {
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
            return i++;
        }
    }

    /** What a careful programmer writes by hand for {@link #nested}: the loop state kept in fields. */
    static final class NestedIterator implements Iterator<Integer> {
        private final int a;
        private final int b;
        private final int c;
        private int i;
        private int j;
        private int k;

        NestedIterator(int a, int b, int c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public boolean hasNext() {
            return i < a && b > 0 && c > 0;
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int v = i + j + k;
            if (++k == c) {
                k = 0;
                if (++j == b) {
                    j = 0;
                    i++;
                }
            }
            return v;
        }
    }

    static long sum(Iterable<Integer> it) {
        long s = 0;
        for (int x : it) {
            s += x;
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long rangeHandIterator() {
        return sum(() -> new RangeIterator(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long rangeBytecode() {
        return sum(range(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED",
            "-Djyield.engine=continuation"})
    public long rangeContinuation() {
        return sum(range(N));
    }

    @Benchmark
    @OperationsPerInvocation(A * B * C)
    public long nestedHandIterator() {
        return sum(() -> new NestedIterator(A, B, C));
    }

    @Benchmark
    @OperationsPerInvocation(A * B * C)
    public long nestedBytecode() {
        return sum(nested(A, B, C));
    }

    @Benchmark
    @OperationsPerInvocation(A * B * C)
    @Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED",
            "-Djyield.engine=continuation"})
    public long nestedContinuation() {
        return sum(nested(A, B, C));
    }

    /**
     * First use of a typical body in a fresh JVM: reading the class file, analysing and rewriting the body,
     * defining the hidden class, and loading the engine's own classes (ASM included), then one element.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
    public Object firstUseCold() {
        return FirstUse.typical(3).next();
    }

    /** First use of a second body, once the engine has rewritten another one (its own classes are loaded). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
    public Object firstUseWarm(FirstUse.Warmed warmed) {
        return FirstUse.typical(3).next();
    }
}
