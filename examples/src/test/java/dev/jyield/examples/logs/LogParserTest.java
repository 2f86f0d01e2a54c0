package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jyield.examples.logs.LogEntry.Malformed;
import dev.jyield.examples.logs.LogEntry.Request;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LogParserTest {
    static final String DATE = "[10/Oct/2024:13:55:36 +0000]";

    /** Lines that are requests, beside what they parse to. */
    static final List<Object[]> GOOD = List.of(
            new Object[] {"127.0.0.1 - frank " + DATE + " \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
                new Request("127.0.0.1", "/apache_pb.gif", 200, 2326)},
            new Object[] {"203.0.113.9 - - " + DATE + " \"POST /api/cart HTTP/2.0\" 500 537 \"https://a.example/\" "
                    + "\"Mozilla/5.0 (X11; Linux x86_64)\"", new Request("203.0.113.9", "/api/cart", 500, 537)},
            new Object[] {"10.1.2.3 - - " + DATE + " \"GET /static/site.css HTTP/1.1\" 304 -",
                new Request("10.1.2.3", "/static/site.css", 304, 0)},
            new Object[] {"10.1.2.3 - - " + DATE + " \"GET /search?q=a+b&page=2 HTTP/1.1\" 200 0 \"-\" \"-\"",
                new Request("10.1.2.3", "/search", 200, 0)},
            new Object[] {"2001:db8::1 - - " + DATE + " \"HEAD ?x HTTP/1.1\" 200 12",
                new Request("2001:db8::1", "", 200, 12)},
            new Object[] {"h [x] y " + DATE + " \"GET /caf\u00e9 HTTP/1.1\" 404 999999999999999999 trailing",
                new Request("h", "/caf\u00e9", 404, 999_999_999_999_999_999L)});

    /** Lines that are not requests. */
    static final List<String> MALFORMED = List.of(
            "",
            "garbage",
            "10.0.0.4 - - " + DATE + " \"-\" 408 0 \"-\" \"-\"",
            "10.0.0.4 - - " + DATE + " \"\\x16\\x03\\x01\\x02\\x00\" 400 157 \"-\" \"-\"",
            "10.0.0.4 - - " + DATE + " \"GET /products/12",
            "10.0.0.4 - - " + DATE + " \"GET /\" 200 5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1 extra\" 200 5",
            "10.0.0.4 - - " + DATE + " \"GET  / HTTP/1.1\" 200 5",
            "10.0.0.4 - - " + DATE + " \"GET / \" 200 5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 20 5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 2000 5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 2x0 5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200 ",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200 12x",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200 -5",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200 1234567890123456789",
            "10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\"  200 5",
            "10.0.0.4 - - [] \"GET / HTTP/1.1\" 200 5",
            "10.0.0.4 - - 10/Oct/2024 \"GET / HTTP/1.1\" 200 5",
            "10.0.0.4  - " + DATE + " \"GET / HTTP/1.1\" 200 5",
            " 10.0.0.4 - - " + DATE + " \"GET / HTTP/1.1\" 200 5",
            "10.0.0.4 - - " + DATE + "\"GET / HTTP/1.1\" 200 5");

    @ParameterizedTest
    @FieldSource("GOOD")
    void parsesRequests(String line, Request expected) {
        assertEquals(expected, LogParser.parse(line));
    }

    @ParameterizedTest
    @FieldSource("MALFORMED")
    void keepsMalformedLinesWhole(String line) {
        assertEquals(new Malformed(line), LogParser.parse(line));
    }

    @Test
    void sizeDashIsZeroBytes() {
        Request r = (Request) LogParser.parse("a b c " + DATE + " \"GET / HTTP/1.1\" 304 - \"-\" \"-\"");
        assertEquals(0, r.bytes());
        assertEquals(304, r.status());
    }
}
