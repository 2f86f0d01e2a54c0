package dev.jyield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each {@link IdiomsBench} body yields what its baseline yields, so the run compares like with like. */
class IdiomsBenchTest {
    private final IdiomsBench bench = new IdiomsBench();

    IdiomsBenchTest() {
        bench.setUp();
    }

    @Test
    void theIdiomsYieldWhatTheirBaselinesYield() {
        long plain = bench.plainForLoop();
        assertThat(plain).isEqualTo((long) IdiomsBench.N * (IdiomsBench.N - 1) / 2);
        assertThat(bench.iterableForEachMethodReference()).isEqualTo(plain);
        assertThat(bench.iterableForEachLambda()).isEqualTo(2 * plain);
        assertThat(bench.staticHelperInAnotherClass()).isEqualTo(2 * plain);
        assertThat(bench.mapForEachLambda()).isEqualTo(bench.plainForLoopOverEntries()).isEqualTo(2 * plain);
        assertThat(bench.treeWalkRecursiveHelper()).isEqualTo(bench.treeWalkYieldFrom()).isEqualTo(plain);
    }
}
