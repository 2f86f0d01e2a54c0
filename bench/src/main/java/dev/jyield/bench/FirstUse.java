package dev.jyield.bench;

import dev.jyield.Generator;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Bodies for the first-use measurements of {@link BytecodeEngineBench}, in a class of their own. */
public final class FirstUse {
    private FirstUse() {}

    /** A typical body: a loop, a condition, a try/finally and a delegation. */
    static Generator<Object> typical(int n) {
        return Generator.of(y -> {
            try {
                for (int i = 0; i < n; i++) {
                    if (i % 2 == 0) {
                        y.yield("even " + i);
                    } else {
                        y.yield(i);
                    }
                }
                y.yieldFrom(List.of("a", "b"));
            } finally {
                n(n);
            }
        });
    }

    private static void n(int n) {
        if (n < 0) {
            throw new IllegalStateException();
        }
    }

    /** Another body, rewritten first so that the engine's classes are loaded before the measured one. */
    static Generator<Object> other(int n) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                y.yield(i);
            }
        });
    }

    /** State: the engine has already rewritten a body. */
    @State(Scope.Benchmark)
    public static class Warmed {
        /** Rewrites {@link #other}. */
        @Setup(Level.Trial)
        public void warm() {
            other(2).next();
        }
    }
}
