package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jyield.examples.logs.LogStats.StatusCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameLines() {
        List<String> first = SampleLog.lines(7, 100_000).toList();
        assertEquals(first, SampleLog.lines(7, 100_000).toList());
        assertTrue(!first.equals(SampleLog.lines(8, 100_000).toList()));
    }

    @Test
    void linesFillTheBudgetWithoutPassingIt() {
        long size = SampleLog.lines(7, 100_000).sumLong(line -> line.length() + 1);
        assertTrue(size <= 100_000 && size > 100_000 - 4096, "size " + size);
    }

    @Test
    void theSampleLooksLikeARealLog() throws IOException {
        Path file = SampleLog.ensure(dir.resolve("sample.log"), 5_000_000, n -> { });
        LogStats stats = new LogStats();
        LogReport.report(List.of(file), n -> { }, stats);

        assertTrue(stats.lines() > 20_000, "lines " + stats.lines());
        List<Integer> statuses = stats.byStatus().stream().map(StatusCount::status).toList();
        assertTrue(statuses.containsAll(List.of(200, 301, 302, 304, 404, 500, 503)), statuses.toString());
        double notFound = (double) stats.notFound() / stats.requests();
        assertTrue(notFound > 0.02 && notFound < 0.05, "404 share " + notFound);
        assertTrue(stats.malformed() > 0 && stats.malformed() < stats.lines() / 1000, "malformed " + stats.malformed());
        assertEquals("/", stats.topPaths(1).get(0).key());
        assertEquals("/wp-login.php", stats.topMissing(1).get(0).key());
        // Skewed: the ten busiest clients send a good share of the traffic.
        long top10 = stats.topClients(10).stream().mapToLong(LogStats.Count::count).sum();
        assertTrue(top10 > stats.requests() / 20, "top 10 clients " + top10);
    }

    @Test
    void aCompleteSampleIsReused() throws IOException {
        Path file = SampleLog.ensure(dir.resolve("sample.log"), 200_000, n -> { });
        long[] written = {0};
        SampleLog.ensure(file, 200_000, n -> written[0] += n);
        assertEquals(0, written[0]);

        Files.writeString(file, "cut short\n");
        SampleLog.ensure(file, 200_000, n -> written[0] += n);
        assertEquals(Files.size(file), written[0]);
        assertTrue(!Files.exists(dir.resolve("sample.log.tmp")));
    }
}
