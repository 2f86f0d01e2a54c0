package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python twin, bench/python/log_report.py, prints the same figures as the Java report (skipped without python3). */
class PythonTwinTest {
    private static final Path SCRIPT = Path.of("..", "bench", "python", "log_report.py");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(Files.isRegularFile(SCRIPT), "the script is at " + SCRIPT.toAbsolutePath());
        assumeTrue(pythonRuns(), "python3 is not installed");
    }

    private static boolean pythonRuns() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String python(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), "--summary"));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out;
    }

    private static String java(List<Path> files) {
        LogStats stats = new LogStats();
        LogReport.report(files, n -> { }, stats);
        return stats.summary(10);
    }

    @Test
    void sameFiguresOnTheSample() throws IOException, InterruptedException {
        Path sample = SampleLog.ensure(dir.resolve("sample.log"), 3_000_000, n -> { });
        assertEquals(java(List.of(sample)), python(List.of(sample)));
    }

    @Test
    void sameFiguresOnTrickyLinesAcrossPlainAndGzipFiles() throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (Object[] good : LogParserTest.GOOD) {
            text.append(good[0]).append('\n');
        }
        LogParserTest.MALFORMED.forEach(line -> text.append(line).append("\r\n"));
        text.append(LogReportTest.LOG.replace("\n", "\r"));
        text.append("10.0.0.9 - - [x] \"GET /\u00ff\u00e9\u0080 HTTP/1.1\" 200 7");  // no final newline
        Path plain = Files.writeString(dir.resolve("tricky.log"), text, StandardCharsets.ISO_8859_1);
        Path gz = dir.resolve("tricky.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        List<Path> files = List.of(plain, gz);

        String java = java(files);
        assertEquals(java, python(files));
        assertEquals("malformed " + 2 * (LogParserTest.MALFORMED.size() + 3), java.lines().toList().get(3));
    }
}
