package dev.jyield;

import java.util.Objects;

/** Small shared helpers. */
final class Util {
    private Util() {}

    /**
     * Rethrows {@code t} unchanged, checked or not: an exception from a generator body reaches the caller as the
     * same object. Declared to return an exception so that call sites can write {@code throw sneaky(t)}.
     */
    @SuppressWarnings("unchecked")
    static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
        throw (X) t;
    }

    static <T> T requireNonNull(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " cannot be negative but was: " + value);
        }
        return value;
    }
}
