package dev.jyield;

import static dev.jyield.Util.requireNonNull;
import static dev.jyield.Util.sneaky;

import dev.jyield.Generator.State;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The driver of a {@link Generator}: its states, its requests (next, send, throw, close), its return value and
 * {@code yieldFrom} delegation, in the order of Python's protocol, over a {@link Source} that only resumes and
 * reports. {@link Generator} adds the operators; this class is its only subclass, as {@code AbstractStringBuilder}
 * is to {@code StringBuilder}, so that the protocol reads in one place and its public members are documented as
 * {@link Generator}'s.
 *
 * <p>Every request goes through {@link #request}, which applies the rules of the current state, and every resume
 * of the source through {@link #resume}. {@link #advance} and {@link #pull} each keep one shortcut for the usual
 * step, where the JMH benchmarks showed it pays.
 *
 * @param <T> the type of the values yielded
 */
abstract sealed class AbstractGenerator<T> implements Iterator<T>, AutoCloseable permits Generator {
    // ------------------------------------------------------------------------------------------------ state

    static final int CREATED = 0;
    static final int RUNNING = 1;
    static final int SUSPENDED = 2;
    static final int CLOSED = 3;

    /** What {@link #pull()} returns at the end. */
    static final Object END = new Object();

    private Source<T> src;
    private int state;
    /** Whether {@link #value} holds a yielded value that {@link #next()} has not taken yet. */
    private boolean ready;
    private T value;
    /** While a {@code yieldFrom} runs: the {@link Generator} or {@link Iterator} that is delegated to. */
    private Object delegate;
    private Object returnValue;

    AbstractGenerator(Source<T> src) {
        this.src = src;
    }

    // ---------------------------------------------------------------------------------------- next, hasNext

    /**
     * Whether the generator has another value: runs the body up to its next {@code yield} if no value is
     * waiting, and keeps that value for {@link #next()}.
     *
     * @return false once the generator is exhausted or closed
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    @Override
    public final boolean hasNext() {
        return ready || advance();
    }

    /** Runs the body to its next yield if it can; apart from {@link #hasNext} so that hasNext inlines anywhere. */
    @SuppressWarnings("unchecked")
    private boolean advance() {
        if (state == SUSPENDED && delegate == null) {
            // why: the usual for-each step without the checks of request() and the delegate loop of resume(): the
            // bytecode for-each went from 5.0-5.2 to 4.2-4.7 ns/element. Kept apart from pull()'s copy on purpose:
            // each resume call site keeps its own type profile for the JIT.
            state = RUNNING;
            int outcome;
            try {
                outcome = src.resume(null, null);
            } catch (Throwable t) {
                throw failed(t);
            }
            if (outcome == Source.YIELD) {
                value = (T) src.out;
                return yielded();
            }
            return resumed(outcome);
        }
        return request(null, null);
    }

    /**
     * {@code hasNext() ? next() : END} as one call: how operators read their input. Same states, same exceptions;
     * it saves the second check and call of next() on every element of every level of a pulled chain.
     */
    final Object pull() {
        if (!ready && state == SUSPENDED && delegate == null) {
            // why: advance() for an operator's input, minus the value/ready round-trip (with the one-output stage
            // path, the pulled range -> map -> filter chain went from 23.9 to 12.9 ns/element), at a resume call
            // site of its own, whose receivers are the sources operators read.
            state = RUNNING;
            int outcome;
            try {
                outcome = src.resume(null, null);
            } catch (Throwable t) {
                throw failed(t);
            }
            if (outcome == Source.YIELD) {
                state = SUSPENDED;
                return src.out;
            }
            return resumed(outcome) ? take() : END;
        }
        return ready || advance() ? take() : END;
    }

    /**
     * Runs the body to its next {@code yield} and returns the value: Python's {@code next(g)}.
     *
     * @return the next value yielded
     * @throws NoSuchElementException if the generator is exhausted or closed (every time it is asked)
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    @Override
    public final T next() {
        if (!ready && !hasNext()) {
            throw new NoSuchElementException("generator exhausted");
        }
        return take();
    }

    /**
     * Python's {@code next(g, default)}: the next value, or {@code defaultValue} when exhausted.
     *
     * @param defaultValue what to return when the generator has no more values
     * @return the next value yielded, or {@code defaultValue}
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    public final T next(T defaultValue) {
        return hasNext() ? take() : defaultValue;
    }

    // ------------------------------------------------------------------------------------------ send, throw

    /**
     * Resumes the body with {@code value} as the result of its paused {@code yield} and returns the next value
     * it yields: Python's {@code g.send(value)}. {@code send(null)} is {@link #next()}.
     *
     * @param value the result of the paused {@code yield}
     * @return the next value yielded
     * @throws IllegalStateException if {@code value} is non-null and the generator has not started (Python: "can't
     *     send non-None value to a just-started generator"; the generator stays startable), or a value fetched by
     *     {@link #hasNext()} has not been taken yet, or the generator is already executing
     * @throws NoSuchElementException if the generator is exhausted or closed, or ends during this call
     */
    public final T send(Object value) {
        if (value == null) {
            return next();
        }
        if (request(value, null)) {
            return take();
        }
        throw new NoSuchElementException("generator exhausted");
    }

    /**
     * Raises {@code exception} inside the body at its paused {@code yield} and returns the next value it yields:
     * Python's {@code g.throw(exc)}. If the body does not catch it, the generator closes and the same exception
     * object propagates to the caller. On a generator that has not started, the generator is closed without
     * running any of its code, and {@code exception} is thrown. A value waiting from {@link #hasNext()} is
     * discarded.
     *
     * @param exception what to raise at the paused {@code yield}
     * @param <X> the type of the exception, which may come back to the caller
     * @return the next value the body yields after handling the exception
     * @throws X {@code exception} itself, if the body lets it propagate, or if the generator is not suspended
     * @throws NoSuchElementException if the body handles the exception and then returns
     * @throws NullPointerException if {@code exception} is null
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    public final <X extends Throwable> T throwIn(X exception) throws X {
        if (request(null, requireNonNull(exception, "exception"))) {
            return take();
        }
        throw new NoSuchElementException("generator exhausted");
    }

    /**
     * One request, from any state: next or send ({@code thrown == null}), or throw. Returns true with a value
     * waiting, false if the generator has ended (now or before); throws what the request raises, as Python does.
     * A delegating generator forwards its requests to its delegate through here too.
     */
    private boolean request(Object sent, Throwable thrown) {
        if (ready) {
            if (thrown != null) {
                ready = false; // a value fetched by hasNext() is discarded by throw
                value = null;
            } else if (sent != null) {
                throw new IllegalStateException("cannot send " + sent + ": hasNext() already ran the generator past "
                        + "its yield; take that value with next() first");
            } else {
                return true;
            }
        }
        switch (state) {
            case RUNNING -> throw executing();
            case CLOSED -> {
                if (thrown != null) {
                    throw sneaky(thrown);
                }
                return false;
            }
            case CREATED -> {
                if (thrown != null) {
                    fail(); // nothing runs; an operator closes its sources as on any failure
                    throw sneaky(thrown);
                }
                if (sent != null) {
                    throw new IllegalStateException(
                            "can't send non-null value to a just-started generator (sent: " + sent + ")");
                }
                src = src.forPull(this);
            }
            default -> { }
        }
        return resume(sent, thrown);
    }

    /**
     * The one resume step: resumes the delegate of a running {@code yieldFrom}, or else the source, with a sent
     * value or an exception to raise, until a value or the end. Precondition: started, not CLOSED, no value
     * waiting. Returns true with {@link #value} set if a value was yielded, false if the generator ended by
     * returning; throws what the body throws, and is then CLOSED.
     */
    @SuppressWarnings("unchecked")
    private boolean resume(Object sent, Throwable thrown) {
        state = RUNNING;
        try {
            for (;;) {
                Object d = delegate;
                if (d != null) {
                    // PEP 380: forward to the delegate; its values are ours, its end or failure resumes the body.
                    try {
                        if (d instanceof AbstractGenerator<?> g) {
                            if (thrown instanceof GeneratorExit) {
                                delegate = null;
                                g.close();
                            } else if (thrown == null && g.state == CLOSED) {
                                // Exhausted behind our back: only the first end carries the return value.
                                delegate = null;
                                sent = null;
                            } else if (g.request(sent, thrown)) {
                                value = (T) g.take();
                                return yielded();
                            } else {
                                delegate = null;
                                sent = g.returnValue;
                            }
                        } else {
                            Iterator<?> it = (Iterator<?>) d;
                            if (thrown != null) {
                                delegate = null;
                                if (thrown instanceof GeneratorExit && it instanceof AutoCloseable c) {
                                    c.close();
                                }
                            } else if (sent != null) {
                                delegate = null;
                                thrown = new IllegalStateException("cannot send " + sent
                                        + " to the delegate of yieldFrom: a plain iterator cannot receive sent values");
                                sent = null;
                            } else if (it.hasNext()) {
                                value = (T) it.next();
                                return yielded();
                            } else {
                                delegate = null;
                            }
                        }
                    } catch (Throwable t) {
                        delegate = null;
                        sent = null;
                        thrown = t;
                    }
                }
                int outcome = src.resume(sent, thrown);
                if (outcome == Source.YIELD) {
                    value = (T) src.out;
                    return yielded();
                }
                if (outcome == Source.RETURN) {
                    returned();
                    return false;
                }
                delegate = src.out;
                sent = null;
                thrown = null;
            }
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /**
     * After a shortcut's resume that did not yield: what {@link #resume} does after such a resume. Returns true
     * with a value waiting (from a delegate), false at the end.
     */
    private boolean resumed(int outcome) {
        if (outcome == Source.RETURN) {
            try {
                returned();
            } catch (Throwable t) {
                throw failed(t);
            }
            return false;
        }
        delegate = src.out;
        return resume(null, null);
    }

    private boolean yielded() {
        ready = true;
        state = SUSPENDED;
        return true;
    }

    private void returned() {
        // why: src.out is left as it is (the source owns it); the next outcome overwrites it.
        returnValue = src.out;
        state = CLOSED;
        src.release();
    }

    // ------------------------------------------------------------------------------------------------ close

    /**
     * Closes the generator: Python's {@code g.close()}. A suspended body gets a {@link GeneratorExit} at its paused
     * {@code yield}, so its {@code finally} blocks run; a body that returns while handling it leaves its value in
     * {@link #returnValue()}. A generator that has not started is closed without running any of its code. Closing
     * a closed generator does nothing. Operators over other generators close those too, in every state.
     *
     * @throws IllegalStateException "generator ignored GeneratorExit" if the body yields again instead of ending
     *     (the generator then stays suspended, and a later close tries again); "generator already executing" if
     *     called while the body runs
     * @throws RuntimeException or Error, whatever else the body throws while closing (the generator is closed)
     */
    @Override
    public final void close() {
        try {
            switch (state) {
                case RUNNING -> throw executing();
                case CREATED -> {
                    state = CLOSED;
                    src.release();
                }
                case SUSPENDED -> {
                    ready = false;
                    value = null;
                    boolean yielded;
                    try {
                        yielded = resume(null, new GeneratorExit());
                    } catch (GeneratorExit e) {
                        return;
                    }
                    if (yielded) {
                        ready = false;
                        value = null;
                        throw new IllegalStateException("generator ignored GeneratorExit");
                    }
                }
                default -> { }
            }
        } finally {
            if (state == CLOSED) {
                src.closeSources();
            }
        }
    }

    // ---------------------------------------------------------------------------------- state, return value

    /**
     * The state of the generator, as Python's {@code inspect.getgeneratorstate}.
     *
     * @return the current state; {@link State#SUSPENDED} also while a value from {@link #hasNext()} waits
     */
    public final State state() {
        return State.values()[state];
    }

    /**
     * The value the body returned (Python's {@code StopIteration.value}), kept for good once the generator has
     * ended by returning, also when it returned while handling {@link #close()} or {@link #throwIn}.
     *
     * @return the return value, or null if the body has not returned (not finished, failed, closed before it
     *     returned, or a body with no return value)
     */
    public final Object returnValue() {
        return returnValue;
    }

    // ------------------------------------------------------------------------------- for Generator's operators

    /** Takes the waiting value; precondition: {@link #hasNext()} returned true. */
    final T take() {
        T v = value;
        value = null;
        ready = false;
        return v;
    }

    /** Whether nothing is left: CLOSED with no value waiting. */
    final boolean exhausted() {
        return state == CLOSED && !ready;
    }

    /**
     * If the generator has not started and its source can run from its start as a plain call: runs it so (push),
     * handing each value to {@code action}, and returns true. Otherwise returns false and does nothing.
     */
    final boolean pushed(Consumer<? super T> action) {
        if (state != CREATED || !src.canPush()) {
            return false;
        }
        state = RUNNING;
        Object r;
        try {
            r = src.push(action);
        } catch (Throwable t) {
            throw failed(t);
        }
        returnValue = r;
        state = CLOSED;
        src.release();
        return true;
    }

    /** The engine that runs (or will run) this generator: for tests and diagnostics. */
    final String engineName() {
        return src.engineName();
    }

    // -------------------------------------------------------------------------------------------- failures

    /** Closes the generator after {@code t} escaped its source, and returns {@code t} as the caller sees it. */
    private RuntimeException failed(Throwable t) {
        fail();
        if (t instanceof NoSuchElementException) {
            // PEP 479: an exhausted-iterator signal escaping the body must not look like the end of this generator.
            throw new IllegalStateException("generator raised NoSuchElementException", t);
        }
        throw sneaky(t);
    }

    private void fail() {
        state = CLOSED;
        delegate = null;
        try {
            src.release();
        } finally {
            src.closeSources();
        }
    }

    static IllegalStateException executing() {
        return new IllegalStateException("generator already executing");
    }
}
