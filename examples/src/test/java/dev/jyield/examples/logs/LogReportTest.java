package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jyield.examples.logs.LogStats.Count;
import dev.jyield.examples.logs.LogStats.StatusCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReportTest {
    /** Eleven lines: eight requests and three malformed lines. */
    static final String LOG = """
            10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 1000 "-" "curl/8.5.0"
            10.0.0.2 - - [10/Oct/2024:13:55:37 +0000] "GET /index.html?x=1 HTTP/1.1" 200 1000
            10.0.0.1 - frank [10/Oct/2024:13:55:38 +0000] "GET /about HTTP/1.0" 304 -
            10.0.0.3 - - [10/Oct/2024:13:55:39 +0000] "GET /wp-login.php HTTP/1.1" 404 153 "-" "-"
            10.0.0.3 - - [10/Oct/2024:13:55:40 +0000] "GET /.env HTTP/1.1" 404 153 "-" "-"
            10.0.0.1 - - [10/Oct/2024:13:55:41 +0000] "GET /wp-login.php HTTP/1.1" 404 153 "-" "-"
            10.0.0.2 - - [10/Oct/2024:13:55:42 +0000] "POST /api/cart HTTP/2.0" 500 537 "-" "-"

            10.0.0.4 - - [10/Oct/2024:13:55:43 +0000] "-" 408 0 "-" "-"
            garbage
            10.0.0.1 - - [10/Oct/2024:13:55:44 +0000] "GET /about HTTP/1.1" 200 2500
            """;

    @TempDir
    Path dir;

    private LogStats report(String text) throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), text, StandardCharsets.ISO_8859_1);
        LogStats stats = new LogStats();
        LogReport.report(List.of(log), n -> { }, stats);
        return stats;
    }

    @Test
    void countsEveryFigureOfASmallLog() throws IOException {
        LogStats stats = report(LOG);

        assertEquals(11, stats.lines());
        assertEquals(8, stats.requests());
        assertEquals(5496, stats.bytes());
        assertEquals(3, stats.malformed());
        assertEquals(List.of("", "10.0.0.4 - - [10/Oct/2024:13:55:43 +0000] \"-\" 408 0 \"-\" \"-\"", "garbage"),
                stats.malformedExamples());
        assertEquals(List.of(new StatusCount(200, 3, 4500), new StatusCount(304, 1, 0), new StatusCount(404, 3, 459),
                new StatusCount(500, 1, 537)), stats.byStatus());
        assertEquals(List.of(new Count("/about", 2), new Count("/index.html", 2), new Count("/wp-login.php", 2),
                new Count("/.env", 1), new Count("/api/cart", 1)), stats.topPaths(10));
        assertEquals(List.of(new Count("/about", 2), new Count("/index.html", 2)), stats.topPaths(2));
        assertEquals(List.of(new Count("10.0.0.1", 4), new Count("10.0.0.2", 2), new Count("10.0.0.3", 2)),
                stats.topClients(10));
        assertEquals(3, stats.notFound());
        assertEquals(List.of(new Count("/wp-login.php", 2), new Count("/.env", 1)), stats.topMissing(10));
        assertEquals(5, stats.distinctPaths());
        assertEquals(3, stats.distinctClients());
    }

    @Test
    void summaryListsTheFiguresOnePerLine() throws IOException {
        assertEquals("""
                lines 11
                requests 8
                bytes 5496
                malformed 3
                status 200 3 4500
                status 304 1 0
                status 404 3 459
                status 500 1 537
                path /about 2
                path /index.html 2
                client 10.0.0.1 4
                client 10.0.0.2 2
                missing /wp-login.php 2
                missing /.env 1
                """, report(LOG).summary(2));
    }

    @Test
    void windowsAndOldMacLineEndingsReadAsTheSameLines() throws IOException {
        LogStats unix = report(LOG);
        LogStats mixed = report(LOG.replace("\n", "\r\n").replaceFirst("\r\n", "\r"));
        assertEquals(unix.summary(10), mixed.summary(10));
    }

    @Test
    void printsAnAlignedReport() throws IOException {
        LogStats stats = report(LOG);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ReportPrinter(out, 10).print(List.of(dir.resolve("access.log")), 1000, 0.5, stats);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("  requests                       8"), text);
        assertTrue(text.contains("  bytes served               5,496   (5.5 kB)"), text);
        assertTrue(text.contains("  malformed lines                3\n    e.g. an empty line\n"), text);
        assertTrue(text.contains("     404               3   37.50%                 459"), text);
        assertTrue(text.contains("404 Not Found: 3 requests (37.50%), top 10 missing paths\n"
                + "    1  /wp-login.php            2\n"
                + "    2  /.env                    1\n"), text);
    }
}
