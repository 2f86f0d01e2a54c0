package dev.jyield;

import java.util.function.Consumer;

/**
 * One operator over one input, written once and run both ways: every single-input operator of {@link Generator}
 * and of {@link Itertools} is a stage (the ones are in {@link Stages}), reached through {@link Generator#then}.
 *
 * <p>A stage is a {@link Consumer} of its input that hands its output to {@link #down}. Run by a push (a terminal
 * operation consuming an unstarted chain to its end), {@code down} is the next stage or the terminal consumer,
 * and the source calls {@link #accept} for each element as a plain call. Run by a pull, {@link StageSource}
 * makes {@code down} itself (one output waits in its {@code out}, any more in a {@link PullBuffer}) and feeds the
 * stage one input element at a time, only when nothing waits and {@link #wantsMore()} says so: that is what gives
 * each operator Python's exact consumption.
 *
 * @param <T> the type of the input
 * @param <R> the type of the output
 */
abstract class Stage<T, R> implements Consumer<T> {
    static final Generator<?>[] NO_INPUTS = {};

    /** Where the output goes: set once, before {@link #begin()}. */
    Consumer<? super R> down;

    /**
     * The source of a generator running this stage over {@code input}: a {@link StageSource}, except for map and
     * filter, the most used operators. why: each of those has an operator of its own whose {@link Op#next()} is
     * one call of the input and one of the function, as a Kotlin sequence's iterator is, and the JIT inlines a
     * whole chain of them; through the one StageSource class that every level shares (its call sites' type
     * profiles too), the inlining stopped at the second level. A pulled range → map → filter: 9.9 against 15.8
     * ns/element (PullBench, with {@link Op#next()}, in the runs before and after).
     */
    Source<R> pulledOver(Generator<? extends T> input) {
        return new StageSource<>(input, this);
    }

    /** Called once before the first input element is asked for; may emit (accumulate's initial value). */
    void begin() {}

    /** One input element: emits zero or more outputs to {@link #down}. */
    @Override
    public abstract void accept(T x);

    /** The input has ended (never called once {@link #wantsMore()} said false): emits what is held back. */
    void end() {}

    /**
     * Checked before each pull: false ends this stage without asking its input for anything more. A stage class
     * that does not override it is never asked: {@link StageSource} sees that once per class and skips the call.
     */
    boolean wantsMore() {
        return true;
    }

    /**
     * Whether a push may run this stage. False for stages that can end before their input does (take, takeWhile,
     * zip, ...): those pull, so that the input stays suspended and usable afterwards, as in Python.
     */
    boolean pushes() {
        return true;
    }

    /** Generators other than the main input that this stage reads (closed with it). */
    Generator<?>[] sideInputs() {
        return NO_INPUTS;
    }

    /**
     * Emits every element of {@code items}: lazily, one per request, when pulled; as a plain loop when pushed.
     * A {@link Generator} among them is closed if the push fails under it.
     */
    final void emitAll(Iterable<? extends R> items) {
        Consumer<? super R> d = down;
        if (d instanceof StageSource<?, ?> pulled) {
            @SuppressWarnings("unchecked")
            PullBuffer<R> b = ((StageSource<?, R>) pulled).pending();
            b.drain(items);
        } else if (items instanceof Generator<? extends R> g) {
            try {
                g.forEachRemaining(d);
            } catch (Throwable t) {
                // why: the push that runs us is being abandoned; a pulled generator must not stay suspended under it.
                closeQuietly(g, t);
                throw t;
            }
        } else {
            items.forEach(d);
        }
    }

    /**
     * The source of a generator that runs one stage over one input: pushed the same way by every kind (the
     * stage's own calls, as a plain loop over the input), pulled as each kind defines.
     */
    abstract static class Over<T, R> extends Op<R> {
        final Generator<? extends T> input;
        /** The input's operator, if it runs one: read directly (see {@link AbstractGenerator#enterPull}). */
        final Op<?> inputOp;
        /** The input's operator if it is a {@link Producer.Split} (range, count), else null. */
        final Producer.Split<?> inputSplit;
        final Stage<T, R> stage;

        Over(Generator<? extends T> input, Stage<T, R> stage) {
            super(inputs(input, stage));
            this.input = input;
            this.inputOp = input.op();
            this.inputSplit = inputOp instanceof Producer.Split<?> s ? s : null;
            this.stage = stage;
        }

        private static Generator<?>[] inputs(Generator<?> input, Stage<?, ?> stage) {
            Generator<?>[] side = stage.sideInputs();
            Generator<?>[] all = new Generator<?>[side.length + 1];
            all[0] = input;
            System.arraycopy(side, 0, all, 1, side.length);
            return all;
        }

        @Override
        final boolean canPush() {
            return stage.pushes();
        }

        @Override
        final Object push(Consumer<? super R> sink) {
            stage.down = sink;
            stage.begin();
            input.forEachRemaining(stage);
            stage.end();
            return null;
        }
    }

    static void closeQuietly(Generator<?> g, Throwable failure) {
        try {
            g.close();
        } catch (Throwable t) {
            if (t != failure) {
                failure.addSuppressed(t);
            }
        }
    }
}
