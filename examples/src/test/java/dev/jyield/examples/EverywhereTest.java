package dev.jyield.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode engine runs where real programs run, each case in a JVM of its own against the shaded jyield jar: a
 * named module, a plugin class loader, and another ASM ahead of jyield on the class path. A generator names its
 * engine last in {@code toString()}.
 */
class EverywhereTest {
    /** What {@link #userCode} prints on the bytecode engine. */
    private static final String ON_BYTECODE = "0 Generator[SUSPENDED, bytecode]\n[1, 4]\n";

    @TempDir
    Path dir;

    @Test
    void aModuleThatOpensItsPackageToJyieldRunsOnTheBytecodeEngine() throws Exception {
        assertEquals(ON_BYTECODE, runModule("module app { requires dev.jyield; opens app to dev.jyield; }"));
    }

    @Test
    void anOpenModuleRunsOnTheBytecodeEngine() throws Exception {
        assertEquals(ON_BYTECODE, runModule("open module app { requires dev.jyield; }"));
    }

    @Test
    void aModuleThatKeepsItsPackageClosedYieldsTheSameValuesOnAnotherEngine() throws Exception {
        // why: jyield cannot look into a package that is not open to it, so no engine may rewrite the body there.
        String out = runModule("module app { requires dev.jyield; }");
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].startsWith("0 Generator[SUSPENDED, "), out);
        assertFalse(lines[0].endsWith(", bytecode]"), out);
        assertEquals("[1, 4]", lines[1], out);
    }

    @Test
    void aBodyInAChildClassLoaderRunsOnTheBytecodeEngine() throws Exception {
        Path plugin = dir.resolve("plugin-classes");
        ChildJvm.write(dir.resolve("plugin-src/plugin/Main.java"), userCode("plugin"));
        ChildJvm.compile(dir.resolve("plugin-src"), plugin, "-cp", ChildJvm.library());
        // The test class path has jyield and the host, not the plugin: only the child loader finds plugin.Main.
        assertEquals(ON_BYTECODE, ChildJvm.run(List.of("-cp", System.getProperty("java.class.path"),
                ChildLoaderProbe.class.getName(), plugin.toString(), "plugin.Main")));
    }

    @Test
    void anOlderAsmAheadOfJyieldOnTheClassPathDoesNotReachTheEngine() throws Exception {
        // ASM 9.2 reads class files up to Java 18; these are 21's. jyield rewrites with the ASM inside its jar.
        List<String> ahead = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : ChildJvm.classPath()) {
            (Path.of(entry).getFileName().toString().matches("asm(-tree|-analysis)?-9\\.2\\.jar") ? ahead : rest)
                    .add(entry);
        }
        assertEquals(3, ahead.size(), "ASM 9.2 on the test class path: " + ChildJvm.classPath());
        ahead.addAll(rest);
        ChildJvm.library(); // the shaded jar, not the library's class folder
        assertEquals("0 Generator[SUSPENDED, bytecode]\nfinally\n[1, 4]\n[1, 2, 3]\n", ChildJvm.run(List.of(
                "-cp", String.join(File.pathSeparator, ahead), EngineProbe.class.getName())));
    }

    /** Compiles module app ({@code descriptor}; {@link #userCode} in package app), runs it, returns what it printed. */
    private String runModule(String descriptor) throws Exception {
        Path sources = dir.resolve("app-src");
        Path classes = dir.resolve("app-classes");
        ChildJvm.write(sources.resolve("module-info.java"), descriptor);
        ChildJvm.write(sources.resolve("app/Main.java"), userCode("app"));
        ChildJvm.compile(sources, classes, "--module-path", ChildJvm.library());
        return ChildJvm.run(List.of("--module-path", ChildJvm.library() + File.pathSeparator + classes,
                "--module", "app/app.Main"));
    }

    /** A user's class {@code pkg.Main}: pulls one value of a lambda body, prints it, the generator, the rest. */
    private static String userCode(String pkg) {
        return """
                package %s;

                import dev.jyield.Generator;

                public final class Main {
                    public static void main(String[] args) {
                        int n = 3;
                        Generator<Integer> g = Generator.of(y -> {
                            for (int i = 0; i < n; i++) {
                                y.yield(i * i);
                            }
                        });
                        System.out.println(g.next() + " " + g);
                        System.out.println(g.toList());
                    }
                }
                """.formatted(pkg);
    }
}
