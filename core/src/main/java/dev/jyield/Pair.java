package dev.jyield;

/**
 * Two values: Python's 2-tuple, as yielded by {@link Generator#zip(Iterable)} and {@link Generator#pairwise()}.
 *
 * @param first the first value (may be null)
 * @param second the second value (may be null)
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public record Pair<A, B>(A first, B second) {}
