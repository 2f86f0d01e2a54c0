package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The checks of the bytecode corpus tests: a body runs on every engine and all must agree (on its values, or on
 * the event log of a sequence of next/send/throwIn/close), and the bytecode engine must have rewritten it, or
 * must have fallen back for a stated reason and still give the right values.
 */
final class CorpusChecks {
    private CorpusChecks() {}

    /** Runs {@code body} on every engine; all must agree, and the bytecode engine must have run it itself. */
    static <T> List<T> sameOnEveryEngine(Generator.Body<T> body) {
        List<T> expected = agreeOnEveryEngine(body);
        assertRewritten(body, false);
        return expected;
    }

    /** Runs {@code body} on every engine and returns its values; all engines must agree. */
    static <T> List<T> agreeOnEveryEngine(Generator.Body<T> body) {
        List<T> expected = Generator.of(body, Engine.PUSH).toList();
        for (Engine e : Engines.pull().toList()) {
            Generator<T> g = Generator.of(body, e);
            List<T> got = new ArrayList<>();
            while (g.hasNext()) {
                got.add(g.next());
            }
            assertThat(got).as("values on " + e).isEqualTo(expected);
        }
        return expected;
    }

    static void assertRewritten(Object body, boolean returning) {
        assertThat(BytecodeEngine.fallbackReason(body, returning)).as("reason the body was not rewritten").isNull();
    }

    /** Every body was rewritten; the failure lists the reason of each one that was not. */
    static void assertAllRewritten(Object... bodies) {
        List<String> reasons = Arrays.stream(bodies).map(b -> BytecodeEngine.fallbackReason(b, false))
                .filter(Objects::nonNull).toList();
        assertThat(reasons).as("reasons the bodies were not rewritten").isEmpty();
    }

    /**
     * Drives a fresh generator of {@code bodyOf(log)} on engine {@code e} through {@code steps} ({@code next},
     * {@code send:v}, {@code throw:msg}, {@code exit} for throwIn(GeneratorExit), {@code close}) and returns the
     * log: what the body recorded, interleaved with what each step gave. With {@code onBytecode}, a generator on
     * the bytecode engine must have run as a state machine.
     */
    static List<String> events(Engine e, Function<List<String>, Generator.Body<Object>> bodyOf, boolean onBytecode,
            String... steps) {
        List<String> log = new ArrayList<>();
        Generator<Object> g = Generator.of(bodyOf.apply(log), e);
        for (String step : steps) {
            try {
                Object r;
                if (step.equals("next")) {
                    r = g.next();
                } else if (step.startsWith("send:")) {
                    r = g.send(step.substring(5));
                } else if (step.startsWith("throw:")) {
                    r = g.throwIn(new IllegalArgumentException(step.substring(6)));
                } else if (step.equals("exit")) {
                    r = g.throwIn(new GeneratorExit());
                } else if (step.equals("close")) {
                    g.close();
                    r = "closed";
                } else {
                    throw new IllegalArgumentException("unknown step: " + step);
                }
                log.add(step + " -> " + r);
            } catch (RuntimeException | GeneratorExit x) {
                log.add(step + " !! " + x.getClass().getSimpleName() + ": " + x.getMessage());
            }
            log.add("state " + g.state());
        }
        if (onBytecode && e == Engine.BYTECODE) {
            assertThat(g.engineName()).as("engine").isEqualTo("bytecode");
        }
        return log;
    }

    /** The event logs of every pull engine agree, and the bytecode engine ran the body; returns its log. */
    static List<String> sameEventsOnEveryEngine(Function<List<String>, Generator.Body<Object>> bodyOf,
            String... steps) {
        return eventsOnEveryEngine(bodyOf, true, steps);
    }

    /** The event logs of every pull engine agree, whichever engine ran the body; returns the reference log. */
    static List<String> eventsAgreeOnEveryEngine(Function<List<String>, Generator.Body<Object>> bodyOf,
            String... steps) {
        return eventsOnEveryEngine(bodyOf, false, steps);
    }

    private static List<String> eventsOnEveryEngine(Function<List<String>, Generator.Body<Object>> bodyOf,
            boolean onBytecode, String... steps) {
        List<String> reference = events(Engine.THREAD, bodyOf, onBytecode, steps);
        for (Engine e : Engines.pull().toList()) {
            assertThat(events(e, bodyOf, onBytecode, steps)).as("events on " + e).isEqualTo(reference);
        }
        return reference;
    }

    /** The body fell back to a stackful engine for the expected reason, and still gives the right values. */
    static <T> void fallsBack(Generator.Body<T> body, String reasonPart) {
        assertThat(BytecodeEngine.fallbackReason(body, false)).as("fallback reason").contains(reasonPart);
        Generator<T> g = Generator.of(body, Engine.BYTECODE);
        List<T> got = new ArrayList<>();
        while (g.hasNext()) {
            got.add(g.next());
        }
        assertThat(g.engineName()).isNotEqualTo("bytecode").isEqualTo(Engine.stackful().name().toLowerCase());
        assertThat(got).isEqualTo(Generator.of(body, Engine.PUSH).toList());
    }
}
