package dev.jyield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pairs.py --from} reads the forks of a run, round by round, and prints each case's ratio to Kotlin as the
 * median over the rounds. The sample: three complete rounds of {@code three} whose medians are 20.5/25.5, 30.5/25.5
 * and 22.5/20.5 ns (each fork has one iteration ten times slower, which the median leaves out), and a fourth round
 * whose first fork is still running (JMH has created its file, empty). Skipped where there is no {@code python3}.
 */
class PairsScriptTest {
    @BeforeAll
    static void needsPython() throws Exception {
        ChartScriptTest.assumePython();
    }

    @Test
    void theRatioIsTheMedianOverTheCompleteRounds() throws Exception {
        ChartScriptTest.Run r = ChartScriptTest.run("python3", "pairs.py", "--from", "src/test/resources/pairs");
        assertThat(r.exit()).as(r.err()).isZero();
        // ratios 0.804, 1.196 and 1.098: median 1.10, 1 of 3 at or under the target of 1.0
        assertThat(r.out()).contains("| three | 22.5 | 25.5 | 1.10x | 0.80–1.20x | 3 | ≤ 1.0x, met in 1 of 3 |");
        // the cases with no complete round are left out of the table, each with a note
        assertThat(r.out()).doesNotContain("| single |", "| mapFilter |", "| tree |");
        assertThat(r.err()).contains("no complete round of single", "no complete round of tree");
    }

    @Test
    void againstABaselineJarTheRatioIsTheChangesWithNoTarget() throws Exception {
        // one round of single: jyield 3.0 ns from the jar measured, 4.0 from the baseline jar
        ChartScriptTest.Run r = ChartScriptTest.run("python3", "pairs.py", "--from",
                "src/test/resources/pairs-baseline", "--case", "single");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| case | jyield (ns) | baseline (ns) |",
                "| single | 3.00 | 4.00 | 0.75x | 0.75–0.75x | 1 | (a change, no target) |");
    }
}
