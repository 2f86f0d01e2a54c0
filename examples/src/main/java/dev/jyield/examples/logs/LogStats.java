package dev.jyield.examples.logs;

import dev.jyield.examples.logs.LogEntry.Malformed;
import dev.jyield.examples.logs.LogEntry.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The figures of the report, accumulated one entry at a time: the sink at the end of the pipeline.
 *
 * <p>Memory is constant in the number of lines; it grows with the number of distinct clients and paths only.
 */
public final class LogStats implements Consumer<LogEntry> {
    /** How many malformed lines the report quotes. */
    public static final int EXAMPLES = 3;
    private static final int STATUSES = 1000;

    private long requests;
    private long bytes;
    private long malformed;
    private final long[] statusRequests = new long[STATUSES];
    private final long[] statusBytes = new long[STATUSES];
    private final Map<String, Counter> paths = new HashMap<>();
    private final Map<String, Counter> clients = new HashMap<>();
    private final Map<String, Counter> missing = new HashMap<>();
    private final List<String> malformedExamples = new ArrayList<>(EXAMPLES);

    /** A count that is incremented in place, so that a hit on a known key allocates nothing. */
    private static final class Counter {
        long n;
    }

    /**
     * A key and how often it was seen.
     *
     * @param key a path or a client
     * @param count its number of requests
     */
    public record Count(String key, long count) {}

    /**
     * One status and its totals.
     *
     * @param status the HTTP status
     * @param requests its number of requests
     * @param bytes the bytes served with it
     */
    public record StatusCount(int status, long requests, long bytes) {}

    /** Adds one entry of the log. */
    @Override
    public void accept(LogEntry entry) {
        switch (entry) {
            case Request r -> add(r);
            case Malformed m -> addMalformed(m.line());
        }
    }

    private void add(Request r) {
        requests++;
        bytes += r.bytes();
        statusRequests[r.status()]++;
        statusBytes[r.status()] += r.bytes();
        count(paths, r.path());
        count(clients, r.client());
        if (r.status() == 404) {
            count(missing, r.path());
        }
    }

    private void addMalformed(String line) {
        malformed++;
        if (malformedExamples.size() < EXAMPLES) {
            malformedExamples.add(line);
        }
    }

    private static void count(Map<String, Counter> counts, String key) {
        Counter c = counts.get(key);
        if (c == null) {
            c = new Counter();
            counts.put(key, c);
        }
        c.n++;
    }

    /** @return lines seen: requests and malformed lines */
    public long lines() {
        return requests + malformed;
    }

    /** @return well-formed request lines */
    public long requests() {
        return requests;
    }

    /** @return bytes served, the sum of the size field */
    public long bytes() {
        return bytes;
    }

    /** @return lines the parser did not accept */
    public long malformed() {
        return malformed;
    }

    /** @return the first {@value #EXAMPLES} malformed lines, in the order read */
    public List<String> malformedExamples() {
        return List.copyOf(malformedExamples);
    }

    /** @return requests with a 404 status */
    public long notFound() {
        return statusRequests[404];
    }

    /** @return every status seen, in increasing order */
    public List<StatusCount> byStatus() {
        List<StatusCount> out = new ArrayList<>();
        for (int s = 0; s < STATUSES; s++) {
            if (statusRequests[s] > 0) {
                out.add(new StatusCount(s, statusRequests[s], statusBytes[s]));
            }
        }
        return out;
    }

    /**
     * The most requested paths, most first; ties in key order.
     *
     * @param n how many to return at most
     * @return the most requested paths
     */
    public List<Count> topPaths(int n) {
        return top(paths, n);
    }

    /**
     * The clients with the most requests, most first; ties in key order.
     *
     * @param n how many to return at most
     * @return the clients with the most requests
     */
    public List<Count> topClients(int n) {
        return top(clients, n);
    }

    /**
     * The most requested paths among the 404s, most first; ties in key order.
     *
     * @param n how many to return at most
     * @return the most requested paths among the 404s
     */
    public List<Count> topMissing(int n) {
        return top(missing, n);
    }

    /** @return how many distinct paths were requested */
    public int distinctPaths() {
        return paths.size();
    }

    /** @return how many distinct clients were seen */
    public int distinctClients() {
        return clients.size();
    }

    private static List<Count> top(Map<String, Counter> counts, int n) {
        // why: ties are broken by key, so that the Python twin, which sorts the same way, prints the same list.
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue().n))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
                .limit(n)
                .toList();
    }

    /**
     * The figures as plain {@code key value} lines, in the format that {@code log_report.py --summary} prints,
     * so that the two can be compared as text.
     *
     * @param n the length of the top lists
     * @return the summary, one figure per line
     */
    public String summary(int n) {
        StringBuilder sb = new StringBuilder();
        line(sb, "lines", lines());
        line(sb, "requests", requests);
        line(sb, "bytes", bytes);
        line(sb, "malformed", malformed);
        for (StatusCount s : byStatus()) {
            sb.append(String.format(Locale.ROOT, "status %d %d %d\n", s.status(), s.requests(), s.bytes()));
        }
        topPaths(n).forEach(c -> line(sb, "path " + c.key(), c.count()));
        topClients(n).forEach(c -> line(sb, "client " + c.key(), c.count()));
        topMissing(n).forEach(c -> line(sb, "missing " + c.key(), c.count()));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, long value) {
        sb.append(key).append(' ').append(value).append('\n');
    }
}
