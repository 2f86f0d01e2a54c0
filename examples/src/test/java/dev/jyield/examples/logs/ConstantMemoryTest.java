package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads a log many times larger than its heap: it holds no line longer than it takes to count it. */
class ConstantMemoryTest {
    @TempDir
    Path dir;

    @Test
    void reportsOnA40MegabyteLogInA16MegabyteHeap() throws IOException, InterruptedException {
        Path sample = dir.resolve("sample.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                LogReport.class.getName(), "--sample-mb", "40", "--sample-file", sample.toString(), "--no-progress",
                "--summary")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);

        LogStats stats = new LogStats();
        LogReport.report(List.of(sample), n -> { }, stats);
        assertTrue(stats.lines() > 150_000, "lines " + stats.lines());
        assertTrue(out.endsWith(stats.summary(10)), out);
    }
}
