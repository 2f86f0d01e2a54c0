package dev.jyield;

import java.util.function.Predicate;

/**
 * The two iterators of {@code before_and_after}: the leading elements that satisfy the predicate, and the
 * remainder, starting with the first element that failed it (the "transition"), if the first iterator had
 * found it when the remainder was first asked (Python's {@code yield from transition}). The source is closed
 * when both are closed.
 */
final class BeforeAndAfter<T> {
    private final Generator<? extends T> source;
    private final Predicate<? super T> predicate;
    private boolean beforeDone;
    private boolean hasTransition;
    private T transition;
    /** The source, held by both parts. */
    private final Branch.Shared both;

    BeforeAndAfter(Generator<? extends T> source, Predicate<? super T> predicate) {
        this.source = source;
        this.predicate = predicate;
        this.both = new Branch.Shared(source, 2);
    }

    Generator<T> before() {
        return new Generator<>(new Part() {
            @Override
            boolean advance() {
                if (beforeDone || !source.hasNext()) {
                    beforeDone = true;
                    return false;
                }
                T x = source.next();
                if (predicate.test(x)) {
                    out = x;
                    return true;
                }
                beforeDone = true;
                hasTransition = true;
                transition = x;
                return false;
            }
        });
    }

    Generator<T> after() {
        return new Generator<>(new Part() {
            private boolean started;

            @Override
            boolean advance() {
                if (!started) {
                    started = true;
                    if (hasTransition) {
                        hasTransition = false;
                        out = transition;
                        transition = null;
                        return true;
                    }
                }
                if (source.hasNext()) {
                    out = source.next();
                    return true;
                }
                return false;
            }
        });
    }

    private abstract class Part extends Branch<T> {
        Part() {
            super(both);
        }
    }
}
