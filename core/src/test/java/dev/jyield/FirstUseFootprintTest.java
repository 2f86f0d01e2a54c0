package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the first body in a JVM makes the JVM load, in a JVM of its own: the classes its first use needs and no
 * others. Each class loaded or spun there costs a body's first use a fraction of a millisecond to a millisecond;
 * these are the ones it once loaded without needing them. Not a timing test: the list of classes is exact.
 */
class FirstUseFootprintTest {

    /** The child: a typical body (a loop, a try/finally, a delegation, a captured value), drained. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Generator<Object> g = Generator.of(y -> {
            try {
                for (int i = 0; i < n; i++) {
                    y.yield(i);
                }
                y.yieldFrom(List.of("a", "b"));
            } finally {
                System.out.print("");
            }
        });
        List<Object> values = new java.util.ArrayList<>();
        while (g.hasNext()) { // pulled, as a for-each loop does: a terminal operation might push
            values.add(g.next());
        }
        System.out.println(values + " " + g.engine());
    }

    @Test
    void theFirstBodyLoadsNoOperatorNoStackfulEngineAndSpinsNoLambdaOfTheEngine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.txt");
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // why: the test class path, with ASM unshaded before packaging (surefire names it apart from its booter)
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + log, "-cp", classPath,
                FirstUseFootprintTest.class.getName(), "3").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("[0, 1, 2, a, b] bytecode");

        List<String> loaded = Files.readAllLines(log).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0])
                .collect(Collectors.toList());
        assertThat(loaded).contains("dev.jyield.BytecodeEngine", "dev.jyield.internal.StateMachine");
        assertThat(loaded).filteredOn(c -> c.startsWith("dev.jyield.") && !c.contains(".internal.asm.")
                        && !c.startsWith("dev.jyield.FirstUseFootprintTest"))
                .as("operators (Generator's verifier loaded them), the stackful engines, lambdas of jyield's own")
                .noneMatch(c -> c.startsWith("dev.jyield.Stages") || c.startsWith("dev.jyield.Producers")
                        || c.startsWith("dev.jyield.Merges") || c.startsWith("dev.jyield.GroupBy")
                        || c.equals("dev.jyield.ThreadSource") || c.equals("dev.jyield.ContinuationSource")
                        || c.contains("$$Lambda"));
        assertThat(loaded).as("regular expressions, for lack of a hand-written loop")
                .doesNotContain("java.util.regex.Pattern");
    }
}
