package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exception thrown in a body, or in a method the body calls, carries a frame of the body with this file and the
 * line of the throw, and the consumer's frames below it; it is the same object, its cause and suppressed untouched.
 * As in Python, whose traceback shows the consumer's line and then the generator's:
 * <pre>
 * >>> def g():
 * ...     yield 1
 * ...     raise ValueError('boom')
 * >>> for x in g(): pass
 * Traceback (most recent call last):
 *   File "&lt;stdin&gt;", line 1, in &lt;module&gt;
 *   File "&lt;stdin&gt;", line 3, in g
 * ValueError: boom
 * </pre>
 * Every engine, push included, and every way of pulling: for-each, next(), a terminal operation, through
 * yieldFrom, from another body.
 *
 * <p>Known to fail until the bytecode engine defines its state machines as ordinary classes: every case that pulls a
 * body through it (BYTECODE; PUSH pulled by for-each, next() or from another body's for-each), since a hidden class
 * is left out of stack traces (JEP 371), so the body's line is missing.
 */
class StackTraceTest {
    private static final String FILE = "StackTraceTest.java";

    static Stream<Engine> engines() {
        return Engines.all();
    }

    /** The line of this file that holds {@code marker} (a comment at the end of the line). */
    private static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/jyield/" + FILE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line ends with // " + marker);
    }

    private static final IllegalStateException CAUSE = new IllegalStateException("cause");

    private static Generator<Integer> throwingInBody(Engine e) {
        return Generator.of(y -> {
            y.yield(1);
            RuntimeException boom = new RuntimeException("boom", CAUSE); // THROW IN BODY
            boom.addSuppressed(CAUSE);
            throw boom;
        }, e);
    }

    private static void helper() {
        throw new UnsupportedOperationException("from a method the body calls"); // THROW IN HELPER
    }

    private static Generator<Integer> throwingInHelper(Engine e) {
        return Generator.of(y -> {
            y.yield(1);
            helper(); // CALL HELPER
        }, e);
    }

    /** The ways of pulling a generator; each runs in the test method's own frame below. */
    enum Pull {
        FOR_EACH {
            @Override
            void drain(Generator<Integer> g) {
                for (int x : g) {
                    assertThat(x).isEqualTo(1);
                }
            }
        },
        NEXT {
            @Override
            void drain(Generator<Integer> g) {
                g.next();
                g.next();
            }
        },
        TERMINAL {
            @Override
            void drain(Generator<Integer> g) {
                g.toList();
            }
        },
        YIELD_FROM {
            @Override
            void drain(Generator<Integer> g) {
                // the outer body is a generator of the same engine as g; for PUSH, pushed as a whole
                Generator.of(y -> {
                    y.yieldFrom(g);
                }, g.engineName().equals("push") ? Engine.PUSH : engineOf(g)).toList();
            }
        },
        /** The outer body pulls g by for-each: on a stackful engine, g's consumer is itself a body. */
        NESTED {
            @Override
            void drain(Generator<Integer> g) {
                Generator.<Integer>of(y -> {
                    for (int x : g) {
                        y.yield(x);
                    }
                }, g.engineName().equals("push") ? Engine.PUSH : engineOf(g)).toList();
            }
        };

        abstract void drain(Generator<Integer> g);
    }

    private static Engine engineOf(Generator<?> g) {
        return Engine.valueOf(g.engineName().toUpperCase(java.util.Locale.ROOT));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return engines().flatMap(e -> Arrays.stream(Pull.values())
                .map(p -> org.junit.jupiter.params.provider.Arguments.of(e, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aThrowInTheBodyShowsTheBodysLineAndTheConsumerBelowIt(Engine e, Pull pull, TestInfo info)
            throws IOException {
        Generator<Integer> g = throwingInBody(e);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> pull.drain(g));
        assertThat(thrown).hasMessage("boom");
        assertSame(CAUSE, thrown.getCause());
        assertThat(thrown.getSuppressed()).containsExactly(CAUSE);
        assertBodyAboveConsumer(thrown, lineOf("THROW IN BODY"), info);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aThrowInAMethodTheBodyCallsShowsBothLines(Engine e, Pull pull, TestInfo info) throws IOException {
        Generator<Integer> g = throwingInHelper(e);
        UnsupportedOperationException thrown =
                assertThrows(UnsupportedOperationException.class, () -> pull.drain(g));
        StackTraceElement[] trace = thrown.getStackTrace();
        assertThat(trace[0].getMethodName()).isEqualTo("helper");
        assertThat(trace[0].getLineNumber()).isEqualTo(lineOf("THROW IN HELPER"));
        assertBodyAboveConsumer(thrown, lineOf("CALL HELPER"), info);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anExceptionMadeOutsideTheBodyKeepsItsTrace(Engine e) {
        // made here, thrown by the body: its trace says where it was made, as in Python (a traceback grows only as
        // the exception travels; nothing is invented)
        RuntimeException made = new RuntimeException("made outside");
        StackTraceElement[] before = made.getStackTrace().clone();
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw made;
        }, e);
        assertSame(made, assertThrows(RuntimeException.class, g::toList));
        StackTraceElement[] after = made.getStackTrace();
        assertThat(Arrays.copyOfRange(after, after.length - before.length, after.length)).containsExactly(before);
    }

    private static void assertBodyAboveConsumer(Throwable t, int line, TestInfo info) {
        StackTraceElement[] trace = t.getStackTrace();
        int body = -1;
        for (int i = 0; i < trace.length && body < 0; i++) {
            if (FILE.equals(trace[i].getFileName()) && trace[i].getLineNumber() == line) {
                body = i;
            }
        }
        String method = info.getTestMethod().orElseThrow().getName();
        String shown = String.join("\n\tat ", Arrays.stream(trace).map(String::valueOf).toList());
        assertThat(body).as("a frame at " + FILE + ":" + line + " in\n\tat " + shown).isGreaterThanOrEqualTo(0);
        boolean consumerBelow = false;
        for (int i = body + 1; i < trace.length; i++) {
            if (trace[i].getMethodName().equals(method) && trace[i].getClassName().equals(StackTraceTest.class.getName())) {
                consumerBelow = true;
            }
        }
        assertThat(consumerBelow).as("the consumer's frame " + method + " below the body's in\n\tat " + shown).isTrue();
    }
}
