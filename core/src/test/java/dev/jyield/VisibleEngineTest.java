package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jyield.fixture.PluginBodies;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode engine in plain sight: its state machines are ordinary classes named after the body, with the
 * body's file and lines in stack traces; it runs in child class loaders and lets them go; and when it cannot run
 * a body it says so once, at WARNING, or fails in strict mode.
 */
class VisibleEngineTest {

    private static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/jyield/VisibleEngineTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker) && !lines.get(i).contains("lineOf(")) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    @Test
    void aStateMachineIsAnOrdinaryClassInTheBodysPackageNamedAfterIt() throws Exception {
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw new IllegalStateException("boom"); // marker: throws in the body
        });
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.engineName()).isEqualTo("bytecode");
        IllegalStateException e = null;
        try {
            g.next();
        } catch (IllegalStateException thrown) {
            e = thrown;
        }
        assertThat(e).hasMessage("boom");
        StackTraceElement top = e.getStackTrace()[0];
        assertThat(top.getClassName()).startsWith(VisibleEngineTest.class.getName() + "$$Jyield$lambda$");
        assertThat(top.getFileName()).isEqualTo("VisibleEngineTest.java");
        assertThat(top.getLineNumber()).isEqualTo(lineOf("marker: throws in the body"));
        Class<?> machine = Class.forName(top.getClassName(), false, getClass().getClassLoader());
        assertThat(machine.isHidden()).isFalse();
        assertThat(machine.getPackageName()).isEqualTo(getClass().getPackageName());
        assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName))
                .as("the consumer's frames are below the body's")
                .contains("aStateMachineIsAnOrdinaryClassInTheBodysPackageNamedAfterIt");
    }

    @Test
    void twoThreadsRacingOnANewBodyDefineItsMachineOnce() throws Exception {
        Generator.Body<Integer> body = y -> {
            y.yield(7);
            y.yield(8);
        };
        List<Thread> threads = new ArrayList<>();
        List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Generator<Integer> g = Generator.of(body);
                results.add(g.next() + " " + g.engineName() + " " + g.toList());
            }));
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(results).hasSize(8).containsOnly("7 bytecode [8]");
    }

    // ---------------------------------------------------------------------------------------- class loaders

    /** Loads the fixture package itself (child first) and every other class through its parent: a plugin's. */
    private static class ChildFirst extends URLClassLoader {
        ChildFirst(String name, URL... urls) {
            super(name, urls, VisibleEngineTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.jyield.fixture.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }

    /**
     * A child-first loader for the fixture package over the test's own class files, defined with no code source:
     * the engine reads their class files through the loader.
     */
    private static ClassLoader pluginLoader() {
        ClassLoader parent = VisibleEngineTest.class.getClassLoader();
        return new ChildFirst("plugin") {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] b = in.readAllBytes();
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }

            @Override
            public URL getResource(String name) {
                return parent.getResource(name);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> Generator<T> call(ClassLoader loader, String method, Object... args) throws Exception {
        Class<?> c = loader.loadClass(PluginBodies.class.getName());
        assertThat(c.getClassLoader()).isSameAs(loader);
        for (var m : c.getMethods()) {
            if (m.getName().equals(method)) {
                return (Generator<T>) m.invoke(null, args);
            }
        }
        throw new AssertionError(method);
    }

    @Test
    void aBodyInAChildClassLoaderRunsAsAStateMachineWithItsPrivateMembers() throws Exception {
        ClassLoader plugin = pluginLoader();
        Generator<Integer> g = call(plugin, "counting", 3);
        assertThat(g.next()).isEqualTo(100);
        assertThat(g.toString()).endsWith(", bytecode]");
        assertThat(g.toList()).containsExactly(101, 102);
        Generator<Object> n = call(plugin, "nested");
        assertThat(n.next()).isEqualTo(List.of(100, 200, 300));
        assertThat(n.engineName()).isEqualTo("bytecode");
        assertThat(n.next()).isEqualTo(101);
        assertThat(n.next()).as("the inner generator runs as a state machine too").isEqualTo(
                "Generator[SUSPENDED, bytecode]");
        assertThat(n.toList()).containsExactly(102);
    }

    /**
     * A body in a class loaded from a jar (its class file read straight from the jar, see
     * BytecodeEngine.fromCodeSource) and from a multi-release jar, whose base entries here are not class files at
     * all: the class file read is the one this JVM loaded.
     */
    @Test
    void aBodyInAJarOrAMultiReleaseJarRunsAsAStateMachine(@TempDir Path dir) throws Exception {
        for (boolean multiRelease : new boolean[] {false, true}) {
            try (URLClassLoader plugin = jarLoader(fixtureJar(dir, multiRelease))) {
                Generator<Integer> g = call(plugin, "counting", 3);
                assertThat(g.next()).isEqualTo(100);
                assertThat(g.engineName()).as("multi-release: " + multiRelease).isEqualTo("bytecode");
                assertThat(g.toList()).containsExactly(101, 102);
            }
        }
    }

    /** A child-first loader for the fixture package over one jar: a plugin shipped as a jar. */
    private static URLClassLoader jarLoader(Path jar) throws IOException {
        return new ChildFirst("plugin-jar", jar.toUri().toURL());
    }

    /**
     * A jar of the fixture package's class files; a multi-release one has them under META-INF/versions/21 and
     * three bytes, no class file, at the base entries that a JVM of 21 or newer does not read.
     */
    private static Path fixtureJar(Path dir, boolean multiRelease) throws IOException {
        Path jar = dir.resolve(multiRelease ? "plugin-mr.jar" : "plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : List.of("PluginBodies", "PluginBodies$Point")) {
                String entry = "dev/jyield/fixture/" + name + ".class";
                byte[] bytes;
                try (InputStream in = VisibleEngineTest.class.getClassLoader().getResourceAsStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (multiRelease) {
                    out.putNextEntry(new JarEntry(entry));
                    out.write(new byte[] {1, 2, 3});
                    out.closeEntry();
                    entry = "META-INF/versions/21/" + entry;
                }
                out.putNextEntry(new JarEntry(entry));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aChildClassLoaderIsCollectableAfterItsBodiesRan() throws Exception {
        WeakReference<ClassLoader> ref = useAndDrop();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(ref.get()).as("the plugin's class loader after GC").isNull();
    }

    private static WeakReference<ClassLoader> useAndDrop() throws Exception {
        ClassLoader plugin = pluginLoader();
        Generator<Integer> g = call(plugin, "counting", 3);
        assertThat(g.next()).isEqualTo(100);
        assertThat(g.engineName()).isEqualTo("bytecode");
        g.close();
        Generator<Object> n = call(plugin, "nested");
        assertThat(n.toList()).hasSize(4);
        return new WeakReference<>(plugin);
    }

    // ------------------------------------------------------------------------------------ loud fallbacks

    /** Records what the {@code dev.jyield} logger says (System.Logger goes to java.util.logging by default). */
    private static final class Recorder extends Handler implements AutoCloseable {
        final List<LogRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Logger logger = Logger.getLogger("dev.jyield");

        Recorder() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        Stream<String> warnings() {
            return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage);
        }
    }

    @Test
    void aBodyThatFallsBackSaysSoOnceAtWarningWithTheReasonAndTheFix() {
        Generator.Body<Integer> body = y -> {
            Runnable twice = () -> {
                y.yield(10);
                y.yield(20);
            };
            twice.run();
        };
        try (Recorder log = new Recorder()) {
            assertThat(Generator.of(body).next()).isEqualTo(10);
            assertThat(Generator.of(body).toList()).containsExactly(10, 20); // push: no fallback, no warning
            Generator<Integer> again = Generator.of(body);
            assertThat(again.next()).isEqualTo(10);
            assertThat(again.engineName()).isIn("continuation", "thread");
            assertThat(log.warnings().toList()).singleElement().asString()
                    .contains("VisibleEngineTest")
                    .contains("times slower")
                    .contains("captured by a lambda")
                    .contains("Fix: ")
                    .contains("-Djyield.strict=true");
        }
    }

    @Test
    void aGeneratorSaysWhichEngineRunsItAndWhyTheBytecodeEngineSteppedAside() {
        Generator<Integer> plain = Generator.of(y -> y.yield(1));
        assertThat(plain.engine()).isEqualTo("push when a terminal operation consumes it from its start, else bytecode");
        plain.next();
        assertThat(plain.engine()).isEqualTo("bytecode");
        assertThat(Generator.of(y -> y.yield(1)).map(x -> x).engine()).isEqualTo("operator");

        Generator.Body<Integer> escaping = y -> {
            Runnable once = () -> y.yield(1);
            once.run();
        };
        try (Recorder log = new Recorder()) {
            Generator<Integer> unstarted = Generator.of(escaping);
            assertThat(unstarted.engine())
                    .startsWith("push when a terminal operation consumes it from its start, else ")
                    .contains("; not bytecode because the Yielder escapes at line ")
                    .contains("captured by a lambda")
                    .contains("Fix: ");
            Generator<Integer> pulled = Generator.of(escaping);
            pulled.next();
            assertThat(pulled.engine()).matches("(continuation|thread); not bytecode because .*captured by a lambda.*Fix: .*");
            assertThat(pulled.engine()).startsWith(pulled.engineName());
        }
        Generator<Integer> forced = Generator.of(y -> y.yield(1), Engine.THREAD);
        forced.next();
        assertThat(forced.engine()).isEqualTo("thread");
    }

    @Test
    void strictModeFailsTheFirstPullOfABodyThatWouldFallBackAndLeavesItStartable() {
        Generator.Body<Integer> body = y -> {
            Runnable once = () -> y.yield(1);
            once.run();
        };
        BytecodeEngine.strict = true;
        try {
            Generator<Integer> g = Generator.of(body);
            assertThatThrownBy(g::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("captured by a lambda")
                    .hasMessageContaining("-Djyield.strict=true");
            assertThat(g.state()).isEqualTo(Generator.State.CREATED);
            assertThat(Generator.of(body).toList()).as("push needs no state machine").containsExactly(1);
            assertThat(Generator.of(body, Engine.THREAD).toList()).as("a forced engine is the user's choice")
                    .containsExactly(1);
        } finally {
            BytecodeEngine.strict = false;
        }
    }

    @Test
    void aStateMachineTheVerifierRefusesNeverRunsTheBodyFallsBackAndLosesNothing() {
        Generator.Body<String> body = y -> {
            y.yield("a");
            y.yield("b");
        };
        BytecodeEngine.corruptNextForTest = true;
        try (Recorder log = new Recorder()) {
            Generator<String> g = Generator.of(body);
            assertThat(g.next()).isEqualTo("a");
            assertThat(g.toList()).containsExactly("b");
            assertThat(g.engineName()).isIn("continuation", "thread");
            assertThat(BytecodeEngine.fallbackReason(body, false)).contains("the JVM refused the rewritten class")
                    .contains("VerifyError");
            assertThat(log.warnings().toList()).singleElement().asString().contains("the JVM refused");
        } finally {
            BytecodeEngine.corruptNextForTest = false;
        }
    }

    private static Generator.Body<String> capturing(String word, int base) {
        return y -> {
            y.yield(word + base);
            y.yield(word + (base + 1));
        };
    }

    @Test
    void whereALambdasFieldsCannotBeReadItsCapturesComeThroughItsDescription() {
        BytecodeEngine.describeEachBodyForTest = true;
        try {
            Generator<String> g = Generator.of(capturing("x", 40), Engine.BYTECODE);
            assertThat(g.next()).isEqualTo("x40");
            assertThat(g.engineName()).isEqualTo("bytecode");
            assertThat(g.toList()).containsExactly("x41");
            // a second body of the same lambda, with its own captures, on the same plan
            assertThat(Generator.of(capturing("y", 7), Engine.BYTECODE).toList()).containsExactly("y7", "y8");
            // a method reference's receiver is checked from the description too
            BytecodeCorpusTest.Walker plain = new BytecodeCorpusTest.Walker();
            BytecodeCorpusTest.Walker loud = new BytecodeCorpusTest.LoudWalker();
            for (BytecodeCorpusTest.Walker w : List.of(plain, loud)) {
                Generator<String> h = Generator.of(w::walk, Engine.BYTECODE);
                assertThat(h.toList()).containsExactly(w == plain ? "walker" : "LOUD");
                if (w == plain) {
                    assertThat(h.engineName()).isEqualTo("bytecode");
                } else {
                    assertThat(h.engineName()).isNotEqualTo("bytecode");
                }
            }
        } finally {
            BytecodeEngine.describeEachBodyForTest = false;
        }
    }

    @Test
    void jyieldDumpWritesEachGeneratedClassForJavap(@TempDir Path dir) throws Exception {
        System.setProperty("jyield.dump", dir.toString());
        try {
            Generator<Integer> g = Generator.of(y -> y.yield(5));
            assertThat(g.next()).isEqualTo(5);
        } finally {
            System.clearProperty("jyield.dump");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
            assertThat(names).singleElement().asString()
                    .startsWith("dev/jyield/VisibleEngineTest$$Jyield$lambda$")
                    .endsWith(".class");
        }
    }
}
