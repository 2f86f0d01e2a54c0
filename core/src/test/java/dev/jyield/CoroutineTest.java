package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed coroutines (Python's {@code Generator[Y, S, R]}): written and driven without casts, on every engine, and
 * rewritten as state machines by the bytecode engine. The Python sessions quoted below ran on CPython 3.11.
 */
class CoroutineTest {

    static Stream<Engine> engines() {
        return Engines.pull();
    }

    static Stream<Engine> allEngines() {
        return Engines.all();
    }

    /** A coroutine on engine {@code e}; on the bytecode engine it must run as a state machine (no fallback). */
    static <Y, S, R> Coroutine<Y, S, R> co(Coroutine.Body<Y, S, R> body, Engine e) {
        Coroutine<Y, S, R> c = Coroutine.of(body, e);
        if (e == Engine.BYTECODE) {
            assertThat(c.engineName()).isEqualTo("bytecode");
        }
        return c;
    }

    // ---------------------------------------------------------------------------------- the running average

    /** The README's running average, typed: {@code y.yield} returns the Double sent. */
    static Coroutine<Double, Double, Void> averager(Engine e) {
        return co(y -> {
            double total = 0;
            int count = 0;
            Double average = null;
            while (true) {
                double value = y.yield(average);
                total += value;
                average = total / ++count;
            }
        }, e);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromANullCoroutineNamesTheArgumentOnEveryEngine(Engine e) {
        // >>> def g():
        // ...     yield from None
        // >>> next(g())
        // TypeError: 'NoneType' object is not iterable      (jyield: NullPointerException("sub"), as Channel says)
        Coroutine<Integer, Object, Object> none = null;
        Coroutine<Integer, Object, Object> c = co(y -> y.yieldFrom(none), e);
        assertThatThrownBy(c::next).isInstanceOf(NullPointerException.class).hasMessage("sub");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void runningAverageWithoutCasts(Engine e) {
        // >>> def averager() -> Generator[float, float, None]:
        // ...     total = 0.0; count = 0; average = None
        // ...     while True:
        // ...         value = yield average
        // ...         total += value; count += 1
        // ...         average = total / count
        // >>> a = averager()
        // >>> next(a), a.send(10.0), a.send(30.0), a.send(5.0)
        // (None, 10.0, 20.0, 15.0)
        // >>> a.close(); inspect.getgeneratorstate(a)
        // 'GEN_CLOSED'
        Coroutine<Double, Double, Void> a = averager(e);
        Double first = a.next();
        assertThat(first).isNull();
        assertThat(a.send(10.0)).isEqualTo(10.0);
        assertThat(a.send(30.0)).isEqualTo(20.0);
        assertThat(a.send(5.0)).isEqualTo(15.0);
        a.close();
        assertThat(a.state()).isEqualTo(Generator.State.CLOSED);
    }

    // -------------------------------------------------------------------------- typed yieldFrom, returnValue

    /** Python's summer(): sums what it is sent, returns the total when sent None. */
    static Coroutine<Integer, Integer, Integer> summer(Engine e) {
        return co(y -> {
            int total = 0;
            while (true) {
                Integer x = y.yield(total);
                if (x == null) {
                    return total;
                }
                total += x;
            }
        }, e);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromReturnsTheSubsTypedReturnValue(Engine e) {
        // >>> def summer() -> Generator[int, int, int]:
        // ...     total = 0
        // ...     while True:
        // ...         x = yield total
        // ...         if x is None: return total
        // ...         total += x
        // >>> def outer() -> Generator[int, int, str]:
        // ...     s = yield from summer()
        // ...     return "sum=%d" % s
        // >>> o = outer(); next(o), o.send(3), o.send(4)
        // (0, 3, 7)
        // >>> o.send(None)
        // StopIteration: sum=7
        Coroutine<Integer, Integer, String> outer = co(y -> {
            int s = y.yieldFrom(summer(e));
            return "sum=" + s;
        }, e);
        assertThat(outer.next()).isEqualTo(0);
        assertThat(outer.send(3)).isEqualTo(3);
        assertThat(outer.send(4)).isEqualTo(7);
        assertThatThrownBy(() -> outer.send(null)).isInstanceOf(NoSuchElementException.class);
        String r = outer.returnValue();
        assertThat(r).isEqualTo("sum=7");
        assertThat(outer.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInAndCloseReachTheBody(Engine e) {
        // >>> def g() -> Generator[str, str, str]:
        // ...     try:
        // ...         got = yield "ready"
        // ...     except ValueError as err:
        // ...         got = "caught " + str(err)
        // ...     try:
        // ...         yield got
        // ...     finally:
        // ...         log.append("finally")
        // >>> c = g(); next(c)
        // 'ready'
        // >>> c.throw(ValueError("boom"))
        // 'caught boom'
        // >>> c.close(); log
        // ['finally']
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> c = co(y -> {
            String got;
            try {
                got = y.yield("ready");
            } catch (IllegalArgumentException err) {
                got = "caught " + err.getMessage();
            }
            try {
                y.yield(got);
            } finally {
                log.add("finally");
            }
            return "unreached";
        }, e);
        assertThat(c.next()).isEqualTo("ready");
        assertThat(c.throwIn(new IllegalArgumentException("boom"))).isEqualTo("caught boom");
        c.close();
        assertThat(log).containsExactly("finally");
        assertThat(c.returnValue()).isNull();
        assertThat(c.toString()).startsWith("Coroutine[CLOSED, ");
    }

    @ParameterizedTest
    @MethodSource("allEngines")
    void asGeneratorIsTheSameGeneratorForOperators(Engine e) {
        // >>> def squares() -> Generator[int, None, None]:
        // ...     for i in range(4): yield i * i
        // >>> [x for x in squares() if x % 2 == 0]
        // [0, 4]
        Coroutine<Integer, Void, Void> c = co(y -> {
            for (int i = 0; i < 4; i++) {
                y.yield(i * i);
            }
            return null;
        }, e);
        assertThat((Object) c.asGenerator()).isSameAs(c.asGenerator());
        assertThat(c.asGenerator().filter(x -> x % 2 == 0).toList()).containsExactly(0, 4);
        assertThat(c.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---------------------------------------------------------------------------- a trampolined scheduler

    /** A system call a task yields; the scheduler sends back its result. */
    sealed interface SysCall {}

    record GetTid() implements SysCall {}

    record Sleep(int ticks) implements SysCall {}

    record Spawn(Coroutine<SysCall, Integer, String> task) implements SysCall {}

    private record Ready(int tid, Coroutine<SysCall, Integer, String> task, Integer value) {}

    private record Sleeping(int wake, Ready then) {}

    /** The trampoline: runs each ready task to its next system call, performs it, and sends the result back. */
    private static List<String> run(List<Coroutine<SysCall, Integer, String>> tasks, List<String> log) {
        Deque<Ready> ready = new ArrayDeque<>();
        List<Sleeping> sleeping = new ArrayList<>();
        int[] nextTid = {0};
        java.util.function.Function<Coroutine<SysCall, Integer, String>, Integer> spawn = t -> {
            ready.add(new Ready(++nextTid[0], t, null));
            return nextTid[0];
        };
        tasks.forEach(spawn::apply);
        int tick = 0;
        while (!ready.isEmpty() || !sleeping.isEmpty()) {
            tick++;
            for (Sleeping s : List.copyOf(sleeping)) {
                if (s.wake() <= tick) {
                    sleeping.remove(s);
                    ready.add(s.then());
                }
            }
            if (ready.isEmpty()) {
                continue;
            }
            Ready r = ready.poll();
            SysCall call;
            try {
                call = r.task().send(r.value());
            } catch (NoSuchElementException stop) {
                log.add("task " + r.tid() + " returned " + r.task().returnValue());
                continue;
            }
            switch (call) {
                case GetTid g -> ready.add(new Ready(r.tid(), r.task(), r.tid()));
                case Sleep s -> sleeping.add(new Sleeping(tick + s.ticks(), new Ready(r.tid(), r.task(), s.ticks())));
                case Spawn s -> ready.add(new Ready(r.tid(), r.task(), spawn.apply(s.task())));
            }
        }
        return log;
    }

    static Coroutine<SysCall, Integer, String> worker(String name, int n, List<String> log, Engine e) {
        return co(y -> {
            int tid = y.yield(new GetTid());
            for (int i = 0; i < n; i++) {
                log.add(name + "(" + tid + ") step " + i);
                int slept = y.yield(new Sleep(1));
                assertThat(slept).isEqualTo(1);
            }
            return name + " done";
        }, e);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void trampolinedSchedulerWithoutCasts(Engine e) {
        // After PEP 342's trampoline and David Beazley's pyos scheduler (python3, abridged):
        // >>> def worker(name, n):
        // ...     tid = yield GetTid()
        // ...     for i in range(n):
        // ...         log.append("%s(%d) step %d" % (name, tid, i))
        // ...         slept = yield Sleep(1)
        // ...     return name + " done"
        // >>> def parent():
        // ...     tid = yield GetTid()
        // ...     child = yield Spawn(worker("child", 2))
        // ...     log.append("parent(%d) spawned %d" % (tid, child))
        // ...     return "parent done"
        // >>> run([parent(), worker("w", 2)]); print(*log, sep="\n")
        // w(2) step 0
        // parent(1) spawned 3
        // task 1 returned parent done
        // w(2) step 1
        // child(3) step 0
        // task 2 returned w done
        // child(3) step 1
        // task 3 returned child done
        List<String> log = new ArrayList<>();
        Coroutine<SysCall, Integer, String> parent = co(y -> {
            int tid = y.yield(new GetTid());
            int child = y.yield(new Spawn(worker("child", 2, log, e)));
            log.add("parent(" + tid + ") spawned " + child);
            return "parent done";
        }, e);
        assertThat(run(List.of(parent, worker("w", 2, log, e)), log)).containsExactly(
                "w(2) step 0",
                "parent(1) spawned 3",
                "task 1 returned parent done",
                "w(2) step 1",
                "child(3) step 0",
                "task 2 returned w done",
                "child(3) step 1",
                "task 3 returned child done");
    }

    // ------------------------------------------------------------------------------------- the engines

    @Test
    void coroutineBodiesRunAsStateMachines() {
        List<String> log = new ArrayList<>();
        assertThat(averager(Engine.BYTECODE).engineName()).isEqualTo("bytecode");
        assertThat(summer(Engine.BYTECODE).engineName()).isEqualTo("bytecode");
        assertThat(worker("w", 1, log, Engine.BYTECODE).engineName()).isEqualTo("bytecode");
        Coroutine<Integer, Integer, String> outer = Coroutine.of(y -> "sum=" + y.yieldFrom(summer(Engine.BYTECODE)),
                Engine.BYTECODE);
        assertThat(outer.engineName()).isEqualTo("bytecode");
        assertThat(BytecodeEngine.explain(new Doubler(), true)).isNull();
        Coroutine<Integer, Integer, Integer> doubler = Coroutine.of(new Doubler(), Engine.BYTECODE);
        assertThat(doubler.engineName()).isEqualTo("bytecode");
        assertThat(doubler.next()).isEqualTo(0);
        assertThat(doubler.send(21)).isEqualTo(42);
    }

    /** Yields each of {@code items}, adding what is sent back for each: a helper that takes the body's channel. */
    private static int echoAll(List<Integer> items, Coroutine.Channel<Integer, Integer> y) {
        int sum = 0;
        for (int x : items) {
            Integer got = y.yield(x);
            sum += got == null ? 0 : got;
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aHelperTakingTheChannelAndAForEachLambdaAreRewrittenToo(Engine e) {
        // >>> def echo_all(items):
        // ...     total = 0
        // ...     for x in items:
        // ...         got = yield x
        // ...         total += got or 0
        // ...     return total
        // >>> def body():
        // ...     total = yield from echo_all([1, 2])
        // ...     for x in [7, 8]: yield x
        // ...     return total
        // >>> c = body(); next(c), c.send(10), c.send(20), c.send(None), c.send(None)
        // (1, 2, 7, 8) then StopIteration: 30
        Coroutine<Integer, Integer, Integer> c = co(y -> {
            int total = echoAll(List.of(1, 2), y);
            List.of(7, 8).forEach(x -> y.yield(x));
            return total;
        }, e);
        assertThat(c.next()).isEqualTo(1);
        assertThat(c.send(10)).isEqualTo(2);
        assertThat(c.send(20)).isEqualTo(7);
        assertThat(c.send(null)).isEqualTo(8);
        assertThatThrownBy(() -> c.send(null)).isInstanceOf(NoSuchElementException.class);
        Integer r = c.returnValue();
        assertThat(r).isEqualTo(30);
    }

    /** A coroutine body written as a class: its run(Channel) is rewritten as a lambda's is. */
    private static final class Doubler implements Coroutine.Body<Integer, Integer, Integer> {
        @Override
        public Integer run(Coroutine.Channel<Integer, Integer> y) {
            int last = 0;
            while (true) {
                Integer x = y.yield(2 * last);
                if (x == null) {
                    return last;
                }
                last = x;
            }
        }
    }

    @Test
    void aPlainGeneratorBodyGetsAChannelToo() {
        // One yielder object serves both body forms: a plain body's yielder is a Channel on every engine.
        Engines.all().forEach(e -> {
            List<Boolean> channel = new ArrayList<>();
            Generator.<Integer>of(y -> {
                channel.add(((Object) y) instanceof Coroutine.Channel<?, ?>);
                y.yield(1);
            }, e == Engine.BYTECODE ? Engine.THREAD : e).toList();
            assertThat(channel).as(e.name()).containsExactly(true);
        });
    }

    // --------------------------------------------------------------------------------- compile-time types

    @Test
    void aWrongSendTypeDoesNotCompile(@TempDir Path out) throws Exception {
        String source = """
                import dev.jyield.Coroutine;
                class Wrong {
                    void f(Coroutine<Integer, Integer, Void> c) {
                        c.send("x");
                    }
                }
                """;
        List<Diagnostic<? extends JavaFileObject>> errors = compile(source, out);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage(Locale.ROOT)).contains("String").contains("Integer");
        assertThat(errors.get(0).getLineNumber()).isEqualTo(4);
    }

    @Test
    void aWrongYieldOrReturnTypeInTheBodyDoesNotCompile(@TempDir Path out) throws Exception {
        String source = """
                import dev.jyield.Coroutine;
                class Wrong {
                    Coroutine<Integer, String, Long> c = Coroutine.of(y -> {
                        Integer got = y.yield(1);
                        return 1L;
                    });
                }
                """;
        List<Diagnostic<? extends JavaFileObject>> errors = compile(source, out);
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getMessage(Locale.ROOT)).contains("String").contains("Integer");
        assertThat(compile(source.replace("Integer got", "String got"), out)).isEmpty();
    }

    /** Compiles {@code source} against the library's classes; returns the errors (none: it compiled). */
    static List<Diagnostic<? extends JavaFileObject>> compile(String source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classes;
        try {
            classes = Path.of(Coroutine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException ex) {
            throw new IOException(ex);
        }
        String name = source.contains("class Wrong") ? "Wrong" : "Usage";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Files.createDirectories(out);
        List<String> options = List.of("-classpath", classes, "-d", out.toString(), "-Xlint:all", "-Werror",
                "-proc:none");
        javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .toList();
    }
}
