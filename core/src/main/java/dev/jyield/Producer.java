package dev.jyield;

import java.util.function.Consumer;

/**
 * A source computed by {@link #advance()} that can also be pushed: the push is the same {@code advance()} called
 * in a loop, with no suspension, so each source is written once.
 */
abstract class Producer<T> extends Op<T> {
    Producer(Generator<?>... inputs) {
        super(inputs);
    }

    @Override
    boolean canPush() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    Object push(Consumer<? super T> sink) {
        while (advance()) {
            T v = (T) out;
            out = null;
            sink.accept(v);
        }
        return null;
    }
}
