package dev.jyield;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generator bodies that exercise every protocol path: catching what is thrown in and yielding again, finally
 * blocks, ignoring GeneratorExit, returning a value (also while handling a throw), delegating to a generator and
 * to a plain iterator. {@link ProtocolModelTest} and {@link ProtocolOracleTest} run every short sequence of calls
 * on them.
 */
final class ProtocolShapes {
    private ProtocolShapes() {}

    /** The shapes of core/src/test/python/protocol_transcripts.py, line for line, by name. */
    static final Map<String, Function<Engine, Generator<Object>>> SHAPES = Map.of(
            "plain", e -> Generator.ofReturning(y -> {
                y.yield("a");
                y.yield("b");
                return "ret";
            }, e),
            "catches", e -> Generator.of(y -> {
                for (int i = 0; i < 3; i++) {
                    try {
                        Object sent = y.yield("v" + i);
                        y.yield("sent " + sent);
                    } catch (IllegalArgumentException ex) {
                        y.yield("caught " + ex.getMessage());
                    } finally {
                        Log.add("finally " + i);
                    }
                }
            }, e),
            "ignoresExit", e -> Generator.of(y -> {
                int ignored = 0;
                while (true) {
                    try {
                        y.yield("loop");
                    } catch (GeneratorExit ex) {
                        Log.add("exit");
                        if (++ignored == 2) {
                            return;
                        }
                    }
                }
            }, e),
            "returnsOnThrow", e -> Generator.ofReturning(y -> {
                try {
                    y.yield("r1");
                    y.yield("r2");
                } catch (IllegalArgumentException ex) {
                    Log.add("handled " + ex.getMessage());
                    return "handled " + ex.getMessage();
                } finally {
                    Log.add("finally");
                }
                return "done";
            }, e),
            "delegates", e -> Generator.ofReturning(y -> {
                try {
                    Object r = y.yieldFrom(Generator.ofReturning(s -> {
                        try {
                            Object x = s.yield("sub1");
                            s.yield("sub got " + x);
                        } catch (IllegalArgumentException ex) {
                            s.yield("sub caught");
                        } finally {
                            Log.add("sub finally");
                        }
                        return "subret";
                    }, e));
                    y.yield("outer got " + r);
                    y.yieldFrom(List.of("i1", "i2"));
                } finally {
                    Log.add("outer finally");
                }
                return "outerret";
            }, e));

    /** The body's own effects, in order. */
    static final class Log {
        static final List<String> ENTRIES = new ArrayList<>();

        static void add(String s) {
            ENTRIES.add(s);
        }
    }
}
