package dev.jyield;

import static dev.jyield.Util.sneaky;

import java.util.function.Consumer;

/** A generator's source made of one {@link Stage} over an input generator: pulls or pushes the same stage. */
final class StageSource<T, R> extends Stage.Over<T, R> implements Consumer<R> {
    /** Whether a stage class keeps {@link Stage#wantsMore()} as always true (map, filter, flatMap, ...). */
    private static final ClassValue<Boolean> ALWAYS_WANTS_MORE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != Stage.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod("wantsMore");
                    return false;
                } catch (NoSuchMethodException e) {
                    // not here: look in the superclass
                }
            }
            return true;
        }
    };

    /** Whether {@link Stage#wantsMore()} needs no call: it is not overridden, so always true. */
    private final boolean alwaysWantsMore;
    private boolean started;
    /** Whether {@link #out} holds a value the stage emitted and {@link #advance} has not returned yet. */
    private boolean hasOut;
    /**
     * Created on the first emission that cannot go straight into {@link #out}: a second output for one input, or
     * an iterable to drain. Once it exists, every emission goes through it, which keeps them in order.
     */
    private PullBuffer<R> buffer;
    private boolean ended;

    StageSource(Generator<? extends T> input, Stage<T, R> stage) {
        super(input, stage);
        this.alwaysWantsMore = ALWAYS_WANTS_MORE.get(stage.getClass());
    }

    /**
     * The stage's {@link Stage#down} when pulled. why: the usual one output per input goes straight into
     * {@link #out}, with no buffer round-trip; anything more waits in the {@link PullBuffer}.
     */
    @Override
    public void accept(R v) {
        if (!hasOut && buffer == null) {
            out = v;
            hasOut = true;
        } else {
            pending().accept(v);
        }
    }

    /** The buffer for what the stage emits beyond {@link #out}; {@link Stage#emitAll} drains into it. */
    PullBuffer<R> pending() {
        PullBuffer<R> b = buffer;
        if (b == null) {
            b = buffer = new PullBuffer<>();
        }
        return b;
    }

    @Override
    int resume(Object sent, Throwable thrown) {
        // why: the same as Op.resume, but advance() is bound statically here, saving a megamorphic call per element.
        if (thrown != null) {
            throw sneaky(thrown);
        }
        if (advance()) {
            return YIELD;
        }
        out = null; // no return value: not the last element
        return RETURN;
    }

    /**
     * The common case (started, nothing buffered, input not ended, a stage that always wants more) kept small
     * enough to inline into {@link #resume}: one call for the input, one for the stage. Everything else is
     * {@link #advanceSlow}, which behaves the same way in every case.
     */
    @Override
    @SuppressWarnings("unchecked")
    boolean advance() {
        if (started && alwaysWantsMore && !ended && !hasOut && buffer == null) {
            for (;;) {
                Object x = input.pull();
                if (x == Generator.END) {
                    break;
                }
                stage.accept((T) x);
                if (hasOut) {
                    hasOut = false;
                    return true;
                }
                if (buffer != null) {
                    return advanceSlow();
                }
            }
            ended = true;
            stage.end();
        }
        return advanceSlow();
    }

    private boolean advanceSlow() {
        if (!started) {
            started = true;
            stage.down = this;
            stage.begin();
        }
        for (;;) {
            if (hasOut) {
                hasOut = false;
                return true;
            }
            PullBuffer<R> b = buffer;
            if (b != null && b.poll()) {
                out = b.value;
                b.value = null;
                return true;
            }
            if (ended) {
                return false;
            }
            if (!stage.wantsMore()) {
                ended = true;
            } else if (input.hasNext()) {
                stage.accept(input.next());
            } else {
                ended = true;
                stage.end();
            }
        }
    }

    @Override
    void closeSources() {
        runAll(() -> {
            if (buffer != null) {
                buffer.close();
            }
        }, super::closeSources);
    }

    @Override
    String engineName() {
        return "operator";
    }
}
