package dev.jyield;

import java.lang.ref.Cleaner;

import java.util.function.Consumer;

/**
 * What a {@link Generator} runs: a body on some engine, an iterator, or an operator over other generators.
 *
 * <p>The protocol (states, send, throw, close, delegation, re-entry) lives in {@link AbstractGenerator} alone; a
 * source only resumes and reports. A source never holds a reference to its generator, so that an abandoned generator
 * can become unreachable and be cleaned.
 */
abstract class Source<T> {
    /**
     * One cleaner for all generators: it closes abandoned bodies so that their finally blocks run. why: here, not
     * in StackfulSource, whose initialization would load the stackful engines on the first body with a finally.
     */
    static final Cleaner CLEANER = Cleaner.create();

    /** Outcome of {@link #resume}: {@link #out} holds the yielded value. */
    static final int YIELD = 0;
    /** Outcome of {@link #resume}: {@link #out} holds a {@link Generator} or an {@link java.util.Iterator} to delegate to. */
    static final int DELEGATE = 1;
    /** Outcome of {@link #resume}: {@link #out} holds the return value (null if none, never a stale value). */
    static final int RETURN = 2;

    /**
     * The value that goes with the last outcome. Written by the source only; the generator reads it after each
     * outcome, and the next outcome overwrites it.
     */
    Object out;

    /**
     * Runs the source up to its next suspension. The first call has {@code sent == null && thrown == null}.
     * A non-null {@code thrown} must be raised at the paused point; whatever the body throws escapes unchanged.
     */
    abstract int resume(Object sent, Throwable thrown);

    /**
     * Called once, on the first pull, by a generator that was never started: returns the source that runs
     * the pull protocol (a body source picks its engine here). {@code owner} may be registered with a Cleaner
     * but must not be retained.
     */
    Source<T> forPull(Object owner) {
        return this;
    }

    /**
     * Called once, by the one thread whose start of the generator won, on the source {@link #forPull} returned,
     * before its first resume: a source that racing starters share prepares its run here, never in forPull.
     * {@code owner} as in forPull.
     */
    void begun(Object owner) {}

    /**
     * Called once after {@link #begun}: a state machine that the generator may run by itself from now on, dropping
     * this source (which then owns nothing), or null if this source must stay.
     */
    dev.jyield.internal.StateMachine bare() {
        return null;
    }

    /** Whether {@link #push} may run this source from its start. */
    boolean canPush() {
        return false;
    }

    /** Runs the whole source from its start, handing each element to {@code sink}; returns the return value. */
    Object push(Consumer<? super T> sink) {
        throw new UnsupportedOperationException();
    }

    /** Called once when the generator becomes CLOSED, for whatever reason: frees what the source owns. */
    void release() {}

    /**
     * Called by every {@code close()} of the generator (idempotently) and after a failure: an operator closes the
     * generators it reads from. Sources that read no generator do nothing.
     */
    void closeSources() {}

    /** The engine's name, for diagnostics and tests. */
    abstract String engineName();

    /** {@link Generator#engine()}: the engine's name and, where the bytecode engine stepped aside, why. */
    String engineReport() {
        return engineName();
    }
}
