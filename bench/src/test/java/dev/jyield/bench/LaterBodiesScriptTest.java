package dev.jyield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code later_bodies.py} writes, compiles and runs its bodies against the core jar of this build, and prints the
 * first body apart and a median per window of the others (here five bodies in two classes, windows of two), as
 * elapsed time or, with {@code --cpu}, as the main thread's CPU time.
 * Skipped where there is no {@code python3}.
 */
class LaterBodiesScriptTest {
    @BeforeAll
    static void needsPython() throws Exception {
        ChartScriptTest.assumePython();
    }

    @Test
    void everyBodyRunsAndEachWindowHasItsMedian() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChartScriptTest.Run r = ChartScriptTest.run("python3", "later_bodies.py", "--bodies", "5", "--per-class", "3",
                "--window", "2", "--java", java);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("body 1 (loads the engine): ", "bodies 2-3: median ", "bodies 4-5: median ");
    }

    @Test
    void withCpuItPrintsTheMainThreadsCpuTime() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChartScriptTest.Run r = ChartScriptTest.run("python3", "later_bodies.py", "--bodies", "3", "--per-class", "3",
                "--window", "2", "--java", java, "--cpu");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("body 1 \\(loads the engine\\): [0-9.]+ ms CPU")
                .containsPattern("bodies 2-3: median [0-9.]+ ms CPU, fastest ");
    }
}
