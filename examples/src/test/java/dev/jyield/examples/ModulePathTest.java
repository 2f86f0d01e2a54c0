package dev.jyield.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jyield as a named module (module path), with user code on the class path: the tour prints exactly what it prints
 * with everything on the class path, and the bytecode engine runs there too.
 */
class ModulePathTest {

    @Test
    void theTourPrintsTheSameAsANamedModule() throws Exception {
        String onClassPath = ChildJvm.run(classPathArgs(Tour.class.getName()));
        assertEquals(onClassPath, ChildJvm.run(modulePathArgs(false, Tour.class.getName())));
        assertEquals(onClassPath, ChildJvm.run(modulePathArgs(true, Tour.class.getName())));
    }

    @Test
    void theBytecodeEngineRunsOnTheModulePath() throws Exception {
        ChildJvm.library(); // skips unless on the shaded jar: the class folder would find only ASM 9.2 here
        String expected = "0 Generator[SUSPENDED, bytecode]\nfinally\n[1, 4]\n[1, 2, 3]\n";
        assertEquals(expected, ChildJvm.run(classPathArgs(EngineProbe.class.getName())));
        // The body's class is in the unnamed module, which dev.jyield may read and whose packages are open: the
        // engine defines its state machine there, with or without the continuation export.
        assertEquals(expected, ChildJvm.run(modulePathArgs(true, EngineProbe.class.getName())));
        assertEquals(expected, ChildJvm.run(modulePathArgs(false, EngineProbe.class.getName())));
    }

    private static List<String> classPathArgs(String mainClass) {
        return List.of("-cp", System.getProperty("java.class.path"), mainClass);
    }

    /** The jyield jar alone on the module path (it carries its ASM); this module's classes on the class path. */
    private static List<String> modulePathArgs(boolean exportContinuation, String mainClass) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--module-path", ChildJvm.library(),
                "--add-modules", "dev.jyield",
                "-cp", String.join(File.pathSeparator, ChildJvm.classPathWithoutLibrary()),
                mainClass));
        if (exportContinuation) {
            args.add(0, "--add-exports=java.base/jdk.internal.vm=dev.jyield");
        }
        return args;
    }
}
