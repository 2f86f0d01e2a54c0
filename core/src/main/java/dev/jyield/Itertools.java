package dev.jyield;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Python's {@code itertools}, the recipes of its documentation, and the favourites of {@code more-itertools}, as
 * static methods with Python's names in camelCase. Every function is lazy unless its documentation says it
 * buffers, and fails like Python on bad arguments, at the call (also where more-itertools, a generator function,
 * fails only at the first request). An iterable's iterator is taken at the first request, as
 * {@link Generator#from(Iterable)} takes it, where Python's {@code iter()} takes it at the call: this shows only
 * with an iterable whose {@code iterator()} copies its elements (a {@code CopyOnWriteArrayList} changed in between)
 * or has effects.
 *
 * <p>The operators over one input are {@link Generator}'s own: a function here that consumes its input to the end
 * (accumulate, batched, chunked, windowed, grouper, the unique, split and intersperse functions, and the eager
 * ones such as tail) <b>pushes</b> when a terminal operation consumes its result unstarted, so an input generator
 * body runs as a plain call on the consumer's stack, with no engine; it takes what Python's twin takes, element
 * for element. A function that can stop before its input ends (islice with a stop, takeWhile) and one over
 * several inputs (zip, zipLongest, roundrobin, interleave) pulls, so that the inputs stay usable, as in Python.
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
     * @see #count(long, long)
     */
    public static Generator<Long> count() {
        return count(0, 1);
    }

    /**
     * Python's {@code count(start)}: start, start + 1, ... forever.
     *
     * @param start the first value
     * @return an infinite generator of longs
     * @throws ArithmeticException when asked for a value past {@link Long#MAX_VALUE} (Python's integers do not
     *     overflow; a wrapped value would be silently wrong)
     * @see #count(long, long)
     */
    public static Generator<Long> count(long start) {
        return count(start, 1);
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
        return new Generator<>(new Producers.Count(start, step));
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
        return Generator.cycle(Util.requireNonNull(iterable, "iterable"));
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
     * @see Generator#accumulate(BinaryOperator)
     */
    public static <T> Generator<T> accumulate(Iterable<? extends T> iterable,
            BinaryOperator<T> func) {
        Util.requireNonNull(iterable, "iterable");
        return Generator.<T>from(iterable).accumulate(Util.requireNonNull(func, "func"));
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
     * @see Generator#accumulate(Object, BiFunction)
     */
    public static <T, R> Generator<R> accumulate(Iterable<? extends T> iterable,
            BiFunction<? super R, ? super T, ? extends R> func, R initial) {
        Util.requireNonNull(iterable, "iterable");
        return Generator.<T>from(iterable).accumulate(initial, Util.requireNonNull(func, "func"));
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
    public static <T> Generator<List<T>> batched(Iterable<? extends T> iterable, int n) {
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).batched(n);
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
    public static <T> Generator<List<T>> batched(Iterable<? extends T> iterable, int n, boolean strict) {
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).batched(n, strict);
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
        return new Generator<>(Merges.Chain.<T>of(Tuples.generators(iterables, "iterables")));
    }

    /**
     * Python's {@code chain(*iterables)} over a collection of inputs, as {@link #chain(Iterable[])}. A single
     * collection argument is the list of inputs (Guava's {@code Iterables.concat} convention), so
     * {@code chain(listOfGenerators)} needs no array. The collection is copied at this call.
     *
     * @param iterables the iterables, in order
     * @param <T> the type of the elements
     * @return a generator over all the elements
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<T> chain(Collection<? extends Iterable<? extends T>> iterables) {
        return chain(Tuples.inputs(iterables, "iterables"));
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
        Util.requireNonNull(data, "data");
        return Generator.<T>from(data).compress(Util.requireNonNull(selectors, "selectors"));
    }

    /**
     * Python's {@code dropwhile(predicate, iterable)} (Python's argument order).
     *
     * @param predicate the test of the values to drop
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of the values from the first that fails {@code predicate}
     * @throws NullPointerException if an argument is null
     * @see Generator#dropWhile(Predicate)
     */
    public static <T> Generator<T> dropWhile(Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        Util.requireNonNull(predicate, "predicate");
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).dropWhile(predicate);
    }

    /**
     * Python's {@code filterfalse(predicate, iterable)} (Python's argument order).
     *
     * @param predicate the test to fail
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of the values that fail {@code predicate}
     * @throws NullPointerException if an argument is null
     * @see Generator#filterFalse(Predicate)
     */
    public static <T> Generator<T> filterFalse(Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        Util.requireNonNull(predicate, "predicate");
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).filterFalse(predicate);
    }

    /**
     * Python's {@code groupby(iterable)}: runs of equal consecutive values; a group empties when the outer
     * generator moves on.
     *
     * @param iterable the values
     * @param <T> the type of the values
     * @return a generator of groups
     * @throws NullPointerException if {@code iterable} is null
     * @see Generator#groupBy(Function)
     */
    public static <T> Generator<Group<T, T>> groupBy(Iterable<? extends T> iterable) {
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).groupBy();
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
     * @see Generator#groupBy(Function)
     */
    public static <T, K> Generator<Group<K, T>> groupBy(Iterable<? extends T> iterable,
            Function<? super T, ? extends K> key) {
        Util.requireNonNull(iterable, "iterable");
        return Generator.<T>from(iterable).groupBy(Util.requireNonNull(key, "key"));
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
        Objects.requireNonNull(iterable, "iterable");
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
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).pairwise();
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
     * @see Generator#takeWhile(Predicate)
     */
    public static <T> Generator<T> takeWhile(Predicate<? super T> predicate,
            Iterable<? extends T> iterable) {
        Util.requireNonNull(predicate, "predicate");
        return Generator.<T>from(Util.requireNonNull(iterable, "iterable")).takeWhile(predicate);
    }



    // =====================================================================================================
    // Section C: combinatoric iterators, tee, zipLongest, starmap, chainFromIterable.
    // =====================================================================================================

    /**
     * The cartesian product of the inputs: tuples of one element from each input, rightmost input varying
     * fastest, as nested for-loops would produce them. {@code product()} yields one empty tuple; an empty input
     * makes the product empty.
     *
     * {@snippet :
     * Itertools.product(List.of("A", "B"), List.of("x", "y"));  // yields [A, x], [A, y], [B, x], [B, y]
     * }
     *
     * <p>Each input is read to its end at this call, in argument order, as Python's constructor runs
     * {@code tuple(pool)} on each: an exception from an input escapes from this call, and the inputs after it
     * are not read. A generator input is exhausted, and so {@code CLOSED}, when this returns. Tuples are fresh
     * immutable lists (nulls allowed).
     *
     * <p>Python equivalent: {@code itertools.product(*iterables)}.
     *
     * <p>Lazy in its output; reads all of its inputs at the call and holds their elements until it is closed or
     * exhausted.
     *
     * @param iterables the pools
     * @param <T> the type of the elements
     * @return a generator of tuples, one element from each pool
     * @throws NullPointerException if {@code iterables} or one of them is null (checked before any is read)
     * @see #product(int, Iterable[])
     */
    @SafeVarargs
    public static <T> Generator<List<T>> product(Iterable<? extends T>... iterables) {
        return product(1, iterables);
    }

    /**
     * Python's {@code product(*iterables)} over a collection of pools, as {@link #product(Iterable[])}. A single
     * collection argument is the list of pools (Guava's {@code Iterables.concat} convention). Reads every pool
     * at this call.
     *
     * @param iterables the pools, in order
     * @param <T> the type of the elements
     * @return a generator of tuples, one element from each pool
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<List<T>> product(Collection<? extends Iterable<? extends T>> iterables) {
        return product(1, iterables);
    }

    /**
     * Python's {@code product(*iterables, repeat=repeat)} over a collection of pools, as
     * {@link #product(int, Iterable[])}; a single collection argument is the list of pools.
     *
     * @param repeat how many times the sequence of pools is repeated
     * @param iterables the pools, in order
     * @param <T> the type of the elements
     * @return a generator of tuples of {@code repeat * iterables.size()} elements
     * @throws IllegalArgumentException if {@code repeat} is negative
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<List<T>> product(int repeat, Collection<? extends Iterable<? extends T>> iterables) {
        return Combinatorics.product(repeat, Tuples.inputs(iterables, "iterables"));
    }

    /**
     * The cartesian product of the inputs repeated {@code repeat} times: {@code product(2, a, b)} is
     * {@code product(a, b, a, b)}, but each input is read only once. {@code repeat == 0} yields one empty tuple
     * and reads no input at all, as Python's (not even one that would throw).
     *
     * {@snippet :
     * Itertools.product(2, List.of(0, 1));  // yields [0, 0], [0, 1], [1, 0], [1, 1]
     * }
     *
     * <p>{@code repeat} is checked first; then, unless it is 0, each input is read to its end at this call, in
     * argument order: an exception from an input escapes from this call, and the inputs after it are not read.
     * With {@code repeat == 0}, closing the product closes the unread inputs that are generators (reaching its
     * end does not).
     *
     * <p>Python equivalent: {@code itertools.product(*iterables, repeat=repeat)}.
     *
     * <p>Lazy in its output; reads all of its inputs at the call and holds their elements until it is closed or
     * exhausted.
     *
     * @param repeat how many times the sequence of inputs is repeated
     * @param iterables the pools, each read to its end in argument order at this call (none if {@code repeat} is 0)
     * @param <T> the type of the elements
     * @return a generator of tuples of {@code repeat * iterables.length} elements
     * @throws IllegalArgumentException if {@code repeat} is negative ("repeat must be non-negative but was: -1"),
     *     before any input is read
     * @throws ArithmeticException if {@code repeat * iterables.length} exceeds {@code Integer.MAX_VALUE - 8}, the
     *     largest array a JVM makes ("repeat argument too large"), before any input is read
     * @throws NullPointerException if {@code iterables} or one of them is null (checked before any is read)
     */
    @SafeVarargs
    public static <T> Generator<List<T>> product(int repeat, Iterable<? extends T>... iterables) {
        return Combinatorics.product(repeat, iterables);
    }

    /**
     * Every ordering of all the elements, in Python's order (lexicographic by position in the input); elements
     * are treated as distinct by position, not by value.
     *
     * {@snippet :
     * Itertools.permutations(List.of(1, 2, 3));
     * // yields [1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]
     * }
     *
     * <p>The input is read to its end at this call (Python's {@code tuple(pool)}); its exception escapes from
     * this call. A generator input is exhausted, and so {@code CLOSED}, when this returns.
     *
     * <p>Python equivalent: {@code itertools.permutations(iterable)}.
     *
     * <p>Lazy in its output; reads all of its input at the call and holds its elements until it is closed or
     * exhausted.
     *
     * @param iterable the pool, read to its end at this call
     * @param <T> the type of the elements
     * @return a generator of n! tuples
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> permutations(Iterable<? extends T> iterable) {
        return Combinatorics.permutations(iterable, null);
    }

    /**
     * Every ordered choice of {@code r} elements, in Python's order; elements are distinct by position.
     * {@code r == 0} yields one empty tuple; {@code r} greater than the number of elements yields nothing.
     *
     * {@snippet :
     * Itertools.permutations(List.of("A", "B", "C"), 2);  // yields [A, B], [A, C], [B, A], [B, C], [C, A], [C, B]
     * }
     *
     * <p>The input is read to its end at this call, before {@code r} is checked, as in Python: its exception
     * escapes from this call and wins over a negative {@code r}, which still consumes the input. A generator
     * input is exhausted, and so {@code CLOSED}, when this returns.
     *
     * <p>Python equivalent: {@code itertools.permutations(iterable, r)}.
     *
     * <p>Lazy in its output; reads all of its input at the call and holds its elements until it is closed or
     * exhausted.
     *
     * @param iterable the pool, read to its end at this call
     * @param r the length of each tuple
     * @param <T> the type of the elements
     * @return a generator of n!/(n-r)! tuples
     * @throws IllegalArgumentException if {@code r} is negative ("r must be non-negative but was: -1"), after
     *     the input is read
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> permutations(Iterable<? extends T> iterable, int r) {
        return Combinatorics.permutations(iterable, r);
    }

    /**
     * Every choice of {@code r} elements in input order, no element repeated (by position), in Python's
     * lexicographic order. {@code combinations([], 0)} yields one empty tuple; {@code r} greater than the number
     * of elements yields nothing.
     *
     * {@snippet :
     * Itertools.combinations(List.of("A", "B", "C", "D"), 2);  // yields [A, B], [A, C], [A, D], [B, C], [B, D], [C, D]
     * }
     *
     * <p>The input is read to its end at this call, before {@code r} is checked, as in Python: its exception
     * escapes from this call and wins over a negative {@code r}, which still consumes the input. A generator
     * input is exhausted, and so {@code CLOSED}, when this returns.
     *
     * <p>Python equivalent: {@code itertools.combinations(iterable, r)}.
     *
     * <p>Lazy in its output; reads all of its input at the call and holds its elements until it is closed or
     * exhausted.
     *
     * @param iterable the pool, read to its end at this call
     * @param r the length of each tuple
     * @param <T> the type of the elements
     * @return a generator of C(n, r) tuples
     * @throws IllegalArgumentException if {@code r} is negative ("r must be non-negative but was: -1"), after
     *     the input is read
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> combinations(Iterable<? extends T> iterable, int r) {
        return Combinatorics.combinations(iterable, r, false);
    }

    /**
     * Every choice of {@code r} elements in input order where an element may repeat, in Python's order.
     * An empty input yields nothing unless {@code r == 0}, which yields one empty tuple.
     *
     * {@snippet :
     * Itertools.combinationsWithReplacement(List.of("A", "B", "C"), 2);
     * // yields [A, A], [A, B], [A, C], [B, B], [B, C], [C, C]
     * }
     *
     * <p>The input is read to its end at this call, before {@code r} is checked, as in Python: its exception
     * escapes from this call and wins over a negative {@code r}, which still consumes the input. A generator
     * input is exhausted, and so {@code CLOSED}, when this returns.
     *
     * <p>Python equivalent: {@code itertools.combinations_with_replacement(iterable, r)}.
     *
     * <p>Lazy in its output; reads all of its input at the call and holds its elements until it is closed or
     * exhausted.
     *
     * @param iterable the pool, read to its end at this call
     * @param r the length of each tuple
     * @param <T> the type of the elements
     * @return a generator of C(n + r - 1, r) tuples
     * @throws IllegalArgumentException if {@code r} is negative ("r must be non-negative but was: -1"), after
     *     the input is read
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> combinationsWithReplacement(Iterable<? extends T> iterable, int r) {
        return Combinatorics.combinations(iterable, r, true);
    }

    /**
     * {@code n} independent generators over the elements of one iterable. Each copy advances on its own; an
     * element is pulled from the source when the copy furthest ahead needs it, and kept until the slowest copy
     * has taken it. Elements taken from the source by anyone else (behind the tee's back) are never seen by the
     * copies; after a tee, use only the copies.
     *
     * {@snippet :
     * List<Generator<Integer>> t = Itertools.tee(List.of(1, 2, 3), 2);
     * t.get(0).toList();  // [1, 2, 3]
     * t.get(1).toList();  // [1, 2, 3]
     * }
     *
     * <p>Closing: closing a copy releases its place in the buffer; closing the last open copy closes the source
     * (a copy that only reached its end stays open). A generator passed as the iterable is the source itself,
     * so a copy of a tee is a tee of that copy, not a copy sharing its buffer (unlike Python, whose {@code tee} of a
     * tee object returns that object itself and copies of it over the same buffer). The copies
     * are not thread-safe, even apart from each other, as Python's.
     *
     * <p>Python equivalent: {@code itertools.tee(iterable, n)}.
     *
     * <p>Lazy; buffers without bound if the copies diverge (like itertools.tee).
     *
     * @param iterable the source; a {@link Generator} is read in place, another iterable's iterator is taken at
     *     the first request of any copy
     * @param n the number of copies; 0 gives an empty list
     * @param <T> the type of the elements
     * @return an immutable list of {@code n} generators
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> List<Generator<T>> tee(Iterable<? extends T> iterable, int n) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNegative(n, "n");
        return Tee.tee(Generator.from(iterable), n);
    }

    /**
     * Two independent copies of one iterable: {@code tee(iterable, 2)}.
     *
     * <p>Python equivalent: {@code itertools.tee(iterable)}.
     *
     * <p>Lazy; buffers without bound if the copies diverge (like itertools.tee).
     *
     * @param iterable the source
     * @param <T> the type of the elements
     * @return an immutable list of two generators
     * @throws NullPointerException if {@code iterable} is null
     * @see #tee(Iterable, int)
     */
    public static <T> List<Generator<T>> tee(Iterable<? extends T> iterable) {
        return tee(iterable, 2);
    }

    /**
     * Tuples of the i-th elements of each input, until the longest input is exhausted; missing elements are
     * {@code fill}. Each round pulls the inputs in order, skipping those already exhausted; the round in which
     * the last input runs out yields nothing. No input yields nothing. Python's default fill value is
     * {@code None}: pass {@code null}.
     *
     * {@snippet :
     * Itertools.zipLongest("-", List.of("A", "B", "C", "D"), List.of("x", "y"));
     * // yields [A, x], [B, y], [C, -], [D, -]
     * }
     *
     * <p>Python equivalent: {@code itertools.zip_longest(*iterables, fillvalue=fill)}.
     *
     * <p>Lazy; stateless.
     *
     * @param fill the value for the inputs that are exhausted (may be null)
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator of tuples of {@code iterables.length} elements
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <T> Generator<List<T>> zipLongest(T fill, Iterable<? extends T>... iterables) {
        return new Generator<>(Merges.Zip.tuples(Merges.Stop.LONGEST, fill, Tuples.generators(iterables, "iterables")));
    }

    /**
     * Python's {@code zip_longest(*iterables, fillvalue=fill)} over a collection of inputs, as
     * {@link #zipLongest(Object, Iterable[])}. A single collection argument is the list of inputs (Guava's
     * {@code Iterables.concat} convention). Lazy; always pulls.
     *
     * @param fill the value for the inputs that are exhausted (may be null)
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator of tuples of {@code iterables.size()} elements
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<List<T>> zipLongest(T fill, Collection<? extends Iterable<? extends T>> iterables) {
        return zipLongest(fill, Tuples.inputs(iterables, "iterables"));
    }

    /**
     * Python's {@code zip(*iterables)}: lists of the i-th elements of every input, until the shortest input ends.
     * Each round asks the inputs in order, so the round that ends has consumed one element from every input before
     * the exhausted one (and those elements are lost), exactly as Python's. Always pulls. Zero inputs give an
     * empty generator. Two inputs as a {@link Pair}: {@link Generator#zip(Iterable)}.
     *
     * {@snippet :
     * Itertools.zip(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9));  // yields [1, 4, 7], [2, 5, 8], [3, 6, 9]
     * }
     *
     * <p>Lazy; O(number of inputs) memory.
     *
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator of unmodifiable lists (nulls allowed), one element per input
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    @SafeVarargs
    public static <T> Generator<List<T>> zip(Iterable<? extends T>... iterables) {
        return new Generator<>(Merges.Zip.<T>tuples(Merges.Stop.SHORTEST, null,
                Tuples.generators(iterables, "iterables")));
    }

    /**
     * Python's {@code zip(*iterables)} over a collection of inputs, as {@link #zip(Iterable[])}: a single
     * collection argument is the list of inputs (Guava's {@code Iterables.concat} convention), so
     * {@code zip(listOfGenerators)} is Python's {@code zip(*its)} with no array.
     *
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator of unmodifiable lists (nulls allowed), one element per input
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<List<T>> zip(Collection<? extends Iterable<? extends T>> iterables) {
        return zip(Tuples.inputs(iterables, "iterables"));
    }

    /**
     * Python's {@code zip(*iterables, strict=True)}: as {@link #zip(Iterable[])}, but once every complete list has
     * been yielded, inputs of different lengths fail with Python's message, such as "zip() argument 2 is shorter
     * than argument 1" or "zip() argument 3 is longer than arguments 1-2". Always pulls.
     *
     * <p>Lazy; O(number of inputs) memory.
     *
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator of unmodifiable lists (nulls allowed), one element per input
     * @throws NullPointerException if {@code iterables} or one of them is null
     * @throws IllegalArgumentException (on the request that finds it) if the inputs have different lengths
     */
    @SafeVarargs
    public static <T> Generator<List<T>> zipStrict(Iterable<? extends T>... iterables) {
        return new Generator<>(Merges.Zip.<T>tuples(Merges.Stop.STRICT, null,
                Tuples.generators(iterables, "iterables")));
    }

    /**
     * Python's {@code zip(*iterables, strict=True)} over a collection of inputs, as {@link #zipStrict(Iterable[])};
     * a single collection argument is the list of inputs (Guava's {@code Iterables.concat} convention).
     *
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator of unmodifiable lists (nulls allowed), one element per input
     * @throws NullPointerException if {@code iterables} or one of them is null
     * @throws IllegalArgumentException (on the request that finds it) if the inputs have different lengths
     */
    public static <T> Generator<List<T>> zipStrict(Collection<? extends Iterable<? extends T>> iterables) {
        return zipStrict(Tuples.inputs(iterables, "iterables"));
    }

    /**
     * {@code function} applied to each element, the element being the list of arguments: Python's
     * {@code function(*args)}. Java has no spreading call, so the function takes the whole list; for
     * two-element tuples see {@link #starmap(BiFunction, Iterable)}.
     *
     * {@snippet :
     * Itertools.starmap(args -> args.get(0) * args.get(1), List.of(List.of(2, 5), List.of(3, 2)));  // yields 10, 6
     * }
     *
     * <p>Python equivalent: {@code itertools.starmap(function, iterable)}.
     *
     * <p>Lazy; stateless.
     *
     * @param function receives each element (an argument list); the list must not be modified
     * @param iterable the argument lists
     * @param <T> the type of the arguments
     * @param <R> the type of the results
     * @return a generator of the results
     * @throws NullPointerException if an argument is null (an element that is null: at its turn)
     */
    public static <T, R> Generator<R> starmap(
            Function<? super List<T>, ? extends R> function,
            Iterable<? extends List<? extends T>> iterable) {
        Util.requireNonNull(function, "function");
        Util.requireNonNull(iterable, "iterable");
        return Generator.<List<? extends T>>from(iterable).map(args -> function.apply(arguments(args)));
    }

    /**
     * {@code function(a, b)} for each two-element tuple {@code [a, b]}: the common case of
     * {@code starmap(pow, pairs)}.
     *
     * {@snippet :
     * Itertools.starmap((Integer a, Integer b) -> (int) Math.pow(a, b), List.of(List.of(2, 5), List.of(3, 2)));
     * // yields 32, 9
     * }
     *
     * <p>Python equivalent: {@code itertools.starmap(function, iterable)} with a function of two arguments.
     *
     * <p>Lazy; stateless.
     *
     * @param function receives the two elements of each tuple
     * @param iterable two-element argument lists
     * @param <T> the type of the arguments
     * @param <R> the type of the results
     * @return a generator of the results
     * @throws NullPointerException if an argument is null (an element that is null: at its turn)
     * @throws IllegalArgumentException at its turn, for an element that does not have exactly two elements
     *     (Python's TypeError)
     */
    public static <T, R> Generator<R> starmap(
            BiFunction<? super T, ? super T, ? extends R> function,
            Iterable<? extends List<? extends T>> iterable) {
        Util.requireNonNull(function, "function");
        Util.requireNonNull(iterable, "iterable");
        return Generator.<List<? extends T>>from(iterable).map(tuple -> {
            List<T> args = arguments(tuple);
            if (args.size() != 2) {
                throw new IllegalArgumentException(
                        "starmap: a two-argument function needs 2-element tuples but got " + args.size()
                                + " elements: " + args);
            }
            return function.apply(args.get(0), args.get(1));
        });
    }

    /** One tuple of starmap's arguments: Python's TypeError for None is a NullPointerException here. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> arguments(List<? extends T> args) {
        return (List<T>) Util.requireNonNull(args, "an element of iterable");
    }

    /**
     * The elements of each inner iterable in turn. The outer iterable is read lazily: the next inner iterable is
     * taken only when the current one is exhausted, so the outer one may be infinite. Closing the result closes
     * the outer generator and the inner generator being read.
     *
     * {@snippet :
     * Itertools.chainFromIterable(List.of(List.of("A", "B"), List.of(), List.of("C")));  // yields A, B, C
     * }
     *
     * <p>Python equivalent: {@code itertools.chain.from_iterable(iterables)}.
     *
     * <p>Lazy; stateless.
     *
     * @param iterables the inner iterables
     * @param <T> the type of the elements
     * @return a generator of the elements of every inner iterable
     * @throws NullPointerException if {@code iterables} is null (an inner iterable that is null: at its turn)
     */
    public static <T> Generator<T> chainFromIterable(Iterable<? extends Iterable<? extends T>> iterables) {
        Util.requireNonNull(iterables, "iterables");
        return Generator.<Iterable<? extends T>>from(iterables)
                .then(new Stages.FlatMap<Iterable<? extends T>, T>(inner -> inner, "an element of iterables"));
    }



    // =====================================================================================================
    // Section R: the recipes of the itertools documentation.
    // =====================================================================================================

    /**
     * The first {@code n} elements as a list (fewer if the iterable is shorter). Pulls exactly
     * {@code min(n, length)} elements: a generator passed in can be read on afterwards.
     *
     * <p>Python equivalent: recipe {@code take(n, iterable)}.
     *
     * <p>Terminal; consumes at most n elements.
     *
     * @param n how many elements to take
     * @param iterable the elements; a {@link Generator} is read in place
     * @param <T> the type of the elements
     * @return an unmodifiable list of at most {@code n} elements (nulls allowed)
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> List<T> take(long n, Iterable<? extends T> iterable) {
        Util.requireNonNegative(n, "n");
        Iterator<? extends T> it = Util.requireNonNull(iterable, "iterable").iterator();
        List<T> list = new ArrayList<>();
        for (long i = 0; i < n && it.hasNext(); i++) {
            list.add(it.next());
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * {@code value}, then the elements of the iterable.
     *
     * {@snippet :
     * Itertools.prepend(1, List.of(2, 3, 4));  // yields 1, 2, 3, 4
     * }
     *
     * <p>Python equivalent: recipe {@code prepend(value, iterable)}.
     *
     * <p>Lazy; stateless.
     *
     * @param value the first element (may be null)
     * @param iterable the elements that follow
     * @param <T> the type of the elements
     * @return a generator of {@code value} and the elements
     * @throws NullPointerException if {@code iterable} is null
     */
    @SuppressWarnings("unchecked")
    public static <T> Generator<T> prepend(T value, Iterable<? extends T> iterable) {
        Generator<T> rest = Generator.from(Util.requireNonNull(iterable, "iterable"));
        return new Generator<>(new Merges.Chain<>(Generator.from(Collections.singletonList(value)), rest));
    }

    /**
     * {@code function(0), function(1), ...} without end.
     *
     * <p>Python equivalent: recipe {@code tabulate(function)}.
     *
     * <p>Lazy; stateless.
     *
     * @param function computes the element for each index
     * @param <R> the type of the elements
     * @return an infinite generator
     * @throws NullPointerException if {@code function} is null
     */
    public static <R> Generator<R> tabulate(LongFunction<? extends R> function) {
        return tabulate(function, 0);
    }

    /**
     * {@code function(start), function(start + 1), ...} without end.
     *
     * <p>Python equivalent: recipe {@code tabulate(function, start)}.
     *
     * <p>Lazy; stateless.
     *
     * @param function computes the element for each index
     * @param start the first index
     * @param <R> the type of the elements
     * @return an infinite generator
     * @throws NullPointerException if {@code function} is null
     * @throws ArithmeticException when asked for an element past index {@link Long#MAX_VALUE} (Python's integers do
     *     not overflow; a wrapped index would be silently wrong), as {@link #count(long)}
     */
    public static <R> Generator<R> tabulate(LongFunction<? extends R> function, long start) {
        Util.requireNonNull(function, "function");
        return count(start).map(function::apply); // the recipe: map(function, count(start))
    }

    /**
     * The results of calling {@code func} again and again, without end. Python passes {@code *args} to each
     * call; in Java the supplier captures them.
     *
     * <p>Python equivalent: recipe {@code repeatfunc(func, None, *args)}.
     *
     * <p>Lazy; stateless.
     *
     * @param func called once per element
     * @param <T> the type of the elements
     * @return an infinite generator
     * @throws NullPointerException if {@code func} is null
     */
    public static <T> Generator<T> repeatfunc(Supplier<? extends T> func) {
        Util.requireNonNull(func, "func");
        return new Generator<>(new Producers.Calls<T>(func::get, -1));
    }

    /**
     * The results of {@code times} calls of {@code func}; a negative {@code times} yields nothing, as Python's
     * {@code repeat(args, times)}.
     *
     * <p>Python equivalent: recipe {@code repeatfunc(func, times, *args)}.
     *
     * <p>Lazy; stateless.
     *
     * @param func called once per element
     * @param times how many calls
     * @param <T> the type of the elements
     * @return a generator of {@code max(times, 0)} elements
     * @throws NullPointerException if {@code func} is null
     */
    public static <T> Generator<T> repeatfunc(Supplier<? extends T> func, long times) {
        Util.requireNonNull(func, "func");
        return new Generator<>(new Producers.Calls<T>(func::get, Math.max(times, 0)));
    }

    /**
     * The elements of the inner iterables in turn: one level of nesting removed. Same as
     * {@link #chainFromIterable(Iterable)}.
     *
     * <p>Python equivalent: recipe {@code flatten(list_of_lists)}.
     *
     * <p>Lazy; stateless.
     *
     * @param listOfLists the inner iterables
     * @param <T> the type of the elements
     * @return a generator of the elements of every inner iterable
     * @throws NullPointerException if {@code listOfLists} is null
     */
    public static <T> Generator<T> flatten(Iterable<? extends Iterable<? extends T>> listOfLists) {
        Util.requireNonNull(listOfLists, "listOfLists");
        return chainFromIterable(listOfLists);
    }

    /**
     * The elements of the iterable, {@code n} times over. As in Python, the iterable is read to its end at the
     * call; {@code n <= 0} yields nothing.
     *
     * {@snippet :
     * Itertools.ncycles(List.of("a", "b"), 2);  // yields a, b, a, b
     * }
     *
     * <p>Python equivalent: recipe {@code ncycles(iterable, n)}.
     *
     * <p>Eager: reads the iterable at the call and buffers it.
     *
     * @param iterable the elements to repeat
     * @param n how many times
     * @param <T> the type of the elements
     * @return a generator of {@code n * length} elements ({@link Long#MAX_VALUE} if that is more than a long holds:
     *     without end in practice)
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> ncycles(Iterable<? extends T> iterable, long n) {
        List<T> items = Tuples.tuple(Util.requireNonNull(iterable, "iterable").iterator());
        long size = items.size();
        // why: a wrapped product would end the cycles early, silently
        long total = n <= 0 ? 0 : size != 0 && n > Long.MAX_VALUE / size ? Long.MAX_VALUE : n * size;
        long[] i = {0};
        return new Generator<>(new Producers.Calls<T>(() -> items.get((int) (i[0]++ % items.size())), total));
    }

    /**
     * {@code n} nulls: Python's "loop n times" without creating integers, for {@code for (var __ : loops(n))}.
     * A negative {@code n} yields nothing, as Python's {@code repeat(None, n)}.
     *
     * <p>Python equivalent: recipe {@code loops(n)}.
     *
     * <p>Lazy; stateless.
     *
     * @param n how many times
     * @return a generator of {@code max(n, 0)} nulls
     */
    public static Generator<Void> loops(long n) {
        return new Generator<>(new Producers.Calls<Void>(() -> null, Math.max(n, 0)));
    }

    /**
     * The last {@code n} elements. As in Python, the iterable is read to its end at the call, keeping only the
     * last {@code n}.
     *
     * {@snippet :
     * Itertools.tail(3, List.of("A", "B", "C", "D", "E", "F", "G"));  // yields E, F, G
     * }
     *
     * <p>Python equivalent: recipe {@code tail(n, iterable)}.
     *
     * <p>Eager: reads the iterable at the call; buffers at most n.
     *
     * @param n how many elements to keep
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of the last {@code min(n, length)} elements
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> tail(int n, Iterable<? extends T> iterable) {
        Util.requireNonNegative(n, "n");
        Util.requireNonNull(iterable, "iterable");
        ArrayDeque<Object> last = new ArrayDeque<>();
        Generator.<T>from(iterable).forEachRemaining(x -> {
            if (n == 0) {
                return;
            }
            if (last.size() == n) {
                last.removeFirst();
            }
            last.addLast(Tuples.box(x));
        });
        List<T> items = new ArrayList<>(last.size());
        for (Object o : last) {
            items.add(Tuples.unbox(o));
        }
        return Generator.from(items);
    }

    /**
     * Advances the iterator to its end.
     *
     * <p>Python equivalent: recipe {@code consume(iterator)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterator what to advance; a {@link Generator} is advanced in place
     * @throws NullPointerException if {@code iterator} is null
     */
    public static void consume(Iterable<?> iterator) {
        Generator.from(Util.requireNonNull(iterator, "iterator")).forEachRemaining(x -> { });
    }

    /**
     * Advances the iterator {@code n} steps (fewer if it ends first).
     *
     * <p>Python equivalent: recipe {@code consume(iterator, n)}.
     *
     * <p>Terminal; consumes at most n elements.
     *
     * @param iterator what to advance; a {@link Generator} is advanced in place
     * @param n how many elements to skip
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterator} is null
     */
    public static void consume(Iterable<?> iterator, long n) {
        Util.requireNonNegative(n, "n");
        Iterator<?> it = Util.requireNonNull(iterator, "iterator").iterator();
        for (long i = 0; i < n && it.hasNext(); i++) {
            it.next();
        }
    }

    /**
     * The element at index {@code n}, or null (Python's {@code None}) if there are not that many. Pulls
     * {@code n + 1} elements.
     *
     * <p>Python equivalent: recipe {@code nth(iterable, n)}.
     *
     * <p>Terminal; consumes at most n + 1 elements.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param n the index
     * @param <T> the type of the elements
     * @return the element, or null
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T nth(Iterable<? extends T> iterable, long n) {
        return nth(iterable, n, null);
    }

    /**
     * The element at index {@code n}, or {@code defaultValue} if there are not that many. Pulls {@code n + 1}
     * elements.
     *
     * <p>Python equivalent: recipe {@code nth(iterable, n, default)}.
     *
     * <p>Terminal; consumes at most n + 1 elements.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param n the index
     * @param defaultValue the result when the iterable is too short
     * @param <T> the type of the elements
     * @return the element, or {@code defaultValue}
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T nth(Iterable<? extends T> iterable, long n, T defaultValue) {
        Util.requireNonNegative(n, "n");
        Iterator<? extends T> it = Util.requireNonNull(iterable, "iterable").iterator();
        for (long i = 0; i < n && it.hasNext(); i++) {
            it.next();
        }
        return it.hasNext() ? it.next() : defaultValue;
    }

    /**
     * How many elements are {@code true} (null counts as false, as Python's {@code bool(None)}).
     *
     * <p>Python equivalent: recipe {@code quantify(iterable)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the booleans
     * @return the number of {@code true} elements
     * @throws NullPointerException if {@code iterable} is null
     */
    public static long quantify(Iterable<Boolean> iterable) {
        return quantify(iterable, Boolean.TRUE::equals);
    }

    /**
     * How many elements satisfy the predicate.
     *
     * <p>Python equivalent: recipe {@code quantify(iterable, predicate)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the elements
     * @param predicate the test
     * @param <T> the type of the elements
     * @return the number of elements for which {@code predicate} is true
     * @throws NullPointerException if an argument is null
     */
    public static <T> long quantify(Iterable<? extends T> iterable, Predicate<? super T> predicate) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(predicate, "predicate");
        return Generator.<T>from(iterable).filter(predicate).count();
    }

    /**
     * The first element that satisfies the predicate, or {@code defaultValue}. Pulls up to and including that
     * element. Python's version without a predicate tests truthiness, which Java lacks.
     *
     * <p>Python equivalent: recipe {@code first_true(iterable, default, predicate)}.
     *
     * <p>Terminal; consumes up to the first match.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param defaultValue the result when no element satisfies the predicate
     * @param predicate the test
     * @param <T> the type of the elements
     * @return the first match, or {@code defaultValue}
     * @throws NullPointerException if {@code iterable} or {@code predicate} is null
     */
    public static <T> T firstTrue(
            Iterable<? extends T> iterable, T defaultValue, Predicate<? super T> predicate) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(predicate, "predicate");
        for (T x : iterable) {
            if (predicate.test(x)) {
                return x;
            }
        }
        return defaultValue;
    }

    /**
     * Whether all the elements are equal ({@link Objects#equals}); true for an empty iterable. Stops at the
     * first element that differs from the first one, having pulled it.
     *
     * <p>Python equivalent: recipe {@code all_equal(iterable)}.
     *
     * <p>Terminal; consumes up to the first difference.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @return whether no two elements differ
     * @throws NullPointerException if {@code iterable} is null
     */
    public static boolean allEqual(Iterable<?> iterable) {
        return allEqual(iterable, Function.identity());
    }

    /**
     * Whether all the elements have equal keys ({@link Objects#equals}); true for an empty iterable. Calls
     * {@code key} once per element pulled, and stops at the first element whose key differs.
     *
     * <p>Python equivalent: recipe {@code all_equal(iterable, key)}.
     *
     * <p>Terminal; consumes up to the first difference.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param key computes the key compared
     * @param <T> the type of the elements
     * @return whether no two keys differ
     * @throws NullPointerException if an argument is null
     */
    public static <T> boolean allEqual(Iterable<? extends T> iterable, Function<? super T, ?> key) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(key, "key");
        Iterator<? extends T> it = iterable.iterator();
        if (!it.hasNext()) {
            return true;
        }
        Object first = key.apply(it.next());
        while (it.hasNext()) {
            if (!Objects.equals(first, key.apply(it.next()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The elements with runs of equal elements ({@link Objects#equals}) reduced to their first one.
     *
     * {@snippet :
     * Itertools.uniqueJustseen(List.of("A", "A", "B", "B", "A"));  // yields A, B, A
     * }
     *
     * <p>Python equivalent: recipe {@code unique_justseen(iterable)}.
     *
     * <p>Lazy; remembers only the element just seen.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of the first element of each run
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> uniqueJustseen(Iterable<? extends T> iterable) {
        return uniqueJustseen(iterable, Function.identity());
    }

    /**
     * The elements with runs of equal keys reduced to their first element.
     *
     * {@snippet :
     * Itertools.uniqueJustseen(List.of("A", "B", "B", "c", "C", "A", "D"), String::toLowerCase);
     * // yields A, B, c, A, D
     * }
     *
     * <p>Python equivalent: recipe {@code unique_justseen(iterable, key)}.
     *
     * <p>Lazy; remembers only the key just seen.
     *
     * @param iterable the elements
     * @param key computes the key compared, once per element
     * @param <T> the type of the elements
     * @return a generator of the first element of each run
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<T> uniqueJustseen(
            Iterable<? extends T> iterable, Function<? super T, ?> key) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(key, "key");
        return Generator.<T>from(iterable).then(Stages.Unique.justSeen(key, Objects::equals));
    }

    /**
     * The elements not seen before (by {@link Object#equals} and {@link Object#hashCode}), in order.
     *
     * {@snippet :
     * Itertools.uniqueEverseen(List.of("A", "A", "B", "C", "A", "B"));  // yields A, B, C
     * }
     *
     * <p>Python equivalent: recipe {@code unique_everseen(iterable)}.
     *
     * <p>Lazy; remembers every distinct element.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of the first occurrence of each element
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> uniqueEverseen(Iterable<? extends T> iterable) {
        return uniqueEverseen(iterable, Function.identity());
    }

    /**
     * The elements whose key was not seen before, in order.
     *
     * <p>Python equivalent: recipe {@code unique_everseen(iterable, key)}.
     *
     * <p>Lazy; remembers every distinct key.
     *
     * @param iterable the elements
     * @param key computes the key compared, once per element
     * @param <T> the type of the elements
     * @return a generator of the first element with each key
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<T> uniqueEverseen(
            Iterable<? extends T> iterable, Function<? super T, ?> key) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(key, "key");
        return Generator.<T>from(iterable).then(Stages.Unique.everSeen(key));
    }

    /**
     * The distinct elements in sorted (natural) order: sorts, then drops repeats. Needs no hashing.
     *
     * <p>Python equivalent: recipe {@code unique(iterable)}.
     *
     * <p>Eager: reads and sorts the iterable at the call.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of the distinct elements, ascending
     * @throws NullPointerException if {@code iterable} or an element is null
     */
    public static <T extends Comparable<? super T>> Generator<T> unique(Iterable<? extends T> iterable) {
        return unique(iterable, Comparator.naturalOrder());
    }

    /**
     * The distinct elements in the comparator's order: a stable sort, then the first of each run of elements
     * that compare equal. Python's {@code key} and {@code reverse} are {@code Comparator.comparing(key)} and
     * {@code comparator.reversed()}.
     *
     * <p>Python equivalent: recipe {@code unique(iterable, key, reverse)}.
     *
     * <p>Eager: reads and sorts the iterable at the call.
     *
     * @param iterable the elements
     * @param comparator the order, and the equality of elements
     * @param <T> the type of the elements
     * @return a generator of the distinct elements, in order
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<T> unique(Iterable<? extends T> iterable, Comparator<? super T> comparator) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(comparator, "comparator");
        List<T> sorted = Tuples.drain(iterable.iterator());
        sorted.sort(comparator);
        @SuppressWarnings("unchecked")
        Comparator<Object> order = (Comparator<Object>) comparator;
        return Generator.from(sorted).then(Stages.Unique.justSeen(null, (a, b) -> order.compare(a, b) == 0));
    }

    /**
     * Overlapping windows of {@code n} consecutive elements; nothing if there are fewer than {@code n}. The
     * first window pulls {@code n} elements, each later one pulls one.
     *
     * {@snippet :
     * Itertools.slidingWindow(List.of("A", "B", "C", "D"), 3);  // yields [A, B, C], [B, C, D]
     * }
     *
     * <p>Python equivalent: recipe {@code sliding_window(iterable, n)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the window size
     * @param <T> the type of the elements
     * @return a generator of immutable lists of {@code n} elements
     * @throws IllegalArgumentException if {@code n} is less than one (Python fails at the first request)
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> slidingWindow(Iterable<? extends T> iterable, int n) {
        Util.requireNonNull(iterable, "iterable");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least one but was: " + n);
        }
        return Generator.<T>from(iterable).then(new Stages.Window<>(n, 1, false, null));
    }

    /** What {@link #grouper(Iterable, int, Incomplete, Object)} does with a last, incomplete group. */
    public enum Incomplete {
        /** Pad the last group with the fill value: Python's {@code incomplete='fill'}. */
        FILL,
        /** Fail on an incomplete last group, after yielding the complete ones: {@code incomplete='strict'}. */
        STRICT,
        /** Drop an incomplete last group: {@code incomplete='ignore'}. */
        IGNORE
    }

    /**
     * Non-overlapping groups of {@code n} elements, the last one padded with {@code fillValue}.
     *
     * {@snippet :
     * Itertools.grouper(List.of("A", "B", "C", "D", "E", "F", "G"), 3, "x");  // yields [A, B, C], [D, E, F], [G, x, x]
     * }
     *
     * <p>Python equivalent: recipe {@code grouper(iterable, n, fillvalue=fillValue)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the group size; {@code n <= 0} yields nothing, as in Python
     * @param fillValue pads the last group (may be null, Python's default)
     * @param <T> the type of the elements
     * @return a generator of immutable lists of {@code n} elements
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> grouper(Iterable<? extends T> iterable, int n, T fillValue) {
        return grouper(iterable, n, Incomplete.FILL, fillValue);
    }

    /**
     * Non-overlapping groups of {@code n} elements; the last, incomplete group is padded, an error or dropped.
     * Each group pulls up to {@code n} elements, stopping at the end.
     *
     * {@snippet :
     * Itertools.grouper(List.of("A", "B", "C", "D", "E", "F", "G"), 3, Incomplete.IGNORE, null);
     * // yields [A, B, C], [D, E, F]
     * }
     *
     * <p>Python equivalent: recipe {@code grouper(iterable, n, incomplete=..., fillvalue=...)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the group size; {@code n <= 0} yields nothing, as in Python
     * @param incomplete what to do with an incomplete last group
     * @param fillValue pads the last group in {@link Incomplete#FILL} mode (may be null)
     * @param <T> the type of the elements
     * @return a generator of immutable lists of {@code n} elements
     * @throws NullPointerException if {@code iterable} or {@code incomplete} is null
     * @throws IllegalArgumentException in {@link Incomplete#STRICT} mode, at the incomplete group, with Python's
     *     message ("zip() argument 2 is shorter than argument 1")
     */
    public static <T> Generator<List<T>> grouper(
            Iterable<? extends T> iterable, int n, Incomplete incomplete, T fillValue) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(incomplete, "incomplete");
        if (n < 1) {
            return none(iterable); // Python: zip() over no iterator
        }
        Stages.Last last = switch (incomplete) {
            case FILL -> Stages.Last.FILL;
            case STRICT -> Stages.Last.ZIP_ERROR;
            case IGNORE -> Stages.Last.DROP;
        };
        return Generator.<T>from(iterable).then(new Stages.Batch<>(n, last, fillValue));
    }

    /**
     * One element from each input in turn, skipping the inputs that are exhausted, until all are.
     *
     * {@snippet :
     * Itertools.roundrobin(List.of("A", "B", "C"), List.of("D"), List.of("E", "F"));  // yields A, D, E, B, F, C
     * }
     *
     * <p>Python equivalent: recipe {@code roundrobin(*iterables)}.
     *
     * <p>Lazy; stateless.
     *
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <T> Generator<T> roundrobin(Iterable<? extends T>... iterables) {
        return new Generator<>(new Merges.RoundRobin<T>(Tuples.generators(iterables, "iterables")));
    }

    /**
     * Python's recipe {@code roundrobin(*iterables)} over a collection of inputs, as
     * {@link #roundrobin(Iterable[])}: a single collection argument is the list of inputs (Guava's
     * {@code Iterables.concat} convention). Lazy; always pulls.
     *
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<T> roundrobin(Collection<? extends Iterable<? extends T>> iterables) {
        return roundrobin(Tuples.inputs(iterables, "iterables"));
    }

    /**
     * Two generators: the elements that fail the predicate, and those that satisfy it, each in order. They read
     * one source through {@link #tee(Iterable, int)}, so each calls the predicate on each element it reads (twice
     * in all): cache it if it is slow. Closing both closes the source.
     *
     * {@snippet :
     * Itertools.partition(x -> x % 2 == 1, List.of(0, 1, 2, 3, 4));  // [0, 2, 4] and [1, 3]
     * }
     *
     * <p>Python equivalent: recipe {@code partition(predicate, iterable)}.
     *
     * <p>Lazy; buffers without bound if the two are read unevenly (like itertools.tee).
     *
     * @param predicate the test
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return an immutable list of two generators: false elements, then true elements
     * @throws NullPointerException if an argument is null
     */
    public static <T> List<Generator<T>> partition(
            Predicate<? super T> predicate, Iterable<? extends T> iterable) {
        Util.requireNonNull(predicate, "predicate");
        List<Generator<T>> t = tee(Util.requireNonNull(iterable, "iterable"), 2);
        return List.of(t.get(0).filterFalse(predicate), t.get(1).filter(predicate));
    }

    /**
     * Every contiguous non-empty sub-list, by start then length.
     *
     * {@snippet :
     * Itertools.subslices(List.of("A", "B", "C"));  // yields [A], [A, B], [A, B, C], [B], [B, C], [C]
     * }
     *
     * <p>Python equivalent: recipe {@code subslices(seq)}.
     *
     * <p>Lazy; stateless (reads the list, which must not change meanwhile).
     *
     * @param seq the sequence
     * @param <T> the type of the elements
     * @return a generator of n(n+1)/2 immutable copies of sub-lists
     * @throws NullPointerException if {@code seq} is null
     */
    public static <T> Generator<List<T>> subslices(List<? extends T> seq) {
        Util.requireNonNull(seq, "seq");
        int n = seq.size();
        // Python: map(getitem, repeat(seq), starmap(slice, combinations(range(len(seq) + 1), 2)))
        return Generator.range(0, n).flatMap(i -> Generator.range(i + 1, n + 1)
                .map(j -> Tuples.<T>of(seq.subList(i, j).toArray())));
    }

    /**
     * The indices at which the element equals {@code value} ({@code ==} or {@link Objects#equals}).
     *
     * {@snippet :
     * Itertools.iterIndex(List.of("A", "A", "B", "C", "A"), "A");  // yields 0, 1, 4
     * }
     *
     * <p>Python equivalent: recipe {@code iter_index(iterable, value)}.
     *
     * <p>Lazy; stateless.
     *
     * @param iterable the elements
     * @param value the value looked for (may be null)
     * @return a generator of indices
     * @throws NullPointerException if {@code iterable} is null
     */
    public static Generator<Long> iterIndex(Iterable<?> iterable, Object value) {
        return iterIndex(iterable, value, 0, Long.MAX_VALUE);
    }

    /**
     * The indices, from {@code start} on, at which the element equals {@code value}. The first request skips
     * (pulls) {@code start} elements.
     *
     * <p>Python equivalent: recipe {@code iter_index(iterable, value, start)}.
     *
     * <p>Lazy; stateless.
     *
     * @param iterable the elements
     * @param value the value looked for (may be null)
     * @param start the first index examined
     * @return a generator of indices
     * @throws IllegalArgumentException if {@code start} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static Generator<Long> iterIndex(Iterable<?> iterable, Object value, long start) {
        return iterIndex(iterable, value, start, Long.MAX_VALUE);
    }

    /**
     * The indices in {@code [start, stop)} at which the element equals {@code value}. The first request skips
     * (pulls) {@code start} elements; no element at or past {@code stop} is pulled.
     *
     * <p>Python equivalent: recipe {@code iter_index(iterable, value, start, stop)}.
     *
     * <p>Lazy; stateless.
     *
     * @param iterable the elements
     * @param value the value looked for (may be null)
     * @param start the first index examined
     * @param stop the index at which to stop
     * @return a generator of indices
     * @throws IllegalArgumentException if {@code start} or {@code stop} is negative (at the call; Python fails at
     *     the first request)
     * @throws NullPointerException if {@code iterable} is null
     */
    public static Generator<Long> iterIndex(Iterable<?> iterable, Object value, long start, long stop) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNegative(start, "start");
        Util.requireNonNegative(stop, "stop");
        // Python: for i, element in enumerate(islice(iterable, start, stop), start): if element is value or ...
        return Generator.<Object>from(iterable).slice(start, stop, 1).enumerate(start)
                .filter(ix -> ix.value() == value || Objects.equals(ix.value(), value)).map(Indexed::index);
    }

    /**
     * The results of calling {@code func} until it throws {@code exception} (or a subclass), which ends the
     * generator quietly. Any other exception propagates.
     *
     * {@snippet :
     * ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(1, 2, 3));
     * Itertools.iterExcept(stack::pop, NoSuchElementException.class);  // yields 1, 2, 3
     * }
     *
     * <p>Python equivalent: recipe {@code iter_except(func, exception)}.
     *
     * <p>Lazy; stateless.
     *
     * @param func called once per element
     * @param exception the type of the exception that means "no more"
     * @param <T> the type of the elements
     * @return a generator of the results
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<T> iterExcept(
            Callable<? extends T> func, Class<? extends Throwable> exception) {
        Util.requireNonNull(func, "func");
        Util.requireNonNull(exception, "exception");
        return new Generator<>(new Producers.IterExcept<>(func, exception, null));
    }

    /**
     * The result of {@code first}, then the results of calling {@code func}, until one of them throws
     * {@code exception} (or a subclass). Python skips {@code first} when it is {@code None}: so does a null here.
     *
     * <p>Python equivalent: recipe {@code iter_except(func, exception, first)}.
     *
     * <p>Lazy; stateless.
     *
     * @param func called once per element after the first
     * @param exception the type of the exception that means "no more"
     * @param first called once for the first element (may be null)
     * @param <T> the type of the elements
     * @return a generator of the results
     * @throws NullPointerException if {@code func} or {@code exception} is null
     */
    public static <T> Generator<T> iterExcept(
            Callable<? extends T> func,
            Class<? extends Throwable> exception,
            Callable<? extends T> first) {
        Util.requireNonNull(func, "func");
        Util.requireNonNull(exception, "exception");
        return new Generator<>(new Producers.IterExcept<>(func, exception, first));
    }

    /**
     * Every subset as a tuple, by size and then in the order of {@link #combinations(Iterable, int)}. As in
     * Python, the iterable is read at the call.
     *
     * {@snippet :
     * Itertools.powerset(List.of(1, 2, 3));  // yields [], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]
     * }
     *
     * <p>Python equivalent: recipe {@code powerset(iterable)}.
     *
     * <p>Eager: reads the iterable at the call and buffers it.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of 2^n immutable lists
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> powerset(Iterable<? extends T> iterable) {
        List<T> s = Tuples.tuple(Util.requireNonNull(iterable, "iterable").iterator());
        int[] r = {0};
        return chainFromIterable(new Generator<Generator<List<T>>>(
                new Producers.Calls<>(() -> combinations(s, r[0]++), s.size() + 1)));
    }

    /**
     * The sum of the products of the pairs of elements, in double arithmetic (Python keeps the numbers' type).
     * The older recipe name is {@code dotproduct}.
     *
     * <p>Python equivalent: {@code math.sumprod(p, q)} (recipe {@code dotproduct(vec1, vec2)} before 3.12).
     *
     * <p>Terminal; consumes both iterables.
     *
     * @param p the first vector
     * @param q the second vector
     * @return the sum of {@code p[i] * q[i]}
     * @throws IllegalArgumentException if the lengths differ ("Inputs are not the same length")
     * @throws NullPointerException if an argument or an element is null
     */
    public static double sumprod(Iterable<? extends Number> p, Iterable<? extends Number> q) {
        Util.requireNonNull(p, "p");
        Util.requireNonNull(q, "q");
        Iterator<? extends Number> a = p.iterator();
        Iterator<? extends Number> b = q.iterator();
        double total = 0;
        while (a.hasNext()) {
            if (!b.hasNext()) {
                throw new IllegalArgumentException("Inputs are not the same length");
            }
            total += a.next().doubleValue() * b.next().doubleValue();
        }
        if (b.hasNext()) {
            throw new IllegalArgumentException("Inputs are not the same length");
        }
        return total;
    }

    /**
     * The sum of the squares of the elements, in double arithmetic.
     *
     * <p>Python equivalent: recipe {@code sum_of_squares(iterable)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the numbers
     * @return the sum of their squares
     * @throws NullPointerException if {@code iterable} or an element is null
     */
    public static double sumOfSquares(Iterable<? extends Number> iterable) {
        double[] total = {0};
        Generator.<Number>from(Util.requireNonNull(iterable, "iterable")).forEachRemaining(x -> {
            double d = x.doubleValue();
            total[0] += d * d;
        });
        return total[0];
    }

    /**
     * The elements of a matrix, row after row, regrouped into rows of {@code cols} elements.
     *
     * {@snippet :
     * Itertools.reshape(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5)), 3);  // yields [0, 1, 2], [3, 4, 5]
     * }
     *
     * <p>Python equivalent: recipe {@code reshape(matrix, cols)}.
     *
     * <p>Lazy; buffers at most cols.
     *
     * @param matrix the rows
     * @param cols the length of the new rows
     * @param <T> the type of the elements
     * @return a generator of immutable rows
     * @throws IllegalArgumentException if {@code cols} is less than one; later, at the end, if the elements do not
     *     fill the last row ("batched(): incomplete batch")
     * @throws NullPointerException if {@code matrix} is null
     */
    public static <T> Generator<List<T>> reshape(Iterable<? extends Iterable<? extends T>> matrix, int cols) {
        Util.requireNonNull(matrix, "matrix");
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be at least one but was: " + cols);
        }
        return Itertools.<T>chainFromIterable(matrix).then(new Stages.Batch<>(cols, Stages.Last.BATCHED_ERROR, null));
    }

    /**
     * The columns of a matrix: the i-th elements of the rows. As in Python, the outer iterable is read at the
     * call and the rows lazily; rows of different lengths fail when the shortest runs out.
     *
     * {@snippet :
     * Itertools.transpose(List.of(List.of(1, 2, 3), List.of(11, 22, 33)));  // yields [1, 11], [2, 22], [3, 33]
     * }
     *
     * <p>Python equivalent: recipe {@code transpose(matrix)}.
     *
     * <p>Lazy over the rows; reads the list of rows at the call.
     *
     * @param matrix the rows
     * @param <T> the type of the elements
     * @return a generator of immutable columns
     * @throws NullPointerException if {@code matrix} or a row is null
     * @throws IllegalArgumentException when rows are found to differ in length, with Python's message
     */
    @SuppressWarnings("unchecked")
    public static <T> Generator<List<T>> transpose(Iterable<? extends Iterable<? extends T>> matrix) {
        Iterable<?>[] rows = Tuples.drain(Util.requireNonNull(matrix, "matrix").iterator()).toArray(new Iterable<?>[0]);
        return new Generator<>(Merges.Zip.tuples(Merges.Stop.STRICT, null,
                (Generator<? extends T>[]) Tuples.generators(rows, "matrix")));
    }

    /**
     * The matrix product {@code m1 × m2}, row by row, in double arithmetic. As in Python, {@code m2} is
     * transposed at the call; each row of the result is computed at its request.
     *
     * {@snippet :
     * Itertools.matmul(List.of(List.of(7, 5), List.of(3, 5)), List.of(List.of(2, 5), List.of(7, 9)));
     * // yields [49.0, 80.0], [41.0, 60.0]
     * }
     *
     * <p>Python equivalent: recipe {@code matmul(m1, m2)}.
     *
     * <p>Lazy; buffers the columns of m2.
     *
     * @param m1 the left matrix, as rows
     * @param m2 the right matrix, as rows
     * @return a generator of the rows of the product
     * @throws IndexOutOfBoundsException if {@code m2} is empty (Python's IndexError)
     * @throws IllegalArgumentException if the rows of {@code m2} differ in length, or its rows are empty (at the
     *     call); if a row of {@code m1} does not match the columns of {@code m2} (at that row)
     * @throws NullPointerException if an argument is null
     */
    public static Generator<List<Double>> matmul(
            List<? extends List<? extends Number>> m1,
            List<? extends List<? extends Number>> m2) {
        Util.requireNonNull(m1, "m1");
        Util.requireNonNull(m2, "m2");
        int n = m2.get(0).size();
        List<List<Number>> columns = Itertools.<Number>transpose(m2).toList();
        if (n < 1) {
            throw new IllegalArgumentException("n (the length of m2's rows) must be at least one but was: " + n);
        }
        return Generator.<List<? extends Number>>from(List.copyOf(m1)).map(row -> {
            Object[] t = new Object[columns.size()];
            for (int j = 0; j < t.length; j++) {
                t[j] = sumprod(row, columns.get(j));
            }
            return Tuples.of(t);
        });
    }

    /**
     * The discrete linear convolution of the signal with the kernel (polynomial multiplication), in double
     * arithmetic (Python keeps integers integral). As in Python, the kernel is read at the call and the signal
     * lazily: each result pulls one element of the signal, and the last {@code len(kernel) - 1} results pull
     * none. The signal may be infinite.
     *
     * {@snippet :
     * Itertools.convolve(List.of(1, -1, -20), List.of(1, -3));  // yields 1.0, -4.0, -17.0, 60.0
     * }
     *
     * <p>Python equivalent: recipe {@code convolve(signal, kernel)}.
     *
     * <p>Lazy; buffers the kernel and a window of its length.
     *
     * @param signal the signal
     * @param kernel the kernel, read at the call
     * @return a generator of {@code len(signal) + len(kernel) - 1} values
     * @throws IllegalArgumentException if the kernel is empty (Python fails at the first request)
     * @throws NullPointerException if an argument or an element is null
     */
    public static Generator<Double> convolve(Iterable<? extends Number> signal, Iterable<? extends Number> kernel) {
        Util.requireNonNull(signal, "signal");
        List<? extends Number> k = Tuples.drain(Util.requireNonNull(kernel, "kernel").iterator());
        int n = k.size();
        if (n == 0) {
            throw new IllegalArgumentException("kernel must not be empty");
        }
        double[] rev = new double[n];
        for (int i = 0; i < n; i++) {
            rev[i] = k.get(n - 1 - i).doubleValue();
        }
        // Python: the window starts as n zeros, then slides over chain(signal, repeat(0, n - 1))
        List<Number> zeros = Collections.nCopies(n - 1, 0);
        return Generator.<Number>concat(zeros, signal, zeros).then(new Stages.Window<>(n, 1, false, null))
                .map(window -> {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += rev[i] * window.get(i).doubleValue();
                    }
                    return s;
                });
    }

    /**
     * The coefficients, highest power first, of the monic polynomial with the given integer roots, in exact long
     * arithmetic: {@code [5, -4, 3]} gives {@code x³ - 4x² - 17x + 60}.
     *
     * <p>Python equivalent: recipe {@code polynomial_from_roots(roots)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param roots the roots, as integers
     * @return an unmodifiable list of {@code len(roots) + 1} coefficients
     * @throws ArithmeticException if a coefficient overflows a long
     * @throws IllegalArgumentException if a root is not an integer within the range of long (a {@code Double} 1.5,
     *     for which Python's recipe gives float coefficients)
     * @throws NullPointerException if {@code roots} or a root is null
     */
    public static List<Long> polynomialFromRoots(Iterable<? extends Number> roots) {
        List<Long> p = List.of(1L);
        for (Number r : Util.requireNonNull(roots, "roots")) {
            long root = r.longValue();
            // why: longValue() truncates 1.5 to 1, which would give a wrong polynomial without a word
            if (!(r instanceof Long || r instanceof Integer || r instanceof Short || r instanceof Byte)
                    && (r.doubleValue() != root || Double.isNaN(r.doubleValue()))) {
                throw new IllegalArgumentException(
                        "roots must be integers within the range of long but one was: " + r);
            }
            p = convolveExact(p, List.of(1L, Math.negateExact(root)));
        }
        return Collections.unmodifiableList(p);
    }

    /** Exact long convolution, for {@code polynomial_from_roots}. */
    private static List<Long> convolveExact(List<Long> signal, List<Long> kernel) {
        int n = signal.size() + kernel.size() - 1;
        List<Long> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long s = 0;
            for (int j = Math.max(0, k - signal.size() + 1); j <= Math.min(k, kernel.size() - 1); j++) {
                s = Math.addExact(s, Math.multiplyExact(kernel.get(j), signal.get(k - j)));
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The value of the polynomial at {@code x}, coefficients highest power first; 0 for no coefficients.
     *
     * <p>Python equivalent: recipe {@code polynomial_eval(coefficients, x)}.
     *
     * <p>Terminal; reads the list.
     *
     * @param coefficients the coefficients, highest power first
     * @param x where to evaluate
     * @return the value, in double arithmetic
     * @throws NullPointerException if {@code coefficients} or a coefficient is null
     */
    public static double polynomialEval(List<? extends Number> coefficients, double x) {
        int n = Util.requireNonNull(coefficients, "coefficients").size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += coefficients.get(i).doubleValue() * Math.pow(x, n - 1 - i);
        }
        return total;
    }

    /**
     * The coefficients of the derivative of the polynomial, highest power first, in exact long arithmetic:
     * {@code [1, -4, -17, 60]} gives {@code [3, -8, -17]}.
     *
     * <p>Python equivalent: recipe {@code polynomial_derivative(coefficients)}.
     *
     * <p>Terminal; reads the list.
     *
     * @param coefficients the integer coefficients, highest power first
     * @return an unmodifiable list of one coefficient fewer (empty for a constant)
     * @throws NullPointerException if {@code coefficients} or a coefficient is null
     */
    public static List<Long> polynomialDerivative(List<? extends Number> coefficients) {
        int n = Util.requireNonNull(coefficients, "coefficients").size();
        List<Long> d = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            d.add(Math.multiplyExact(coefficients.get(i).longValue(), (long) (n - 1 - i)));
        }
        return Collections.unmodifiableList(d);
    }

    /**
     * The primes less than {@code n}, ascending, by a sieve of Eratosthenes over the odd numbers. The first
     * prime is yielded before the sieve (n/2 bits) is built.
     *
     * {@snippet :
     * Itertools.sieve(30);  // yields 2, 3, 5, 7, 11, 13, 17, 19, 23, 29
     * }
     *
     * <p>Python equivalent: recipe {@code sieve(n)}.
     *
     * <p>Lazy; buffers n/2 bits.
     *
     * @param n the bound (exclusive)
     * @return a generator of the primes below {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Generator<Integer> sieve(int n) {
        Util.requireNonNegative(n, "n");
        return new Generator<>(new Producers.Sieve(n));
    }

    /**
     * The prime factors of {@code n}, ascending, with multiplicity; nothing for 0 and 1.
     *
     * {@snippet :
     * Itertools.factor(99);  // yields 3, 3, 11
     * }
     *
     * <p>Python equivalent: recipe {@code factor(n)}.
     *
     * <p>Lazy; stateless.
     *
     * @param n the number to factor
     * @return a generator of prime factors
     * @throws IllegalArgumentException if {@code n} is negative (Python's {@code isqrt} fails)
     */
    public static Generator<Long> factor(long n) {
        Util.requireNonNegative(n, "n");
        return new Generator<>(new Producers.Factors(n));
    }

    /**
     * Whether {@code n} is prime; false for every {@code n < 2}.
     *
     * <p>Python equivalent: recipe {@code is_prime(n)}.
     *
     * <p>Eager; stateless.
     *
     * @param n the number to test
     * @return whether {@code n} is a prime
     */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        return factor(n).next() == n;
    }

    /**
     * Euler's totient: how many of {@code 1..n} are coprime to {@code n}.
     *
     * <p>Python equivalent: recipe {@code totient(n)}.
     *
     * <p>Eager; stateless.
     *
     * @param n the number
     * @return the count of numbers up to {@code n} coprime to it (0 for 0)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static long totient(long n) {
        long result = n;
        for (long p : new TreeSet<>(factor(n).toList())) {
            result -= result / p;
        }
        return result;
    }

    /**
     * The elements, then nulls without end: Python's {@code None} padding.
     *
     * <p>Python equivalent: recipe {@code pad_none(iterable)} ({@code padnone} in older docs).
     *
     * <p>Lazy; stateless.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return an infinite generator
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> padNone(Iterable<? extends T> iterable) {
        Generator<? extends T> source = Generator.from(Util.requireNonNull(iterable, "iterable"));
        return new Generator<>(new Merges.Chain<T>(source, Generator.<T>repeat(null))); // chain(it, repeat(None))
    }

    /**
     * Overlapping triples of consecutive elements: {@code slidingWindow(iterable, 3)}.
     *
     * {@snippet :
     * Itertools.triplewise(List.of("A", "B", "C", "D"));  // yields [A, B, C], [B, C, D]
     * }
     *
     * <p>Python equivalent: recipe {@code triplewise(iterable)}.
     *
     * <p>Lazy; buffers at most 3.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of immutable lists of three elements
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> triplewise(Iterable<? extends T> iterable) {
        return slidingWindow(iterable, 3);
    }

    /**
     * Two generators: the leading elements that satisfy the predicate, and the rest, starting with the first
     * element that fails it. Read the first to its end before the second: the second, started early, goes on
     * from wherever the source is (as in Python). Closing both closes the source.
     *
     * {@snippet :
     * List<Generator<String>> ba = Itertools.beforeAndAfter(s -> s.equals("A"), List.of("A", "A", "b", "A"));
     * ba.get(0).toList();  // [A, A]
     * ba.get(1).toList();  // [b, A]
     * }
     *
     * <p>Python equivalent: recipe {@code before_and_after(predicate, it)}.
     *
     * <p>Lazy; buffers at most one element.
     *
     * @param predicate the test
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return an immutable list of two generators: before, then after
     * @throws NullPointerException if an argument is null
     */
    public static <T> List<Generator<T>> beforeAndAfter(
            Predicate<? super T> predicate, Iterable<? extends T> iterable) {
        Util.requireNonNull(predicate, "predicate");
        BeforeAndAfter<T> split =
                new BeforeAndAfter<>(Generator.from(Util.requireNonNull(iterable, "iterable")), predicate);
        return List.of(split.before(), split.after());
    }



    // =====================================================================================================
    // Section M: the favourites of more-itertools.
    // =====================================================================================================

    /**
     * A {@link Peekable} over the iterable: an iterator that can look at its next element without consuming it,
     * and take elements back with {@link Peekable#prepend}. Use {@link Peekable#generator()} to chain generator
     * operators after peeking.
     *
     * <p>Python equivalent: {@code more_itertools.peekable(iterable)}.
     *
     * <p>Lazy; buffers the peeked and prepended elements.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param <T> the type of the elements
     * @return a new peekable; closing it closes the source
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Peekable<T> peekable(Iterable<? extends T> iterable) {
        return new Peekable<>(Generator.from(Util.requireNonNull(iterable, "iterable")));
    }

    /**
     * Lists of {@code n} consecutive elements, the last one shorter if the elements run out; {@code n == 0}
     * yields nothing. Each list pulls up to {@code n} elements.
     *
     * {@snippet :
     * Itertools.chunked(List.of(1, 2, 3, 4, 5, 6, 7), 3);  // yields [1, 2, 3], [4, 5, 6], [7]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.chunked(iterable, n)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the chunk size
     * @param <T> the type of the elements
     * @return a generator of immutable lists
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> chunked(Iterable<? extends T> iterable, int n) {
        return chunked(iterable, n, false);
    }

    /**
     * Lists of {@code n} consecutive elements; with {@code strict}, a shorter last list is an error instead.
     *
     * <p>Python equivalent: {@code more_itertools.chunked(iterable, n, strict=strict)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the chunk size
     * @param strict whether an incomplete last chunk fails
     * @param <T> the type of the elements
     * @return a generator of immutable lists
     * @throws IllegalArgumentException if {@code n} is negative; with {@code strict}, at the incomplete chunk
     *     ("iterable is not divisible by n.")
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> chunked(Iterable<? extends T> iterable, int n, boolean strict) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNegative(n, "n");
        if (n == 0) {
            return none(iterable); // more-itertools: take(0, it) is [], the sentinel that ends at once
        }
        Stages.Last last = strict ? Stages.Last.CHUNKED_ERROR : Stages.Last.SHORT;
        return Generator.<T>from(iterable).then(new Stages.Batch<>(n, last, null));
    }

    /**
     * Overlapping windows of {@code n} elements, each {@code step} elements after the previous one; windows that
     * run past the end are padded with {@code fill}. Nothing for an empty iterable; {@code n == 0} yields one
     * empty window. The first window pulls {@code n} elements, each later one {@code step}.
     *
     * {@snippet :
     * Itertools.windowed(List.of(1, 2, 3, 4, 5, 6), 3, "!", 2);  // yields [1, 2, 3], [3, 4, 5], [5, 6, !]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.windowed(seq, n, fillvalue=fill, step=step)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the window size
     * @param fill pads the last windows (may be null, Python's default)
     * @param step how far each window is from the previous one
     * @param <T> the type of the elements
     * @return a generator of immutable lists of {@code n} elements
     * @throws IllegalArgumentException if {@code n} is negative or, when {@code n > 0}, {@code step} is less than
     *     one, as more-itertools checks them (at the call; more-itertools fails at the first request)
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> windowed(Iterable<? extends T> iterable, int n, T fill, int step) {
        Util.requireNonNull(iterable, "iterable");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0 but was: " + n);
        }
        if (n == 0) {
            // more-itertools yields one empty window and never reads the input; closing the result closes it
            return prepend(List.of(), none(iterable));
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1 but was: " + step);
        }
        return Generator.<T>from(iterable).then(new Stages.Window<>(n, step, true, fill));
    }

    /**
     * Overlapping windows of {@code n} consecutive elements, padded with null when the iterable is shorter than
     * {@code n}: {@code windowed(iterable, n, null, 1)}.
     *
     * <p>Python equivalent: {@code more_itertools.windowed(seq, n)}.
     *
     * <p>Lazy; buffers at most n.
     *
     * @param iterable the elements
     * @param n the window size
     * @param <T> the type of the elements
     * @return a generator of immutable lists of {@code n} elements
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<List<T>> windowed(Iterable<? extends T> iterable, int n) {
        return windowed(iterable, n, null, 1);
    }

    /**
     * One element from each input in turn, stopping at the first round in which an input runs out (the elements
     * already pulled in that round are dropped). Each round pulls from every input before yielding.
     *
     * {@snippet :
     * Itertools.interleave(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7, 8));  // yields 1, 4, 6, 2, 5, 7
     * }
     *
     * <p>Python equivalent: {@code more_itertools.interleave(*iterables)}.
     *
     * <p>A single collection argument is the list of inputs (Guava's {@code Iterables.concat} convention), so
     * {@code interleave(listOfGenerators)} needs no array; {@link #interleave(Iterable[])} takes them as arguments.
     *
     * <p>Lazy; buffers one round.
     *
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<T> interleave(Collection<? extends Iterable<? extends T>> iterables) {
        return interleave(Tuples.inputs(iterables, "iterables"));
    }

    /**
     * One element from each input in turn, as {@link #interleave(Collection)} documents, with the inputs as
     * arguments. Python equivalent: {@code more_itertools.interleave(*iterables)}. Lazy; buffers one round.
     *
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <T> Generator<T> interleave(Iterable<? extends T>... iterables) {
        // more-itertools: chain.from_iterable(zip(*iterables))
        return new Generator<>(Merges.Zip.tuples(Merges.Stop.SHORTEST, null, Tuples.generators(iterables, "iterables")))
                .then(new Stages.FlatMap<List<T>, T>(row -> row, null));
    }

    /**
     * One element from each input in turn, skipping the inputs that ran out, until all have. Each round pulls
     * from every input still running before yielding.
     *
     * {@snippet :
     * Itertools.interleaveLongest(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7, 8));  // yields 1, 4, 6, 2, 5, 7, 3, 8
     * }
     *
     * <p>Python equivalent: {@code more_itertools.interleave_longest(*iterables)}.
     *
     * <p>Lazy; buffers one round.
     *
     * @param iterables the inputs
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    @SafeVarargs
    public static <T> Generator<T> interleaveLongest(Iterable<? extends T>... iterables) {
        // more-itertools: (x for x in chain.from_iterable(zip_longest(*iterables, fillvalue=_marker)) if x is not _marker)
        Object missing = new Object();
        Generator<Object> all = new Generator<>(Merges.Zip.<Object>tuples(Merges.Stop.LONGEST, missing,
                        Tuples.generators(iterables, "iterables")))
                .then(new Stages.FlatMap<List<Object>, Object>(row -> row, null)).filter(x -> x != missing);
        @SuppressWarnings("unchecked")
        Generator<T> typed = (Generator<T>) (Generator<?>) all;
        return typed;
    }

    /**
     * Python's {@code more_itertools.interleave_longest(*iterables)} over a collection of inputs, as
     * {@link #interleaveLongest(Iterable[])}: a single collection argument is the list of inputs (Guava's
     * {@code Iterables.concat} convention). Lazy; buffers one round.
     *
     * @param iterables the inputs, in order
     * @param <T> the type of the elements
     * @return a generator interleaving the inputs
     * @throws NullPointerException if {@code iterables} or one of them is null
     */
    public static <T> Generator<T> interleaveLongest(Collection<? extends Iterable<? extends T>> iterables) {
        return interleaveLongest(Tuples.inputs(iterables, "iterables"));
    }

    /**
     * The elements with {@code e} between them.
     *
     * {@snippet :
     * Itertools.intersperse("!", List.of("a", "b", "c"));  // yields a, !, b, !, c
     * }
     *
     * <p>Python equivalent: {@code more_itertools.intersperse(e, iterable)}.
     *
     * <p>Lazy; buffers at most one element.
     *
     * @param e the separator (may be null)
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return a generator of the elements and separators
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> intersperse(T e, Iterable<? extends T> iterable) {
        return intersperse(e, iterable, 1);
    }

    /**
     * The elements in groups of {@code n} with {@code e} between the groups. The separator is yielded once the
     * next group has been pulled.
     *
     * {@snippet :
     * Itertools.intersperse(0, List.of(1, 2, 3, 4, 5), 2);  // yields 1, 2, 0, 3, 4, 0, 5
     * }
     *
     * <p>Python equivalent: {@code more_itertools.intersperse(e, iterable, n)}.
     *
     * <p>Lazy; buffers at most n + 1.
     *
     * @param e the separator (may be null)
     * @param iterable the elements
     * @param n the group size
     * @param <T> the type of the elements
     * @return a generator of the elements and separators
     * @throws IllegalArgumentException if {@code n} is less than one ("n must be > 0")
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Generator<T> intersperse(T e, Iterable<? extends T> iterable, int n) {
        Util.requireNonNull(iterable, "iterable");
        if (n < 1) {
            throw new IllegalArgumentException("n must be > 0 but was: " + n);
        }
        return Generator.<T>from(iterable).then(new Stages.Batch<>(n, Stages.Last.SHORT, null))
                .then(new Stages.Intersperse<>(e));
    }

    /**
     * The first element. Pulls one element.
     *
     * <p>Python equivalent: {@code more_itertools.first(iterable)}.
     *
     * <p>Terminal; consumes one element.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param <T> the type of the elements
     * @return the first element
     * @throws IllegalArgumentException if the iterable is empty ("first() was called on an empty iterable, and no
     *     default value was provided.")
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T first(Iterable<? extends T> iterable) {
        Iterator<? extends T> it = Util.requireNonNull(iterable, "iterable").iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException(
                    "first() was called on an empty iterable, and no default value was provided.");
        }
        return it.next();
    }

    /**
     * The first element, or {@code defaultValue} if there is none. Pulls at most one element.
     *
     * <p>Python equivalent: {@code more_itertools.first(iterable, default)}.
     *
     * <p>Terminal; consumes one element.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param defaultValue the result for an empty iterable
     * @param <T> the type of the elements
     * @return the first element, or {@code defaultValue}
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T first(Iterable<? extends T> iterable, T defaultValue) {
        Iterator<? extends T> it = Util.requireNonNull(iterable, "iterable").iterator();
        return it.hasNext() ? it.next() : defaultValue;
    }

    /**
     * The last element. A {@link List} is read at its end; anything else is consumed.
     *
     * <p>Python equivalent: {@code more_itertools.last(iterable)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the elements
     * @param <T> the type of the elements
     * @return the last element
     * @throws IllegalArgumentException if the iterable is empty ("last() was called on an empty iterable, and no
     *     default value was provided.")
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T last(Iterable<? extends T> iterable) {
        Util.requireNonNull(iterable, "iterable");
        Object[] result = lastOrNone(iterable);
        if (result == null) {
            throw new IllegalArgumentException(
                    "last() was called on an empty iterable, and no default value was provided.");
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /**
     * The last element, or {@code defaultValue} if there is none.
     *
     * <p>Python equivalent: {@code more_itertools.last(iterable, default)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the elements
     * @param defaultValue the result for an empty iterable
     * @param <T> the type of the elements
     * @return the last element, or {@code defaultValue}
     * @throws NullPointerException if {@code iterable} is null
     */
    @SuppressWarnings("unchecked")
    public static <T> T last(Iterable<? extends T> iterable, T defaultValue) {
        Object[] result = lastOrNone(Util.requireNonNull(iterable, "iterable"));
        return result == null ? defaultValue : (T) result[0];
    }

    /** The last element in a one-element array, or null if there is none. */
    private static Object[] lastOrNone(Iterable<?> iterable) {
        if (iterable instanceof List<?> list) {
            return list.isEmpty() ? null : new Object[] {list.get(list.size() - 1)};
        }
        Object[] last = {null};
        boolean[] seen = {false};
        Generator.from(iterable).forEachRemaining(x -> {
            last[0] = x;
            seen[0] = true;
        });
        return seen[0] ? last : null;
    }

    /**
     * The only element of the iterable. Pulls at most two elements.
     *
     * <p>Python equivalent: {@code more_itertools.one(iterable)}.
     *
     * <p>Terminal; consumes at most two elements.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param <T> the type of the elements
     * @return the single element
     * @throws IllegalArgumentException "too few items in iterable (expected 1)" if it is empty; "Expected exactly
     *     one item in iterable, but got a, b, and perhaps more." if it has more than one
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> T one(Iterable<? extends T> iterable) {
        Iterator<? extends T> it = Util.requireNonNull(iterable, "iterable").iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("too few items in iterable (expected 1)");
        }
        T first = it.next();
        if (it.hasNext()) {
            T second = it.next();
            throw new IllegalArgumentException("Expected exactly one item in iterable, but got " + first + ", "
                    + second + ", and perhaps more.");
        }
        return first;
    }

    /**
     * The number of elements, counted by consuming them.
     *
     * <p>Python equivalent: {@code more_itertools.ilen(iterable)}.
     *
     * <p>Terminal; consumes the iterable.
     *
     * @param iterable the elements
     * @return how many there were
     * @throws NullPointerException if {@code iterable} is null
     */
    public static long ilen(Iterable<?> iterable) {
        return Generator.from(Util.requireNonNull(iterable, "iterable")).count();
    }

    /**
     * The result of {@link #spy(Iterable, int)}: the first elements, and a generator over all the elements.
     *
     * @param head the first elements (at most the number asked for), as an immutable list
     * @param all a generator over every element, the head included
     * @param <T> the type of the elements
     */
    public record Spy<T>(List<T> head, Generator<T> all) {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Spy {
            Util.requireNonNull(head, "head");
            Util.requireNonNull(all, "all");
        }
    }

    /**
     * Looks at the first {@code n} elements without losing them: they are pulled at the call and returned, with
     * a generator that yields them again followed by the rest.
     *
     * {@snippet :
     * Itertools.Spy<String> s = Itertools.spy(List.of("a", "b", "c"), 2);
     * s.head();          // [a, b]
     * s.all().toList();  // [a, b, c]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.spy(iterable, n)} (a tuple {@code (head, iterator)}).
     *
     * <p>Eager for the head (pulls n at the call), lazy for the rest.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param n how many elements to look at
     * @param <T> the type of the elements
     * @return the head and a generator over everything
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Spy<T> spy(Iterable<? extends T> iterable, int n) {
        Util.requireNonNegative(n, "n");
        Generator<? extends T> source = Generator.from(Util.requireNonNull(iterable, "iterable"));
        List<T> head = take(n, source);
        return new Spy<>(head, new Generator<>(new Merges.Chain<T>(Generator.from(head), source)));
    }

    /**
     * {@code spy(iterable, 1)}: the first element (if any) and a generator over all of them.
     *
     * <p>Python equivalent: {@code more_itertools.spy(iterable)}.
     *
     * <p>Eager for the head (pulls one at the call), lazy for the rest.
     *
     * @param iterable the elements; a {@link Generator} is read in place
     * @param <T> the type of the elements
     * @return the head and a generator over everything
     * @throws NullPointerException if {@code iterable} is null
     */
    public static <T> Spy<T> spy(Iterable<? extends T> iterable) {
        return spy(iterable, 1);
    }

    /**
     * Lists of the elements between those that satisfy the predicate (the separators are dropped); an empty
     * iterable gives one empty list.
     *
     * {@snippet :
     * Itertools.splitAt(List.of("a", "b", "c", "d", "c", "b", "a"), x -> x.equals("b"));  // yields [a], [c, d, c], [a]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.split_at(iterable, pred)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells the separators
     * @param <T> the type of the elements
     * @return a generator of lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitAt(
            Iterable<? extends T> iterable, Predicate<? super T> pred) {
        return splitAt(iterable, pred, -1, false);
    }

    /**
     * Lists of the elements between separators, at most {@code maxsplit} splits (negative: no limit), the
     * separators kept as one-element lists if {@code keepSeparator}. After the last split the rest comes in one
     * list, read when it is requested.
     *
     * <p>Python equivalent: {@code more_itertools.split_at(iterable, pred, maxsplit, keep_separator)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells the separators
     * @param maxsplit the most splits made; negative for no limit
     * @param keepSeparator whether to yield each separator as a one-element list
     * @param <T> the type of the elements
     * @return a generator of lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitAt(Iterable<? extends T> iterable,
            Predicate<? super T> pred, int maxsplit, boolean keepSeparator) {
        return split(iterable, pred, keepSeparator ? Stages.Split.AT_KEEP : Stages.Split.AT, maxsplit);
    }

    /**
     * Lists that each begin with an element satisfying the predicate (the first may not).
     *
     * {@snippet :
     * Itertools.splitBefore(List.of("O", "n", "e", "T", "w", "o"), s -> s.equals(s.toUpperCase()));
     * // yields [O, n, e], [T, w, o]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.split_before(iterable, pred)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells where a new list begins
     * @param <T> the type of the elements
     * @return a generator of non-empty lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitBefore(
            Iterable<? extends T> iterable, Predicate<? super T> pred) {
        return splitBefore(iterable, pred, -1);
    }

    /**
     * Lists that each begin with an element satisfying the predicate, at most {@code maxsplit} splits (negative:
     * no limit).
     *
     * <p>Python equivalent: {@code more_itertools.split_before(iterable, pred, maxsplit)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells where a new list begins
     * @param maxsplit the most splits made; negative for no limit
     * @param <T> the type of the elements
     * @return a generator of non-empty lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitBefore(
            Iterable<? extends T> iterable, Predicate<? super T> pred, int maxsplit) {
        return split(iterable, pred, Stages.Split.BEFORE, maxsplit);
    }

    /**
     * Lists that each end with an element satisfying the predicate (the last may not).
     *
     * {@snippet :
     * Itertools.splitAfter(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), n -> n % 3 == 0);
     * // yields [0], [1, 2, 3], [4, 5, 6], [7, 8, 9]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.split_after(iterable, pred)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells where a list ends
     * @param <T> the type of the elements
     * @return a generator of non-empty lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitAfter(
            Iterable<? extends T> iterable, Predicate<? super T> pred) {
        return splitAfter(iterable, pred, -1);
    }

    /**
     * Lists that each end with an element satisfying the predicate, at most {@code maxsplit} splits (negative:
     * no limit).
     *
     * <p>Python equivalent: {@code more_itertools.split_after(iterable, pred, maxsplit)}.
     *
     * <p>Lazy; buffers one list.
     *
     * @param iterable the elements
     * @param pred tells where a list ends
     * @param maxsplit the most splits made; negative for no limit
     * @param <T> the type of the elements
     * @return a generator of non-empty lists
     * @throws NullPointerException if an argument is null
     */
    public static <T> Generator<List<T>> splitAfter(
            Iterable<? extends T> iterable, Predicate<? super T> pred, int maxsplit) {
        return split(iterable, pred, Stages.Split.AFTER, maxsplit);
    }

    private static <T> Generator<List<T>> split(Iterable<? extends T> iterable,
            Predicate<? super T> pred, Stages.Split kind, int maxsplit) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNull(pred, "pred");
        return Generator.<T>from(iterable).then(new Stages.Splitter<>(pred, kind, maxsplit));
    }

    /**
     * The leaves of a nested structure, depth first: every element that is an {@link Iterable} is replaced by
     * its elements, recursively. Strings, arrays, maps and everything else that is not an {@code Iterable} are
     * leaves (Python treats {@code str} and {@code bytes} as leaves too).
     *
     * {@snippet :
     * Itertools.collapse(List.of(List.of(1), List.of(2, List.of(3)), List.of(List.of(4, List.of(5)))));
     * // yields 1, 2, 3, 4, 5
     * }
     *
     * <p>Python equivalent: {@code more_itertools.collapse(iterable)}.
     *
     * <p>Lazy; holds one iterator per level of nesting.
     *
     * @param iterable the nested structure
     * @return a generator of the leaves
     * @throws NullPointerException if {@code iterable} is null
     */
    public static Generator<Object> collapse(Iterable<?> iterable) {
        return collapse(iterable, Integer.MAX_VALUE);
    }

    /**
     * The elements of a nested structure flattened {@code levels} deep: {@code levels == 1} removes one level of
     * nesting, {@code 0} yields the elements unchanged.
     *
     * {@snippet :
     * Itertools.collapse(List.of(List.of(1), List.of(2, List.of(3))), 1);  // yields 1, 2, [3]
     * }
     *
     * <p>Python equivalent: {@code more_itertools.collapse(iterable, levels=levels)}.
     *
     * <p>Lazy; holds one iterator per level of nesting.
     *
     * @param iterable the nested structure
     * @param levels how many levels of nesting to remove
     * @return a generator of the elements
     * @throws IllegalArgumentException if {@code levels} is negative
     * @throws NullPointerException if {@code iterable} is null
     */
    public static Generator<Object> collapse(Iterable<?> iterable, int levels) {
        Util.requireNonNull(iterable, "iterable");
        Util.requireNonNegative(levels, "levels");
        return Generator.<Object>from(iterable).then(new Stages.Collapse(levels));
    }

    /** A generator that owns {@code iterable} (closing it closes that) but yields nothing and never reads it. */
    private static <T, R> Generator<R> none(Iterable<? extends T> iterable) {
        return Generator.<T>from(iterable).take(0).map(x -> {
            throw new AssertionError("take(0) passes nothing on");
        });
    }
}
