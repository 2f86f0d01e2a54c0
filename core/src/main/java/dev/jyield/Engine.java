package dev.jyield;

import java.util.Locale;

/**
 * The ways to run a generator body, fastest first. The automatic choice pushes for terminal operations on an
 * unstarted generator and otherwise takes the fastest pull engine this JVM can run; the system property
 * {@code jyield.engine} ({@code push}, {@code continuation}, {@code thread}) forces one for every body.
 */
enum Engine {
    /** Automatic: push where a terminal operation consumes a whole generator, else the fastest pull engine. */
    AUTO,
    /** Push for terminal operations (the body is a plain call); pulls fall back to the automatic pull engine. */
    PUSH,
    /** The JDK's internal {@code jdk.internal.vm.Continuation}: stackful, needs an {@code --add-exports}. */
    CONTINUATION,
    /** A virtual thread per generator with a direct handoff: portable, slowest. */
    THREAD;

    /** The engine for {@link Generator#of}, from {@code -Djyield.engine}. */
    static final Engine DEFAULT = fromProperty(System.getProperty("jyield.engine"));

    static Engine fromProperty(String name) {
        if (name == null || name.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "jyield.engine must be one of auto, push, continuation, thread but was: " + name, e);
        }
    }

    /** Whether a terminal operation may run an unstarted body as a plain call. */
    boolean pushes() {
        return this == AUTO || this == PUSH;
    }

    /** The engine that runs a body pulled value by value. */
    Engine forPull() {
        return switch (this) {
            case AUTO, PUSH -> ContinuationSource.AVAILABLE ? CONTINUATION : THREAD;
            default -> this;
        };
    }
}
