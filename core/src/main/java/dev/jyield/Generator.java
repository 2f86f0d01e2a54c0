package dev.jyield;

import static dev.jyield.Util.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Spliterator;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collector;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * collection). A generator is not thread-safe: use it from one thread at a time, handing it between threads as
 * any unsynchronized object (with a happens-before edge). A use from its own body while it runs fails with
 * {@link IllegalStateException} "generator already executing", as Python's {@code ValueError}. A use from a second
 * thread while a first one is inside an operation:
 * <ul>
 * <li>on the stackful engines (the JDK continuation and the virtual thread, also where the bytecode engine falls
 *     back to them) fails reliably with the same exception and changes nothing: each value the body yields reaches
 *     exactly one caller, and the generator goes on. Each operation claims the generator with one atomic
 *     compare-and-set, free beside their switch of stacks of a microsecond or more;
 * <li>on the bytecode engine and for operators over other generators, which cost a few nanoseconds per value, it
 *     is detected <b>on a best-effort basis</b>, as {@link java.util.ConcurrentModificationException} is by the
 *     iterators of {@code java.util}: it fails with the same exception when it is seen, but unsynchronized use
 *     may also lose or repeat values or return null. It never blocks. (A compare-and-set per value about doubled
 *     the cost of a pulled value in the for-each benchmark.) Only a generator's start is always claimed
 *     atomically, so that two threads never both run its body from the beginning. Do not write programs whose
 *     correctness depends on this exception.
 * </ul>
 *
 * @param <T> the type of the values yielded
 */
public final class Generator<T> extends AbstractGenerator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {

