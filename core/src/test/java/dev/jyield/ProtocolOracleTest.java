package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython as the oracle of the protocol: every sequence of up to five calls of next, send, throwIn and close on a
 * few generator shapes ({@link ProtocolShapes}), replayed on every pull engine and compared call by call with what
 * CPython answered to the same sequence (results, exceptions, states, the body's own effects, then the closing at
 * the end). Where {@link ProtocolModelTest} compares the engines with each other, this catches a rule that the
 * shared driver gets wrong on all of them.
 *
 * <p>The transcripts are checked in ({@code src/test/resources/dev/jyield/protocol-transcripts.txt}); this test only
 * reads them. To regenerate them after changing a shape (in ProtocolShapes and in the script alike), run from the
 * repository root: {@code python3 core/src/test/python/protocol_transcripts.py}. One of the recorded behaviours, as
 * CPython 3.11 shows it (the delegate's return value resumes the delegating body):
 * <pre>
 * >>> g = delegates()
 * >>> next(g)
 * 'sub1'
 * >>> g.send("s2")
 * 'sub got s2'
 * >>> next(g)
 * sub finally
 * 'outer got subret'
 * </pre>
 * Python's exceptions map onto jyield's: {@code StopIteration} is {@link NoSuchElementException} (its value is
 * {@link Generator#returnValue()}), {@code ValueError} is the {@link IllegalArgumentException} thrown in, and the
 * {@code RuntimeError}, {@code TypeError} and {@code AttributeError} of misuse are {@link IllegalStateException}s.
 */
class ProtocolOracleTest {
    private static final String TRANSCRIPTS = "protocol-transcripts.txt";

    static Stream<Engine> engines() {
        return Engines.pull();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everySequenceOfCallsAnswersAsCPythonDoes(Engine engine) throws IOException {
        List<String> lines = transcripts();
        assertThat(lines).hasSizeGreaterThan(1000);
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            Generator<Object> g = ProtocolShapes.SHAPES.get(f[0]).apply(engine);
            // why: a body that silently fell back to another engine would not test this one.
            assertThat(g.engineName()).isEqualTo(engine.name().toLowerCase(Locale.ROOT));
            assertThat(replay(g, f[1].split(" ")))
                    .as("shape %s on %s, calls [%s]", f[0], engine, f[1])
                    .isEqualTo(f[2]);
        }
    }

    private static List<String> transcripts() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ProtocolOracleTest.class.getResourceAsStream(TRANSCRIPTS);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** Runs the calls and formats each answer as the script does. */
    private static String replay(Generator<Object> g, String[] ops) {
        ProtocolShapes.Log.ENTRIES.clear();
        List<String> steps = new ArrayList<>();
        int n = 0;
        for (String op : ops) {
            n++;
            int logged = ProtocolShapes.Log.ENTRIES.size();
            String result = outcome(g, op, n);
            steps.add(op + " -> " + result + after(g, logged));
        }
        for (int i = 0; i < 3 && g.state() != Generator.State.CLOSED; i++) {
            int logged = ProtocolShapes.Log.ENTRIES.size();
            steps.add("final close -> " + outcome(g, "close", 0) + after(g, logged));
        }
        return String.join(" ; ", steps);
    }

    private static String outcome(Generator<Object> g, String op, int n) {
        boolean wasClosed = g.state() == Generator.State.CLOSED;
        try {
            return switch (op) {
                case "next" -> "yield " + g.next();
                case "send" -> "yield " + g.send("s" + n);
                case "throw" -> "yield " + g.throwIn(new IllegalArgumentException("t" + n));
                case "close" -> {
                    g.close();
                    yield "closed";
                }
                default -> throw new AssertionError(op);
            };
        } catch (NoSuchElementException ex) {
            return wasClosed ? "stop" : "stop ret=" + g.returnValue();
        } catch (IllegalArgumentException ex) {
            return "raise arg:" + ex.getMessage();
        } catch (IllegalStateException ex) {
            String m = String.valueOf(ex.getMessage());
            if (m.equals("generator ignored GeneratorExit")) {
                return "error ignored-exit";
            }
            if (m.startsWith("can't send non-null value to a just-started generator")) {
                return "error send-unstarted";
            }
            if (m.contains("a plain iterator cannot receive sent values")) {
                return "error send-to-iterator";
            }
            return "unexpected " + ex;
        } catch (RuntimeException | Error ex) {
            return "unexpected " + ex;
        }
    }

    private static String after(Generator<Object> g, int logged) {
        List<String> added = ProtocolShapes.Log.ENTRIES.subList(logged, ProtocolShapes.Log.ENTRIES.size());
        return " [" + g.state() + "]" + (added.isEmpty() ? "" : " log=" + added);
    }
}
