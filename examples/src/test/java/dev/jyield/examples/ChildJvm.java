package dev.jyield.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jyield.Generator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Runs a program in a JVM of its own, and compiles user code for it, against the jyield jar this build made. */
final class ChildJvm {
    private ChildJvm() {}

    /** This module's test class path, one entry per element. */
    static List<String> classPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    /**
     * The jyield jar, shaded, that this module's tests resolved. Skips the test when the build resolved the library's
     * class folder instead ({@code mvn test}: the reactor packages nothing): only the jar carries the relocated ASM.
     */
    static String library() throws Exception {
        Path location = Path.of(Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), "needs the packaged jyield jar (mvn verify), not " + location);
        return location.toString();
    }

    /** The class path without the jyield jar: the user's code and its other libraries. */
    static List<String> classPathWithoutLibrary() throws Exception {
        String library = library();
        return classPath().stream().filter(e -> !e.equals(library)).toList();
    }

    /** Compiles the Java sources under {@code sources} into {@code classes} for release 21 with {@code options}. */
    static void compile(Path sources, Path classes, String... options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString()));
        args.addAll(List.of(options));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), () -> "javac " + args);
    }

    /** Writes {@code text} to {@code file}, making its folders. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * Runs {@code java} (the JVM running this test) with {@code args} and returns what it printed to standard output;
     * fails unless it exits with 0 within a minute. Standard error (warnings, logs) is not part of the result; a
     * failure message shows it.
     */
    static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(args);
        Path err = Files.createTempFile("jyield-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            String error = Files.readString(err);
            assertEquals(0, p.exitValue(), () -> "exit status of " + command + "\n" + out + error);
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
