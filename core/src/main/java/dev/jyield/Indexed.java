package dev.jyield;

/**
 * A value with its position: Python's {@code (i, x)} from {@code enumerate}, as yielded by
 * {@link Generator#enumerate()}.
 *
 * @param index the position, counted from the start given to {@code enumerate}
 * @param value the value (may be null)
 * @param <T> the type of the value
 */
public record Indexed<T>(long index, T value) {}
