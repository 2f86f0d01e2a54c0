package dev.jyield;

import static dev.jyield.Util.requireNonNull;

import java.io.Serializable;
import java.util.NoSuchElementException;

/**
 * A typed view of a send-driven generator: Python's {@code Generator[Y, S, R]}, a generator that yields {@code Y},
 * receives {@code S} from {@code send} and returns {@code R}. Its body's {@code y.yield(v)} returns an {@code S}
 * and {@link #send} takes one, so a coroutine is written without casts and a wrong type does not compile.
 *
 * {@snippet :
 * Coroutine<Double, Double, Void> averager = Coroutine.of(y -> {
 *     double total = 0;
 *     int count = 0;
 *     Double average = null;
 *     while (true) {
 *         double value = y.yield(average);   // the value sent, a Double
 *         total += value;
 *         average = total / ++count;
 *     }
 * });
 * averager.next();      // null: runs to the first yield (Python: next(averager))
 * averager.send(10.0);  // 10.0
 * averager.send(30.0);  // 20.0
 * }
 *
 * <p>A coroutine wraps exactly one {@link Generator}, which runs its body on the same engines as any other
 * (the bytecode engine rewrites a coroutine body as it does a generator body); {@link #asGenerator()} is that
 * generator, for for-each, operators and {@link Yielder#yieldFrom(Generator)}. Each method here is the
 * generator's own, with the types of the view: it costs one call and allocates nothing.
 *
 * @param <Y> the type of the values yielded (Python's YieldType)
 * @param <S> the type of the values sent (Python's SendType); the body receives null after a plain {@link #next()}
 * @param <R> the type of the return value (Python's ReturnType); {@link Void} for none
 */
public final class Coroutine<Y, S, R> implements AutoCloseable {
    private final Generator<Y> generator;

    private Coroutine(Generator<Y> generator) {
        this.generator = generator;
    }

    /**
     * The body of a coroutine: it yields {@code Y} through its channel, receives {@code S} from each yield, and
     * returns {@code R}. Like {@link Generator.Body}, it may throw checked exceptions, which reach the consumer
     * unchanged, and it is serializable only so that the bytecode engine can find a lambda's code.
     *
     * @param <Y> the type of the values yielded
     * @param <S> the type of the values sent
     * @param <R> the type of the return value
     */
    @FunctionalInterface
    public interface Body<Y, S, R> extends Serializable {
        /**
         * Runs the body, yielding through {@code y}.
         *
         * @param y the channel of this coroutine; like a {@link Yielder}, it must not escape the body
         * @return the coroutine's return value (Python's {@code return r}), read back by {@link #returnValue()}
         *     and by {@link Channel#yieldFrom(Coroutine)}
         * @throws Exception whatever the body throws; it reaches the consumer unchanged
         */
        R run(Channel<Y, S> y) throws Exception;
    }

    /**
     * The yielder of a coroutine body: {@link #yield} returns the sent value as an {@code S}, and
     * {@link #yieldFrom(Coroutine)} returns a sub-coroutine's {@code R}. The inherited {@code yieldFrom} of a
     * generator, an iterable or an iterator stay as they are (they return {@code Object}). Every yielder the
     * library hands to a body is a channel; users cannot create or subclass one.
     *
     * @param <Y> the type of the values yielded
     * @param <S> the type of the values sent
     */
    public abstract static class Channel<Y, S> extends Yielder<Y> {
        Channel() {}

        /**
         * Hands {@code value} to the consumer and pauses the body until the next request: Python's
         * {@code s = yield v}.
         *
         * @param value the value to yield; may be null
         * @return the value passed to {@link Coroutine#send(Object)} for this resumption, or null after a plain
         *     {@link Coroutine#next()} (and always null when the coroutine is consumed by a terminal operation)
         * @throws GeneratorExit when the coroutine is closed while paused here; let it propagate
         * @throws IllegalStateException when this channel is used outside its own body
         */
        @Override
        public abstract S yield(Y value);

        /**
         * Delegates to a sub-coroutine until it ends, as Python's {@code r = yield from sub}: every value it yields
         * is yielded here, and each value sent to this coroutine is sent on to it while it runs ({@code throwIn}
         * and {@code close} are forwarded too). The same as {@code yieldFrom(sub.asGenerator())}, typed.
         *
         * @param sub the coroutine to delegate to; it is advanced only as this one is
         * @param <R2> the sub-coroutine's return type
         * @return the sub-coroutine's return value, or null if it was already exhausted
         * @throws NullPointerException if {@code sub} is null
         * @throws GeneratorExit when this coroutine is closed during the delegation (after closing {@code sub})
         */
        @SuppressWarnings("unchecked") // why: the sub's body returned an R2, or nothing
        public final <R2> R2 yieldFrom(Coroutine<? extends Y, ? super S, R2> sub) {
            return (R2) yieldFrom(requireNonNull(sub, "sub").asGenerator());
        }
    }

