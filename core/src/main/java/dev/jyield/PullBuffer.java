package dev.jyield;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * What a pulled stage emits into, waiting for the requests that take it: usually one value; more when a stage
 * emits several for one input (batched's last batch); and iterables to drain lazily, one element per request
 * (flatMap's inner iterables, sorted's buffer).
 */
final class PullBuffer<T> implements Consumer<T> {
    private record Drain(Iterable<?> items) {}

    private T one;
    private boolean hasOne;
    /** Values (null masked by {@link Tuples#box}) and {@link Drain}s, in order, after {@link #one}. */
    private ArrayDeque<Object> more;
    private Iterator<?> draining;
    /** The generator being drained, if it is one: closed with the stage. */
    private Generator<?> drainingGenerator;
    /** The value taken by the last successful {@link #poll()}. */
    T value;

    private boolean empty() {
        return !hasOne && draining == null && (more == null || more.isEmpty());
    }

    @Override
    public void accept(T v) {
        if (empty()) {
            one = v;
            hasOne = true;
        } else {
            queue().add(Tuples.box(v));
        }
    }

    void drain(Iterable<? extends T> items) {
        queue().add(new Drain(items));
    }

    private ArrayDeque<Object> queue() {
        if (more == null) {
            more = new ArrayDeque<>();
        }
        return more;
    }

    /** Takes the next value into {@link #value} and returns true, or returns false when nothing waits. */
    boolean poll() {
        if (hasOne) {
            value = one;
            one = null;
            hasOne = false;
            return true;
        }
        return draining == null && more == null ? false : pollMore();
    }

    /** The rare cases, apart so that {@link #poll} stays small enough to inline on every pull. */
    @SuppressWarnings("unchecked")
    private boolean pollMore() {
        for (;;) {
            if (hasOne) {
                value = one;
                one = null;
                hasOne = false;
                return true;
            }
            if (draining != null) {
                if (draining.hasNext()) {
                    value = (T) draining.next();
                    return true;
                }
                draining = null;
                drainingGenerator = null;
            }
            if (more == null || more.isEmpty()) {
                return false;
            }
            Object o = more.poll();
            if (o instanceof Drain d) {
                Iterable<?> items = d.items();
                draining = items.iterator();
                drainingGenerator = items instanceof Generator<?> g ? g : null;
            } else {
                value = Tuples.unbox(o);
                return true;
            }
        }
    }

    /** Closes the generator being drained, if any. */
    void close() {
        Generator<?> g = drainingGenerator;
        draining = null;
        drainingGenerator = null;
        if (more != null) {
            more.clear();
        }
        if (g != null) {
            g.close();
        }
    }
}
