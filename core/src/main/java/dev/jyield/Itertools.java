package dev.jyield;


/**
 * Python's {@code itertools}, the recipes of its documentation, and the favourites of {@code more-itertools}, as
 * static methods with Python's names in camelCase. Every function is lazy unless its documentation says it
 * buffers, and fails like Python on bad arguments, at the call.
 */
public final class Itertools {
    private Itertools() {}

    // =====================================================================================================
    // Section A: infinite iterators and iterators terminating on the shortest input, delegating to the
    // operators and sources of Generator (count, cycle, repeat, accumulate, batched, chain, compress,
    // dropWhile, filterFalse, groupBy, islice, pairwise, takeWhile).
    // =====================================================================================================

    /**
     * Python's {@code count()}: 0, 1, 2, ... forever.
     *
     * @return an infinite generator of longs
     * @see Generator#count(long, long)
     */
    public static Generator<Long> count() {
        return Generator.count(0, 1);
    }

    /**
     * Python's {@code count(start)}: start, start + 1, ... forever.
     *
     * @param start the first value
     * @return an infinite generator of longs
     * @see Generator#count(long, long)
     */
    public static Generator<Long> count(long start) {
        return Generator.count(start, 1);
    }

    /**
     * Python's {@code count(start, step)}: start, start + step, ... forever.
     *
     * @param start the first value
     * @param step the difference between consecutive values
     * @return an infinite generator of longs
     * @throws ArithmeticException when asked for a value outside the range of {@code long}
     */
    public static Generator<Long> count(long start, long step) {
        return Generator.count(start, step);
    }

    /**
     * Python's {@code cycle(iterable)}: the elements again and again; buffers one copy. Python equivalent:
     * {@code cycle('ABCD') → A B C D A B C D ...}.
     *
     * @param iterable the elements to cycle through
     * @param <T> the type of the elements
     * @return a generator, infinite unless {@code iterable} is empty
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> cycle(Iterable<? extends T> iterable) {
        return Generator.cycle(iterable);
    }

    /**
     * Python's {@code repeat(object)}: the same value forever.
     *
     * @param object the value
     * @param <T> its type
     * @return an infinite generator
     */
    public static <T> Generator<T> repeat(T object) {
        return Generator.repeat(object);
    }

    /**
     * Python's {@code repeat(object, times)}: the same value {@code times} times (none if negative, as in Python).
     *
     * @param object the value
     * @param times how many times
     * @param <T> its type
     * @return a generator of {@code max(times, 0)} values
     */
    public static <T> Generator<T> repeat(T object, long times) {
        return Generator.repeat(object, times);
    }

    /**
     * Python's {@code accumulate(iterable, func)}: running results, {@code func(total, x)}. Python equivalent:
     * {@code accumulate([1, 2, 3, 4, 5], operator.mul) → 1 2 6 24 120}.
     *
     * @param iterable the values
     * @param func combines the running total with the next value
     * @param <T> the type of the values
     * @return a generator of running totals
     * @throws NullPointerException if an argument is null
     * @see Generator#accumulate(java.util.function.BinaryOperator)
     */
    public static <T> Generator<T> accumulate(Iterable<? extends T> iterable,
            java.util.function.BinaryOperator<T> func) {
        return Generator.<T>from(iterable).accumulate(func);
    }

    /**
     * Python's {@code accumulate(iterable, func, initial=initial)}: {@code initial}, then running results.
     *
     * @param iterable the values
     * @param func combines the running total with the next value
     * @param initial the first output
     * @param <T> the type of the values
     * @param <R> the type of the totals
     * @return a generator of running totals, one more than the values
     * @throws NullPointerException if {@code iterable} or {@code func} is null
     * @see Generator#accumulate(Object, java.util.function.BiFunction)
     */
    public static <T, R> Generator<R> accumulate(Iterable<? extends T> iterable,
            java.util.function.BiFunction<? super R, ? super T, ? extends R> func, R initial) {
        return Generator.<T>from(iterable).accumulate(initial, func);
    }

    /**
     * Python 3.13's {@code batched(iterable, n)}: lists of {@code n}, the last one shorter.
     *
     * @param iterable the values
     * @param n the batch size
     * @param <T> the type of the values
     * @return a generator of unmodifiable lists
     * @throws IllegalArgumentException if {@code n < 1}
     * @see Generator#batched(int)
     */
    public static <T> Generator<java.util.List<T>> batched(Iterable<? extends T> iterable, int n) {
        return Generator.<T>from(iterable).batched(n);
    }

    /**
     * Python 3.13's {@code batched(iterable, n, strict=strict)}.
     *
     * @param iterable the values
     * @param n the batch size
     * @param strict whether an incomplete last batch fails
     * @param <T> the type of the values
     * @return a generator of unmodifiable lists
     * @throws IllegalArgumentException if {@code n < 1}; and when strict, on an incomplete last batch
     * @see Generator#batched(int, boolean)
     */
    public static <T> Generator<java.util.List<T>> batched(Iterable<? extends T> iterable, int n, boolean strict) {
        return Generator.<T>from(iterable).batched(n, strict);
    }

    /**
     * Python's {@code chain(*iterables)}: each iterable in turn.
     *
     * @param iterables the iterables
     * @param <T> the type of the elements
     * @return a generator over all the elements
     * @throws NullPointerException if an argument is null
     * @see Generator#concat(Iterable[])
     */
    @SafeVarargs
    public static <T> Generator<T> chain(Iterable<? extends T>... iterables) {
        return Generator.concat(iterables);
    }

