package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import dev.jyield.debuggee.Countdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A debugger attached over JDWP stops at a line breakpoint inside a generator body, reads its locals by name and
 * steps over a {@code yield}; the program then finishes as it would without the debugger. The breakpoint is bound
 * as IntelliJ and Eclipse bind it: to every class whose name starts with the file's class name and whose source
 * file is that file, as each is prepared.
 */
class DebuggerTest {
    private static final Class<?> DEBUGGEE = Countdown.class;
    private static final String SOURCE_FILE = DEBUGGEE.getSimpleName() + ".java";
    private static final Path SOURCE = Path.of("src/test/java", DEBUGGEE.getName().replace('.', '/') + ".java");
    private static final String MARKER = "// breakpoint: body";
    /** The body's loop variables and the variables it captures, as the debuggee's source names them. */
    private static final List<String> LOCALS = List.of("i", "left", "start", "label");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long EVENT_WAIT_MS = 30_000;

    /** How the debuggee runs its body, and the engine it must report. */
    enum Run {
        /** The automatic engine pulled by for-each: the bytecode state machine. */
        DEFAULT("bytecode", List.of(), List.of(), true),
        THREAD("thread", List.of("-Djyield.engine=thread"), List.of(), true),
        /**
         * why: JDWP does not follow a step across a bare {@code Continuation.yield} (it does across a virtual
         * thread's): no step event comes, though the program goes on and the later breakpoints are hit.
         */
        CONTINUATION("continuation",
                List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Djyield.engine=continuation"),
                List.of(), false),
        /** {@code forEach}: the body runs as a plain call. */
        PUSH("push", List.of(), List.of("push"), true);

        final String engine;
        final List<String> jvmOptions;
        final List<String> args;
        final boolean stepEnds;

        Run(String engine, List<String> jvmOptions, List<String> args, boolean stepEnds) {
            this.engine = engine;
            this.jvmOptions = jvmOptions;
            this.args = args;
            this.stepEnds = stepEnds;
        }
    }

    /** A breakpoint hit: the thread it stopped, and the locals the debugger read there. */
    record Hit(String thread, Map<String, Object> locals) {}

    /** What the debugger saw in one run of the debuggee. */
    static final class Session {
        final List<String> preparedClasses = new ArrayList<>();
        final List<Hit> hits = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        String steppedThread;
    }

    @ParameterizedTest
    @EnumSource
    void aBreakpointInABodyIsHitWithItsLocalsAndSteppingOverAYieldLetsTheProgramFinish(Run run, @TempDir Path dir)
            throws Exception {
        int line = markedLine();
        AtomicReference<Process> child = new AtomicReference<>();
        try {
            Session session = assertTimeoutPreemptively(TIMEOUT, () -> debug(run, line, dir, child));
            Process p = child.get();
            assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the debuggee exits").isTrue();
            String out = Files.readString(dir.resolve("out.txt"));
            String err = Files.readString(dir.resolve("err.txt"));
            String seen = "line " + line + "; prepared " + session.preparedClasses + "; hits " + session.hits
                    + "; steps " + session.steps + "; stdout " + out.lines().toList() + "; stderr " + err;
            assertThat(p.exitValue()).as(seen).isZero();
            assertThat(out.lines().toList())
                    .as(seen)
                    .containsExactly("left 3", "left 2", "left 1", "Generator[CLOSED, " + run.engine + "]");
            assertThat(session.hits.stream().map(Hit::locals).toList())
                    .as(seen)
                    .containsExactly(locals(0, 3), locals(1, 2), locals(2, 1));
            // Stepping over the yield of the first hit ends in a step event on the thread that ran the body, or
            // (continuation) in none; either way the program went on above.
            assertThat(session.steps).as(seen).hasSizeLessThanOrEqualTo(1);
            if (run.stepEnds) {
                assertThat(session.steps).as(seen).hasSize(1);
                assertThat(session.steppedThread).as(seen).isEqualTo(session.hits.get(0).thread());
            }
        } finally {
            Process p = child.get();
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    /** The locals at the marked line, by name: the loop's, and the captured {@code start} and {@code label}. */
    private static Map<String, Object> locals(int i, int left) {
        return Map.of("i", i, "left", left, "start", 3, "label", "left");
    }

    /** The line of the debuggee that carries the marker, so that the test names no line number. */
    private static int markedLine() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int[] marked = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(MARKER)).toArray();
        assertThat(marked).as("lines of %s marked %s", SOURCE, MARKER).hasSize(1);
        return marked[0] + 1;
    }

