package dev.jyield.examples.logs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with rate and ETA, redrawn in place on a terminal at most five times a second.
 * It is told the bytes as they are read; the line count comes from whoever counts lines.
 */
final class Progress implements LongConsumer {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final String label;
    private final long totalBytes;
    private final LongSupplier lines;
    private final long start = System.nanoTime();
    private long bytes;
    private long lastDraw = start;
    private boolean drawn;

    /**
     * @param out where to draw (standard error)
     * @param label what is being done, such as "reading"
     * @param totalBytes the expected total, for the percentage and the ETA
     * @param lines the lines done so far
     */
    Progress(PrintStream out, String label, long totalBytes, LongSupplier lines) {
        this.out = out;
        this.label = label;
        this.totalBytes = totalBytes;
        this.lines = lines;
    }

    /** A progress that draws nothing, for runs whose standard error is not a terminal. */
    static LongConsumer none() {
        return n -> { };
    }

    /** Adds {@code n} bytes done; redraws if the last drawing is old enough. */
    @Override
    public void accept(long n) {
        bytes += n;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    /** Clears the bar, if one was drawn, so that the report starts on a clean line. */
    void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }

    private void draw(long now) {
        double seconds = (now - start) / 1e9;
        double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : 0;
        int filled = (int) (fraction * WIDTH);
        double mbPerSecond = bytes / 1e6 / seconds;
        double eta = mbPerSecond > 0 ? (totalBytes - bytes) / 1e6 / mbPerSecond : 0;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %5.1f%%  %,.0f / %,.0f MB  %.1f MB/s  %,.0f lines/s  ETA %s ",
                label, "#".repeat(filled), "-".repeat(WIDTH - filled), fraction * 100, bytes / 1e6, totalBytes / 1e6,
                mbPerSecond, lines.getAsLong() / seconds, clock(eta)));
        out.flush();
        drawn = true;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
