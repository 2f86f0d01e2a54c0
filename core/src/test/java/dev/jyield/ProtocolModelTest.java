package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sequence of up to five protocol calls (next, hasNext, send, throwIn, close) on the bodies of
 * {@link ProtocolShapes}, run on every pull engine: the transcripts (results, exceptions, states, the body's own
 * effects) must be identical. An engine cannot drift from another without one of these sequences showing it;
 * {@link ProtocolOracleTest} compares them all with CPython.
 */
class ProtocolModelTest {
    private static final int MAX_LENGTH = 5;
    private static final String[] OPS = {"next", "hasNext", "send", "throwIn", "close"};

    @Test
    void everyEngineGivesTheSameTranscriptForEverySequenceOfCalls() {
        List<Engine> engines = Engines.pullAndDefault().toList();
        org.junit.jupiter.api.Assumptions.assumeTrue(engines.size() >= 2, "needs two engines to compare");
        int compared = 0;
        for (var body : ProtocolShapes.SHAPES.entrySet()) {
            for (int length = 1; length <= MAX_LENGTH; length++) {
                int total = (int) Math.pow(OPS.length, length);
                for (int code = 0; code < total; code++) {
                    int[] ops = decode(code, length);
                    String reference = null;
                    for (Engine e : engines) {
                        String transcript = run(body.getValue().apply(e), ops);
                        if (reference == null) {
                            reference = transcript;
                        } else {
                            assertThat(transcript)
                                    .as("body %s on %s, calls %s", body.getKey(), e, describe(ops))
                                    .isEqualTo(reference);
                        }
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    private static int[] decode(int code, int length) {
        int[] ops = new int[length];
        for (int i = 0; i < length; i++) {
            ops[i] = code % OPS.length;
            code /= OPS.length;
        }
        return ops;
    }

    private static String describe(int[] ops) {
        List<String> names = new ArrayList<>();
        for (int op : ops) {
            names.add(OPS[op]);
        }
        return names.toString();
    }

    private static String run(Generator<Object> g, int[] ops) {
        ProtocolShapes.Log.ENTRIES.clear();
        StringBuilder out = new StringBuilder();
        int step = 0;
        for (int op : ops) {
            step++;
            out.append(OPS[op]).append(" -> ");
            try {
                Object result = switch (op) {
                    case 0 -> g.next();
                    case 1 -> g.hasNext();
                    case 2 -> g.send("s" + step);
                    case 3 -> g.throwIn(new IllegalArgumentException("t" + step));
                    default -> {
                        g.close();
                        yield "closed";
                    }
                };
                out.append(result);
            } catch (RuntimeException | Error ex) {
                out.append(ex.getClass().getSimpleName()).append('(').append(ex.getMessage()).append(')');
            }
            out.append(" [").append(g.state()).append(", ret=").append(g.returnValue())
                    .append(", log=").append(ProtocolShapes.Log.ENTRIES).append("]\n");
        }
        for (int i = 0; i < 3 && g.state() != Generator.State.CLOSED; i++) {
            try {
                g.close();
            } catch (RuntimeException ex) {
                out.append("final close -> ").append(ex.getMessage()).append('\n');
            }
        }
        out.append("final close [").append(g.state()).append(", log=").append(ProtocolShapes.Log.ENTRIES).append("]");
        return out.toString();
    }
}
