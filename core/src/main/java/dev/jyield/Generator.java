package dev.jyield;

import static dev.jyield.Util.requireNonNull;
import static dev.jyield.Util.sneaky;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * A Python generator object: a lazy, <b>single-pass cursor</b> over the values a body yields.
 *
 * <p>{@code iterator()} returns the generator itself, as Python's {@code iter(g) is g}: a second for-each
 * resumes where the first one stopped, and an exhausted generator iterates as empty. A generator is not a
 * re-iterable collection; call the generator function again for a fresh one. This is what makes Python's
 * idioms work: read a header with one loop and the rest with another, or take three and go on.
 *
 * {@snippet :
 * static Generator<Integer> countUpTo(int n) {
 *     return Generator.of(y -> {
 *         for (int i = 1; i <= n; i++) y.yield(i);
 *     });
 * }
 * for (int i : countUpTo(3)) System.out.println(i);  // prints 1, 2, 3
 * }
 *
 * <h2>Protocol</h2>
 * The whole of Python's generator protocol: {@link #next()}, {@link #send(Object)}, {@link #throwIn(Throwable)},
 * {@link #close()}, {@link #returnValue()}, {@link #state()}, and {@link Yielder#yieldFrom(Generator)}
 * delegation that forwards all of them. Nothing runs before the first request; each request runs the body
 * only to its next {@code yield}. Exceptions from the body reach the caller unchanged (the same object), except
 * a {@link NoSuchElementException}, which would look like the end of iteration and is therefore raised as an
 * {@link IllegalStateException} with it as the cause (Python's PEP 479). A generator that is exhausted, failed
 * or closed is {@link State#CLOSED} for good.
 *
 * <h2>Java's iterator protocol</h2>
 * {@link #hasNext()} runs the body to its next {@code yield} and keeps the value for {@link #next()}; Python has
 * no such look-ahead. While such a value waits, {@link #send(Object)} with a non-null value fails (the body
 * has already passed the {@code yield} that would have received it), and {@link #throwIn} and {@link #close()}
 * discard the waiting value.
 *
 * <h2>Resources and threads</h2>
 * A generator is {@link AutoCloseable}: try-with-resources closes it, which runs the body's {@code finally}
 * blocks. An abandoned generator is cleaned when unreachable (best effort, as Python does on garbage
 * collection). A generator is not thread-safe: use it from one thread at a time. A use while it runs (from its
 * own body or from another thread) fails with "generator already executing"; like
 * {@link java.util.ConcurrentModificationException}, detection across threads is best effort.
 *
 * @param <T> the type of the values yielded
 */
public final class Generator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {

    /** The four states of a generator, as Python's {@code inspect.getgeneratorstate}. */
    public enum State {
        /** Created; the body has not started. */
        CREATED,
        /** The body is running (only observable from inside it, or from another thread). */
        RUNNING,
        /** Paused at a {@code yield}. */
        SUSPENDED,
        /** Exhausted, failed or closed: it will never run again. */
        CLOSED
    }

    /**
     * A generator body: Python's generator function body with no return value.
     *
     * <p>{@code Serializable} so that the library can find the body's code and run it as a state machine.
     *
     * @param <T> the type of the values yielded
     */
    @FunctionalInterface
    public interface Body<T> extends Serializable {
        /**
         * Runs the body, yielding through {@code y}.
         *
         * @param y the yielder of this generator; it must not escape the body
         */
        void run(Yielder<T> y);
    }

    /**
     * A generator body that returns a value: Python's {@code return r} in a generator, read back with
     * {@link Generator#returnValue()} or as the result of {@link Yielder#yieldFrom(Generator)}.
     *
     * @param <T> the type of the values yielded
     */
    @FunctionalInterface
    public interface ReturningBody<T> extends Serializable {
        /**
         * Runs the body, yielding through {@code y}.
         *
         * @param y the yielder of this generator; it must not escape the body
         * @return the generator's return value
         */
        Object run(Yielder<T> y);
    }

    private static final int CREATED = 0;
    private static final int RUNNING = 1;
    private static final int SUSPENDED = 2;
    private static final int CLOSED = 3;

    private Source<T> src;
    private int state;
    /** Whether {@link #value} holds a yielded value that {@link #next()} has not taken yet. */
    private boolean ready;
    private T value;
    /** While a {@code yieldFrom} runs: the {@link Generator} or {@link Iterator} that is delegated to. */
    private Object delegate;
    private Object returnValue;

    Generator(Source<T> src) {
        this.src = src;
    }

    // ---------------------------------------------------------------------------------------------- factories

    /**
     * A generator running {@code body}: Python's call of a generator function. The body does not start until
     * the first request.
     *
     * {@snippet :
     * Generator<String> g = Generator.of(y -> { y.yield("a"); y.yield("b"); });  // yields "a", "b"
     * }
     *
     * @param body the code to run; it yields with {@code y.yield(v)}
     * @param <T> the type of the values yielded
     * @return a new generator in state {@link State#CREATED}
     * @throws NullPointerException if {@code body} is null
     */
    public static <T> Generator<T> of(Body<T> body) {
        return new Generator<>(new BodySource<>(requireNonNull(body, "body"), false, Engine.DEFAULT));
    }

    /**
     * A generator whose body returns a value, Python's {@code return r} in a generator. The value is kept in
     * {@link #returnValue()} and is the result of a {@code yieldFrom} of this generator.
     *
     * {@snippet :
     * Generator<Integer> g = Generator.ofReturning(y -> { y.yield(1); return "done"; });
     * g.toList();        // [1]
     * g.returnValue();   // "done"
     * }
     *
     * @param body the code to run; it yields with {@code y.yield(v)} and returns the return value
     * @param <T> the type of the values yielded
     * @return a new generator in state {@link State#CREATED}
     * @throws NullPointerException if {@code body} is null
     */
    public static <T> Generator<T> ofReturning(ReturningBody<T> body) {
        return new Generator<>(new BodySource<>(requireNonNull(body, "body"), true, Engine.DEFAULT));
    }

    /** Test hook: a generator whose body runs on the given engine. */
    static <T> Generator<T> of(Body<T> body, Engine engine) {
        return new Generator<>(new BodySource<>(requireNonNull(body, "body"), false, engine));
    }

    /** Test hook: a returning generator whose body runs on the given engine. */
    static <T> Generator<T> ofReturning(ReturningBody<T> body, Engine engine) {
        return new Generator<>(new BodySource<>(requireNonNull(body, "body"), true, engine));
    }

    /**
     * A generator over the elements of {@code source}, Python's {@code iter(iterable)} as a generator. The
     * iterator is taken on the first request. A {@link Generator} is returned as it is ({@code iter(g) is g}).
     *
     * @param source the elements to yield
     * @param <T> the type of the elements
     * @return a generator that yields each element of {@code source} once
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public static <T> Generator<T> from(Iterable<? extends T> source) {
        requireNonNull(source, "source");
        if (source instanceof Generator<?> g) {
            return (Generator<T>) g;
        }
        return new Generator<>(new IteratorSource<>(source, null));
    }

    /**
     * A generator over the remaining elements of {@code source}. A {@link Generator} is returned as it is.
     *
     * @param source the iterator to drain; it is advanced only as the generator is
     * @param <T> the type of the elements
     * @return a generator that yields what {@code source} has left
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public static <T> Generator<T> from(Iterator<? extends T> source) {
        requireNonNull(source, "source");
        if (source instanceof Generator<?> g) {
            return (Generator<T>) g;
        }
        return new Generator<>(new IteratorSource<>(null, source));
    }

    /**
     * Returns {@code source} itself, as Python's {@code iter(g) is g}. (A generator is both an {@link Iterable} and
     * an {@link Iterator}: this overload makes the call unambiguous.)
     *
     * @param source a generator
     * @param <T> the type of the elements
     * @return {@code source}
     * @throws NullPointerException if {@code source} is null
     */
    public static <T> Generator<T> from(Generator<T> source) {
        return requireNonNull(source, "source");
    }

    /**
     * A generator that yields nothing.
     *
     * @param <T> the type of the (absent) elements
     * @return a new, empty generator
     */
    public static <T> Generator<T> empty() {
        return new Generator<>(new IteratorSource<>(List.of(), null));
    }

    // ----------------------------------------------------------------------------------------- the protocol

    /**
     * Whether the generator has another value: runs the body up to its next {@code yield} if no value is
     * waiting, and keeps that value for {@link #next()}.
     *
     * @return false once the generator is exhausted or closed
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    @Override
    public boolean hasNext() {
        if (ready) {
            return true;
        }
        return switch (state) {
            case CREATED, SUSPENDED -> step(null, null);
            case CLOSED -> false;
            default -> throw executing();
        };
    }

    /**
     * Runs the body to its next {@code yield} and returns the value: Python's {@code next(g)}.
     *
     * @return the next value yielded
     * @throws NoSuchElementException if the generator is exhausted or closed (every time it is asked)
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    @Override
    public T next() {
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
    public T next(T defaultValue) {
        return hasNext() ? take() : defaultValue;
    }

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
    public T send(Object value) {
        if (value == null) {
            return next();
        }
        if (ready) {
            throw new IllegalStateException(
                    "cannot send " + value + ": hasNext() already ran the generator past its yield; take that value "
                            + "with next() first");
        }
        switch (state) {
            case CREATED -> throw new IllegalStateException(
                    "can't send non-null value to a just-started generator (sent: " + value + ")");
            case RUNNING -> throw executing();
            case CLOSED -> throw new NoSuchElementException("generator exhausted");
            default -> {
                if (step(value, null)) {
                    return take();
                }
                throw new NoSuchElementException("generator exhausted");
            }
        }
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
    public <X extends Throwable> T throwIn(X exception) throws X {
        requireNonNull(exception, "exception");
        switch (state) {
            case RUNNING -> throw executing();
            case CREATED -> {
                fail(); // nothing runs; an operator closes its sources as on any failure
                throw exception;
            }
            case CLOSED -> throw exception;
            default -> {
                ready = false;
                value = null;
                if (step(null, exception)) {
                    return take();
                }
                throw new NoSuchElementException("generator exhausted");
            }
        }
    }

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
    public void close() {
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
                    GeneratorExit exit = new GeneratorExit();
                    boolean yielded;
                    try {
                        yielded = step(null, exit);
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

    /**
     * The state of the generator, as Python's {@code inspect.getgeneratorstate}.
     *
     * @return the current state; {@link State#SUSPENDED} also while a value from {@link #hasNext()} waits
     */
    public State state() {
        return State.values()[state];
    }

    /**
     * The value the body returned (Python's {@code StopIteration.value}), kept for good once the generator has
     * ended by returning, also when it returned while handling {@link #close()} or {@link #throwIn}.
     *
     * @return the return value, or null if the body has not returned (not finished, failed, closed before it
     *     returned, or a body with no return value)
     */
    public Object returnValue() {
        return returnValue;
    }

    /**
     * Returns this generator itself, as Python's {@code iter(g) is g}: a second for-each resumes where the
     * first stopped.
     *
     * @return this generator
     */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    // ------------------------------------------------------------------------------------ terminal operations

    /**
     * Hands every remaining value to {@code action}. Terminal; consumes this generator.
     *
     * <p>A generator that has not started runs its body as a plain call that hands each value straight to
     * {@code action}, with no suspension (push). If {@code action} throws during such a run, the body cannot
     * stay paused under it: it is closed (its {@code finally} blocks run) before the exception propagates.
     * A started generator is pulled value by value and stays suspended if {@code action} throws.
     *
     * @param action what to do with each value
     * @throws NullPointerException if {@code action} is null
     */
    @Override
    public void forEachRemaining(Consumer<? super T> action) {
        requireNonNull(action, "action");
        if (state == CREATED && src.canPush()) {
            push(action);
            return;
        }
        while (hasNext()) {
            action.accept(take());
        }
    }

    /**
     * Same as {@link #forEachRemaining(Consumer)}: hands every remaining value to {@code action}. Terminal.
     *
     * @param action what to do with each value
     * @throws NullPointerException if {@code action} is null
     */
    @Override
    public void forEach(Consumer<? super T> action) {
        forEachRemaining(action);
    }

    /**
     * Collects the remaining values into an unmodifiable list (nulls allowed): Python's {@code list(g)}.
     * Terminal; consumes this generator; memory grows with the number of values.
     *
     * @return the values in the order yielded
     */
    public List<T> toList() {
        ArrayList<T> list = new ArrayList<>();
        forEachRemaining(list::add);
        return Collections.unmodifiableList(list);
    }

    /**
     * Counts the remaining values. Terminal; consumes this generator; O(1) memory.
     *
     * @return how many values were yielded
     */
    public long count() {
        long[] n = {0};
        forEachRemaining(x -> n[0]++);
        return n[0];
    }

    /**
     * Folds the remaining values from the left, Python's {@code functools.reduce(op, g, identity)}.
     * Terminal; consumes this generator.
     *
     * @param identity the initial value
     * @param op combines the running result with the next value
     * @return the result, or {@code identity} if there are no values
     * @throws NullPointerException if {@code op} is null
     */
    public T reduce(T identity, BinaryOperator<T> op) {
        return reduce(identity, (BiFunction<T, ? super T, T>) op);
    }

    /**
     * Folds the remaining values from the left into a result of another type. Terminal; consumes this generator.
     *
     * @param identity the initial value
     * @param op combines the running result with the next value
     * @param <U> the type of the result
     * @return the result, or {@code identity} if there are no values
     * @throws NullPointerException if {@code op} is null
     */
    public <U> U reduce(U identity, BiFunction<U, ? super T, U> op) {
        requireNonNull(op, "op");
        Object[] acc = {identity};
        forEachRemaining(x -> acc[0] = op.apply(uncheckedCast(acc[0]), x));
        return uncheckedCast(acc[0]);
    }

    /**
     * Folds the remaining values from the left, Python's {@code functools.reduce(op, g)}. Terminal.
     *
     * @param op combines the running result with the next value
     * @return the result, or empty if there are no values
     * @throws NullPointerException if {@code op} is null, or the result is null
     */
    public Optional<T> reduce(BinaryOperator<T> op) {
        requireNonNull(op, "op");
        Object[] acc = {null};
        boolean[] seen = {false};
        forEachRemaining(x -> {
            if (seen[0]) {
                acc[0] = op.apply(uncheckedCast(acc[0]), x);
            } else {
                seen[0] = true;
                acc[0] = x;
            }
        });
        return seen[0] ? Optional.of(uncheckedCast(acc[0])) : Optional.empty();
    }

    // -------------------------------------------------------------------------------------------- internals

    @Override
    public String toString() {
        return "Generator[" + state() + ", " + src.engineName() + "]";
    }

    /** The engine that runs (or will run) this generator: for tests and diagnostics. */
    String engineName() {
        return src.engineName();
    }

    @SuppressWarnings("unchecked")
    private static <U> U uncheckedCast(Object o) {
        return (U) o;
    }

    private static IllegalStateException executing() {
        return new IllegalStateException("generator already executing");
    }

    private T take() {
        T v = value;
        value = null;
        ready = false;
        return v;
    }

    /** Runs the whole body from its start as a plain call (push). */
    private void push(Consumer<? super T> action) {
        state = RUNNING;
        Object r;
        try {
            r = src.push(action);
        } catch (Throwable t) {
            fail();
            throw escaping(t);
        }
        returnValue = r;
        state = CLOSED;
        src.release();
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

    private static RuntimeException escaping(Throwable t) {
        if (t instanceof NoSuchElementException) {
            // PEP 479: an exhausted-iterator signal escaping the body must not look like the end of this generator.
            throw new IllegalStateException("generator raised NoSuchElementException", t);
        }
        throw sneaky(t);
    }

    /**
     * Resumes the body (or the delegate of a running {@code yieldFrom}) with a sent value or an exception to
     * raise. Precondition: CREATED or SUSPENDED, and no value waiting. Returns true with {@link #value} set if a
     * value was yielded, false if the generator ended by returning; throws what the body throws.
     */
    @SuppressWarnings("unchecked")
    private boolean step(Object sent, Throwable thrown) {
        if (state == CREATED) {
            src = src.forPull(this);
        }
        state = RUNNING;
        try {
            for (;;) {
                if (delegate != null) {
                    // PEP 380: forward to the delegate; its values are ours, its end or failure resumes the body.
                    Object d = delegate;
                    try {
                        if (d instanceof Generator<?> g) {
                            if (thrown instanceof GeneratorExit) {
                                delegate = null;
                                g.close();
                            } else if (thrown == null && g.state == CLOSED) {
                                // Exhausted behind our back: only the first end carries the return value.
                                delegate = null;
                                sent = null;
                            } else if (g.advanceAsDelegate(sent, thrown)) {
                                value = (T) g.take();
                                return yielded();
                            } else {
                                delegate = null;
                                sent = g.returnValue;
                                thrown = null;
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
                Object out = src.out;
                src.out = null;
                if (outcome == Source.YIELD) {
                    value = (T) out;
                    return yielded();
                } else if (outcome == Source.DELEGATE) {
                    delegate = out;
                    sent = null;
                    thrown = null;
                } else {
                    returnValue = out;
                    state = CLOSED;
                    src.release();
                    return false;
                }
            }
        } catch (Throwable t) {
            fail();
            throw escaping(t);
        }
    }

    private boolean yielded() {
        ready = true;
        state = SUSPENDED;
        return true;
    }

    /**
     * One step of this generator on behalf of a delegating generator: {@code thrown} non-null is
     * {@link #throwIn}, else {@link #send}. Returns true with a value waiting, false when this generator ended
     * now (its return value is then {@link #returnValue}).
     */
    private boolean advanceAsDelegate(Object sent, Throwable thrown) {
        if (thrown != null) {
            switch (state) {
                case RUNNING -> throw executing();
                case CREATED -> {
                    state = CLOSED;
                    src.release();
                    throw sneaky(thrown);
                }
                case CLOSED -> throw sneaky(thrown);
                default -> {
                    ready = false;
                    value = null;
                    return step(null, thrown);
                }
            }
        }
        if (ready) {
            if (sent != null) {
                send(sent); // fails with the reason
            }
            return true;
        }
        return switch (state) {
            case CREATED -> {
                if (sent != null) {
                    send(sent); // fails with the reason
                }
                yield step(null, null);
            }
            case SUSPENDED -> step(sent, null);
            default -> throw executing(); // CLOSED is handled by the caller
        };
    }
}
