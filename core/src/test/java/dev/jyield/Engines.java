package dev.jyield;

import java.util.Arrays;
import java.util.stream.Stream;

/** The engines every protocol test runs on. */
final class Engines {
    private Engines() {}

    /** Every engine that can run a body pulled value by value, in this JVM. */
    static Stream<Engine> pull() {
        return Arrays.stream(Engine.values())
                .filter(e -> e != Engine.AUTO && e != Engine.PUSH)
                .filter(e -> e != Engine.CONTINUATION || ContinuationSource.AVAILABLE);
    }

    /**
     * {@link #pull()} and AUTO, the default: a generator as {@code Generator.of} makes it, whose started state
     * machine runs without a source of its own (for suites that do not check the engine's name).
     */
    static Stream<Engine> pullAndDefault() {
        return Stream.concat(Stream.of(Engine.AUTO), pull());
    }

    /** Every engine, push included: for bodies consumed to their end by a terminal operation. */
    static Stream<Engine> all() {
        return Stream.concat(Stream.of(Engine.PUSH), pull());
    }
}
