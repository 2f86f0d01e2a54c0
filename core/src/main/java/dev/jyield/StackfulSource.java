package dev.jyield;

import static dev.jyield.Util.requireNonNull;
import static dev.jyield.Util.sneaky;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;

/**
 * A body that runs on a stack of its own (a continuation or a thread) and suspends by switching stacks. The
 * engines differ only in how they switch; everything else is here.
 */
abstract class StackfulSource<T> extends Source<T> {
    private static final int FAILED = -1;
    private static final VarHandle BUSY;
    private static final VarHandle OWNER;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(StackfulSource.class, "busy", boolean.class);
            OWNER = MethodHandles.lookup().findVarHandle(StackfulSource.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object body;
    private final boolean returning;
    private final Cleaner.Cleanable cleanable;
    final StackfulYielder yielder = new StackfulYielder();

    // The exchange between the consumer and the body; the engine's switch orders these writes and reads.
    private Object sent;
    private Throwable thrown;
    private int outcome;
    private Throwable failure;
    /** Set by the cleaner: the generator is unreachable, so the body must end, whatever it does. */
    boolean abandoned;
    boolean started;
    boolean done;
    /**
     * Whether a consumer is inside {@link #resume}. The generator already refuses a second thread; this makes sure
     * that two consumers never switch to one body at once, which would hang the thread engine and break the
     * continuation engine with an internal error of the JDK. It costs nothing beside a switch of stacks.
     */
    private volatile boolean busy;
    /**
     * The thread inside an operation of the generator this source runs, or null: the generator's claim (see
     * {@code AbstractGenerator.claimed}), kept here because only a generator on a stackful engine claims.
     */
    volatile Thread owner;

    /** Claims the generator for {@code t}: false if another thread is inside one of its operations. */
    final boolean claim(Thread t) {
        return OWNER.compareAndSet(this, null, t);
    }

    /**
     * The source that runs {@code body} on the stackful engine {@code e}. why: made here, typed as a Source, so
     * that BodySource's verifier does not load the stackful engines' classes, which a body on the bytecode engine
     * never needs.
     */
    static <T> Source<T> of(Engine e, Object body, boolean returning, Object owner) {
        return e == Engine.CONTINUATION
                ? new ContinuationSource<>(body, returning, owner)
                : new ThreadSource<>(body, returning, owner);
    }

    StackfulSource(Object body, boolean returning, Object owner) {
        this.body = body;
        this.returning = returning;
        // why: the action references this source, never the generator, so the generator can become unreachable.
        this.cleanable = CLEANER.register(owner, this::abandon);
    }

    /** Starts or resumes the body on its own stack; returns when it suspends or ends. */
    abstract void switchToBody();

    /** On the body's stack: hands control back to the consumer; returns when the body is resumed. */
    abstract void switchToConsumer();

    /** Whether the caller runs on this body's stack (a yielder must not be used elsewhere). */
    abstract boolean onBodyStack();

    @Override
    final String engineReport() {
        String reason = BytecodeEngine.explain(body, returning);
        return reason == null ? engineName() : engineName() + "; not bytecode because " + reason;
    }

    /** Runs the body to its end; called once, on the body's own stack. */
    final void runBody() {
        try {
            out = BodySource.run(body, returning, yielder);
            outcome = RETURN;
        } catch (Throwable t) {
            failure = t;
            outcome = FAILED;
        } finally {
            done = true;
        }
    }

    @Override
    final int resume(Object sent, Throwable thrown) {
        if (!BUSY.compareAndSet(this, false, true)) {
            throw AbstractGenerator.executing();
        }
        try {
            this.sent = sent;
            this.thrown = thrown;
            started = true;
            switchToBody();
            if (outcome == FAILED) {
                Throwable t = failure;
                failure = null;
                if (t != thrown) { // an exception thrown in and let through already has the consumer's trace
                    stitch(t);
                }
                throw sneaky(t);
            }
            return outcome;
        } finally {
            busy = false;
        }
    }

    /**
     * Gives an exception that the body raised the trace it would have if the body had run on the consumer's stack:
     * its frames above {@link #runBody}, then the consumer's frames below {@link #resume}. On the thread engine the
     * trace would otherwise end at the virtual thread's start; on both engines this drops the frames of the switch.
     * The same object is changed in place (its cause and suppressed exceptions untouched); an exception that was not
     * made on the body's stack (no {@code runBody} frame) keeps its trace. Costs two stack walks, only on failure.
     */
    private static void stitch(Throwable t) {
        StackTraceElement[] body = t.getStackTrace();
        int cut = frameOf(body, "runBody");
        if (cut < 0) {
            return;
        }
        StackTraceElement[] consumer = new Throwable().getStackTrace();
        int from = frameOf(consumer, "resume") + 1;
        if (from == 0) {
            return;
        }
        StackTraceElement[] stitched = new StackTraceElement[cut + consumer.length - from];
        System.arraycopy(body, 0, stitched, 0, cut);
        System.arraycopy(consumer, from, stitched, cut, consumer.length - from);
        t.setStackTrace(stitched);
    }

    /** The index of the first frame of {@code method} of this class, or -1. */
    private static int frameOf(StackTraceElement[] trace, String method) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getMethodName().equals(method) && trace[i].getClassName().equals(StackfulSource.class.getName())) {
                return i;
            }
        }
        return -1;
    }

    /** On the body's stack: suspend with an outcome, then return the sent value or raise the thrown exception. */
    private Object suspend(int kind, Object value) {
        if (abandoned) {
            throw new GeneratorExit(); // the generator is gone: keep closing
        }
        if (!onBodyStack()) {
            throw new IllegalStateException(
                    "a Yielder was used outside its generator's body (another thread, or a nested generator's body)");
        }
        out = value;
        outcome = kind;
        switchToConsumer();
        Throwable t = thrown;
        if (t != null) {
            thrown = null;
            throw sneaky(t);
        }
        Object s = sent;
        sent = null;
        return s;
    }

    @Override
    final void release() {
        cleanable.clean();
    }

    /** Runs once: on release (then the body is finished or never started) or when the generator is unreachable. */
    private void abandon() {
        if (started && !done) {
            abandoned = true;
            thrown = new GeneratorExit();
            sent = null;
            closeAbandoned();
        }
    }

    /** Resumes the abandoned body (with {@link #thrown} set) so that it ends; must not wait for a consumer. */
    abstract void closeAbandoned();

    final class StackfulYielder extends Coroutine.Channel<T, Object> {
        @Override
        public Object yield(T value) {
            return suspend(YIELD, value);
        }

        @Override
        public Object yieldFrom(Generator<? extends T> sub) {
            return suspend(DELEGATE, requireNonNull(sub, "sub"));
        }

        @Override
        public Object yieldFrom(Iterable<? extends T> source) {
            requireNonNull(source, "source");
            return suspend(DELEGATE, source instanceof Generator<?> g ? g : source.iterator());
        }

        @Override
        public Object yieldFrom(java.util.Iterator<? extends T> source) {
            return suspend(DELEGATE, requireNonNull(source, "source"));
        }
    }
}
