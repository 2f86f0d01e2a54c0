package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10^8 elements stream through five-stage pipelines in a child JVM with a 32 MB heap: O(1) memory in the length
 * of the sequence, pushed and pulled.
 */
class ConstantMemoryTest {
    static final long N = 100_000_000L;

    /** The child: runs the pipelines and prints their results. */
    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        // Pushed: a body, five stages, a terminal operation; the body runs as a plain call.
        Generator<Long> body = Generator.of(y -> {
            for (long i = 0; i < n; i++) {
                y.yield(i);
            }
        });
        long pushed = body.map(x -> x * 3).filter(x -> x % 2 == 0).enumerate().map(Indexed::value)
                .peek(x -> { }).sumLong(x -> x & 1023);
        System.out.println("pushed " + pushed + " " + body.engineName());
        // Pulled: take stops early, so the stages pull value by value through the generator protocol.
        long pulled = Itertools.count(0).take(n).map(x -> x * 3).filter(x -> x % 2 == 0).pairwise()
                .map(Pair::second).count();
        System.out.println("pulled " + pulled);
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void tenToTheEightElementsThroughFiveStagesIn32Megabytes() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = location(Generator.class) + File.pathSeparator + location(ConstantMemoryTest.class);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", classPath,
                ConstantMemoryTest.class.getName(), Long.toString(N)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("finished in time; output: " + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        long expectedPushed = 0;
        for (long i = 0; i < 2048; i++) {
            // x = 3i is even iff i is even; (3i & 1023) summed over even i < N, with period 2048 in i
            if (i % 2 == 0) {
                expectedPushed += (3 * i) & 1023;
            }
        }
        expectedPushed *= N / 2048;
        for (long i = N / 2048 * 2048; i < N; i++) {
            if (i % 2 == 0) {
                expectedPushed += (3 * i) & 1023;
            }
        }
        assertThat(out).contains("pushed " + expectedPushed + " push");
        assertThat(out).contains("pulled " + (N / 2 - 1));
    }
}
