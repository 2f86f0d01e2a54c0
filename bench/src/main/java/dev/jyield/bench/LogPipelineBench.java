package dev.jyield.bench;

import dev.jyield.examples.logs.LogEntry;
import dev.jyield.examples.logs.LogParser;
import dev.jyield.examples.logs.LogPipeline;
import dev.jyield.examples.logs.LogReport;
import dev.jyield.examples.logs.LogStats;
import dev.jyield.examples.logs.SampleLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The demo's log report over a 50 MB sample log, beside a hand-written {@code BufferedReader} loop and a
 * {@code Files.lines} stream that do the same parse and count, in one run. ms per file; the file's line count is
 * printed at setup, to turn it into ns per line.
 *
 * <p>The JVM is the demo's: a 64 MB heap and the serial collector. The file is {@code target/logbench-50mb.log}
 * (made once; {@code -Dlogbench.file=...} to choose another). Time {@code python3 bench/python/log_report.py FILE}
 * on the same file for the CPython twin.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Xmx64m", "-XX:+UseSerialGC", GeneratorBench.EXPORT})
@State(Scope.Benchmark)
public class LogPipelineBench {
    static final long BYTES = 50_000_000;

    private Path file;

    @Setup(Level.Trial)
    public void makeTheLog() throws IOException {
        file = Path.of(System.getProperty("logbench.file", "target/logbench-50mb.log"));
        SampleLog.ensure(file, BYTES, n -> { });
        LogStats stats = handLoop();
        System.out.printf("%n%s: %,d bytes, %,d lines%n", file, Files.size(file), stats.lines());
    }

    /** The demo's pipeline: genOpen, genCat, parse, pushed into the counts by a terminal operation. */
    @Benchmark
    public LogStats generatorPipeline() {
        LogStats stats = new LogStats();
        LogReport.report(List.of(file), n -> { }, stats);
        return stats;
    }

    /** The same pipeline consumed by a for-each: every line pulled through genCat's delegation. */
    @Benchmark
    public LogStats generatorPipelinePulled() {
        LogStats stats = new LogStats();
        for (LogEntry e : LogPipeline.parse(LogPipeline.genCat(LogPipeline.genOpen(List.of(file), n -> { })))) {
            stats.accept(e);
        }
        return stats;
    }

    /** What one writes without generators: a reader loop with the same parse and counts. */
    @Benchmark
    public LogStats handLoop() throws IOException {
        LogStats stats = new LogStats();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                stats.accept(LogParser.parse(line));
            }
        }
        return stats;
    }

    /** The JDK's stream twin. */
    @Benchmark
    public LogStats filesLinesStream() throws IOException {
        LogStats stats = new LogStats();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            lines.map(LogParser::parse).forEach(stats);
        }
        return stats;
    }
}
