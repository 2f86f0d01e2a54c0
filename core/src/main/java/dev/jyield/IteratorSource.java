package dev.jyield;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The elements of an {@link Iterable} (its iterator taken on the first request) or of an {@link Iterator}. An
 * operator with no input, so that a map or filter over it reads it directly (see AbstractGenerator.enterPull),
 * as it reads a range. It keeps the generator's protocol around each element, since an iterator may run user code.
 */
final class IteratorSource<T> extends Producer<T> {
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
    Object next() {
        Iterator<? extends T> i = it();
        return i.hasNext() ? i.next() : Generator.END;
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
