package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies that throw checked exceptions: they compile, and the exception reaches the consumer as the same object
 * through next, for-each, terminal operations and yieldFrom, on every engine; the bytecode engine still rewrites
 * such bodies.
 *
 * <pre>
 * >>> err = OSError("disk gone")
 * >>> def g():
 * ...     yield 1
 * ...     raise err
 * >>> it = g()
 * >>> next(it)
 * 1
 * >>> try:
 * ...     next(it)
 * ... except OSError as e:
 * ...     print(e is err)
 * True
 * >>> try:
 * ...     list(g())
 * ... except OSError as e:
 * ...     print(e is err)
 * True
 * >>> def outer():
 * ...     yield from g()
 * ...     yield "after"
 * >>> try:
 * ...     list(outer())
 * ... except OSError as e:
 * ...     print(e is err)
 * True
 * </pre>
 */
class CheckedExceptionTest {
    @TempDir
    Path dir;

    /** Yields 1, then throws {@code err}, a checked exception. */
    private static Generator.Body<Object> oneThenThrow(IOException err) {
        return y -> {
            y.yield(1);
            throw err;
        };
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#pull")
    void nextRaisesTheSameObject(Engine e) {
        IOException err = new IOException("disk gone");
        Generator<Object> g = Generator.of(oneThenThrow(err), e);
        assertThat(g.next()).isEqualTo(1);
        assertSame(err, catchThrowable(g::next));
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void forEachLoopsAndTerminalOperationsRaiseTheSameObject(Engine e) {
        IOException err = new IOException("disk gone");
        List<Object> seen = new ArrayList<>();
        assertSame(err, catchThrowable(() -> {
            for (Object x : Generator.of(oneThenThrow(err), e)) {
                seen.add(x);
            }
        }));
        assertThat(seen).containsExactly(1);
        assertSame(err, catchThrowable(() -> Generator.of(oneThenThrow(err), e).toList()));
        assertSame(err, catchThrowable(() -> Generator.of(oneThenThrow(err), e).forEach(x -> { })));
        assertSame(err, catchThrowable(() -> Generator.of(oneThenThrow(err), e).map(x -> x).count()));
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void yieldFromRaisesTheSubGeneratorsExceptionInTheDelegatorUnchanged(Engine e) {
        IOException err = new IOException("disk gone");
        Generator.Body<Object> outer = y -> {
            y.yieldFrom(Generator.of(oneThenThrow(err), e));
            y.yield("after");
        };
        assertSame(err, catchThrowable(() -> Generator.of(outer, e).toList()));
        Generator<Object> pulled = Generator.of(outer, e);
        assertThat(pulled.next()).isEqualTo(1);
        assertSame(err, catchThrowable(pulled::next));
        // the delegator can catch it, as Python's try: yield from g() except OSError: ... (yieldFrom declares
        // nothing checked, so the delegator catches Exception, as a consumer does)
        Generator.Body<Object> catching = y -> {
            try {
                y.yieldFrom(Generator.of(oneThenThrow(err), e));
            } catch (Exception caught) {
                y.yield(caught == err ? "caught the same" : "caught another");
            }
        };
        assertThat(Generator.of(catching, e).toList()).containsExactly(1, "caught the same");
        assertRewritten(outer, false);
        assertRewritten(catching, false);
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void aReturningBodyMayThrowACheckedException(Engine e) {
        IOException err = new IOException("disk gone");
        Generator.ReturningBody<Integer> body = y -> {
            y.yield(1);
            if (err != null) {
                throw err;
            }
            return "unreached";
        };
        assertSame(err, catchThrowable(() -> Generator.ofReturning(body, e).toList()));
        assertRewritten(body, true);
    }

    /**
     * <pre>
     * >>> def read(path):
     * ...     with open(path) as f:
     * ...         for line in f:
     * ...             yield line.rstrip("\n")
     * >>> list(read("/tmp/lines.txt"))       # a file holding "a\nb\n"
     * ['a', 'b']
     * >>> list(read("/tmp/missing.txt"))
     * Traceback (most recent call last):
     * FileNotFoundError: [Errno 2] No such file or directory: '/tmp/missing.txt'
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void aBodyReadsAFileWithTheCheckedReaderApi(Engine e) throws IOException {
        Path file = Files.writeString(dir.resolve("lines.txt"), "a\nb\n");
        assertThat(Generator.of(read(file), e).toList()).containsExactly("a", "b");
        Path missing = dir.resolve("missing.txt");
        assertThat(catchThrowable(() -> Generator.of(read(missing), e).toList()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.txt");
        assertRewritten(read(file), false);
    }

    private static Generator.Body<String> read(Path path) {
        return y -> {
            try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    y.yield(line);
                }
            }
        };
    }

    /**
     * <pre>
     * >>> import time
     * >>> def sleepy():
     * ...     time.sleep(0.001)
     * ...     yield "woke"
     * >>> list(sleepy())
     * ['woke']
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void aBodyMaySleep(Engine e) {
        Generator.Body<String> sleepy = y -> {
            Thread.sleep(1);
            y.yield("woke");
        };
        assertThat(Generator.of(sleepy, e).toList()).containsExactly("woke");
        assertRewritten(sleepy, false);
    }

    /** A body written as a class may narrow the throws clause. */
    static final class FailsToOpen implements Generator.Body<String> {
        final IOException err;

        FailsToOpen(IOException err) {
            this.err = err;
        }

        @Override
        public void run(Yielder<String> y) throws IOException {
            y.yield("opening");
            throw err;
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void aBodyClassMayDeclareACheckedException(Engine e) {
        IOException err = new IOException("cannot open");
        FailsToOpen body = new FailsToOpen(err);
        Generator<String> g = Generator.of(body, e);
        List<String> seen = new ArrayList<>();
        assertSame(err, catchThrowable(() -> g.forEach(seen::add)));
        assertThat(seen).containsExactly("opening");
        assertRewritten(body, false);
    }

    /** The way the Javadoc of {@link Generator.Body} tells a consumer to catch a checked exception. */
    private static String firstLineOrError(Generator<String> lines) {
        try {
            for (String line : lines) {
                return line;
            }
            return "empty";
        } catch (Exception e) {
            if (!(e instanceof IOException io)) {
                throw e; // unchecked: the calls in the try declare nothing checked
            }
            return "cannot read: " + io.getMessage();
        }
    }

    @Test
    void aConsumerCatchesExceptionAndTestsItsType() {
        IOException err = new IOException("disk gone");
        assertThat(firstLineOrError(Generator.of(y -> {
            throw err;
        }))).isEqualTo("cannot read: disk gone");
        assertThat(firstLineOrError(Generator.of(y -> y.yield("line")))).isEqualTo("line");
        IllegalStateException unchecked = new IllegalStateException("other");
        assertSame(unchecked, catchThrowable(() -> firstLineOrError(Generator.of(y -> {
            throw unchecked;
        }))));
    }

    private static void assertRewritten(Object body, boolean returning) {
        assertThat(BytecodeEngine.fallbackReason(body, returning)).as("reason the body was not rewritten").isNull();
    }
}
