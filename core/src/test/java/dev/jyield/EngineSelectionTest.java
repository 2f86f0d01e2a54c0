package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Which engine runs a body. This class also runs in a JVM without
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}, where the continuation engine must step aside.
 */
class EngineSelectionTest {
    private static final boolean EXPORTED = !Boolean.getBoolean("jyield.test.noContinuation");

    @Test
    void theContinuationEngineIsDetectedFromTheExport() {
        assertThat(ContinuationSource.AVAILABLE).isEqualTo(EXPORTED);
        if (!EXPORTED) {
            assertThat(ContinuationSource.UNAVAILABLE_REASON).isNotBlank();
        }
    }

    @Test
    void theAutomaticChoicePullsWithTheFastestEngineThatCanRun() {
        Generator<Integer> g = Generator.of(y -> y.yield(1));
        assertThat(g.engineName()).isEqualTo("push");
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.engineName()).isNotEqualTo("push");
        if (!EXPORTED) {
            assertThat(g.engineName()).isNotEqualTo("continuation");
        }
        // still correct, whichever engine it is
        assertThat(g.hasNext()).isFalse();
    }

    @Test
    void forcingAnUnavailableContinuationEngineFailsWithTheFixAndLeavesTheGeneratorStartable() {
        Assumptions.assumeFalse(EXPORTED);
        Generator<Integer> g = Generator.of(y -> y.yield(1), Engine.CONTINUATION);
        assertThatThrownBy(g::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
    }

    @Test
    void theEnginePropertyIsValidated() {
        assertThat(Engine.fromProperty(null)).isEqualTo(Engine.AUTO);
        assertThat(Engine.fromProperty(" Thread ")).isEqualTo(Engine.THREAD);
        assertThatThrownBy(() -> Engine.fromProperty("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jyield.engine must be one of auto, push, bytecode, continuation, thread but was: fast");
    }

    /** The child of {@link #aMisspelledEnginePropertyFailsAtEachUseWithTheValidNames}. */
    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try {
                Generator.of(y -> y.yield(1)).toList();
                System.out.println("ran");
            } catch (Throwable t) {
                System.out.println(t);
            }
        }
    }

    @Test
    void aMisspelledEnginePropertyFailsAtEachUseWithTheValidNames() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = location(Generator.class) + File.pathSeparator + location(EngineSelectionTest.class);
        Process p = new ProcessBuilder(java, "-Djyield.engine=bytcode", "-cp", classPath,
                EngineSelectionTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String expected = "java.lang.IllegalArgumentException: jyield.engine must be one of "
                + "auto, push, bytecode, continuation, thread but was: bytcode";
        assertThat(out.lines()).as(out).containsExactly(expected, expected);
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static final AtomicReference<Yielder<Integer>> CLINIT_YIELDER = new AtomicReference<>();

    /** Its static initializer yields: class initialization is a native frame, which pins a continuation. */
    static final class YieldsWhileInitializing {
        static final Object VALUE = CLINIT_YIELDER.get().yield(1);

        static void touch() {}
    }

    @Test
    void aYieldThatPinsTheContinuationFailsWithAMessageThatNamesTheFix() {
        Assumptions.assumeTrue(EXPORTED);
        Generator<Object> g = Generator.of(y -> {
            CLINIT_YIELDER.set((Yielder<Integer>) (Yielder<?>) y);
            try {
                YieldsWhileInitializing.touch();
            } catch (ExceptionInInitializerError e) {
                y.yield(e.getCause().getMessage());
            }
        }, Engine.CONTINUATION);
        assertThat((String) g.next())
                .contains("pinned")
                .contains("-Djyield.engine=thread");
    }
}
