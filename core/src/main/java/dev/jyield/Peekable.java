package dev.jyield;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that can look at its next element without consuming it: more-itertools' {@code peekable}.
 * Made by {@link Itertools#peekable(Iterable)}.
 *
 * <p>Like a {@link Generator}, a peekable is a single-pass cursor: {@link #iterator()} returns the peekable
 * itself, so a second for-each resumes where the first stopped. {@link #peek()} pulls at most one element
 * from the source and keeps it; {@link #prepend} puts elements back in front. To chain generator operators,
 * read the rest through {@link #generator()}, which shares this cursor. {@link #close()} closes the source.
 * Not thread-safe.
 *
 * {@snippet :
 * Peekable<String> p = Itertools.peekable(List.of("a", "b"));
 * p.peek();  // "a"
 * p.next();  // "a"
 * p.peek();  // "b"
 * }
 *
 * @param <T> the type of the elements
 */
public final class Peekable<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
    private final Generator<? extends T> source;
    /** Elements taken from the source (or prepended) and not yet returned; nulls boxed. */
    private final ArrayDeque<Object> cache = new ArrayDeque<>();

    Peekable(Generator<? extends T> source) {
        this.source = source;
    }

    /**
     * Whether there is a next element; pulls one element from the source into the cache if the cache is empty.
     * Python: {@code bool(p)}.
     *
     * @return false once the source is exhausted and nothing is cached
     */
    @Override
    public boolean hasNext() {
        if (!cache.isEmpty()) {
            return true;
        }
        if (source.hasNext()) {
            cache.addLast(Tuples.box(source.next()));
            return true;
        }
        return false;
    }

    /**
     * The next element, consumed: Python's {@code next(p)}.
     *
     * @return the next element
     * @throws NoSuchElementException if there is none
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("peekable exhausted");
        }
        return Tuples.unbox(cache.pollFirst());
    }

    /**
     * The next element, consumed, or {@code defaultValue}: Python's {@code next(p, default)}.
     *
     * @param defaultValue the result when there is no next element
     * @return the next element, or {@code defaultValue}
     */
    public T next(T defaultValue) {
        return hasNext() ? Tuples.unbox(cache.pollFirst()) : defaultValue;
    }

    /**
     * The next element, not consumed: the following {@link #next()} returns it. Python's {@code p.peek()}.
     *
     * @return the next element
     * @throws NoSuchElementException if there is none (Python's {@code StopIteration})
     */
    public T peek() {
        if (!hasNext()) {
            throw new NoSuchElementException("peekable exhausted");
        }
        return Tuples.unbox(cache.peekFirst());
    }

    /**
     * The next element, not consumed, or {@code defaultValue} if there is none: Python's {@code p.peek(default)}.
     *
     * @param defaultValue the result when there is no next element
     * @return the next element, or {@code defaultValue}
     */
    public T peek(T defaultValue) {
        return hasNext() ? Tuples.unbox(cache.peekFirst()) : defaultValue;
    }

    /**
     * Puts {@code items} in front of the remaining elements, in the order given: Python's
     * {@code p.prepend(*items)}. Pulls nothing from the source.
     *
     * @param items the elements to yield next (nulls allowed)
     * @throws NullPointerException if the array is null
     */
    @SafeVarargs
    public final void prepend(T... items) {
        Util.requireNonNull(items, "items");
        for (int i = items.length - 1; i >= 0; i--) {
            cache.addFirst(Tuples.box(items[i]));
        }
    }

    /**
     * A generator over the remaining elements that reads through this peekable (cache first, then the source),
     * so that generator operators can follow a peek. Closing it closes this peekable.
     *
     * @return a generator sharing this cursor
     */
    public Generator<T> generator() {
        return new Generator<>(new Op<T>() {
            @Override
            boolean advance() {
                if (!Peekable.this.hasNext()) {
                    return false;
                }
                out = Peekable.this.next();
                return true;
            }

            @Override
            void closeSources() {
                Peekable.this.close();
            }
        });
    }

    /**
     * Returns this peekable itself: a second for-each resumes where the first stopped.
     *
     * @return this
     */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** Closes the source (a generator's {@code finally} blocks run) and drops the cached elements. */
    @Override
    public void close() {
        cache.clear();
        source.close();
    }

    @Override
    public String toString() {
        return "Peekable[" + cache.size() + " cached]";
    }
}
