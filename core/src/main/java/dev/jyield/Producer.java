package dev.jyield;

import java.util.function.Consumer;

/**
 * A source computed by {@link #advance()} that can also be pushed: the push is the same {@code advance()} called
 * in a loop, with no suspension, so each source is written once.
 */
abstract class Producer<T> extends Op<T> {
    Producer() {}

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

    /**
     * A producer that knows whether it has a next element before it makes one (range, count), as a Java or Kotlin
     * iterator does: {@code next()} is {@code hasMore() ? make() : END}, and a reader that calls the two itself
     * (map and filter, see {@code Stages}) gets the element on a path of its own. why: returned from {@code next()}, a
     * fresh box meets END in one value before the reader's function unboxes it, and C2 then allocates it although
     * nothing reads it (range -> map -> filter allocated 32 bytes per element, Kotlin 16); from make() it does not.
     * Neither runs user code, so the reader need not mark the generator running (see AbstractGenerator.idle).
     */
    abstract static class Split<T> extends Producer<T> {
        /** Whether {@link #make()} has an element to make; throws nothing. */
        abstract boolean hasMore();

        /** The next element, called only after {@link #hasMore()} said there is one; may fail (count's overflow). */
        abstract Object make();

        @Override
        final Object next() {
            return hasMore() ? make() : Generator.END;
        }
    }
}
