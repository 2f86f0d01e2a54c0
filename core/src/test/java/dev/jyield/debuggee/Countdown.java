package dev.jyield.debuggee;

import dev.jyield.Generator;

/**
 * A program for a debugger to stop in: a generator body with a loop, locals and captured variables. It prints each
 * value, then the generator, whose description ends with the engine that ran the body. With the argument
 * {@code push} it consumes the generator with {@code forEach}, else with for-each.
 */
public final class Countdown {
    private Countdown() {}

    public static void main(String[] args) {
        int start = 3;
        String label = "left";
        Generator<String> g = Generator.of(y -> {
            for (int i = 0; i < start; i++) {
                int left = start - i;
                y.yield(label + " " + left); // breakpoint: body
            }
        });
        if (args.length > 0 && args[0].equals("push")) {
            g.forEach(System.out::println);
        } else {
            for (String s : g) {
                System.out.println(s);
            }
        }
        System.out.println(g);
    }
}
