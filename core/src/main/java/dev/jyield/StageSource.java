package dev.jyield;

import static dev.jyield.Util.sneaky;

/** A generator's source made of one {@link Stage} over an input generator: pulls or pushes the same stage. */
final class StageSource<T, R> extends Op<R> {
    private final Generator<? extends T> input;
    private final Stage<T, R> stage;
    private PullBuffer<R> buffer;
    private boolean ended;

    StageSource(Generator<? extends T> input, Stage<T, R> stage) {
        super(inputs(input, stage));
        this.input = input;
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
    int resume(Object sent, Throwable thrown) {
        // why: the same as Op.resume, but advance() is bound statically here, saving a megamorphic call per element.
        if (thrown != null) {
            throw sneaky(thrown);
        }
        return advance() ? YIELD : RETURN;
    }

    @Override
    boolean advance() {
        PullBuffer<R> b = buffer;
        if (b == null) {
            b = buffer = new PullBuffer<>();
            stage.down = b;
            stage.begin();
        }
        for (;;) {
            if (b.poll()) {
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
    boolean canPush() {
        return stage.pushes();
    }

    @Override
    Object push(java.util.function.Consumer<? super R> sink) {
        stage.down = sink;
        stage.begin();
        input.forEachRemaining(stage);
        stage.end();
        return null;
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
