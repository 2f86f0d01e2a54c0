package dev.jyield.examples.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jyield.Generator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPipelineTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    private Path writeGzip(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return p;
    }

    @Test
    void genFindExpandsAGlobInNameOrderAndKeepsPlainNames() throws IOException {
        Path b = write("logs/access-log.2", "b\n");
        Path a = write("logs/access-log.1.gz", "");
        Path c = write("logs/access-log", "c\n");
        write("logs/error-log", "x\n");
        write("logs/old/access-log.9", "too deep\n");

        List<Path> found = LogPipeline.genFind(List.of(dir + "/logs/access-log*", "plain.log")).toList();

        assertEquals(List.of(c, a, b, Path.of("plain.log")), found);
    }

    @Test
    void doubleStarCrossesDirectories() throws IOException {
        Path top = write("logs/a.log", "");
        Path deep = write("logs/x/y/b.log", "");
        write("logs/x/y/b.txt", "");

        assertEquals(List.of(top, deep), LogPipeline.genFind(List.of(dir + "/logs/**.log")).toList());
    }

    @Test
    void aGlobThatMatchesNothingYieldsNothing() {
        assertEquals(List.of(), LogPipeline.genFind(List.of(dir + "/nothing-*.log")).toList());
    }

    @Test
    void genCatReadsPlainAndGzipFilesInTurn() throws IOException {
        Path plain = write("access.log", "one\ntwo\n");
        Path gz = writeGzip("access.log.1.gz", "three\r\nfour");
        Path empty = write("empty.log", "");

        Generator<String> lines = LogPipeline.genCat(LogPipeline.genOpen(List.of(plain, gz, empty), n -> { }));

        assertEquals(List.of("one", "two", "three", "four"), lines.toList());
    }

    @Test
    void bytesReadAddUpToTheFileSizesBeforeDecompression() throws IOException {
        Path plain = write("access.log", "one\ntwo\n");
        Path gz = writeGzip("access.log.1.gz", "three\nfour\n".repeat(100));
        long[] read = {0};

        LogPipeline.genCat(LogPipeline.genOpen(List.of(plain, gz), n -> read[0] += n)).count();

        assertEquals(Files.size(plain) + Files.size(gz), read[0]);
    }

    @Test
    void aMissingFileIsReportedByName() throws IOException {
        Path plain = write("access.log", "one\n");
        Path missing = dir.resolve("missing.log");
        Generator<String> lines = LogPipeline.genCat(LogPipeline.genOpen(List.of(plain, missing), n -> { }));

        UncheckedIOException e = assertThrows(UncheckedIOException.class, lines::toList);
        assertEquals("cannot read " + missing + ": no such file", e.getMessage());
    }

    @Test
    void aTruncatedGzipFileIsReportedByName() throws IOException {
        Path gz = writeGzip("access.log.gz", "a line of the log\n".repeat(10_000));
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        LogStats stats = new LogStats();

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LogReport.report(List.of(gz), n -> { }, stats));
        assertTrue(e.getMessage().startsWith("cannot read " + gz + ": "), e.getMessage());
        assertTrue(stats.lines() > 0, "lines before the damage are counted");
    }

    @Test
    void aFileThatIsNotGzipIsReportedByName() throws IOException {
        Path fake = write("access.log.gz", "plain text\n");

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LogPipeline.genCat(LogPipeline.genOpen(List.of(fake), n -> { })).toList());
        assertEquals("cannot read " + fake + ": Not in GZIP format", e.getMessage());
    }

    @Test
    void eachFileIsOpenedOnlyWhenItsLinesAreReached() throws IOException {
        Path first = write("a.log", "one\ntwo\n");
        Path second = dir.resolve("b.log"); // does not exist yet
        Generator<String> lines = LogPipeline.genCat(LogPipeline.genOpen(List.of(first, second), n -> { }));

        assertEquals("one", lines.next());
        assertEquals("two", lines.next());
        Files.writeString(second, "three\n");
        assertEquals("three", lines.next());
        assertEquals(false, lines.hasNext());
    }
}