    /**
     * Python's {@code compress(data, selectors)}: the data whose selector is true.
     *
     * @param data the values
     * @param selectors one flag per value
     * @param <T> the type of the values
     * @return a generator of the selected values
     * @throws NullPointerException if an argument is null
     * @see Generator#compress(Iterable)
     */
    public static <T> Generator<T> compress(Iterable<? extends T> data, Iterable<Boolean> selectors) {
        return Generator.<T>from(data).compress(selectors);
    }

    /**
     * Python's {@code dropwhile(predicate, iterable)} (Python's argument order).
     *
     * @param predicate the test of the values to drop
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of the values from the first that fails {@code predicate}
     * @throws NullPointerException if an argument is null
     * @see Generator#dropWhile(java.util.function.Predicate)
     */
    public static <T> Generator<T> dropWhile(java.util.function.Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).dropWhile(predicate);
    }

    /**
     * Python's {@code filterfalse(predicate, iterable)} (Python's argument order).
     *
     * @param predicate the test to fail
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of the values that fail {@code predicate}
     * @throws NullPointerException if an argument is null
     * @see Generator#filterFalse(java.util.function.Predicate)
     */
    public static <T> Generator<T> filterFalse(java.util.function.Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).filterFalse(predicate);
    }

    /**
     * Python's {@code groupby(iterable)}: runs of equal consecutive values; a group empties when the outer
     * generator moves on.
     *
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of groups
     * @throws NullPointerException if {@code iterable} is null
     * @see Generator#groupBy(java.util.function.Function)
     */
    public static <T> Generator<Group<T, T>> groupBy(Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).groupBy();
    }

    /**
     * Python's {@code groupby(iterable, key)}: runs of consecutive values with equal keys.
     *
     * @param iterable the values
     * @param key the key of each value
     * @param <T> the type of the values
     * @param <K> the type of the keys
     * @return a generator of groups
     * @throws NullPointerException if an argument is null
     * @see Generator#groupBy(java.util.function.Function)
     */
    public static <T, K> Generator<Group<K, T>> groupBy(Iterable<? extends T> iterable,
            java.util.function.Function<? super T, ? extends K> key) {
        return Generator.<T>from(iterable).groupBy(key);
    }

    /**
     * Python's {@code islice(iterable, stop)}.
     *
     * @param iterable the values
     * @param stop how many; {@link Long#MAX_VALUE} for {@code None}
     * @param <T> the type of the values
     * @return a generator of the first {@code stop} values
     * @throws IllegalArgumentException if {@code stop} is negative
     * @see Generator#slice(long, long, long)
     */
    public static <T> Generator<T> islice(Iterable<? extends T> iterable, long stop) {
        return islice(iterable, 0, stop, 1);
    }

    /**
     * Python's {@code islice(iterable, start, stop)}.
     *
     * @param iterable the values
     * @param start the first position
     * @param stop the position after the last; {@link Long#MAX_VALUE} for {@code None}
     * @param <T> the type of the values
     * @return a generator of the slice
     * @throws IllegalArgumentException if {@code start} or {@code stop} is negative
     * @see Generator#slice(long, long, long)
     */
    public static <T> Generator<T> islice(Iterable<? extends T> iterable, long start, long stop) {
        return islice(iterable, start, stop, 1);
    }

    /**
     * Python's {@code islice(iterable, start, stop, step)}: consumes exactly {@code max(start, stop)} values when
     * exhausted that way; {@code islice(count(), 1, 3, 50) → 1}, and the source's next value is 3.
     *
     * @param iterable the values
     * @param start the first position
     * @param stop the position after the last; {@link Long#MAX_VALUE} for {@code None}
     * @param step the distance between positions
     * @param <T> the type of the values
     * @return a generator of the slice
     * @throws IllegalArgumentException if {@code stop} or {@code start} is negative, or {@code step < 1} (checked
     *     in that order)
     * @see Generator#slice(long, long, long)
     */
    public static <T> Generator<T> islice(Iterable<? extends T> iterable, long start, long stop, long step) {
        java.util.Objects.requireNonNull(iterable, "iterable");
        return Generator.<T>from(iterable).slice(start, stop, step);
    }

    /**
     * Python's {@code pairwise(iterable)}: {@code pairwise('ABCD') → AB BC CD}.
     *
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of overlapping pairs
     * @throws NullPointerException if {@code iterable} is null
     * @see Generator#pairwise()
     */
    public static <T> Generator<Pair<T, T>> pairwise(Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).pairwise();
    }

    /**
     * Python's {@code takewhile(predicate, iterable)} (Python's argument order); the first failing value is
     * consumed and lost.
     *
     * @param predicate the test that values must pass
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of the leading values that pass
     * @throws NullPointerException if an argument is null
     * @see Generator#takeWhile(java.util.function.Predicate)
     */
    public static <T> Generator<T> takeWhile(java.util.function.Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).takeWhile(predicate);
    }



    // =====================================================================================================
    // Section C: combinatoric iterators, tee, zipLongest, starmap, chainFromIterable.
    // =====================================================================================================



    // =====================================================================================================
    // Section R: the recipes of the itertools documentation.
    // =====================================================================================================



    // =====================================================================================================
    // Section M: the favourites of more-itertools.
    // =====================================================================================================



}
