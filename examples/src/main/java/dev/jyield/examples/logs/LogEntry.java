package dev.jyield.examples.logs;

/**
 * One line of an access log, as the parser sees it: a {@link Request} or a {@link Malformed} line.
 */
public sealed interface LogEntry {

    /**
     * A request line.
     *
     * @param client the client address (the first field)
     * @param path the request target without its query string
     * @param status the three-digit HTTP status
     * @param bytes the response size; 0 when logged as {@code -}
     */
    record Request(String client, String path, int status, long bytes) implements LogEntry {}

    /**
     * A line the parser does not accept, kept whole so that the report can quote it.
     *
     * @param line the text of the line
     */
    record Malformed(String line) implements LogEntry {}
}
