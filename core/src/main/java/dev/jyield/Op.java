package dev.jyield;

import static dev.jyield.Util.sneaky;

/**
 * A derived generator computed like a hand-written iterator: the base of every operator and of sources that
 * are not bodies. It reads other generators (its inputs) only as far as it needs, never closes them when it
 * reaches its own end (Python: {@code islice(g, 3)} leaves {@code g} usable), and closes them all when it is
 * closed (the Java resource idiom) or fails.
 */
abstract class Op<T> extends Source<T> {
    private static final Generator<?>[] NONE = {};
    private final Generator<?>[] inputs;

    /** An operator that reads no generator (range, an iterator's elements). why: no empty array per instance. */
    Op() {
        this.inputs = NONE;
    }

    Op(Generator<?>... inputs) {
        this.inputs = inputs;
    }

    /**
     * Computes the next element into {@link #out} and returns true, or returns false at the end. An operator
     * defines this or {@link #next()}, each of which is by default the other.
     */
    boolean advance() {
        Object v = next();
        if (v == Generator.END) {
            return false;
        }
        out = v;
        return true;
    }

    /**
     * The next element, or {@link Generator#END} at the end: how a generator pulls an operator. why: the value
     * goes back as the result, not through {@link #out}, so that a chain compiled as one piece keeps it in a
     * register instead of storing it in one object and loading it back from there, per level and element.
     */
    Object next() {
        return advance() ? out : Generator.END; // out is kept, as resume keeps it: the next element overwrites it
    }

    @Override
    int resume(Object sent, Throwable thrown) {
        if (thrown != null) {
            throw sneaky(thrown); // Python: a generator expression does not catch what is thrown in
        }
        if (advance()) {
            return YIELD;
        }
        out = null; // no return value: not the last element
        return RETURN;
    }

    @Override
    void closeSources() {
        closeAll(inputs);
    }

    /** Closes every generator, even when one fails; the first failure propagates with the others suppressed. */
    static void closeAll(Generator<?>... generators) {
        Runnable[] closes = new Runnable[generators.length];
        for (int i = 0; i < generators.length; i++) {
            closes[i] = generators[i]::close;
        }
        runAll(closes);
    }

    /** Runs every action, even when one fails; the first failure propagates with the others suppressed. */
    static void runAll(Runnable... actions) {
        Throwable first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                } else {
                    first.addSuppressed(t);
                }
            }
        }
        if (first != null) {
            throw sneaky(first);
        }
    }

    @Override
    String engineName() {
        return "operator";
    }
}
