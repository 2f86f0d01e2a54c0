package dev.jyield.examples.logs;

import dev.jyield.Generator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A realistic access log in Combined Log Format, made up from a seed: the same seed always gives the same lines.
 *
 * <p>Clients and paths have a skewed popularity (a few take most of the traffic), static files answer 304 now and
 * then, scanners probe for {@code /wp-login.php} and {@code /.env} and get 404s, the odd page fails with a 500, and
 * about one line in 8,000 is malformed the way real logs are (a TLS handshake sent to the HTTP port, a request that
 * timed out before it was sent, a line cut short).
 */
public final class SampleLog {
    /** The seed of the demo's sample. */
    public static final long SEED = 20_240_601L;
    /** One malformed line in this many, on average. */
    static final int MALFORMED_EVERY = 8_000;
    private static final long START = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
    private static final double MEAN_GAP_MILLIS = 50;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.31.0",
    };
    private static final String[] SCANNED = {
        "/wp-login.php", "/.env", "/xmlrpc.php", "/wp-admin/", "/.git/config", "/phpmyadmin/index.php",
        "/admin.php", "/config.json", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/cgi-bin/luci",
        "/actuator/health", "/server-status", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png",
        "/.aws/credentials", "/backup.zip",
    };
    private static final String[] WORDS = {
        "red", "blue", "linen", "oak", "lamp", "chair", "table", "wool", "winter", "summer", "sale", "gift", "desk",
        "rug", "mug", "vase", "garden", "kitchen", "travel", "classic", "modern", "small", "large", "soft",
    };

    private SampleLog() {}

    /** What a path serves, which decides its statuses and sizes. */
    private enum Kind { PAGE, STATIC, API, SEARCH }

    /** A path of the site, with the size of its body when that size never changes (static files). */
    private record Page(String path, Kind kind, int size) {}

    /**
     * The lines of the sample, in order, as long as their total size (with one newline each) stays within
     * {@code maxBytes}.
     *
     * @param seed the seed: the same seed gives the same lines
     * @param maxBytes the size of the file these lines make, at most
     * @return a generator of log lines, without line terminators
     */
    public static Generator<String> lines(long seed, long maxBytes) {
        return Generator.of(y -> {
            Site site = new Site(new SplittableRandom(seed));
            long written = 0;
            while (true) {
                String line = site.nextLine();
                written += line.length() + 1;
                if (written > maxBytes) {
                    return;
                }
                y.yield(line);
            }
        });
    }

    /**
     * The sample of the given size at {@code file}, written (once) if it is not there yet. A complete file is
     * recognised by its size; it is written under a temporary name and renamed at the end, so that an interrupted
     * run leaves no half file behind.
     *
     * @param file where the sample lives
     * @param bytes its size, about (the last line that fits)
     * @param bytesWritten told the size of each line written, once per line: for a progress bar
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path ensure(Path file, long bytes, LongConsumer bytesWritten) {
        try {
            if (isComplete(file, bytes)) {
                return file;
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp");
            try (Writer w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.ISO_8859_1), 1 << 16)) {
                lines(SEED, bytes).forEach(line -> write(w, line, bytesWritten));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code file} is a sample of about {@code bytes} bytes that was written to its end.
     *
     * @param file where the sample lives
     * @param bytes its expected size
     * @return true if it need not be written again
     */
    public static boolean isComplete(Path file, long bytes) {
        try {
            // why: the sample ends with the last line that fits, and no line is longer than this margin.
            return Files.isRegularFile(file) && Files.size(file) <= bytes && Files.size(file) > bytes - 4096;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Writer w, String line, LongConsumer bytesWritten) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytesWritten.accept(line.length() + 1);
    }

    /** The made-up site and its visitors; draws one line at a time. */
    private static final class Site {
        private final SplittableRandom rnd;
        private final String[] clients;
        private final List<Page> pages = new ArrayList<>();
        private final String[] missing;
        private final StringBuilder sb = new StringBuilder(400);
        private long clock = START;
        private long stampSecond = -1;
        private String stamp;

        Site(SplittableRandom rnd) {
            this.rnd = rnd;
            this.clients = clients(20_000);
            buildPages();
            this.missing = missing();
        }

        private String[] clients(int n) {
            String[] out = new String[n];
            // The busiest clients are crawlers from the ranges search engines use.
            for (int i = 0; i < 12; i++) {
                out[i] = (i % 2 == 0 ? "66.249.66." : "40.77.167.") + (10 + rnd.nextInt(200));
            }
            for (int i = 12; i < n; i++) {
                int a = 1 + rnd.nextInt(223);
                if (a == 10 || a == 127) {
                    a++;
                }
                out[i] = a + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
            }
            return out;
        }

        private void buildPages() {
            pages.add(new Page("/", Kind.PAGE, 0));
            pages.add(new Page("/static/css/site.css", Kind.STATIC, 48_213));
            pages.add(new Page("/static/js/app.js", Kind.STATIC, 187_342));
            pages.add(new Page("/favicon.ico", Kind.STATIC, 15_086));
            pages.add(new Page("/products", Kind.PAGE, 0));
            pages.add(new Page("/search", Kind.SEARCH, 0));
            pages.add(new Page("/api/v1/cart", Kind.API, 0));
            pages.add(new Page("/static/js/vendor.js", Kind.STATIC, 412_777));
            pages.add(new Page("/robots.txt", Kind.STATIC, 68));
            pages.add(new Page("/login", Kind.PAGE, 0));
            pages.add(new Page("/checkout", Kind.PAGE, 0));
            pages.add(new Page("/api/v1/items", Kind.API, 0));
            List<Page> rest = new ArrayList<>();
            for (int i = 1; i <= 3000; i++) {
                rest.add(new Page("/products/" + i, Kind.PAGE, 0));
            }
            for (int i = 1; i <= 1200; i++) {
                rest.add(new Page("/images/products/" + i + ".jpg", Kind.STATIC, 20_000 + rnd.nextInt(180_000)));
            }
            for (int i = 0; i < 400; i++) {
                rest.add(new Page("/blog/" + word() + "-" + word() + "-" + i, Kind.PAGE, 0));
            }
            for (int i = rest.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                rest.set(j, rest.set(i, rest.get(j)));
            }
            pages.addAll(rest);
        }

        private String[] missing() {
            List<String> out = new ArrayList<>(List.of(SCANNED));
            for (int i = 1; i <= 300; i++) {
                out.add("/products/" + (3000 + i * 7));
            }
            for (int i = 0; i < 100; i++) {
                out.add("/blog/old/" + word() + "-" + i);
            }
            return out.toArray(String[]::new);
        }

        private String word() {
            return WORDS[rnd.nextInt(WORDS.length)];
        }

        /** An index in [0, n) where small indexes are much more likely: the long tail of web traffic. */
        private int skewed(int n, double power) {
            return (int) (n * Math.pow(rnd.nextDouble(), power));
        }

        String nextLine() {
            clock += (long) (-Math.log(1 - rnd.nextDouble()) * MEAN_GAP_MILLIS);
            if (rnd.nextInt(MALFORMED_EVERY) == 0) {
                return malformed();
            }
            sb.setLength(0);
            String client = clients[skewed(clients.length, 3)];
            sb.append(client).append(" - ").append(rnd.nextInt(50) == 0 ? "alice" : "-").append(" [")
                    .append(stamp()).append("] \"");
            if (rnd.nextDouble() < 0.035) {
                request(rnd.nextInt(10) == 0 ? "HEAD" : "GET", missing[skewed(missing.length, 2)]);
                status(404, 153 + rnd.nextInt(3) * 9);
                return finish("-");
            }
            Page page = pages.get(skewed(pages.size(), 2.5));
            switch (page.kind()) {
                case STATIC -> {
                    request("GET", page.path());
                    if (rnd.nextInt(5) == 0) {
                        status(304, -1);
                    } else {
                        status(200, page.size());
                    }
                }
                case API -> {
                    boolean post = page.path().endsWith("cart") && rnd.nextInt(3) == 0;
                    request(post ? "POST" : "GET", page.path() + (post ? "" : "?page=" + (1 + rnd.nextInt(20))));
                    int r = rnd.nextInt(1000);
                    status(r < 20 ? 401 : r < 25 ? 500 : 200, r < 25 ? 64 : 200 + rnd.nextInt(2800));
                }
                case SEARCH -> {
                    request("GET", page.path() + "?q=" + word() + "+" + word());
                    status(200, 3_000 + rnd.nextInt(40_000));
                }
                case PAGE -> {
                    boolean form = page.path().equals("/login") || page.path().equals("/checkout");
                    request(form && rnd.nextInt(4) == 0 ? "POST" : rnd.nextInt(100) == 0 ? "HEAD" : "GET",
                            page.path());
                    pageStatus();
                }
            }
            return finish(referrer());
        }

        private void pageStatus() {
            int r = rnd.nextInt(1000);
            if (r < 3) {
                status(500, 537);
            } else if (r < 5) {
                status(503, 197);
            } else if (r < 25) {
                status(302, 154);
            } else if (r < 35) {
                status(301, 178);
            } else {
                status(200, (int) Math.min(400_000, Math.exp(9 + 0.6 * rnd.nextDouble() * 2 - 0.6)));
            }
        }

        private void request(String method, String target) {
            int r = rnd.nextInt(100);
            String protocol = r < 75 ? "HTTP/1.1" : r < 98 ? "HTTP/2.0" : "HTTP/1.0";
            sb.append(method).append(' ').append(target).append(' ').append(protocol).append("\" ");
        }

        private void status(int status, int size) {
            sb.append(status).append(' ');
            if (size < 0) {
                sb.append('-');
            } else {
                sb.append(size);
            }
        }

        private String referrer() {
            int r = rnd.nextInt(100);
            if (r < 35) {
                return "-";
            } else if (r < 47) {
                return "https://www.google.com/";
            } else if (r < 50) {
                return "https://www.bing.com/";
            }
            return "https://shop.example.com" + pages.get(skewed(pages.size(), 2.5)).path();
        }

        private String finish(String referrer) {
            sb.append(" \"").append(referrer).append("\" \"").append(AGENTS[rnd.nextInt(AGENTS.length)]).append('"');
            return sb.toString();
        }

        private String stamp() {
            long second = clock / 1000;
            if (second != stampSecond) {
                stampSecond = second;
                stamp = STAMP.format(Instant.ofEpochSecond(second));
            }
            return stamp;
        }

        /** Lines that real servers write and that are not requests. */
        private String malformed() {
            String client = clients[skewed(clients.length, 3)];
            return switch (rnd.nextInt(4)) {
                case 0 -> client + " - - [" + stamp() + "] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\"";
                case 1 -> client + " - - [" + stamp() + "] \"-\" 408 0 \"-\" \"-\"";
                case 2 -> client + " - - [" + stamp() + "] \"GET /products/" + rnd.nextInt(3000);
                default -> "";
            };
        }
    }
}