    /**
     * A coroutine running {@code body}: Python's call of a generator function annotated
     * {@code -> Generator[Y, S, R]}. The body does not start until the first {@link #next()}.
     *
     * @param body the code to run; it yields with {@code y.yield(v)}, which returns the value sent
     * @param <Y> the type of the values yielded
     * @param <S> the type of the values sent
     * @param <R> the type of the return value
     * @return a new coroutine in state {@link Generator.State#CREATED}
     * @throws NullPointerException if {@code body} is null
     */
    public static <Y, S, R> Coroutine<Y, S, R> of(Body<Y, S, R> body) {
        return of(body, Engine.DEFAULT);
    }

    /** Test hook: a coroutine whose body runs on the given engine. */
    static <Y, S, R> Coroutine<Y, S, R> of(Body<Y, S, R> body, Engine engine) {
        return new Coroutine<>(new Generator<>(new BodySource<>(requireNonNull(body, "body"), true, engine)));
    }

    /**
     * Starts the body, or resumes it with null, and returns the next value it yields: Python's {@code next(c)}.
     *
     * @return the next value yielded
     * @throws NoSuchElementException if the coroutine is exhausted or closed, or ends during this call
     * @throws IllegalStateException "generator already executing" if called while the body runs
     */
    public Y next() {
        return generator.next();
    }

    /**
     * Resumes the body with {@code value} as the result of its paused {@code yield} and returns the next value it
     * yields: Python's {@code c.send(value)}. {@code send(null)} is {@link #next()}.
     *
     * @param value the result of the paused {@code yield}
     * @return the next value yielded
     * @throws IllegalStateException if {@code value} is non-null and the coroutine has not started (Python's
     *     TypeError "can't send non-None value to a just-started generator"), or it is already executing
     * @throws NoSuchElementException if the coroutine is exhausted or closed, or ends during this call (Python's
     *     StopIteration; the return value is then in {@link #returnValue()})
     */
    public Y send(S value) {
        return generator.send(value);
    }

    /**
     * Raises {@code exception} inside the body at its paused {@code yield} and returns the next value it yields:
     * Python's {@code c.throw(exc)}. See {@link Generator#throwIn(Throwable)}.
     *
     * @param exception what to raise at the paused {@code yield}
     * @param <X> the type of the exception, which may come back to the caller
     * @return the next value the body yields after handling the exception
     * @throws X {@code exception} itself, if the body lets it propagate, or if the coroutine is not suspended
     * @throws NoSuchElementException if the body handles the exception and then returns
     * @throws NullPointerException if {@code exception} is null
     */
    public <X extends Throwable> Y throwIn(X exception) throws X {
        return generator.throwIn(exception);
    }

    /**
     * Closes the coroutine: Python's {@code c.close()}. A suspended body gets a {@link GeneratorExit} at its
     * paused {@code yield}, so its {@code finally} blocks run. See {@link Generator#close()}.
     *
     * @throws IllegalStateException "generator ignored GeneratorExit" if the body yields again instead of ending
     */
    @Override
    public void close() {
        generator.close();
    }

    /**
     * The state of the coroutine, as Python's {@code inspect.getgeneratorstate}.
     *
     * @return the current state
     */
    public Generator.State state() {
        return generator.state();
    }

    /**
     * The value the body returned (Python's {@code StopIteration.value}), kept once the coroutine has ended by
     * returning.
     *
     * @return the return value, or null if the body has not returned
     */
    @SuppressWarnings("unchecked") // why: only the body, typed R, sets it
    public R returnValue() {
        return (R) generator.returnValue();
    }

    /**
     * The generator this coroutine is a view of (the same object every time): for for-each, operators, and a
     * plain {@link Yielder#yieldFrom(Generator)}. Advancing it advances this coroutine.
     *
     * @return the underlying generator
     */
    public Generator<Y> asGenerator() {
        return generator;
    }

    /** For tests: the engine the body runs on. */
    String engineName() {
        return generator.engineName();
    }

    /**
     * A short description, e.g. {@code Coroutine[SUSPENDED, bytecode]}.
     *
     * @return the state and engine of the underlying generator
     */
    @Override
    public String toString() {
        return "Coroutine" + generator.toString().substring("Generator".length());
    }
}
