package dev.jyield.examples;

import dev.jyield.Generator;

/** Prints which engine pulls a plain lambda body, and what it yields: run in a child JVM by {@link ModulePathTest}. */
public final class EngineProbe {
    private EngineProbe() {}

    public static void main(String[] args) {
        int n = 3;
        Generator<Integer> g = Generator.of(y -> {
            try {
                for (int i = 0; i < n; i++) {
                    y.yield(i * i);
                }
            } finally {
                System.out.println("finally");
            }
        });
        System.out.println(g.next() + " " + g);
        System.out.println(g.toList());
        System.out.println(Generator.range(5).map(x -> x + 1).take(3).toList());
    }
}
