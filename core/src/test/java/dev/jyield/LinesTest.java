package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Generator#lines}: lazy, and the file is closed on every way out. */
class LinesTest {
    @TempDir
    Path dir;

    /** A reader that records whether it was closed and how many chars were read, and can fail on demand. */
    static final class Probe extends Reader {
        private final Reader in;
        boolean closed;
        long read;
        long failAfter = Long.MAX_VALUE;

        Probe(String text) {
            this.in = new StringReader(text);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (read >= failAfter) {
                throw new IOException("disk on fire");
            }
            int n = in.read(buf, off, (int) Math.min(len, Math.max(1, failAfter - read)));
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** How many of this JVM's open file descriptors point at {@code file} (Linux), or -1 if unknown. */
    private static long openHandles(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        Path real = file.toRealPath();
        try (Stream<Path> s = Files.list(fds)) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            }).count();
        }
    }

    private Path file(int lines) throws IOException {
        Path f = dir.resolve("log.txt");
        try (Writer w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < lines; i++) {
                w.write("line " + i + " \u00e9\n");
            }
        }
        return f;
    }

    @Test
    void readsAFileAndClosesItOnExhaustion() throws IOException {
        Path f = file(3);
        assumeTrue(openHandles(f) == 0);
        Generator<String> g = Generator.lines(f);
        assertThat(openHandles(f)).as("not opened before the first request").isZero();
        assertThat(g.next()).isEqualTo("line 0 \u00e9");
        assertThat(openHandles(f)).isEqualTo(1);
        assertThat(g.toList()).containsExactly("line 1 \u00e9", "line 2 \u00e9");
        assertThat(openHandles(f)).isZero();
        // pushed through a chain
        assertThat(Generator.lines(f, StandardCharsets.UTF_8).map(String::length).toList()).containsExactly(8, 8, 8);
        assertThat(openHandles(f)).isZero();
    }

    @Test
    void closingADerivedGeneratorClosesTheFile() throws IOException {
        Path f = file(10);
        assumeTrue(openHandles(f) == 0);
        try (Generator<Integer> lengths = Generator.lines(f).filter(l -> !l.isEmpty()).map(String::length)) {
            assertThat(lengths.next()).isEqualTo(8);
            assertThat(openHandles(f)).isEqualTo(1);
        }
        assertThat(openHandles(f)).isZero();
        // take(n) reaching its own end does not close the file (Python: islice leaves the source usable)...
        Generator<String> g = Generator.lines(f);
        assertThat(g.take(2).toList()).hasSize(2);
        assertThat(openHandles(f)).isEqualTo(1);
        assertThat(g.next()).isEqualTo("line 2 \u00e9");
        g.close();
        assertThat(openHandles(f)).isZero();
    }

    @Test
    void aReaderIsClosedOnExhaustionOnCloseAndOnFailure() {
        Probe done = new Probe("a\nb\n");
        assertThat(Generator.lines(done).toList()).containsExactly("a", "b");
        assertThat(done.closed).isTrue();

        Probe closed = new Probe("a\nb\n");
        Generator<String> derived = Generator.lines(closed).map(String::toUpperCase);
        assertThat(derived.next()).isEqualTo("A");
        derived.close();
        assertThat(closed.closed).isTrue();

        Probe failing = new Probe("a\nb\nc\n".repeat(10_000));
        failing.failAfter = 10;
        Generator<String> g = Generator.lines(failing);
        assertThatThrownBy(g::toList).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk on fire");
        assertThat(failing.closed).isTrue();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);

        Probe downstream = new Probe("a\nb\n");
        Generator<String> boom = Generator.lines(downstream).map(s -> {
            throw new IllegalStateException("bad line " + s);
        });
        assertThatThrownBy(boom::next).hasMessage("bad line a");
        assertThat(downstream.closed).isTrue();

        Probe pushedBoom = new Probe("a\nb\n");
        assertThatThrownBy(() -> Generator.lines(pushedBoom).forEach(s -> {
            throw new IllegalStateException("consumer failed");
        })).hasMessage("consumer failed");
        assertThat(pushedBoom.closed).isTrue();
    }

    @Test
    void aMissingFileFailsAtTheFirstRequestAndAnUnstartedOneIsNeverOpened() {
        Path missing = dir.resolve("missing.txt");
        Generator<String> g = Generator.lines(missing);
        assertThatThrownBy(g::next).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
        Generator.lines(missing).close(); // never opened: nothing to fail
    }

    @Test
    void readsAMultiMegabyteSourceLazily() throws IOException {
        String big = "0123456789012345678901234567890123456789012345678901234567890123456789\n".repeat(60_000);
        Probe probe = new Probe(big); // about 4 MB
        Generator<String> g = Generator.lines(probe);
        assertThat(g.take(3).toList()).hasSize(3);
        assertThat(probe.read).as("chars read for three lines").isLessThanOrEqualTo(16 * 1024);
        assertThat(g.count()).isEqualTo(60_000 - 3);
        assertThat(probe.closed).isTrue();

        Path f = file(300_000); // about 4 MB on disk
        assertThat(Files.size(f)).isGreaterThan(3_000_000);
        assertThat(Generator.lines(f).filter(l -> l.endsWith("7 \u00e9")).count()).isEqualTo(30_000);
        assertThat(openHandles(f)).isIn(0L, -1L);
    }

    @Test
    void anAbandonedLinesGeneratorClosesItsReader() throws InterruptedException {
        java.util.List<Probe> probes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Probe p = new Probe("a\nb\nc\n");
            probes.add(p);
            Generator<String> g = Generator.lines(p).map(String::trim);
            assertThat(g.next()).isEqualTo("a");
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (probes.stream().anyMatch(p -> !p.closed) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(probes).allMatch(p -> p.closed, "closed by the cleaner");
    }
}
