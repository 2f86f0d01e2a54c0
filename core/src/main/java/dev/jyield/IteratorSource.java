package dev.jyield;

import static dev.jyield.Util.sneaky;

import java.util.Iterator;
import java.util.function.Consumer;

/** The elements of an {@link Iterable} (its iterator taken on the first request) or of an {@link Iterator}. */
final class IteratorSource<T> extends Source<T> {
    private Iterable<? extends T> iterable;
    private Iterator<? extends T> it;

    static <T> Source<T> of(Iterable<? extends T> iterable, Iterator<? extends T> it) {
        return new IteratorSource<>(iterable, it);
    }

    IteratorSource(Iterable<? extends T> iterable, Iterator<? extends T> it) {
        this.iterable = iterable;
        this.it = it;
    }

    private Iterator<? extends T> it() {
        if (it == null) {
            it = iterable.iterator();
            iterable = null;
        }
        return it;
    }

    @Override
    int resume(Object sent, Throwable thrown) {
        if (thrown != null) {
            throw sneaky(thrown);
        }
        Iterator<? extends T> i = it();
        if (i.hasNext()) {
            out = i.next();
            return YIELD;
        }
        out = null; // no return value: not the last element
        return RETURN;
    }

    @Override
    boolean canPush() {
        return true;
    }

    @Override
    Object push(Consumer<? super T> sink) {
        it().forEachRemaining(sink);
        return null;
    }

    @Override
    void release() {
        iterable = null;
    }

    @Override
    String engineName() {
        return "iterator";
    }
}
