package dev.jyield.examples.logs;

import dev.jyield.Generator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The demo: a report on web-server access logs, computed by a pipeline of generators in one pass and constant
 * memory, after David Beazley's "Generator Tricks for Systems Programmers".
 *
 * <pre>
 * java dev.jyield.examples.logs.LogReport [options] [FILE|GLOB ...]
 *
 *   FILE|GLOB        access logs in Common or Combined Log Format, plain or .gz; a quoted glob such as
 *                    'logs/access-log*' is expanded here. With none, a sample log is made (once) and read.
 *   --sample-mb N    the size of the sample log (default 300)
 *   --sample-file F  where the sample log lives (default target/sample-access-&lt;N&gt;mb.log)
 *   --top N          the length of the top lists (default 10)
 *   --progress       draw the progress bar even when standard error is not a terminal
 *   --no-progress    never draw it
 *   --summary        print the figures as "key value" lines (the format of log_report.py --summary)
 * </pre>
 */
public final class LogReport {
    private static final int DEFAULT_SAMPLE_MB = 300;
    private static final int DEFAULT_TOP = 10;

    private LogReport() {}

    /** The command line, parsed. */
    private record Options(List<String> inputs, int sampleMb, Path sampleFile, int top, Boolean progress,
                           boolean summary) {}

    /**
     * Runs the report; exits with status 1 on an I/O error (the message names the file) and 2 on a bad argument.
     *
     * @param args options and log files; see the class comment
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("logreport: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        try {
            run(options, System.out, System.err);
        } catch (UncheckedIOException e) {
            System.err.println("logreport: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String usage() {
        return """
                usage: logreport [--sample-mb N] [--sample-file F] [--top N] [--progress|--no-progress] [--summary]
                                 [FILE|GLOB ...]""";
    }

    private static Options parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        int sampleMb = DEFAULT_SAMPLE_MB;
        Path sampleFile = null;
        int top = DEFAULT_TOP;
        Boolean progress = null;
        boolean summary = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--sample-mb" -> sampleMb = positive(a, value(args, ++i, a));
                case "--sample-file" -> sampleFile = Path.of(value(args, ++i, a));
                case "--top" -> top = positive(a, value(args, ++i, a));
                case "--progress" -> progress = true;
                case "--no-progress" -> progress = false;
                case "--summary" -> summary = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option: " + a);
                    }
                    inputs.add(a);
                }
            }
        }
        if (sampleFile == null) {
            sampleFile = Path.of("target", "sample-access-" + sampleMb + "mb.log");
        }
        return new Options(inputs, sampleMb, sampleFile, top, progress, summary);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException(option + " must be a positive integer but was: " + value);
    }

    private static void run(Options options, PrintStream out, PrintStream err) {
        boolean progress = options.progress() != null ? options.progress() : System.console() != null;
        List<Path> files;
        if (options.inputs().isEmpty()) {
            files = List.of(sample(options, progress, err));
        } else {
            // why: the names are listed up front, so that the progress bar knows the total size for its ETA.
            files = LogPipeline.genFind(options.inputs()).toList();
            if (files.isEmpty()) {
                String names = String.join(" ", options.inputs());
                throw new UncheckedIOException("no file matches " + names, new NoSuchFileException(names));
            }
        }
        long totalBytes = totalSize(files);

        LogStats stats = new LogStats();
        Progress bar = new Progress(err, "reading", totalBytes, stats::lines);
        long start = System.nanoTime();
        try {
            report(files, progress ? bar : Progress.none(), stats);
        } finally {
            bar.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        if (options.summary()) {
            out.print(stats.summary(options.top()));
        } else {
            new ReportPrinter(out, options.top()).print(files, totalBytes, seconds, stats);
        }
    }

    /**
     * The pipeline of the report: open, concatenate, parse, count. A terminal operation consumes the
     * unstarted chain, so every line is pushed through it as plain calls, with no suspension.
     *
     * @param files the logs to read
     * @param bytesRead told of the bytes read, for a progress bar
     * @param stats where the figures go
     */
    public static void report(Iterable<Path> files, LongConsumer bytesRead, LogStats stats) {
        Generator<Generator<String>> opened = LogPipeline.genOpen(files, bytesRead);
        Generator<String> lines = LogPipeline.genCat(opened);
        try (Generator<LogEntry> entries = LogPipeline.parse(lines)) {
            entries.forEach(stats);
        }
    }

    private static Path sample(Options options, boolean progress, PrintStream err) {
        Path file = options.sampleFile();
        long bytes = options.sampleMb() * 1_000_000L;
        if (!SampleLog.isComplete(file, bytes)) {
            err.printf(Locale.ROOT, "logreport: writing a %d MB sample log to %s (once)%n", options.sampleMb(),
                    file.toAbsolutePath().normalize());
            long[] lines = {0};
            Progress bar = new Progress(err, "writing", bytes, () -> lines[0]);
            SampleLog.ensure(file, bytes, n -> {
                lines[0]++; // called once per line
                if (progress) {
                    bar.accept(n);
                }
            });
            bar.finish();
        }
        return file;
    }

    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // why: a file that cannot be sized is reported, with its name, when the pipeline opens it.
            }
        }
        return total;
    }
}