    /** The four states of a generator, as Python's {@code inspect.getgeneratorstate}. */
    public enum State {
        /** Created; the body has not started. */
        CREATED,
        /**
         * The body is running (only observable from inside it, from another thread, or from the consumer of a
         * terminal operation that runs it as a plain call: see {@link Generator#forEachRemaining}).
         */
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
     * <h2>Checked exceptions</h2>
     * A body may throw any exception, checked ones included, as a Python generator function may raise anything:
     * {@code Files.newBufferedReader}, {@code readLine} and {@code Thread.sleep} compile inside it. The exception
     * reaches the consumer unchanged, the same object, never wrapped: from {@link Generator#next()},
     * {@link Generator#send}, {@link Generator#throwIn}, a for-each loop, a terminal operation, and through a
     * {@link Yielder#yieldFrom(Generator)} of this generator, on every engine.
     *
     * <p>The consumer's methods declare no checked exception, so Java rejects {@code catch (IOException e)}
     * around them ("exception IOException is never thrown"). Catch {@code Exception} and test its type; since the
     * calls in the {@code try} declare nothing checked, {@code throw e} of that catch parameter needs no
     * {@code throws} clause:
     *
     * {@snippet :
     * Generator<String> lines = Generator.of(y -> {
     *     try (BufferedReader r = Files.newBufferedReader(path)) {
     *         for (String line; (line = r.readLine()) != null; ) y.yield(line);
     *     }
     * });
     * try {
     *     for (String line : lines) System.out.println(line);
     * } catch (Exception e) {
     *     if (!(e instanceof IOException io)) throw e;   // Python: except OSError as io:
     *     System.err.println("cannot read: " + io);
     * }
     * }
     *
     * A body that catches a sub-generator's exception around {@code y.yieldFrom(sub)} does the same.
     *
     * @param <T> the type of the values yielded
     */
    @FunctionalInterface
    public interface Body<T> extends Serializable {
        /**
         * Runs the body, yielding through {@code y}.
         *
         * @param y the yielder of this generator; it must not escape the body
         * @throws Exception whatever the body throws; it reaches the consumer unchanged (see above)
         */
        void run(Yielder<T> y) throws Exception;
    }

    /**
     * A generator body that returns a value: Python's {@code return r} in a generator, read back with
     * {@link Generator#returnValue()} or as the result of {@link Yielder#yieldFrom(Generator)}.
     *
     * <p>It may throw checked exceptions, which reach the consumer unchanged, as for {@link Body}.
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
         * @throws Exception whatever the body throws; it reaches the consumer unchanged, as for {@link Body}
         */
        Object run(Yielder<T> y) throws Exception;
    }

    Generator(Source<T> src) {
        super(src);
    }

    /** A generator that keeps its body until it starts (see AbstractGenerator). */
    private Generator(Object body) {
        super(body);
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
        requireNonNull(body, "body");
        return Engine.DEFAULT == Engine.AUTO ? new Generator<>(body) : new Generator<>(new BodySource<>(body, false,
                Engine.DEFAULT));
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
        requireNonNull(body, "body");
        return Engine.DEFAULT == Engine.AUTO ? new Generator<>(body) : new Generator<>(new BodySource<>(body, true,
                Engine.DEFAULT));
    }

    /** Test hook: a generator whose body runs on the given engine ({@code AUTO}: as {@link #of(Body)} makes it). */
    static <T> Generator<T> of(Body<T> body, Engine engine) {
        return engine == Engine.AUTO ? of(body) : new Generator<>(new BodySource<>(requireNonNull(body, "body"),
                false, engine));
    }

    /** Test hook: a returning generator whose body runs on the given engine ({@code AUTO}: as {@link #of(Body)}). */
    static <T> Generator<T> ofReturning(ReturningBody<T> body, Engine engine) {
        return engine == Engine.AUTO ? ofReturning(body) : new Generator<>(new BodySource<>(
                requireNonNull(body, "body"), true, engine));
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
        return new Generator<>(IteratorSource.of(source, null));
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
        return new Generator<>(IteratorSource.of(null, source));
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
        return new Generator<>(IteratorSource.of(List.of(), null));
    }

    // ----------------------------------------------------------------------------------------- the protocol

    // The doors of the protocol; what each does is AbstractGenerator's, which holds the driver in one place.

    /**
     * Whether the generator has another value: runs the body up to its next {@code yield} if no value is
     * waiting, and keeps that value for {@link #next()}.
     *
     * @return false once the generator is exhausted or closed
     * @throws IllegalStateException "generator already executing" if called while the body runs, or while another
     *     thread is inside an operation of this generator (see the class documentation)
     */
    @Override
    public boolean hasNext() {
        return implHasNext();
    }

    /**
     * Runs the body to its next {@code yield} and returns the value: Python's {@code next(g)}.
     *
     * @return the next value yielded
     * @throws NoSuchElementException if the generator is exhausted or closed (every time it is asked)
     * @throws IllegalStateException "generator already executing" if called while the body runs, or while another
     *     thread is inside an operation of this generator (see the class documentation)
     */
    @Override
    public T next() {
        return implNext();
    }

    /**
     * Python's {@code next(g, default)}: the next value, or {@code defaultValue} when exhausted.
     *
     * @param defaultValue what to return when the generator has no more values
     * @return the next value yielded, or {@code defaultValue}
     * @throws IllegalStateException "generator already executing" if called while the body runs, or while another
     *     thread is inside an operation of this generator (see the class documentation)
     */
    public T next(T defaultValue) {
        return implNext(defaultValue);
    }

    /**
     * Resumes the body with {@code value} as the result of its paused {@code yield} and returns the next value
     * it yields: Python's {@code g.send(value)}. {@code send(null)} is {@link #next()}. A generator that runs no
     * body (one made by an operator, {@link #from(Iterable)} or {@link #concat(Iterable[])}) takes it as
     * {@link #next()}, as a Python generator expression ignores the value sent to it.
     *
     * @param value the result of the paused {@code yield}
     * @return the next value yielded
     * @throws IllegalStateException if {@code value} is non-null and the generator has not started (Python: "can't
     *     send non-None value to a just-started generator"; the generator stays startable), or a value fetched by
     *     {@link #hasNext()} has not been taken yet, or the generator is already executing
     * @throws NoSuchElementException if the generator is exhausted or closed, or ends during this call
     */
    public T send(Object value) {
        return implSend(value);
    }

    /**
     * Raises {@code exception} inside the body at its paused {@code yield} and returns the next value it yields:
     * Python's {@code g.throw(exc)}. If the body does not catch it, the generator closes and the same exception
     * object propagates to the caller. On a generator that has not started, the generator is closed without
     * running any of its code, and {@code exception} is thrown as if raised at the body's start. Either way a
     * {@link NoSuchElementException} leaving the body becomes an {@link IllegalStateException} with it as the
     * cause (PEP 479, see the class documentation). A value waiting from {@link #hasNext()} is discarded.
     *
     * @param exception what to raise at the paused {@code yield}
     * @param <X> the type of the exception, which may come back to the caller
     * @return the next value the body yields after handling the exception
     * @throws X {@code exception} itself, if the body lets it propagate (or has not started), or if the generator
     *     has ended
     * @throws NoSuchElementException if the body handles the exception and then returns
     * @throws NullPointerException if {@code exception} is null
     * @throws IllegalStateException "generator already executing" if called while the body runs, or while another
     *     thread is inside an operation of this generator (see the class documentation)
     */
    public <X extends Throwable> T throwIn(X exception) throws X {
        return implThrowIn(exception);
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
        implClose();
    }

    /**
     * Which engine runs this generator and, when the bytecode engine steps aside for its body, why and how to fix
     * it: the same reason and fix as the one WARNING logged per body. Meant for tests, logs and debugging; the text
     * is for people and may change between versions, except that it starts with the engine's name.
     *
     * <p>Examples: {@code "push when a terminal operation consumes it from its start, else bytecode"} (a body not
     * started yet), {@code "bytecode"} (a body being pulled), {@code "continuation; not bytecode because the Yielder
     * escapes at line 9: ... Fix: ..."}, {@code "operator"} (a generator made by an operator such as
     * {@link #map}), {@code "iterator"} ({@link #from(Iterable)}). Python has no equivalent.
     *
     * @return a description that starts with the engine's name: push, bytecode, continuation, thread, operator, ...
     */
    public String engine() {
        return implEngine();
    }

    /**
     * The state of the generator, as Python's {@code inspect.getgeneratorstate}.
     *
     * @return the current state; {@link State#SUSPENDED} also while a value from {@link #hasNext()} waits
     */
    public State state() {
        return implState();
    }

    /**
     * The value the body returned (Python's {@code StopIteration.value}), kept for good once the generator has
     * ended by returning, also when it returned while handling {@link #close()} or {@link #throwIn}.
     *
     * @return the return value, or null if the body has not returned (not finished, failed, closed before it
     *     returned, or a body with no return value)
     */
    public Object returnValue() {
        return implReturnValue();
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
     * stay paused under it: it is closed (its {@code finally} blocks run) before the exception propagates; and
     * {@code action} sees it {@link State#RUNNING}, so it cannot call {@code next}, {@code send}, {@code throwIn} or
     * {@code close} on it (to control a generator from its loop, pull it: {@code for (T x : g)}). A started
     * generator is pulled value by value and stays suspended if {@code action} throws.
     *
     * @param action what to do with each value
     * @throws NullPointerException if {@code action} is null
     */
    @Override
    public void forEachRemaining(Consumer<? super T> action) {
        requireNonNull(action, "action");
        if (pushed(action)) {
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

    // =========================================================================================================
    // Generator expressions: sources, operators and terminal operations.
    //
    // How they run. Every operator is lazy and single-pass, and returns a new generator over this one. When a
    // terminal operation consumes an unstarted chain to its end, the whole chain is pushed: the root body runs as
    // a plain call and each value goes through the operators with no suspension. An operator that can end before
    // its input (take, slice with a stop, takeWhile, zip, compress, groupBy) always pulls, asking its input for
    // exactly what Python's twin asks for, so that the input stays suspended and usable afterwards.
    // =========================================================================================================

    /**
     * Python's {@code range(stop)}: 0, 1, ..., stop - 1.
     *
     * @param stop the end, excluded
     * @return a generator of the integers from 0 up to {@code stop}; empty if {@code stop <= 0}
     */
    public static Generator<Integer> range(int stop) {
        return range(0, stop, 1);
    }

    /**
     * Python's {@code range(start, stop)}: start, start + 1, ..., stop - 1.
     *
     * @param start the first value
     * @param stop the end, excluded
     * @return a generator of the integers from {@code start} up to {@code stop}; empty if {@code stop <= start}
     */
    public static Generator<Integer> range(int start, int stop) {
        return range(start, stop, 1);
    }

    /**
     * Python's {@code range(start, stop, step)}: start, start + step, ... while below {@code stop} (above it for a
     * negative step). {@code range(10, 0, -3)} yields 10, 7, 4, 1. Lazy; O(1) memory; never overflows.
     *
     * @param start the first value
     * @param stop the end, excluded
     * @param step the difference between consecutive values, negative to count down
     * @return a generator of the integers of the range
     * @throws IllegalArgumentException "step must not be zero" (Python's ValueError)
     */
    public static Generator<Integer> range(int start, int stop, int step) {
        if (step == 0) {
            throw new IllegalArgumentException("step must not be zero");
        }
        return new Generator<>(Producers.Range.of(start, stop, step));
    }

    /**
     * Python's {@code itertools.repeat(x)}: {@code x} forever. Lazy; O(1) memory; infinite.
     *
     * @param x the value to repeat (may be null)
     * @param <T> the type of the value
     * @return an infinite generator
     */
    public static <T> Generator<T> repeat(T x) {
        return new Generator<>(Producers.Calls.<T>of(() -> x, -1));
    }

    /**
     * Python's {@code itertools.repeat(x, n)}: {@code x}, {@code n} times. As in Python, a negative {@code n}
     * gives an empty generator. Lazy; O(1) memory.
     *
     * @param x the value to repeat (may be null)
     * @param n how many times; negative counts as zero
     * @param <T> the type of the value
     * @return a generator of {@code max(n, 0)} values
     */
    public static <T> Generator<T> repeat(T x, long n) {
        return new Generator<>(Producers.Calls.<T>of(() -> x, Math.max(n, 0)));
    }

    /**
     * Python's {@code itertools.cycle(iterable)}: the elements of {@code source}, then the same elements again,
     * forever. The first pass reads {@code source} lazily and saves each element; later passes replay the copy
     * and never touch {@code source} again. Empty if {@code source} is. Pushes its first pass when consumed by a
     * terminal operation.
     *
     * <p>Lazy; buffers one copy of {@code source} (as Python does).
     *
     * @param source the elements to cycle through
     * @param <T> the type of the elements
     * @return a generator that is infinite unless {@code source} is empty
     * @throws NullPointerException if {@code source} is null
     */
    public static <T> Generator<T> cycle(Iterable<? extends T> source) {
        return new Generator<>(Producers.Cycle.<T>of(from(requireNonNull(source, "source"))));
    }

    /**
     * {@code seed}, {@code f(seed)}, {@code f(f(seed))}, ... forever: Java's {@code Stream.iterate}. {@code f} is
     * called only when the next value is asked for, never ahead. Lazy; O(1) memory; infinite.
     *
     * @param seed the first value
     * @param f computes each value from the one before
     * @param <T> the type of the values
     * @return an infinite generator
     * @throws NullPointerException if {@code f} is null
     */
    public static <T> Generator<T> iterate(T seed, UnaryOperator<T> f) {
        return new Generator<>(Producers.Iterate.of(seed, requireNonNull(f, "f")));
    }

    /**
     * The values of {@code supplier}, one call per value, forever. Lazy; O(1) memory; infinite.
     *
     * @param supplier called once for each value asked for
     * @param <T> the type of the values
     * @return an infinite generator
     * @throws NullPointerException if {@code supplier} is null
     */
    public static <T> Generator<T> generate(Supplier<? extends T> supplier) {
        return new Generator<>(Producers.Generate.<T>of(requireNonNull(supplier, "supplier")));
    }

    /**
     * The elements of a sequential {@link Stream}. Closing the generator, exhausting it or a failure closes the
     * stream (its {@code onClose} handlers run). Pulled through the stream's iterator; pushed with
     * {@code forEachOrdered} when a terminal operation consumes the whole generator.
     *
     * @param stream the stream to read; it must not be used elsewhere
     * @param <T> the type of the elements
     * @return a generator over the stream's elements
     * @throws NullPointerException if {@code stream} is null
     */
    public static <T> Generator<T> from(Stream<? extends T> stream) {
        return new Generator<>(Producers.FromStream.<T>of(requireNonNull(stream, "stream")));
    }

    /**
     * The elements of each iterable in turn: Python's {@code itertools.chain(*iterables)}. An iterable's iterator
     * is taken only when the one before is exhausted. Pushes each input in turn when consumed whole. Closing the
     * generator closes every input that is a generator.
     *
     * <p>Lazy; stateless.
     *
     * @param sources the iterables to concatenate
     * @param <T> the type of the elements
     * @return a generator over all the elements
     * @throws NullPointerException if {@code sources} or one of them is null
     */
    @SafeVarargs
    public static <T> Generator<T> concat(Iterable<? extends T>... sources) {
        return new Generator<>(Merges.Chain.<T>of(Tuples.generators(sources, "sources")));
    }

    /**
     * The elements of each iterable of {@code sources} in turn: Python's {@code itertools.chain(*sources)}, as
     * {@link #concat(Iterable[])}. A single collection argument is the list of inputs (Guava's
     * {@code Iterables.concat} convention), so a {@code List<Generator<T>>} needs no array; to chain one
     * collection's own elements, use {@link #from(Iterable)}. The collection is copied at this call.
     *
     * <p>Lazy; stateless.
     *
     * @param sources the iterables to concatenate
     * @param <T> the type of the elements
     * @return a generator over all the elements
     * @throws NullPointerException if {@code sources} or one of them is null
     */
    public static <T> Generator<T> concat(Collection<? extends Iterable<? extends T>> sources) {
        return concat(Tuples.inputs(sources, "sources"));
    }

    /**
     * The lines of a UTF-8 text file, read lazily (a file of any size streams in constant memory): Python's
     * {@code for line in open(path)}, without the line terminators. The file is opened on the first request (a
     * missing file fails there) and closed when the lines are exhausted, when this generator or any generator
     * derived from it is closed, when reading fails, and (best effort) when the generator is abandoned
     * unreachable. Like {@link java.nio.file.Files#lines}, it is meant for try-with-resources.
     *
     * {@snippet :
     * try (Generator<String> errors = Generator.lines(log).filter(l -> l.contains("ERROR"))) {
     *     errors.forEach(System.out::println);
     * }
     * }
     *
     * @param path the file to read
     * @return a generator of the file's lines
     * @throws NullPointerException if {@code path} is null
     * @throws java.io.UncheckedIOException at the request that fails to open or read the file (including bytes
     *     that are not valid UTF-8)
     */
    public static Generator<String> lines(Path path) {
        return lines(path, StandardCharsets.UTF_8);
    }

    /**
     * The lines of a text file in the given charset, read lazily; see {@link #lines(Path)}.
     *
     * @param path the file to read
     * @param charset the file's encoding
     * @return a generator of the file's lines
     * @throws NullPointerException if an argument is null
     * @throws java.io.UncheckedIOException at the request that fails to open or read the file
     */
    public static Generator<String> lines(Path path, Charset charset) {
        return new Generator<>(Producers.Lines.of(requireNonNull(path, "path"), requireNonNull(charset, "charset"),
                null));
    }

    /**
     * The lines of {@code reader}, read lazily; the reader is closed like the file of {@link #lines(Path)}.
     *
     * @param reader the text to read; this generator takes ownership of it
     * @return a generator of the reader's lines
     * @throws NullPointerException if {@code reader} is null
     * @throws java.io.UncheckedIOException at the request that fails to read
     */
    public static Generator<String> lines(Reader reader) {
        return new Generator<>(Producers.Lines.of(null, null, requireNonNull(reader, "reader")));
    }

    // ---------------------------------------------------------------------------------- intermediate operations

    /**
     * Yields {@code f(x)} for each value {@code x}: Python's {@code (f(x) for x in g)} or {@code map(f, g)}.
     * Pulls one value per request; pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param f the function to apply
     * @param <R> the type of the results
     * @return a generator of the results
     * @throws NullPointerException if {@code f} is null
     */
    public <R> Generator<R> map(Function<? super T, ? extends R> f) {
        return then(Stages.Map.of(requireNonNull(f, "f")));
    }

    /**
     * Yields the values that satisfy {@code p}: Python's {@code (x for x in g if p(x))} or {@code filter(p, g)}.
     * Pulls until a value passes; pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param p the test to pass
     * @return a generator of the values that pass
     * @throws NullPointerException if {@code p} is null
     */
    public Generator<T> filter(Predicate<? super T> p) {
        return then(Stages.Filter.of(requireNonNull(p, "p"), true));
    }

    /**
     * Yields the values that fail {@code p}: Python's {@code itertools.filterfalse(p, g)}. Pulls until a value
     * fails the test; pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param p the test to fail
     * @return a generator of the values that fail it
     * @throws NullPointerException if {@code p} is null
     */
    public Generator<T> filterFalse(Predicate<? super T> p) {
        return then(Stages.Filter.of(requireNonNull(p, "p"), false));
    }

    /**
     * Yields every element of {@code f(x)} for each value {@code x}: Python's
     * {@code (y for x in g for y in f(x))}. The inner iterables are read lazily, one element per request (an inner
     * iterable may be infinite); an inner {@link Generator} is closed if this generator is closed while reading it.
     * Pushes when consumed whole (inner generators are pushed too when unstarted).
     *
     * <p>Lazy; stateless.
     *
     * @param f gives the iterable of results for each value; it must not return null
     * @param <R> the type of the results
     * @return a generator of all the results, in order
     * @throws NullPointerException if {@code f} is null, or (when reached) if it returns null
     */
    public <R> Generator<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
        return then(Stages.FlatMap.of(requireNonNull(f, "f"), null));
    }

    /**
     * The first {@code n} values: Python's {@code itertools.islice(g, n)}. Pulls exactly {@code min(n, length)}
     * values and nothing more, so this generator stays usable afterwards ({@code g.take(3)} then go on with
     * {@code g}). Always pulls.
     *
     * <p>Lazy; stateless.
     *
     * @param n how many values
     * @return a generator of at most {@code n} values
     * @throws IllegalArgumentException "n cannot be negative but was: -3"
     */
    public Generator<T> take(long n) {
        Util.requireNonNegative(n, "n");
        return then(Stages.Slice.of(0, n, 1));
    }

    /**
     * All values but the first {@code n}: Python's {@code itertools.islice(g, n, None)}. The skipped values are
     * pulled on the first request. Pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param n how many values to skip
     * @return a generator of the values after the first {@code n}
     * @throws IllegalArgumentException "n cannot be negative but was: -3"
     */
    public Generator<T> skip(long n) {
        Util.requireNonNegative(n, "n");
        return then(Stages.Slice.of(n, Long.MAX_VALUE, 1));
    }

    /**
     * The values at positions {@code start} to {@code stop - 1}: Python's {@code itertools.islice(g, start, stop)};
     * see {@link #slice(long, long, long)}.
     *
     * <p>Lazy; stateless.
     *
     * @param start the position of the first value (0-based)
     * @param stop the position after the last value; {@link Long#MAX_VALUE} for Python's {@code None}
     * @return a generator of the slice
     * @throws IllegalArgumentException if {@code stop} or {@code start} is negative (checked in that order)
     */
    public Generator<T> slice(long start, long stop) {
        return slice(start, stop, 1);
    }

    /**
     * The values at positions {@code start}, {@code start + step}, ... below {@code stop}: Python's
     * {@code itertools.islice(g, start, stop, step)}. As CPython's, it pulls lazily: values before the next
     * position are skipped on the request that needs it, and once the slice is complete it consumes up to position
     * {@code stop} and no further, so exactly {@code max(start, stop)} values when the input is long enough:
     * {@code count(0).slice(1, 3, 50)} yields 1, and the input's next value is 3. Always pulls if {@code stop} is
     * finite; pushes when consumed whole otherwise.
     *
     * <p>Lazy; stateless.
     *
     * @param start the position of the first value (0-based)
     * @param stop the position after the last value; {@link Long#MAX_VALUE} for Python's {@code None}
     * @param step the distance between positions
     * @return a generator of the slice
     * @throws IllegalArgumentException "stop cannot be negative but was: ...", then the same for {@code start},
     *     then "step must be positive but was: ..." (checked in that order, as CPython)
     */
    public Generator<T> slice(long start, long stop, long step) {
        Util.requireNonNegative(stop, "stop"); // CPython checks stop first: islice(it, -1, -1) names stop
        Util.requireNonNegative(start, "start");
        if (step < 1) {
            throw new IllegalArgumentException("step must be positive but was: " + step);
        }
        return then(Stages.Slice.of(start, stop, step));
    }

    /**
     * The values up to the first one that fails {@code p}: Python's {@code itertools.takewhile(p, g)}. The
     * failing value is consumed from this generator and lost, as in Python; nothing after it is pulled. Always
     * pulls.
     *
     * <p>Lazy; stateless.
     *
     * @param p the test that values must pass
     * @return a generator of the leading values that pass
     * @throws NullPointerException if {@code p} is null
     */
    public Generator<T> takeWhile(Predicate<? super T> p) {
        return then(Stages.TakeWhile.of(requireNonNull(p, "p")));
    }

    /**
     * The values from the first one that fails {@code p} on: Python's {@code itertools.dropwhile(p, g)}. The
     * leading values are pulled on the first request; once a value has failed, {@code p} is never called again.
     * Pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param p the test of the values to drop
     * @return a generator of the values from the first that fails {@code p}
     * @throws NullPointerException if {@code p} is null
     */
    public Generator<T> dropWhile(Predicate<? super T> p) {
        return then(Stages.DropWhile.of(requireNonNull(p, "p")));
    }

    /**
     * Each value with its position from 0: Python's {@code enumerate(g)}. Pulls one value per request; pushes
     * when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @return a generator of (index, value) records
     */
    public Generator<Indexed<T>> enumerate() {
        return enumerate(0);
    }

    /**
     * Each value with its position counted from {@code start}: Python's {@code enumerate(g, start)}.
     *
     * <p>Lazy; stateless.
     *
     * @param start the index of the first value
     * @return a generator of (index, value) records
     * @throws ArithmeticException when asked for a value past index {@link Long#MAX_VALUE}, after taking it from
     *     this generator as Python does (Python's integers do not overflow; a wrapped index would be silently wrong)
     */
    public Generator<Indexed<T>> enumerate(long start) {
        return then(Stages.Enumerate.of(start));
    }

    /**
     * Pairs of this generator's values with {@code other}'s: Python's {@code zip(g, other)}. Each request pulls
     * one value from this generator and then one from {@code other}; if {@code other} has run out, the value just
     * pulled from this generator is lost, as in Python. {@code g.zip(g)} pairs consecutive values. Always pulls.
     * Closing the result closes both inputs. Three or more inputs: {@link Itertools#zip(Iterable[])}.
     *
     * <p>Lazy; stateless.
     *
     * @param other the second input
     * @param <U> the type of its elements
     * @return a generator of pairs, as long as the shorter input
     * @throws NullPointerException if {@code other} is null
     */
    public <U> Generator<Pair<T, U>> zip(Iterable<? extends U> other) {
        return zipWith(other, Merges.Stop.SHORTEST);
    }

    /**
     * Python's {@code zip(g, other, strict=True)}: as {@link #zip(Iterable)}, but once every complete pair has been
     * yielded, inputs of different lengths fail with "zip() argument 2 is shorter than argument 1" or "zip()
     * argument 2 is longer than argument 1". Always pulls.
     *
     * <p>Lazy; stateless.
     *
     * @param other the second input
     * @param <U> the type of its elements
     * @return a generator of pairs
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException (on the request that finds it) if the lengths differ; as any failure of a
     *     derived generator, it closes both inputs, where Python leaves them usable
     */
    public <U> Generator<Pair<T, U>> zipStrict(Iterable<? extends U> other) {
        return zipWith(other, Merges.Stop.STRICT);
    }

    /**
     * This generator's values, then those of each of {@code others}: Python's {@code itertools.chain(g, *others)}.
     * Pushes when consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param others the iterables that follow
     * @return a generator over all the values
     * @throws NullPointerException if {@code others} or one of them is null
     */
    @SafeVarargs
    public final Generator<T> chain(Iterable<? extends T>... others) {
        Generator<? extends T>[] rest = Tuples.generators(others, "others");
        @SuppressWarnings("unchecked")
        Generator<? extends T>[] all = new Generator[rest.length + 1];
        all[0] = this;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return new Generator<>(Merges.Chain.<T>of(all));
    }

    /**
     * Each value, after handing it to {@code action}: for side effects such as logging or counting. Pushes when
     * consumed whole.
     *
     * <p>Lazy; stateless.
     *
     * @param action called with each value as it passes
     * @return a generator of the same values
     * @throws NullPointerException if {@code action} is null
     */
    public Generator<T> peek(Consumer<? super T> action) {
        return then(Stages.Peek.of(requireNonNull(action, "action")));
    }

    /**
     * Each value the first time it is seen (by {@code equals}): the {@code unique_everseen} recipe. Pulls until
     * a new value; pushes when consumed whole.
     *
     * <p>Lazy; buffers every distinct value seen.
     *
     * @return a generator of the distinct values, in order of first appearance
     */
    public Generator<T> distinct() {
        return then(Stages.Unique.everSeen(null));
    }

    /**
     * Each value whose key has not been seen before: {@code unique_everseen(g, key)}.
     *
     * <p>Lazy; buffers every distinct key seen.
     *
     * @param key the key of each value (compared by {@code equals}; may return null)
     * @return a generator of the first value for each key, in order
     * @throws NullPointerException if {@code key} is null
     */
    public Generator<T> distinct(Function<? super T, ?> key) {
        return then(Stages.Unique.everSeen(requireNonNull(key, "key")));
    }

    /**
     * Lists of {@code n} consecutive values, the last one shorter if values run out: Python 3.13's
     * {@code itertools.batched(g, n)}. Each request pulls up to {@code n} values. An empty generator gives no batch.
     * Pushes when consumed whole.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param n the size of a batch
     * @return a generator of unmodifiable lists (nulls allowed)
     * @throws IllegalArgumentException "n must be at least 1 but was: 0"
     */
    public Generator<List<T>> batched(int n) {
        return batched(n, false);
    }

    /**
     * As {@link #batched(int)}; with {@code strict}, an incomplete last batch fails instead of being yielded
     * (Python 3.13's {@code batched(g, n, strict=True)}: "batched(): incomplete batch").
     *
     * <p>Lazy; buffers at most n.
     *
     * @param n the size of a batch
     * @param strict whether an incomplete last batch is an error
     * @return a generator of unmodifiable lists (nulls allowed)
     * @throws IllegalArgumentException "n must be at least 1 but was: 0"; and, when {@code strict}, on the request
     *     that reaches an incomplete last batch
     */
    public Generator<List<T>> batched(int n, boolean strict) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 but was: " + n);
        }
        return then(Stages.Batch.of(n, strict ? Stages.Last.BATCHED_ERROR : Stages.Last.SHORT, null));
    }

    /**
     * Overlapping pairs of consecutive values: Python's {@code itertools.pairwise(g)}; ABCD gives AB, BC, CD. The
     * first request pulls two values, each later one pulls one. Pushes when consumed whole.
     *
     * <p>Lazy; buffers one value.
     *
     * @return a generator of pairs, one fewer than the values (none for fewer than two)
     */
    public Generator<Pair<T, T>> pairwise() {
        return then(Stages.Pairwise.of());
    }

    /**
     * Sliding windows of {@code n} consecutive values, full windows only: the {@code sliding_window} recipe of
     * Python's itertools documentation; ABCD with n = 3 gives ABC, BCD. The first request pulls {@code n}
     * values, each later one pulls one. Pushes when consumed whole.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param n the width of a window
     * @return a generator of unmodifiable lists (nulls allowed), none if there are fewer than {@code n} values
     * @throws IllegalArgumentException "n must be at least 1 but was: 0"
     */
    public Generator<List<T>> windowed(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 but was: " + n);
        }
        return then(Stages.Window.of(n, 1, false, null));
    }

    /**
     * The values whose selector is true: Python's {@code itertools.compress(g, selectors)}. Each round pulls a
     * value from this generator, then a selector (a null selector counts as false); it ends when either runs out,
     * and a value pulled when the selectors have run out is lost, as in Python. Always pulls.
     *
     * <p>Lazy; stateless.
     *
     * @param selectors one flag per value
     * @return a generator of the selected values
     * @throws NullPointerException if {@code selectors} is null
     */
    public Generator<T> compress(Iterable<Boolean> selectors) {
        // Python: (d for d, s in zip(data, selectors) if s)
        Generator<Boolean> s = from(requireNonNull(selectors, "selectors"));
        return new Generator<>(Merges.Zip.<Object, Object[]>of(Merges.Stop.SHORTEST, null, row -> row, this, s))
                .filter(row -> Boolean.TRUE.equals(row[1])).map(row -> uncheckedCast(row[0]));
    }

    /**
     * Running results of {@code op}: Python's {@code itertools.accumulate(g, op)}; the first value as it is, then
     * {@code op(total, x)} for each next value. {@code range(1, 5).accumulate(Integer::sum)} yields 1, 3, 6, 10.
     * Pulls one value per request; pushes when consumed whole.
     *
     * <p>Lazy; keeps the running total.
     *
     * @param op combines the running total with the next value
     * @return a generator of the running totals, as many as the values
     * @throws NullPointerException if {@code op} is null
     */
    public Generator<T> accumulate(BinaryOperator<T> op) {
        return then(Stages.Accumulate.of(requireNonNull(op, "op")));
    }

    /**
     * Running results of {@code f} from {@code initial}: Python's {@code itertools.accumulate(g, f,
     * initial=initial)}. Yields {@code initial} first (without pulling anything), then {@code f(total, x)} for each
     * value: one more output than values.
     *
     * <p>Lazy; keeps the running total.
     *
     * @param initial the first output and the first total (may be null)
     * @param f combines the running total with the next value
     * @param <R> the type of the totals
     * @return a generator of the running totals
     * @throws NullPointerException if {@code f} is null
     */
    public <R> Generator<R> accumulate(R initial, BiFunction<? super R, ? super T, ? extends R> f) {
        return then(Stages.AccumulateFrom.of(initial, requireNonNull(f, "f")));
    }

    /**
     * Runs of consecutive equal values: Python's {@code itertools.groupby(g)}; see {@link #groupBy(Function)}.
     *
     * <p>Lazy; buffers nothing (a group's values are read from this generator as the group is read).
     *
     * @return a generator of groups whose key is their (common) value
     */
    public Generator<Group<T, T>> groupBy() {
        return new Generator<>(GroupBy.<T, T>of(this, null));
    }

    /**
     * Runs of consecutive values with equal keys (by {@code equals}): Python's {@code itertools.groupby(g, key)}.
     * Values are not sorted first: AABBBA gives groups A, B, A. Each group's {@link Group#values()} reads from
     * this generator; <b>advancing the outer generator empties the earlier groups</b>, so
     * {@code groupBy(k).toList()} leaves every group empty, as in Python. Copy a group's values before moving on
     * if they are needed later. Always pulls.
     *
     * {@snippet :
     * for (Group<Character, String> grp : Generator.from(words).groupBy(w -> w.charAt(0))) {
     *     System.out.println(grp.key() + ": " + grp.values().toList());
     * }
     * }
     *
     * <p>Lazy; buffers nothing (a group's values are read from this generator as the group is read).
     *
     * @param key the key of each value (may return null)
     * @param <K> the type of the keys
     * @return a generator of groups
     * @throws NullPointerException if {@code key} is null
     */
    public <K> Generator<Group<K, T>> groupBy(Function<? super T, ? extends K> key) {
        return new Generator<>(GroupBy.<K, T>of(this, requireNonNull(key, "key")));
    }

    /**
     * The values in their natural order: Python's {@code sorted(g)}, as a generator. Stable. The first request
     * pulls every value; pushes when consumed whole.
     *
     * <p>Lazy; buffers every value.
     *
     * @return a generator of the sorted values
     * @throws ClassCastException (on the first request) if the values are not mutually comparable
     * @throws NullPointerException (on the first request) if a value is null (Python: {@code TypeError: '<' not
     *     supported between instances of 'NoneType' and 'int'}); sort nulls with {@link #sorted(Comparator)}
     *     and {@code Comparator.nullsFirst}
     */
    public Generator<T> sorted() {
        return then(Stages.Sorted.of(null));
    }

    /**
     * The values in the order of {@code order}: Python's {@code sorted(g, key=...)}. Stable: equal values keep
     * their order, so a reversed comparator gives Python's {@code sorted(g, reverse=True)}.
     *
     * <p>Lazy; buffers every value.
     *
     * @param order how to compare values
     * @return a generator of the sorted values
     * @throws NullPointerException if {@code order} is null
     */
    public Generator<T> sorted(Comparator<? super T> order) {
        return then(Stages.Sorted.of(requireNonNull(order, "order")));
    }

    // ------------------------------------------------------------------------------ more terminal operations

    /**
     * Collects the remaining values into an unmodifiable set, in order of first appearance (nulls allowed):
     * Python's {@code set(g)}. Terminal; consumes this generator (pushes when it is unstarted).
     *
     * @return the distinct values
     */
    public Set<T> toSet() {
        LinkedHashSet<T> set = new LinkedHashSet<>();
        forEachRemaining(set::add);
        return Collections.unmodifiableSet(set);
    }

    /**
     * Collects the remaining values with a {@link Collector} (the {@code java.util.stream.Collectors} work here).
     * Terminal; consumes this generator (pushes when it is unstarted).
     *
     * @param collector how to collect
     * @param <A> the collector's accumulation type
     * @param <R> the result type
     * @return the collector's result
     * @throws NullPointerException if {@code collector} is null
     */
    public <A, R> R collect(Collector<? super T, A, R> collector) {
        requireNonNull(collector, "collector");
        A container = collector.supplier().get();
        java.util.function.BiConsumer<A, ? super T> acc = collector.accumulator();
        forEachRemaining(x -> acc.accept(container, x));
        return collector.finisher().apply(container);
    }

    /**
     * The sum of {@code f} over the remaining values: Python's {@code sum(f(x) for x in g)}, as a {@code long}.
     * Terminal; consumes this generator (pushes when it is unstarted).
     *
     * @param f the number of each value
     * @return the sum, 0 if there are no values
     * @throws NullPointerException if {@code f} is null
     * @throws ArithmeticException if the sum overflows a long (Python's integers do not overflow)
     */
    public long sumInt(ToIntFunction<? super T> f) {
        requireNonNull(f, "f");
        long[] sum = {0};
        forEachRemaining(x -> sum[0] = Math.addExact(sum[0], f.applyAsInt(x)));
        return sum[0];
    }

    /**
     * The sum of {@code f} over the remaining values: Python's {@code sum(f(x) for x in g)}. Terminal; consumes
     * this generator (pushes when it is unstarted).
     *
     * @param f the number of each value
     * @return the sum, 0 if there are no values
     * @throws NullPointerException if {@code f} is null
     * @throws ArithmeticException if the sum overflows (Python's integers do not overflow; a wrapped sum would be
     *     silently wrong)
     */
    public long sumLong(ToLongFunction<? super T> f) {
        requireNonNull(f, "f");
        long[] sum = {0};
        forEachRemaining(x -> sum[0] = Math.addExact(sum[0], f.applyAsLong(x)));
        return sum[0];
    }

    /**
     * The sum of {@code f} over the remaining values, with the compensated (Neumaier) summation of Python 3.12+,
     * so that the result is Python's {@code sum(...)} to the last bit: {@code sum([0.1] * 10) == 1.0}. Terminal;
     * consumes this generator (pushes when it is unstarted).
     *
     * @param f the number of each value
     * @return the sum, 0.0 if there are no values
     * @throws NullPointerException if {@code f} is null
     */
    public double sumDouble(ToDoubleFunction<? super T> f) {
        requireNonNull(f, "f");
        double[] s = {0.0, 0.0}; // sum, compensation
        forEachRemaining(v -> {
            double x = f.applyAsDouble(v);
            double sum = s[0];
            double t = sum + x;
            if (Math.abs(sum) >= Math.abs(x)) {
                s[1] += (sum - t) + x;
            } else {
                s[1] += (x - t) + sum;
            }
            s[0] = t;
        });
        double c = s[1];
        // As CPython: keep the sign of a negative zero, and never turn an infinite sum into NaN.
        return c != 0.0 && Double.isFinite(c) ? s[0] + c : s[0];
    }

    /**
     * The least remaining value: Python's {@code min(g, key=...)}; of equal values, the first wins. Terminal;
     * consumes this generator (pushes when it is unstarted).
     *
     * @param order how to compare values
     * @return the least value
     * @throws NoSuchElementException "min() arg is an empty sequence" if there are no values
     * @throws NullPointerException if {@code order} is null
     */
    public T min(Comparator<? super T> order) {
        return extreme(order, -1, "min");
    }

    /**
     * The greatest remaining value: Python's {@code max(g, key=...)}; of equal values, the first wins. Terminal;
     * consumes this generator (pushes when it is unstarted).
     *
     * @param order how to compare values
     * @return the greatest value
     * @throws NoSuchElementException "max() arg is an empty sequence" if there are no values
     * @throws NullPointerException if {@code order} is null
     */
    public T max(Comparator<? super T> order) {
        return extreme(order, 1, "max");
    }

    /**
     * The least remaining value, or {@code defaultValue} if there is none: Python's {@code min(g, default=d)}.
     * Terminal; consumes this generator.
     *
     * @param order how to compare values
     * @param defaultValue the result for no values
     * @return the least value (the first of equal ones), or {@code defaultValue}
     * @throws NullPointerException if {@code order} is null
     */
    public T min(Comparator<? super T> order, T defaultValue) {
        return extremeOr(order, -1, defaultValue);
    }

    /**
     * The greatest remaining value, or {@code defaultValue} if there is none: Python's {@code max(g, default=d)}.
     * Terminal; consumes this generator.
     *
     * @param order how to compare values
     * @param defaultValue the result for no values
     * @return the greatest value (the first of equal ones), or {@code defaultValue}
     * @throws NullPointerException if {@code order} is null
     */
    public T max(Comparator<? super T> order, T defaultValue) {
        return extremeOr(order, 1, defaultValue);
    }

    /**
     * The remaining value with the least key: Python's {@code min(g, key=key)}. The key is computed once per
     * value; of equal keys, the first wins. Terminal; consumes this generator.
     *
     * @param key the key of each value
     * @param <K> the type of the keys
     * @return the value with the least key
     * @throws NoSuchElementException "min() arg is an empty sequence" if there are no values
     * @throws NullPointerException if {@code key} is null, or returns null for one of two or more values, which
     *     cannot be compared ("key returned null for ..."; Python: TypeError; a single value is returned)
     */
    public <K extends Comparable<? super K>> T minBy(Function<? super T, ? extends K> key) {
        return extremeBy(key, -1, "min");
    }

    /**
     * The remaining value with the greatest key: Python's {@code max(g, key=key)}. The key is computed once per
     * value; of equal keys, the first wins. Terminal; consumes this generator.
     *
     * @param key the key of each value
     * @param <K> the type of the keys
     * @return the value with the greatest key
     * @throws NoSuchElementException "max() arg is an empty sequence" if there are no values
     * @throws NullPointerException if {@code key} is null, or returns null for one of two or more values, which
     *     cannot be compared ("key returned null for ..."; Python: TypeError; a single value is returned)
     */
    public <K extends Comparable<? super K>> T maxBy(Function<? super T, ? extends K> key) {
        return extremeBy(key, 1, "max");
    }

    /**
     * Whether some remaining value satisfies {@code p}: Python's {@code any(p(x) for x in g)}. Pulls only up to
     * the first value that passes and stops there; this generator stays usable. Terminal.
     *
     * @param p the test
     * @return true at the first value that passes; false if none does (true never for no values)
     * @throws NullPointerException if {@code p} is null
     */
    public boolean anyMatch(Predicate<? super T> p) {
        requireNonNull(p, "p");
        while (hasNext()) {
            if (p.test(take())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every remaining value satisfies {@code p}: Python's {@code all(p(x) for x in g)}. Pulls only up to
     * the first value that fails. Terminal.
     *
     * @param p the test
     * @return false at the first value that fails; true if none does (also for no values)
     * @throws NullPointerException if {@code p} is null
     */
    public boolean allMatch(Predicate<? super T> p) {
        requireNonNull(p, "p");
        while (hasNext()) {
            if (!p.test(take())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether no remaining value satisfies {@code p}: Python's {@code not any(p(x) for x in g)}. Pulls only up
     * to the first value that passes. Terminal.
     *
     * @param p the test
     * @return false at the first value that passes; true if none does
     * @throws NullPointerException if {@code p} is null
     */
    public boolean noneMatch(Predicate<? super T> p) {
        return !anyMatch(p);
    }

    /**
     * The next value, if there is one: as Java's {@code Stream.findFirst}. Pulls exactly one value; this generator
     * stays usable. For Python's {@code next(g)} and {@code next(g, default)}, see {@link #next()} and
     * {@link #next(Object)}, which also allow a null value. Terminal.
     *
     * @return the next value, or empty if there is none
     * @throws NullPointerException if the next value is null
     */
    public Optional<T> first() {
        return hasNext() ? Optional.of(take()) : Optional.empty();
    }

    /**
     * The value {@code n} places ahead (0 is the next one): the {@code nth} recipe,
     * {@code next(islice(g, n, None), None)}. Pulls exactly {@code n + 1} values, or all if there are fewer;
     * this generator stays usable. Terminal.
     *
     * @param n how many values to skip
     * @return the value at that place, or empty if the values run out first
     * @throws IllegalArgumentException "n cannot be negative but was: -1"
     * @throws NullPointerException if the value at that place is null
     */
    public Optional<T> nth(long n) {
        Util.requireNonNegative(n, "n");
        for (long i = 0; i < n; i++) {
            if (!hasNext()) {
                return Optional.empty();
            }
            take();
        }
        return first();
    }

    /**
     * The last value: the {@code last} recipe of more-itertools. Terminal; consumes this generator (pushes when
     * it is unstarted); O(1) memory.
     *
     * @return the last value, or empty if there is none
     * @throws NullPointerException if the last value is null
     */
    public Optional<T> last() {
        Object[] last = {null};
        boolean[] seen = {false};
        forEachRemaining(x -> {
            last[0] = x;
            seen[0] = true;
        });
        return seen[0] ? Optional.of(uncheckedCast(last[0])) : Optional.empty();
    }

    /**
     * The remaining values as text, separated by {@code separator}: Python's {@code sep.join(map(str, g))}, with
     * {@link String#valueOf(Object)} for each value. Terminal; consumes this generator (pushes when it is
     * unstarted).
     *
     * @param separator what goes between two values
     * @return the joined text
     * @throws NullPointerException if {@code separator} is null
     */
    public String join(CharSequence separator) {
        return join(separator, "", "");
    }

    /**
     * The remaining values as text between {@code prefix} and {@code suffix}, separated by {@code separator}.
     * Terminal; consumes this generator (pushes when it is unstarted).
     *
     * @param separator what goes between two values
     * @param prefix what goes first
     * @param suffix what goes last
     * @return the joined text
     * @throws NullPointerException if an argument is null
     */
    public String join(CharSequence separator, CharSequence prefix, CharSequence suffix) {
        StringJoiner joiner = new StringJoiner(requireNonNull(separator, "separator"),
                requireNonNull(prefix, "prefix"), requireNonNull(suffix, "suffix"));
        forEachRemaining(x -> joiner.add(String.valueOf(x)));
        return joiner.toString();
    }

    /**
     * The remaining values in an array made by {@code newArray}, as {@code Stream.toArray(String[]::new)}.
     * Terminal; consumes this generator (pushes when it is unstarted).
     *
     * @param newArray makes an array of the given length
     * @param <A> the element type of the array
     * @return the values in order
     * @throws NullPointerException if {@code newArray} is null or returns null
     * @throws IllegalStateException if {@code newArray} returns an array of another length, as {@code Stream.toArray}
     * @throws ArrayStoreException if a value does not fit the array's type
     */
    public <A> A[] toArray(IntFunction<A[]> newArray) {
        requireNonNull(newArray, "newArray");
        ArrayList<T> list = new ArrayList<>();
        forEachRemaining(list::add);
        int n = list.size();
        A[] array = requireNonNull(newArray.apply(n), "the array made by newArray");
        if (array.length != n) {
            throw new IllegalStateException("newArray made an array of length " + array.length + " for " + n
                    + " values");
        }
        return list.toArray(array);
    }

    /**
     * A sequential {@link Stream} over the remaining values. Closing the stream closes this generator. A stream
     * operation that consumes everything (forEach, collect, ...) pushes an unstarted generator; a short-circuiting
     * one (findFirst, anyMatch, limit, ...) pulls only what it needs.
     *
     * @return a stream that reads this generator
     */
    public Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false).onClose(this::close);
    }

    /**
     * A {@link Spliterator} over the remaining values: ordered, of unknown size, never split (a generator is a
     * single cursor). {@code tryAdvance} pulls one value; {@code forEachRemaining} is
     * {@link #forEachRemaining(Consumer)}, which pushes an unstarted generator.
     *
     * @return a spliterator that reads this generator
     */
    @Override
    public Spliterator<T> spliterator() {
        return new Spliterator<>() {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                requireNonNull(action, "action");
                if (!hasNext()) {
                    return false;
                }
                action.accept(take());
                return true;
            }

            @Override
            public void forEachRemaining(Consumer<? super T> action) {
                Generator.this.forEachRemaining(action);
            }

            @Override
            public Spliterator<T> trySplit() {
                return null;
            }

            @Override
            public long estimateSize() {
                return exhausted() ? 0 : Long.MAX_VALUE;
            }

            @Override
            public int characteristics() {
                return Spliterator.ORDERED;
            }
        };
    }

    /**
     * A derived generator running {@code stage} over this one: the way to every single-input operator.
     *
     * <p>This class makes its operators through the static {@code of} factories of {@link Stages},
     * {@link Producers} and {@link Merges}, typed as {@code Stage} or {@code Source}, never with {@code new}. why:
     * the JVM's verifier loads every class whose {@code new} is passed where its base class is expected, so this
     * class's verification loaded some thirty operator classes on the first use of any generator (about 7 ms).
     */
    <R> Generator<R> then(Stage<T, R> stage) {
        return new Generator<>(stage.pulledOver(this));
    }

    /** zip(this, other) as pairs, ending as {@code stop} says. */
    private <U> Generator<Pair<T, U>> zipWith(Iterable<? extends U> other, Merges.Stop stop) {
        Generator<? extends U> second = from(requireNonNull(other, "other"));
        return new Generator<>(Merges.Zip.<Object, Pair<T, U>>of(stop, null,
                row -> new Pair<>(uncheckedCast(row[0]), uncheckedCast(row[1])), this, second));
    }

    private T extreme(Comparator<? super T> order, int sign, String name) {
        requireNonNull(order, "order");
        Object[] best = {null};
        boolean[] seen = {false};
        forEachRemaining(x -> {
            if (!seen[0]) {
                seen[0] = true;
                best[0] = x;
            } else if (sign * order.compare(x, uncheckedCast(best[0])) > 0) {
                best[0] = x; // strictly better only: the first of equal values wins, as Python's
            }
        });
        if (!seen[0]) {
            throw new NoSuchElementException(name + "() arg is an empty sequence");
        }
        return uncheckedCast(best[0]);
    }

    private T extremeOr(Comparator<? super T> order, int sign, T defaultValue) {
        requireNonNull(order, "order");
        Object[] best = {null};
        boolean[] seen = {false};
        forEachRemaining(x -> {
            if (!seen[0] || sign * order.compare(x, uncheckedCast(best[0])) > 0) {
                seen[0] = true;
                best[0] = x;
            }
        });
        return seen[0] ? uncheckedCast(best[0]) : defaultValue;
    }

    private <K extends Comparable<? super K>> T extremeBy(Function<? super T, ? extends K> key, int sign,
            String name) {
        requireNonNull(key, "key");
        Object[] best = {null, null}; // value, key
        boolean[] seen = {false};
        forEachRemaining(x -> {
            K k = key.apply(x);
            if (seen[0]) {
                K b = uncheckedCast(best[1]);
                if (k == null || b == null) { // Python: TypeError, '>' not supported between ... 'NoneType'
                    throw new NullPointerException("key returned null for " + (k == null ? x : best[0])
                            + ", which cannot be compared");
                }
                if (sign * k.compareTo(b) <= 0) {
                    return;
                }
            }
            seen[0] = true;
            best[0] = x;
            best[1] = k;
        });
        if (!seen[0]) {
            throw new NoSuchElementException(name + "() arg is an empty sequence");
        }
        return uncheckedCast(best[0]);
    }

    // -------------------------------------------------------------------------------------------- internals

    @Override
    public String toString() {
        return "Generator[" + state() + ", " + engineName() + "]";
    }

    @SuppressWarnings("unchecked")
    private static <U> U uncheckedCast(Object o) {
        return (U) o;
    }
}
