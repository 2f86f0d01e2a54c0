package dev.jyield;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The ways to run a generator body, fastest first. The automatic choice pushes for terminal operations on an
 * unstarted generator and otherwise takes the fastest pull engine that can run the body: the bytecode state
 * machine if the body can be rewritten, else the continuation if this JVM exports it, else a virtual thread. The
 * system property {@code jyield.engine} ({@code push}, {@code bytecode}, {@code continuation}, {@code thread})
 * forces one for every body.
 *
 * <p>Forcing {@code bytecode} does not make a body that cannot be rewritten fail: such a body (a yielder that
 * escapes, a yield under a monitor, a class file that cannot be read, ...) runs on the stackful engine the
 * automatic choice would take, and the reason is logged once per body at WARNING on the {@code dev.jyield} logger
 * ({@code -Djyield.strict=true} makes it an error instead). Why: whether a body can be rewritten depends on how it
 * is written and loaded, not on the JVM, so failing would turn a performance setting into a crash for code that is
 * correct.
 *
 * <p>A value that names no engine makes each {@code Generator.of} fail with an {@link IllegalArgumentException}
 * that lists the valid names.
 */
enum Engine {
    /** Automatic: push where a terminal operation consumes a whole generator, else the fastest pull engine. */
    AUTO,
    /** Push for terminal operations (the body is a plain call); pulls fall back to the automatic pull engine. */
    PUSH,
    /**
     * The body rewritten into a state machine (an ordinary class in the body's package, made once per body):
     * stackless, with no allocation of its own per element. Bodies that cannot be rewritten fall back, see above.
     */
    BYTECODE,
    /** The JDK's internal {@code jdk.internal.vm.Continuation}: stackful, needs an {@code --add-exports}. */
    CONTINUATION,
    /** A virtual thread per generator with a direct handoff: portable, slowest. */
    THREAD;

    /**
     * The engine for {@link Generator#of}, from {@code -Djyield.engine}; null if the property names no engine, and
     * then {@link #orConfigured} raises the {@link IllegalArgumentException} at each {@code Generator.of}.
     */
    static final Engine DEFAULT = parseOrNull(System.getProperty("jyield.engine"));

    static Engine fromProperty(String name) {
        Engine e = parseOrNull(name);
        if (e == null) {
            StringJoiner names = new StringJoiner(", ");
            for (Engine v : values()) {
                names.add(v.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("jyield.engine must be one of " + names + " but was: " + name);
        }
        return e;
    }

    // why: a static initializer that throws gives ExceptionInInitializerError once, then NoClassDefFoundError for
    // every later use, neither naming the valid values.
    private static Engine parseOrNull(String name) {
        if (name == null || name.isBlank()) {
            return AUTO;
        }
        for (Engine v : values()) {
            if (v.name().equalsIgnoreCase(name.trim())) {
                return v;
            }
        }
        return null;
    }

    /** {@code engine}, or for {@link #DEFAULT} set to null by a bad property, the exception that names it. */
    static Engine orConfigured(Engine engine) {
        return engine != null ? engine : fromProperty(System.getProperty("jyield.engine"));
    }

    /** Whether a terminal operation may run an unstarted body as a plain call. */
    boolean pushes() {
        return this == AUTO || this == PUSH;
    }

    /** The engine that runs a body pulled value by value, if it can. */
    Engine forPull() {
        return switch (this) {
            case AUTO, PUSH -> BYTECODE;
            default -> this;
        };
    }

    /** The stackful engine for bodies the bytecode engine cannot run. */
    static Engine stackful() {
        return ContinuationSource.AVAILABLE ? CONTINUATION : THREAD;
    }
}