    private static Session debug(Run run, int line, Path dir, AtomicReference<Process> child) throws Exception {
        ListeningConnector connector = Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketListen"))
                .findFirst()
                .orElseThrow();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("localAddress").setValue("127.0.0.1");
        arguments.get("port").setValue("0");
        arguments.get("timeout").setValue(String.valueOf(EVENT_WAIT_MS));
        String address = connector.startListening(arguments);
        VirtualMachine vm = null;
        try {
            child.set(launch(run, address, dir));
            vm = connector.accept(arguments);
            return drive(vm, line);
        } finally {
            connector.stopListening(arguments);
            if (vm != null) {
                try {
                    vm.dispose();
                } catch (RuntimeException alreadyGone) {
                    // the debuggee has exited and the connection is closed: nothing left to release
                }
            }
        }
    }

    private static Process launch(Run run, String address, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-agentlib:jdwp=transport=dt_socket,server=n,address=" + address + ",suspend=y");
        command.addAll(run.jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DEBUGGEE.getName());
        command.addAll(run.args);
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }

    /** Binds the breakpoint, resumes, and handles events until the debuggee is gone. */
    private static Session drive(VirtualMachine vm, int line) throws Exception {
        Session session = new Session();
        EventRequestManager requests = vm.eventRequestManager();
        ClassPrepareRequest prepare = requests.createClassPrepareRequest();
        prepare.addClassFilter(DEBUGGEE.getName() + "*");
        prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepare.enable();
        for (ReferenceType type : vm.allClasses()) {
            if (type.name().startsWith(DEBUGGEE.getName()) && type.isPrepared()) {
                bind(type, line, requests, session);
            }
        }
        vm.resume();
        while (true) {
            EventSet events = vm.eventQueue().remove(EVENT_WAIT_MS);
            if (events == null) {
                throw new AssertionError("no debugger event for " + EVENT_WAIT_MS + " ms; hits " + session.hits);
            }
            for (Event event : events) {
                if (event instanceof VMDisconnectEvent) {
                    return session;
                }
                handle(event, line, requests, session);
            }
            events.resume();
        }
    }

    private static void handle(Event event, int line, EventRequestManager requests, Session session)
            throws IncompatibleThreadStateException {
        if (event instanceof ClassPrepareEvent prepared) {
            bind(prepared.referenceType(), line, requests, session);
        } else if (event instanceof BreakpointEvent hit) {
            session.hits.add(new Hit(hit.thread().name(), localsByName(hit.thread().frame(0))));
            if (session.hits.size() == 1) {
                StepRequest step = requests.createStepRequest(hit.thread(), StepRequest.STEP_LINE, StepRequest.STEP_OVER);
                // what IDEs skip by default when stepping
                step.addClassExclusionFilter("java.*");
                step.addClassExclusionFilter("jdk.*");
                step.addClassExclusionFilter("sun.*");
                step.addCountFilter(1);
                step.setSuspendPolicy(EventRequest.SUSPEND_ALL);
                step.enable();
            }
        } else if (event instanceof StepEvent step) {
            session.steps.add(describe(step.location()));
            session.steppedThread = step.thread().name();
            requests.deleteEventRequest(step.request());
        }
    }

    /** Sets the breakpoint on every location of the line in a class compiled from the debuggee's file. */
    private static void bind(ReferenceType type, int line, EventRequestManager requests, Session session) {
        String source;
        try {
            source = type.sourceName();
        } catch (AbsentInformationException e) {
            session.preparedClasses.add(type.name() + " (no source file)");
            return;
        }
        if (!source.equals(SOURCE_FILE)) {
            session.preparedClasses.add(type.name() + " (" + source + ")");
            return;
        }
        List<Location> locations;
        try {
            locations = type.locationsOfLine(line);
        } catch (AbsentInformationException e) {
            session.preparedClasses.add(type.name() + " (no line numbers)");
            return;
        }
        session.preparedClasses.add(type.name() + " (" + locations.size() + " locations)");
        for (Location location : locations) {
            BreakpointRequest breakpoint = requests.createBreakpointRequest(location);
            breakpoint.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            breakpoint.enable();
        }
    }

    /** The named locals visible in the frame, as Java values (the body has ints and strings), or why not. */
    private static Map<String, Object> localsByName(StackFrame frame) {
        Map<String, Object> locals = new LinkedHashMap<>();
        for (String name : LOCALS) {
            LocalVariable variable;
            try {
                variable = frame.visibleVariableByName(name);
            } catch (AbsentInformationException e) {
                locals.put("?", "no local variable information at " + describe(frame.location()));
                return locals;
            }
            if (variable != null) {
                Value value = frame.getValue(variable);
                locals.put(name, value instanceof IntegerValue n ? (Object) n.value()
                        : value instanceof StringReference s ? s.value() : String.valueOf(value));
            }
        }
        return locals;
    }

    private static String describe(Location location) {
        String source;
        try {
            source = location.sourceName();
        } catch (AbsentInformationException e) {
            source = "?";
        }
        return location.declaringType().name() + "." + location.method().name() + "(" + source + ":"
                + location.lineNumber() + ")";
    }
}
