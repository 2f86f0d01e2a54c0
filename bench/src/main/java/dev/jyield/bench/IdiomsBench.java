package dev.jyield.bench;

import dev.jyield.Generator;
import dev.jyield.Yielder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java idioms a body writes instead of a plain loop, beside the plain loop, in one run: a for-each lambda, a
 * method reference, {@code Map.forEach}, a recursive private helper the yielder is passed to (beside the same walk
 * written with {@code yieldFrom} of a recursive generator function), and a static helper in another class. Each
 * benchmark pulls a fresh generator of {@link #N} elements with a for-each and sums them (each in a fork of its
 * own, so the for-each sees one kind of generator); the figures are ns per element
 * ({@code OperationsPerInvocation = N}).
 *
 * <p>No JVM flags, as a user runs it: a body the bytecode engine cannot rewrite runs on the thread engine.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar IdiomsBench -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IdiomsBench {
    static final int N = 200_000;

    record Node(int value, Node left, Node right) {}

    private List<Integer> items;
    private Map<Integer, Integer> map;
    private Node tree;

    @Setup
    public void setUp() {
        items = new ArrayList<>(N);
        map = new HashMap<>(2 * N);
        for (int i = 0; i < N; i++) {
            items.add(i);
            map.put(i, i);
        }
        tree = balanced(0, N);
    }

    /** A balanced tree of lo..hi-1. */
    static Node balanced(int lo, int hi) {
        if (lo >= hi) {
            return null;
        }
        int mid = (lo + hi) >>> 1;
        return new Node(mid, balanced(lo, mid), balanced(mid + 1, hi));
    }

    static Generator<Integer> forLoop(List<Integer> items) {
        return Generator.of(y -> {
            for (int x : items) {
                y.yield(x);
            }
        });
    }

    static Generator<Integer> forEachLambda(List<Integer> items) {
        return Generator.of(y -> items.forEach(x -> y.yield(x * 2)));
    }

    static Generator<Integer> forEachMethodReference(List<Integer> items) {
        return Generator.of(y -> items.forEach(y::yield));
    }

    static Generator<Integer> mapForEach(Map<Integer, Integer> map) {
        return Generator.of(y -> map.forEach((k, v) -> y.yield(k + v)));
    }

    static Generator<Integer> forLoopOverEntries(Map<Integer, Integer> map) {
        return Generator.of(y -> {
            for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                y.yield(e.getKey() + e.getValue());
            }
        });
    }

    private static void walk(Node n, Yielder<Integer> y) {
        if (n == null) {
            return;
        }
        walk(n.left(), y);
        y.yield(n.value());
        walk(n.right(), y);
    }

    static Generator<Integer> walkHelper(Node tree) {
        return Generator.of(y -> walk(tree, y));
    }

    /** The same walk as {@link #walk}, as a recursive generator function joined with {@code yieldFrom}. */
    static Generator<Integer> inOrder(Node n) {
        return Generator.of(y -> {
            if (n == null) {
                return;
            }
            y.yieldFrom(inOrder(n.left()));
            y.yield(n.value());
            y.yieldFrom(inOrder(n.right()));
        });
    }

    static Generator<Integer> helperInAnotherClass(List<Integer> items) {
        return Generator.of(y -> IdiomHelpers.evens(items, y));
    }

    /** The baseline: {@code for (int x : items) y.yield(x)}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long plainForLoop() {
        return BytecodeEngineBench.sum(forLoop(items));
    }

    /** {@code items.forEach(x -> y.yield(x * 2))}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long iterableForEachLambda() {
        return BytecodeEngineBench.sum(forEachLambda(items));
    }

    /** {@code items.forEach(y::yield)}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long iterableForEachMethodReference() {
        return BytecodeEngineBench.sum(forEachMethodReference(items));
    }

    /** {@code map.forEach((k, v) -> y.yield(k + v))}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long mapForEachLambda() {
        return BytecodeEngineBench.sum(mapForEach(map));
    }

    /** The baseline of {@link #mapForEachLambda}: {@code for (var e : map.entrySet()) y.yield(k + v)}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long plainForLoopOverEntries() {
        return BytecodeEngineBench.sum(forLoopOverEntries(map));
    }

    /** A recursive private helper, {@code walk(node, y)}: a tree in-order. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long treeWalkRecursiveHelper() {
        return BytecodeEngineBench.sum(walkHelper(tree));
    }

    /** The same walk with {@code y.yieldFrom(inOrder(n.left()))}: the target of the helper's rewrite. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long treeWalkYieldFrom() {
        return BytecodeEngineBench.sum(inOrder(tree));
    }

    /** A static helper in another class, {@code IdiomHelpers.evens(items, y)}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long staticHelperInAnotherClass() {
        return BytecodeEngineBench.sum(helperInAnotherClass(items));
    }
}
