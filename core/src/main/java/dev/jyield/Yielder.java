package dev.jyield;

import java.util.Iterator;

/**
 * The handle a generator body yields through: Python's {@code yield} and {@code yield from}.
 *
 * <p>A body receives its yielder as its only argument ({@code Generator.of(y -> { ... y.yield(v); ... })}).
 * <b>It must not escape the body</b>: do not keep it after the body returns, store it in a field, or use it from
 * another thread or from a nested generator's body. Helpers that yield are written as generator functions of
 * their own and joined with {@link #yieldFrom(Generator)}, exactly as in Python. A yielder used where it does
 * not belong fails with an {@link IllegalStateException}.
 *
 * <p>Users cannot create or subclass yielders; the library hands each body its own.
 *
 * @param <T> the type of the values yielded
 */
public abstract class Yielder<T> {
    Yielder() {}

    /**
     * Hands {@code value} to the consumer and pauses the body until the next request. Python's {@code x = yield v}.
     *
     * @param value the value to yield; may be null
     * @return the value passed to {@link Generator#send(Object)} for this resumption, or null after a plain
     *     {@link Generator#next()} (and always null when the generator is consumed by a terminal operation)
     * @throws GeneratorExit when the generator is closed while paused here; let it propagate (a body that yields
     *     again after it makes {@code close()} fail)
     * @throws IllegalStateException when this yielder is used outside its own body
     */
    public abstract Object yield(T value);

    /**
     * Delegates to a sub-generator until it ends, as Python's {@code r = yield from sub}: every value it yields is
     * yielded by this generator, and {@code send}, {@code throwIn} and {@code close} on this generator are
     * forwarded to it while it runs.
     *
     * <p>A chain of delegations runs on the heap, not on the stack: a request to the outermost generator resumes
     * the innermost one directly, and a delegate's end resumes the level before it. A value costs the same at
     * any depth (a chain a million deep runs on a default stack; CPython stops at its recursion limit), and every
     * generator of the chain from the one asked to the innermost is {@code RUNNING} meanwhile, as in Python.
     *
     * @param sub the generator to delegate to; it is advanced only as this generator is
     * @return the sub-generator's return value, or null if it was already exhausted
     * @throws NullPointerException if {@code sub} is null
     * @throws GeneratorExit when this generator is closed during the delegation (after closing {@code sub})
     */
    public abstract Object yieldFrom(Generator<? extends T> sub);

    /**
     * Yields every element of {@code source}, as Python's {@code yield from iterable}. The consumer drains the
     * iterator directly, so no suspension of the body happens per element. A {@link Generator} passed here is
     * delegated to as by {@link #yieldFrom(Generator)}. Sending a non-null value while a plain iterable is being
     * drained raises an {@link IllegalStateException} at this call (a plain iterator cannot receive sent values).
     *
     * @param source the elements to yield; its iterator is taken at this call
     * @return null (a plain iterable has no return value), or a generator's return value
     * @throws NullPointerException if {@code source} is null
     */
    public abstract Object yieldFrom(Iterable<? extends T> source);

    /**
     * Yields every remaining element of {@code source}, as Python's {@code yield from it} on an iterator (as in
     * {@code heapq.merge}). The consumer drains the iterator directly, with no suspension of the body per element;
     * it is advanced only as this generator is. A {@link Generator} passed here is delegated to as by
     * {@link #yieldFrom(Generator)} (a generator is both an iterator and an iterable; with its static type the
     * {@code Generator} overload is chosen). Another class that is both (such as {@link Peekable}, whose iterator
     * is itself) makes the call ambiguous for javac: cast it to {@code Iterator} or {@code Iterable}, which here
     * do the same. Sending a non-null value while a plain iterator is being drained raises an
     * {@link IllegalStateException} at this call.
     *
     * @param source the iterator to drain
     * @return null (a plain iterator has no return value), or a generator's return value
     * @throws NullPointerException if {@code source} is null
     * @throws GeneratorExit when this generator is closed during the draining (an {@link AutoCloseable}
     *     iterator is closed first)
     */
    public abstract Object yieldFrom(Iterator<? extends T> source);
}
