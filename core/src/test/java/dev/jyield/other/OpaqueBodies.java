package dev.jyield.other;

import dev.jyield.Generator;
import dev.jyield.Yielder;

/**
 * A body that passes its yielder to {@link OpaqueHelper}, for a test that loads both classes in a class loader
 * that hides the helper's class file, as a class made at run time has none.
 */
public final class OpaqueBodies {
    private OpaqueBodies() {}

    /**
     * The body.
     *
     * @return a body yielding "before", the helper's value, "after"
     */
    public static Generator.Body<String> body() {
        return y -> {
            y.yield("before");
            OpaqueHelper.emit(y);
            y.yield("after");
        };
    }
}

/** The helper whose class file the test's class loader hides. */
final class OpaqueHelper {
    private OpaqueHelper() {}

    static void emit(Yielder<String> y) {
        y.yield("from the opaque helper");
    }
}
