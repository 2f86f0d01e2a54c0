package dev.jyield.examples.logs;

import dev.jyield.Generator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * The stages of the log pipeline, after David Beazley's "Generator Tricks for Systems Programmers": each one a
 * small generator over the previous one, so that the whole report runs in one pass and constant memory.
 *
 * {@snippet :
 * Generator<Path> paths = genFind(List.of("logs/access-log*"));      // file names
 * Generator<Generator<String>> files = genOpen(paths, bytes -> {});  // each file's lines, gzip or not
 * Generator<String> lines = genCat(files);                           // one stream of lines
 * parse(lines).forEach(stats);                                       // entries, into the report
 * }
 *
 * <p>Files are read as ISO-8859-1: every byte is one character, so no log line can fail to decode, and a
 * server's non-ASCII bytes come through unchanged (the Python twin reads them the same way).
 */
public final class LogPipeline {
    private static final int GZIP_BUFFER = 64 * 1024;

    private LogPipeline() {}

    /**
     * The files named by {@code patterns}: Python's {@code gen_find}. A pattern with a glob character
     * ({@code * ? [ {}) yields the regular files that match it, in name order, walking directories only as deep as
     * the pattern goes ({@code **} crosses directories); any other pattern is yielded as it is, so that a missing file
     * is reported when it is opened.
     *
     * @param patterns file names and globs such as {@code logs/access-log*}
     * @return a generator of paths
     */
    public static Generator<Path> genFind(Iterable<String> patterns) {
        return Generator.of(y -> {
            for (String pattern : patterns) {
                Glob glob = Glob.of(pattern);
                if (glob == null) {
                    y.yield(Path.of(pattern));
                } else {
                    y.yieldFrom(walk(glob.base(), glob.matcher(), glob.depth()));
                }
            }
        });
    }

    /** The regular files under {@code dir} that match, in name order, down to {@code depth} levels. */
    private static Generator<Path> walk(Path dir, PathMatcher matcher, int depth) {
        return Generator.of(y -> {
            for (Path p : sortedEntries(dir)) {
                if (Files.isDirectory(p)) {
                    if (depth > 1) {
                        y.yieldFrom(walk(p, matcher, depth - 1));
                    }
                } else if (matcher.matches(p) && Files.isRegularFile(p)) {
                    y.yield(p);
                }
            }
        });
    }

    private static List<Path> sortedEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(null);
        return entries;
    }

    /**
     * Each file's lines, opened one after the other: Python's {@code gen_open}. A file is opened only when its
     * lines are first asked for, and closed at its end (or when the pipeline is closed or fails); a name ending in
     * {@code .gz} is decompressed on the way. A file that cannot be opened or read fails the pipeline with an
     * {@link UncheckedIOException} whose message names it.
     *
     * @param paths the files to read
     * @param bytesRead told how many bytes of the file were just read (before decompression): for a progress bar
     * @return a generator of generators of lines
     */
    public static Generator<Generator<String>> genOpen(Iterable<Path> paths, LongConsumer bytesRead) {
        return Generator.of(y -> {
            for (Path path : paths) {
                y.yield(open(path, bytesRead));
            }
        });
    }

    /**
     * The lines of one file, gzip or plain; see {@link #genOpen}.
     *
     * @param path the file
     * @param bytesRead told how many bytes of the file were just read
     * @return a generator of the file's lines, which opens the file when first asked
     */
    public static Generator<String> open(Path path, LongConsumer bytesRead) {
        return Generator.of(y -> {
            Reader reader = reader(path, bytesRead);
            try (Generator<String> lines = Generator.lines(reader)) {
                y.yieldFrom(lines);
            } catch (UncheckedIOException e) {
                throw failure(path, e.getCause());
            }
        });
    }

    private static Reader reader(Path path, LongConsumer bytesRead) {
        InputStream in = null;
        try {
            in = new Counting(Files.newInputStream(path), bytesRead);
            if (path.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, GZIP_BUFFER);
            }
            return new InputStreamReader(in, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            UncheckedIOException failure = failure(path, e);
            if (in != null) {
                try {
                    in.close();
                } catch (IOException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
            throw failure;
        }
    }

    private static UncheckedIOException failure(Path path, IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
        return new UncheckedIOException("cannot read " + path + ": " + why, e);
    }

    /**
     * The lines of every source, one after the other: Python's {@code gen_cat}, a {@code yield from} per source.
     *
     * @param sources the generators to concatenate
     * @param <T> the type of the elements
     * @return a generator of their elements
     */
    public static <T> Generator<T> genCat(Iterable<? extends Generator<? extends T>> sources) {
        return Generator.of(y -> {
            for (Generator<? extends T> source : sources) {
                y.yieldFrom(source);
            }
        });
    }

    /**
     * Parses each line: Python's {@code (parse(line) for line in lines)}.
     *
     * @param lines the lines of the log
     * @return a generator of entries, one per line, malformed lines included
     */
    public static Generator<LogEntry> parse(Generator<String> lines) {
        return lines.map(LogParser::parse);
    }

    /** Counts the bytes read from a file, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer bytesRead;

        Counting(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                bytesRead.accept(n);
            }
            return n;
        }
    }

    /** A glob split into the directory to walk and the pattern to match there. */
    private record Glob(Path base, PathMatcher matcher, int depth) {
        static Glob of(String pattern) {
            if (!hasGlobChar(pattern)) {
                return null;
            }
            String[] names = pattern.split("/", -1);
            int first = 0;
            while (!hasGlobChar(names[first])) {
                first++;
            }
            String base = String.join("/", Arrays.copyOfRange(names, 0, first));
            Path dir = first == 0 ? Path.of("") : Path.of(base.isEmpty() ? "/" : base);
            int depth = pattern.contains("**") ? Integer.MAX_VALUE : names.length - first;
            return new Glob(dir, FileSystems.getDefault().getPathMatcher("glob:" + pattern), depth);
        }

        private static boolean hasGlobChar(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '*' || c == '?' || c == '[' || c == '{') {
                    return true;
                }
            }
            return false;
        }
    }
}
