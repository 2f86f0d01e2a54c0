package dev.jyield.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jyield.Generator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jyield as a named module (module path), with user code on the class path: the tour prints exactly what it prints
 * with everything on the class path, and each engine the module can use answers for itself.
 */
class ModulePathTest {

    @Test
    void theTourPrintsTheSameAsANamedModule() throws Exception {
        String onClassPath = run(classPathArgs(), Tour.class.getName());
        assertEquals(onClassPath, run(modulePathArgs(false), Tour.class.getName()));
        assertEquals(onClassPath, run(modulePathArgs(true), Tour.class.getName()));
    }

    @Test
    void eachEngineAnswersOnTheModulePath() throws Exception {
        // The bytecode engine defines its state machine in the body's package with a lookup that needs only package
        // access: on the class path, and from jyield as a named module alike, with or without the continuation export.
        String expected = "0 Generator[SUSPENDED, bytecode]\nfinally\n[1, 4]\n[1, 2, 3]\n";
        assertEquals(expected, run(classPathArgs(), EngineProbe.class.getName()));
        assertEquals(expected, run(modulePathArgs(true), EngineProbe.class.getName()));
        assertEquals(expected, run(modulePathArgs(false), EngineProbe.class.getName()));
    }

    private static List<String> classPathArgs() {
        return List.of("-cp", System.getProperty("java.class.path"));
    }

    /** The library and ASM on the module path; this module's classes (the user's code) on the class path. */
    private static List<String> modulePathArgs(boolean exportContinuation) throws Exception {
        List<String> modules = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        String library = location(Generator.class);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.equals(library) || entry.contains("asm")) {
                modules.add(entry);
            } else {
                classes.add(entry);
            }
        }
        List<String> args = new ArrayList<>(List.of(
                "--module-path", String.join(File.pathSeparator, modules),
                "--add-modules", "dev.jyield",
                "-cp", String.join(File.pathSeparator, classes)));
        if (exportContinuation) {
            args.add(0, "--add-exports=java.base/jdk.internal.vm=dev.jyield");
        }
        return args;
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String run(List<String> jvmArgs, String mainClass) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add(mainClass);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        assertEquals(0, p.exitValue(), () -> "exit status of " + command + "\n" + out);
        return out;
    }
}
