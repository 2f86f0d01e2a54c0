package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantics of yieldFrom chains several levels deep, against CPython. */
class DeepDelegationTest {

    static Generator<Integer> g(int n, List<Integer> log) {
        return Generator.of(y -> {
            try {
                if (n == 0) {
                    y.yield(1);
                    y.yield(2);
                } else {
                    y.yieldFrom(g(n - 1, log));
                }
            } finally {
                log.add(n);
            }
        });
    }

    /**
     * Close reaches the innermost level first; each level's finally runs from the inside out.
     * <pre>
     * >>> def g(n, log):
     * ...     try:
     * ...         if n == 0:
     * ...             yield 1; yield 2
     * ...         else:
     * ...             yield from g(n-1, log)
     * ...     finally:
     * ...         log.append(n)
     * >>> log=[]; x=g(3,log); print(next(x)); x.close(); print(log)
     * 1
     * [0, 1, 2, 3]
     * </pre>
     */
    @Test
    void closeRunsEveryFinallyFromTheInsideOut() {
        List<Integer> log = new ArrayList<>();
        Generator<Integer> x = g(3, log);
        assertThat(x.next()).isEqualTo(1);
        x.close();
        assertThat(log).containsExactly(0, 1, 2, 3);
    }
}
