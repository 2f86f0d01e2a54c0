package dev.jyield;

import java.io.Serial;

/**
 * Raised inside a generator body at its paused {@code yield} when the generator is {@linkplain Generator#close()
 * closed}, so that its {@code finally} blocks run. Python's {@code GeneratorExit}.
 *
 * <p>It extends {@link Error}, as Python keeps {@code GeneratorExit} out of {@code except Exception}: a body's
 * {@code catch (Exception e)} does not swallow it. A body may catch it to clean up, but must then return or
 * rethrow: yielding again makes {@code close()} fail with "generator ignored GeneratorExit".
 */
public final class GeneratorExit extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A GeneratorExit with no message, as {@link Generator#close()} raises it. */
    public GeneratorExit() {
        super(null, null, false, false);
    }

    /**
     * A GeneratorExit with a message.
     *
     * @param message the detail message, may be null
     */
    public GeneratorExit(String message) {
        super(message, null, false, false);
    }
}
