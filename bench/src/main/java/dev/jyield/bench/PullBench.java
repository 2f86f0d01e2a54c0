package dev.jyield.bench;

import com.google.common.collect.AbstractIterator;
import com.google.common.collect.ContiguousSet;
import com.google.common.collect.DiscreteDomain;
import com.google.common.collect.FluentIterable;
import com.google.common.collect.Range;
import dev.jyield.Generator;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
 * Every pull case beside its hand-written baseline, its Kotlin twin ({@link KotlinPeers}) and, where there is one,
 * Guava and {@code Stream.iterator()}, in one run. Each pulled side is drained by the same loop
 * ({@link #sum(Iterator)}, what a for-each compiles to); each benchmark runs in a fork of its own, so that loop
 * sees one iterator class per JVM.
 *
 * <ul>
 *   <li>{@code single*}: one generator {@code for (i < n) yield i}, n = 10^6, ns per element;
 *   <li>{@code mapFilter*}: {@code range(n) → map(x * 2) → filter(x % 3 == 0)}, n = 10^6, ns per source element;
 *   <li>{@code tree*}: a recursive in-order walk of a balanced 65,535-node tree, ns per node;
 *   <li>{@code three*}: a 3-element generator created, drained and dropped, ns per generator.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PullBench -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc}. Each fork runs
 * with a fixed, pre-touched 2 GB heap (see the {@code @Fork} below).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// why: a heap fixed and touched at start-up, for every peer alike: on these virtual machines a heap that grows takes
// page faults during measurement (a sixth to a quarter of the CPU samples of the allocating cases, in the kernel)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class PullBench {
    static final int N = 1_000_000;
    static final int NODES = 65_535;
    static final Tree TREE = Tree.balanced(0, NODES);

    static long sum(Iterator<Integer> it) {
        long sum = 0;
        while (it.hasNext()) {
            sum += it.next();
        }
        return sum;
    }

    // ------------------------------------------------------------------------------ the jyield bodies

    static Generator<Integer> upTo(int n) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        });
    }

    static Generator<Integer> inOrder(Tree t) {
        return Generator.of(y -> {
            if (t == null) {
                return;
            }
            y.yieldFrom(inOrder(t.left()));
            y.yield(t.value());
            y.yieldFrom(inOrder(t.right()));
        });
    }

    static Generator<Integer> three() {
        return Generator.of(y -> {
            y.yield(1);
            y.yield(2);
            y.yield(3);
        });
    }

    // ------------------------------------------------------------------------------ the hand-written peers

    /** What a careful programmer writes by hand for {@link #inOrder}: the path from the root kept on a stack. */
    static final class TreeIterator implements Iterator<Integer> {
        private final ArrayDeque<Tree> stack = new ArrayDeque<>();

        TreeIterator(Tree root) {
            descend(root);
        }

        private void descend(Tree t) {
            for (; t != null; t = t.left()) {
                stack.push(t);
            }
        }

        @Override
        public boolean hasNext() {
            return !stack.isEmpty();
        }

        @Override
        public Integer next() {
            Tree t = stack.poll();
            if (t == null) {
                throw new NoSuchElementException();
            }
            descend(t.right());
            return t.value();
        }
    }

    /** What a careful programmer writes by hand for {@link #three}. */
    static final class ThreeIterator implements Iterator<Integer> {
        private int i;

        @Override
        public boolean hasNext() {
            return i < 3;
        }

        @Override
        public Integer next() {
            if (i >= 3) {
                throw new NoSuchElementException();
            }
            return ++i;
        }
    }

    // ------------------------------------------------------------------------------ single pulled generator

    @Benchmark
    @OperationsPerInvocation(N)
    public long singleHandLoop() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long singleHandIterator() {
        return sum(new BytecodeEngineBench.RangeIterator(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long singleJyield() {
        return sum(upTo(N).iterator());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long singleKotlin() {
        return sum(KotlinPeers.upTo(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long singleGuavaAbstractIterator() {
        return sum(new AbstractIterator<Integer>() {
            private int i;

            @Override
            protected Integer computeNext() {
                return i < N ? Integer.valueOf(i++) : endOfData();
            }
        });
    }

    // ------------------------------------------------------------------------------ range → map → filter

    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilterHandLoop() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            int x = i * 2;
            if (x % 3 == 0) {
                sum += x;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilterJyield() {
        return sum(Generator.range(N).map(x -> x * 2).filter(x -> x % 3 == 0).iterator());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilterKotlin() {
        return sum(KotlinPeers.mapFilter(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilterStreamIterator() {
        return sum(IntStream.range(0, N).boxed().map(x -> x * 2).filter(x -> x % 3 == 0).iterator());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilterGuavaFluentIterable() {
        return sum(FluentIterable.from(ContiguousSet.create(Range.closedOpen(0, N), DiscreteDomain.integers()))
                .transform(x -> x * 2).filter(x -> x % 3 == 0).iterator());
    }

    // ------------------------------------------------------------------------------ recursive tree walk

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long treeHandStack() {
        return sum(new TreeIterator(TREE));
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long treeJyieldYieldFrom() {
        return sum(inOrder(TREE).iterator());
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long treeKotlinYieldAll() {
        return sum(KotlinPeers.inOrder(TREE));
    }

    // ------------------------------------------------------------------------------ 3-element generator

    @Benchmark
    public long threeHand() {
        return sum(new ThreeIterator());
    }

    @Benchmark
    public long threeJyield() {
        return sum(three().iterator());
    }

    @Benchmark
    public long threeKotlin() {
        return sum(KotlinPeers.three());
    }
}
