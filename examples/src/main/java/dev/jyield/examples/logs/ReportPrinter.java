package dev.jyield.examples.logs;

import dev.jyield.examples.logs.LogStats.Count;
import dev.jyield.examples.logs.LogStats.StatusCount;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints the report as aligned tables. */
final class ReportPrinter {
    private static final int MAX_KEY = 56;
    private static final int MAX_QUOTE = 100;

    private final PrintStream out;
    private final int top;

    ReportPrinter(PrintStream out, int top) {
        this.out = out;
        this.top = top;
    }

    void print(List<Path> files, long totalBytes, double seconds, LogStats stats) {
        String what = files.size() == 1 ? files.get(0).toString() : files.size() + " files";
        out.printf(Locale.ROOT, "Access log report: %s (%s)%n%n", what, size(totalBytes));
        row("lines read", stats.lines(), String.format(Locale.ROOT, "in %.2f s: %,.0f lines/s, %.1f MB/s",
                seconds, stats.lines() / seconds, totalBytes / 1e6 / seconds));
        row("requests", stats.requests(), "");
        row("bytes served", stats.bytes(), "(" + size(stats.bytes()) + ")");
        row("malformed lines", stats.malformed(), "");
        for (String line : stats.malformedExamples()) {
            out.println(line.isEmpty() ? "    e.g. an empty line" : "    e.g. \"" + quote(line) + "\"");
        }
        out.println();
        statuses(stats);
        counts(String.format(Locale.ROOT, "top %d paths (of %,d)", top, stats.distinctPaths()), stats.topPaths(top));
        counts(String.format(Locale.ROOT, "top %d clients (of %,d)", top, stats.distinctClients()),
                stats.topClients(top));
        counts(String.format(Locale.ROOT, "404 Not Found: %,d requests (%s), top %d missing paths", stats.notFound(),
                percent(stats.notFound(), stats.requests()), top), stats.topMissing(top));
    }

    private void row(String label, long value, String note) {
        out.println(String.format(Locale.ROOT, "  %-16s %,15d   %s", label, value, note).stripTrailing());
    }

    private void statuses(LogStats stats) {
        out.printf(Locale.ROOT, "  %-6s %15s %8s %19s%n", "status", "requests", "share", "bytes");
        for (StatusCount s : stats.byStatus()) {
            out.printf(Locale.ROOT, "  %6d %,15d %8s %,19d%n", s.status(), s.requests(),
                    percent(s.requests(), stats.requests()), s.bytes());
        }
        out.println();
    }

    private void counts(String title, List<Count> counts) {
        int width = 8;
        for (Count c : counts) {
            width = Math.max(width, Math.min(MAX_KEY, c.key().length()));
        }
        out.printf(Locale.ROOT, "  %s%n", title);
        int rank = 1;
        for (Count c : counts) {
            out.printf(Locale.ROOT, "  %3d  %-" + width + "s %,12d%n", rank++, clip(c.key()), c.count());
        }
        out.println();
    }

    private static String clip(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY - 3) + "...";
    }

    private static String quote(String line) {
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE - 3) + "...";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    /** A size in decimal units, as disks and network rates are counted. */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
