package dev.jyield;

import static dev.jyield.Util.requireNonNull;
import static dev.jyield.Util.sneaky;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The yielder of a body run as a plain call: each value goes straight to the consumer. If the consumer throws,
 * the body is closed where it stands (a {@link GeneratorExit} at its yield) and the consumer's exception wins.
 */
final class PushYielder<T> extends Coroutine.Channel<T, Object> {
    /**
     * How many pushed bodies may run inside one another through {@code yieldFrom}: a deeper delegate is pulled
     * instead, whose own delegations then run on the heap (see AbstractGenerator's chain), so that a chain of any
     * depth runs on a bounded stack.
     */
    static final int MAX_NESTING = 32;

    private final Consumer<? super T> sink;
    /** How many pushed bodies this one runs inside. */
    private final int nesting;
    /**
     * Whether {@link #sink} is the terminal operation's own consumer, not an operator's stage or a delegating
     * body: then what it throws is surely not the body's, and leaves as {@link ConsumerFailed}.
     */
    private final boolean terminal;
    private Throwable consumerFailure;
    private boolean finished;

    PushYielder(Consumer<? super T> sink) {
        this.sink = sink;
        this.nesting = sink instanceof Nested<?> n ? n.target.nesting + 1 : 0;
        this.terminal = !(sink instanceof Nested<?> || sink instanceof Stage<?, ?>);
    }

    /**
     * What the consumer of a body's push threw, on its way to the generator's {@code pushed}, which throws the
     * consumer's own exception. why: there it must not be taken for the body's, whose NoSuchElementException PEP 479
     * turns into an IllegalStateException. Made only when the push fails, so the per-value path pays nothing (a
     * wrapper that caught what the consumer throws made a pushed range -> map -> filter -> forEach 16% slower). A
     * consumer under an operator's stage is not told apart so: its exception leaves as the operator's own.
     */
    static final class ConsumerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsumerFailed(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    /**
     * Runs a body with its values pushed into {@code sink}; returns its return value. why: here, not in BodySource,
     * whose verifier would otherwise load this class on the start of every body.
     */
    static <T> Object run(Object body, boolean returning, Consumer<? super T> sink) {
        PushYielder<T> y = new PushYielder<>(sink);
        Object result;
        try {
            result = BodySource.run(body, returning, y);
        } catch (Throwable t) {
            throw y.rethrow(t);
        }
        y.done();
        return result;
    }

    /** The consumer through which a pushed body hands a delegate's values on: it tells the delegate its depth. */
    private static final class Nested<T> implements Consumer<T> {
        final PushYielder<T> target;

        Nested(PushYielder<T> target) {
            this.target = target;
        }

        @Override
        public void accept(T value) {
            target.yield(value);
        }
    }

    @Override
    public Object yield(T value) {
        if (consumerFailure != null || finished) {
            throw misuse();
        }
        try {
            sink.accept(value);
        } catch (Throwable t) {
            consumerFailure = t;
            throw new GeneratorExit();
        }
        return null;
    }

    @Override
    public Object yieldFrom(Generator<? extends T> sub) {
        requireNonNull(sub, "sub");
        if (consumerFailure != null || finished) {
            throw misuse();
        }
        boolean wasClosed = sub.state() == Generator.State.CLOSED;
        try {
            if (nesting < MAX_NESTING) {
                sub.forEachRemaining(new Nested<>(this));
            } else {
                while (sub.hasNext()) {
                    this.yield(sub.next());
                }
            }
        } catch (GeneratorExit e) {
            if (consumerFailure != null) {
                sub.close(); // a pulled sub is still suspended under the failed consumer
            }
            throw e;
        }
        return wasClosed ? null : sub.returnValue();
    }

    @Override
    public Object yieldFrom(Iterable<? extends T> source) {
        requireNonNull(source, "source");
        if (source instanceof Generator<? extends T> g) {
            return yieldFrom(g);
        }
        return drain(source.iterator());
    }

    @Override
    public Object yieldFrom(Iterator<? extends T> source) {
        requireNonNull(source, "source");
        if (source instanceof Generator<? extends T> g) {
            return yieldFrom(g);
        }
        return drain(source);
    }

    private Object drain(Iterator<? extends T> it) {
        try {
            while (it.hasNext()) {
                this.yield(it.next());
            }
        } catch (GeneratorExit e) {
            if (it instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ce) {
                    throw sneaky(ce);
                }
            }
            throw e;
        }
        return null;
    }

    /** The consumer's failure as this push throws it. */
    private RuntimeException failure() {
        throw terminal ? new ConsumerFailed(consumerFailure) : sneaky(consumerFailure);
    }

    private IllegalStateException misuse() {
        return consumerFailure != null
                ? new IllegalStateException("generator ignored GeneratorExit")
                : new IllegalStateException("yield called after the generator's body returned");
    }

    /** The body ended normally: the consumer's failure, if the body swallowed it, still propagates. */
    void done() {
        finished = true;
        if (consumerFailure != null) {
            throw failure();
        }
    }

    /** The body threw {@code t}: the consumer's failure, if any, wins; the body's own exception is suppressed. */
    RuntimeException rethrow(Throwable t) {
        finished = true;
        Throwable failure = consumerFailure;
        if (failure == null) {
            throw sneaky(t);
        }
        if (!(t instanceof GeneratorExit) && t != failure) {
            failure.addSuppressed(t);
        }
        throw failure();
    }
}
