package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python's generator protocol, rule by rule, on every engine that can pull and on the default. Each test quotes
 * the Python it mirrors. A log records what the body did, so the tests fix the interleaving of body and consumer.
 */
class ProtocolTest {

    static java.util.stream.Stream<Engine> engines() {
        return Engines.pullAndDefault();
    }

    private final List<String> log = new ArrayList<>();

    // ------------------------------------------------------------------------------------------ next and send

    @ParameterizedTest
    @MethodSource("engines")
    void nothingRunsBeforeTheFirstRequest(Engine e) {
        // def g(): log.append('start'); yield 1
        // it = g()          -> log == []
        // next(it)          -> 1, log == ['start']
        Generator<Integer> g = Generator.of(y -> {
            log.add("start");
            y.yield(1);
            log.add("after 1");
        }, e);
        assertThat(log).isEmpty();
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.next()).isEqualTo(1);
        assertThat(log).containsExactly("start");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sendResumesThePausedYieldWithTheValue(Engine e) {
        // def g():
        //     x = yield 1; log.append(x)
        //     x = yield 2; log.append(x)
        // it = g(); next(it) -> 1; it.send('a') -> 2, log == ['a']; next(it) -> StopIteration, log == ['a', None]
        Generator<Integer> g = Generator.of(y -> {
            log.add(String.valueOf(y.yield(1)));
            log.add(String.valueOf(y.yield(2)));
        }, e);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.send("a")).isEqualTo(2);
        assertThat(log).containsExactly("a");
        assertThrows(NoSuchElementException.class, g::next);
        assertThat(log).containsExactly("a", "null");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sendNonNullToAJustStartedGeneratorFailsAndLeavesItStartable(Engine e) {
        // it = g(); it.send(5)  -> TypeError: can't send non-None value to a just-started generator
        // next(it)              -> 1 (still startable)
        Generator<Integer> g = Generator.of(y -> y.yield(1), e);
        assertThatThrownBy(() -> g.send(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can't send non-null value to a just-started generator");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.send(null)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void nextAfterExhaustionThrowsEveryTime(Engine e) {
        // it = g(); list(it); next(it) -> StopIteration; next(it) -> StopIteration
        Generator<Integer> g = Generator.of(y -> y.yield(1), e);
        assertThat(g.next()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThrows(NoSuchElementException.class, g::next);
            assertThat(g.hasNext()).isFalse();
        }
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.next(42)).isEqualTo(42); // next(it, 42) -> 42
        assertThrows(NoSuchElementException.class, () -> g.send("x")); // it.send('x') -> StopIteration
    }

    @ParameterizedTest
    @MethodSource("engines")
    void hasNextRunsTheBodyOnceAndKeepsTheValue(Engine e) {
        // Java's look-ahead: hasNext() twice runs the body to one yield only.
        Generator<Integer> g = Generator.of(y -> {
            log.add("1");
            y.yield(1);
            log.add("2");
            y.yield(2);
        }, e);
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(log).containsExactly("1");
        assertThatThrownBy(() -> g.send("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("take that value with next() first");
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.next()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void iteratorIsTheGeneratorItselfSoASecondLoopResumes(Engine e) {
        // it = g(); for x in it: break; list(it)  -> the rest; iter(it) is it
        Generator<Integer> g = Generator.of(y -> {
            for (int i = 0; i < 5; i++) {
                y.yield(i);
            }
        }, e);
        assertSame(g, g.iterator());
        for (int x : g) {
            if (x == 1) {
                break;
            }
        }
        List<Integer> rest = new ArrayList<>();
        for (int x : g) {
            rest.add(x);
        }
        assertThat(rest).containsExactly(2, 3, 4);
        for (int x : g) {
            throw new AssertionError("an exhausted generator iterates as empty, got " + x);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldingNullIsAValueNotTheEnd(Engine e) {
        // def g(): yield None; yield 1   -> [None, 1]
        Generator<Integer> g = Generator.of(y -> {
            y.yield(null);
            y.yield(1);
        }, e);
        assertThat(g.toList()).containsExactly(null, 1);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aYieldedNullWaitsAndIsTakenAsAValueOnEveryPath(Engine e) {
        // def inner(): yield None; yield 3
        // def outer(inn):
        //     yield from inn
        //     yield from iter([None, 2])
        //     sent = yield None
        //     yield sent
        // >>> g = outer(inner())
        // >>> [next(g), next(g), next(g), next(g), next(g), g.send(5), next(g, -1)]
        // [None, 3, None, 2, None, 5, -1]
        // Here inner's None already waits from hasNext(), so the delegation takes it from there; hasNext() twice
        // runs the body once (Java's Iterator contract).
        Generator<Integer> inner = Generator.of(y -> {
            y.yield(null);
            y.yield(3);
        }, e);
        assertThat(inner.hasNext()).isTrue();
        Generator<Integer> g = Generator.of(y -> {
            y.yieldFrom(inner);
            y.yieldFrom(Arrays.asList(null, 2));
            Object sent = y.yield(null);
            y.yield((Integer) sent);
        }, e);
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(g.next());
        }
        got.add(g.send(5));
        got.add(g.next(-1));
        assertThat(got).containsExactly(null, 3, null, 2, null, 5, -1);

        // def h():
        //     try: yield None
        //     except ValueError: yield 7
        // >>> g = h(); next(g), g.throw(ValueError())
        // (None, 7)          (here the None waits from hasNext(), and the throw discards it)
        Generator<Integer> h = Generator.of(y -> {
            try {
                y.yield(null);
            } catch (IllegalArgumentException ex) {
                y.yield(7);
            }
        }, e);
        assertThat(h.hasNext()).isTrue();
        assertThat(h.throwIn(new IllegalArgumentException())).isEqualTo(7);
        assertThat(h.next(-1)).isEqualTo(-1);
    }

    // --------------------------------------------------------------------------------------------- throwIn

    @ParameterizedTest
    @MethodSource("engines")
    void throwInIsRaisedAtThePausedYieldAndACatchThatYieldsReturnsItsValue(Engine e) {
        // def g():
        //     try: yield 1
        //     except ValueError as ex: log.append(str(ex)); yield 'caught'
        // it = g(); next(it); it.throw(ValueError('boom')) -> 'caught'
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yield(1);
            } catch (IllegalArgumentException ex) {
                log.add(ex.getMessage());
                y.yield("caught");
            }
        }, e);
        g.next();
        assertThat(g.throwIn(new IllegalArgumentException("boom"))).isEqualTo("caught");
        assertThat(log).containsExactly("boom");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUncaughtThrowInPropagatesTheSameObjectAndCloses(Engine e) {
        // it = g(); next(it); ex = ValueError(); it.throw(ex) raises ex itself; the generator is closed.
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                log.add("finally");
            }
        }, e);
        g.next();
        IllegalArgumentException ex = new IllegalArgumentException("boom");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> g.throwIn(ex));
        assertSame(ex, thrown);
        assertThat(log).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThrows(NoSuchElementException.class, g::next);
        // it.throw(ex) on a closed generator raises ex again
        assertSame(ex, assertThrows(IllegalArgumentException.class, () -> g.throwIn(ex)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInOnACreatedGeneratorRunsNoCodeAtAll(Engine e) {
        // def g():
        //     try: log.append('body'); yield 1
        //     finally: log.append('finally')
        // it = g(); it.throw(ValueError) -> ValueError; log == []; state CLOSED
        Generator<Integer> g = Generator.of(y -> {
            try {
                log.add("body");
                y.yield(1);
            } finally {
                log.add("finally");
            }
        }, e);
        IllegalStateException ex = new IllegalStateException("x");
        assertSame(ex, assertThrows(IllegalStateException.class, () -> g.throwIn(ex)));
        assertThat(log).isEmpty();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.hasNext()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aNoSuchElementExceptionThrownIntoAnUnstartedGeneratorIsPep479sButIntoAClosedOneItIsNot(Engine e) {
        // CPython 3.11:
        // >>> def a():
        // ...     yield 1
        // >>> x = a(); x.throw(StopIteration("si"))
        // RuntimeError: generator raised StopIteration      (its __cause__: StopIteration('si'); state GEN_CLOSED)
        // >>> x = a(); list(x); x.throw(StopIteration("si"))
        // StopIteration: si                                 (no __cause__)
        Generator<Integer> fresh = Generator.of(y -> y.yield(1), e);
        NoSuchElementException si = new NoSuchElementException("si");
        assertThatThrownBy(() -> fresh.throwIn(si)).isInstanceOf(IllegalStateException.class)
                .hasMessage("generator raised NoSuchElementException").hasCause(si);
        assertThat(fresh.state()).isEqualTo(Generator.State.CLOSED);
        Generator<Integer> ended = Generator.of(y -> y.yield(1), e);
        assertThat(ended.toList()).containsExactly(1);
        assertThatThrownBy(() -> ended.throwIn(si)).isSameAs(si);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInOfACheckedExceptionReachesTheBodyAndComesBackUnchanged(Engine e) {
        // it.throw(OSError()) -- Python has no checked exceptions; Java's throwIn declares the type it may rethrow.
        Generator<String> g = Generator.of(y -> {
            try {
                y.yield("a");
            } catch (Exception ex) {
                y.yield(ex.getClass().getSimpleName());
            }
        }, e);
        g.next();
        try {
            assertThat(g.throwIn(new IOException("disk"))).isEqualTo("IOException");
        } catch (IOException unexpected) {
            throw new AssertionError(unexpected);
        }
        // Raised at the yield inside the catch block: nothing catches it there, so it comes back as it was.
        IOException io = new IOException("again");
        assertThatThrownBy(() -> g.throwIn(io)).isSameAs(io);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInOfAGeneratorExitIsNotClose(Engine e) {
        // def g():
        //     try: yield 1
        //     except GeneratorExit: yield 'survived'
        // it = g(); next(it); it.throw(GeneratorExit) -> 'survived' (throw is not close: yielding again is allowed)
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yield(1);
            } catch (GeneratorExit ex) {
                y.yield("survived");
            }
        }, e);
        g.next();
        assertThat(g.throwIn(new GeneratorExit())).isEqualTo("survived");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aReturnInFinallySwallowsTheThrowAndReportsExhaustionWithTheValue(Engine e) {
        // def g():
        //     try: yield 1
        //     finally: return 'swallowed'
        // it = g(); next(it); it.throw(ValueError) -> StopIteration('swallowed')
        Generator<Integer> g = Generator.ofReturning(y -> {
            try {
                y.yield(1);
            } finally {
                return "swallowed";
            }
        }, e);
        g.next();
        assertThrows(NoSuchElementException.class, () -> g.throwIn(new IllegalArgumentException()));
        assertThat(g.returnValue()).isEqualTo("swallowed");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInNullFailsAtOnce(Engine e) {
        Generator<Integer> g = Generator.of(y -> y.yield(1), e);
        g.next();
        assertThatThrownBy(() -> g.throwIn(null)).isInstanceOf(NullPointerException.class).hasMessage("exception");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    // ----------------------------------------------------------------------------------------------- close

    @ParameterizedTest
    @MethodSource("engines")
    void closeRaisesGeneratorExitAtThePausedYieldSoFinallyRuns(Engine e) {
        // def g():
        //     try: yield 1; yield 2
        //     except GeneratorExit: log.append('exit'); raise
        //     finally: log.append('finally')
        // it = g(); next(it); it.close() -> log == ['exit', 'finally']
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } catch (GeneratorExit ex) {
                log.add("exit");
                throw ex;
            } finally {
                log.add("finally");
            }
        }, e);
        g.next();
        g.close();
        assertThat(log).containsExactly("exit", "finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThrows(NoSuchElementException.class, g::next);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void generatorExitIsNotCaughtByCatchException(Engine e) {
        // except Exception: does not catch GeneratorExit (a BaseException)
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
            } catch (Exception ex) {
                log.add("caught " + ex);
            }
        }, e);
        g.next();
        g.close();
        assertThat(log).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeOnACreatedGeneratorRunsNoCode(Engine e) {
        // it = g(); it.close(); log == []; next(it) -> StopIteration
        Generator<Integer> g = Generator.of(y -> {
            try {
                log.add("body");
                y.yield(1);
            } finally {
                log.add("finally");
            }
        }, e);
        g.close();
        assertThat(log).isEmpty();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThrows(NoSuchElementException.class, g::next);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeIsIdempotent(Engine e) {
        // it.close(); it.close()  -> no effect the second time
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
            } finally {
                log.add("finally");
            }
        }, e);
        g.next();
        g.close();
        g.close();
        assertThat(log).containsExactly("finally");
        Generator<Integer> done = Generator.of(y -> y.yield(1), e);
        done.toList();
        done.close();
        assertThat(done.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyThatYieldsAfterGeneratorExitMakesCloseFailAndStaysSuspended(Engine e) {
        // def g():
        //     while True:
        //         try: yield 1
        //         except GeneratorExit: log.append('ignored')   # and loops to yield again
        //         if len(log) == 2: return
        // it = g(); next(it); it.close() -> RuntimeError: generator ignored GeneratorExit; state SUSPENDED
        // it.close() again: the body returns, close succeeds.
        Generator<Integer> g = Generator.of(y -> {
            while (true) {
                try {
                    y.yield(1);
                } catch (GeneratorExit ex) {
                    log.add("ignored");
                    if (log.size() == 2) {
                        return;
                    }
                }
            }
        }, e);
        g.next();
        assertThatThrownBy(g::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        g.close();
        assertThat(log).containsExactly("ignored", "ignored");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anotherExceptionDuringClosePropagatesAndCloses(Engine e) {
        // def g():
        //     try: yield 1
        //     finally: raise KeyError('cleanup')
        // it = g(); next(it); it.close() -> KeyError('cleanup')
        IllegalStateException cleanup = new IllegalStateException("cleanup");
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
            } finally {
                throw cleanup;
            }
        }, e);
        g.next();
        assertSame(cleanup, assertThrows(IllegalStateException.class, g::close));
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyThatReturnsWhileClosingKeepsItsReturnValue(Engine e) {
        // Python 3.13: def g():
        //     try: yield 1
        //     except GeneratorExit: return 'bye'
        // it = g(); next(it); it.close() -> 'bye'   (jyield: close() is void, the value is in returnValue())
        Generator<Integer> g = Generator.ofReturning(y -> {
            try {
                y.yield(1);
            } catch (GeneratorExit ex) {
                return "bye";
            }
            return "never";
        }, e);
        g.next();
        g.close();
        assertThat(g.returnValue()).isEqualTo("bye");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeDiscardsAValueFetchedByHasNext(Engine e) {
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
            } finally {
                log.add("finally");
            }
        }, e);
        assertThat(g.hasNext()).isTrue();
        g.close();
        assertThat(log).containsExactly("finally");
        assertThat(g.hasNext()).isFalse();
    }

    // ------------------------------------------------------------------------------------- body exceptions

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyExceptionReachesTheCallerUnchangedAndCloses(Engine e) {
        // def g(): yield 1; raise ex
        // it = g(); next(it); next(it) raises ex (same object); then StopIteration
        IllegalArgumentException ex = new IllegalArgumentException("body");
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw ex;
        }, e);
        g.next();
        assertSame(ex, assertThrows(IllegalArgumentException.class, g::next));
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThrows(NoSuchElementException.class, g::next);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anErrorFromTheBodyIsNotSwallowed(Engine e) {
        StackOverflowError err = new StackOverflowError("deep");
        Generator<Integer> g = Generator.of(y -> {
            throw err;
        }, e);
        assertSame(err, assertThrows(StackOverflowError.class, g::hasNext));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void noSuchElementFromTheBodyBecomesIllegalStateAsPep479(Engine e) {
        // PEP 479: def g(): yield 1; next(iter([]))
        // list(g()) -> RuntimeError: generator raised StopIteration (cause: the StopIteration)
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            List.<Integer>of().iterator().next();
        }, e);
        g.next();
        assertThatThrownBy(g::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator raised NoSuchElementException")
                .hasCauseInstanceOf(NoSuchElementException.class);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ------------------------------------------------------------------------------------- re-entry, threads

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyThatResumesItsOwnGeneratorGetsAlreadyExecuting(Engine e) {
        // def g(): yield next(me)    -> ValueError: generator already executing
        AtomicReference<Generator<Object>> self = new AtomicReference<>();
        Generator<Object> g = Generator.of(y -> {
            try {
                self.get().next();
            } catch (IllegalStateException ex) {
                y.yield(ex.getMessage() + " / " + self.get().state());
            }
        }, e);
        self.set(g);
        assertThat(g.next()).isEqualTo("generator already executing / RUNNING");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        // close() and send() from inside the body are refused the same way
        AtomicReference<Generator<Object>> self2 = new AtomicReference<>();
        Generator<Object> g2 = Generator.of(y -> {
            try {
                self2.get().close();
            } catch (IllegalStateException ex) {
                y.yield(ex.getMessage());
            }
        }, e);
        self2.set(g2);
        assertThat(g2.next()).isEqualTo("generator already executing");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void useFromASecondThreadWhileRunningFailsLoudly(Engine e) throws Exception {
        CountDownLatch inBody = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Generator<Integer> g = Generator.of(y -> {
            inBody.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            y.yield(1);
        }, e);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> first = pool.submit(() -> g.next());
            assertThat(inBody.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(g::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("generator already executing");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    // --------------------------------------------------------------------------------- return value, state

    @ParameterizedTest
    @MethodSource("engines")
    void theReturnValueIsKeptAfterExhaustion(Engine e) {
        // def g(): yield 1; return 'r'
        // it = g(); next(it); next(it) -> StopIteration('r'); the value is only carried by the first StopIteration,
        // jyield keeps it in returnValue().
        Generator<Integer> g = Generator.ofReturning(y -> {
            y.yield(1);
            return "r";
        }, e);
        assertThat(g.returnValue()).isNull();
        g.next();
        assertThat(g.returnValue()).isNull();
        assertThat(g.hasNext()).isFalse();
        assertThat(g.returnValue()).isEqualTo("r");
        assertThat(g.hasNext()).isFalse();
        assertThat(g.returnValue()).isEqualTo("r");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aGeneratorOverAnIteratorOrAnOperatorReturnsNothingWhenPulledToItsEnd(Engine e) {
        // >>> it = (x * 10 for x in [1, 2]); next(it), next(it)
        // (10, 20)
        // >>> try:
        // ...     next(it)
        // ... except StopIteration as e:
        // ...     print(e.value)
        // None
        // >>> def outer():
        // ...     r = yield from (x * 10 for x in [1, 2])
        // ...     yield r
        // >>> list(outer())
        // [10, 20, None]
        // (The last value pulled once stood in for the return value.)
        List<Generator<Integer>> pulled = List.of(Generator.from(List.of(10, 20)),
                Generator.from(List.of(1, 2)).map(x -> x * 10), Generator.from(List.of(1, 2, 3)).map(x -> x * 10)
                        .filter(x -> x < 30));
        for (Generator<Integer> g : pulled) {
            assertThat(g.next()).isEqualTo(10);
            assertThat(g.next()).isEqualTo(20);
            assertThat(g.hasNext()).isFalse();
            assertThat(g.returnValue()).as(g.toString()).isNull();
        }
        Generator<Object> outer = Generator.of(y -> {
            Object r = y.yieldFrom(Generator.from(List.of(1, 2)).map(x -> x * 10));
            y.yield(r);
        }, e);
        assertThat(outer.toList()).containsExactly(10, 20, null);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theFourStates(Engine e) {
        // inspect.getgeneratorstate: GEN_CREATED, GEN_RUNNING (seen from inside), GEN_SUSPENDED, GEN_CLOSED
        AtomicReference<Generator<Generator.State>> self = new AtomicReference<>();
        Generator<Generator.State> g = Generator.of(y -> y.yield(self.get().state()), e);
        self.set(g);
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.next()).isEqualTo(Generator.State.RUNNING);
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        assertThat(g.hasNext()).isFalse();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // --------------------------------------------------------------------------------------------- yieldFrom

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromReturnsTheDelegatesReturnValue(Engine e) {
        // def sub(): yield 1; yield 2; return 'sub done'
        // def outer(): r = yield from sub(); yield r
        // list(outer()) -> [1, 2, 'sub done']
        Generator<Object> g = Generator.of(y -> {
            Object r = y.yieldFrom(Generator.ofReturning(s -> {
                s.yield(1);
                s.yield(2);
                return "sub done";
            }, e));
            y.yield(r);
        }, e);
        assertThat(g.toList()).containsExactly(1, 2, "sub done");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromForwardsSend(Engine e) {
        // def sub(): x = yield 'ready'; log.append(x); return x * 2
        // def outer(): r = yield from sub(); yield r
        // it = outer(); next(it) -> 'ready'; it.send(21) -> 42
        Generator<Object> sub = Generator.ofReturning(s -> {
            Object x = s.yield("ready");
            log.add("sub got " + x);
            return (Integer) x * 2;
        }, e);
        Generator<Object> g = Generator.of(y -> y.yield(y.yieldFrom(sub)), e);
        assertThat(g.next()).isEqualTo("ready");
        assertThat(g.send(21)).isEqualTo(42);
        assertThat(log).containsExactly("sub got 21");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromForwardsThrowInAndAnUncaughtOneReachesTheOuterBody(Engine e) {
        // def sub():
        //     try: yield 1
        //     except KeyError: yield 'sub caught'
        //     yield 2
        // def outer():
        //     try: yield from sub()
        //     except ValueError: yield 'outer caught'
        // it = outer(); next(it); it.throw(KeyError) -> 'sub caught'; next(it) -> 2; it.throw(ValueError) -> 'outer caught'
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yieldFrom(Generator.of(s -> {
                    try {
                        s.yield(1);
                    } catch (IllegalStateException ex) {
                        s.yield("sub caught");
                    }
                    s.yield(2);
                }, e));
            } catch (IllegalArgumentException ex) {
                y.yield("outer caught");
            }
        }, e);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.throwIn(new IllegalStateException())).isEqualTo("sub caught");
        assertThat(g.next()).isEqualTo(2);
        assertThat(g.throwIn(new IllegalArgumentException())).isEqualTo("outer caught");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeDuringYieldFromClosesTheDelegateFirst(Engine e) {
        // def sub():
        //     try: yield 1
        //     finally: log.append('sub finally')
        // def outer():
        //     try: yield from sub()
        //     finally: log.append('outer finally')
        // it = outer(); next(it); it.close() -> log == ['sub finally', 'outer finally']
        Generator<Integer> sub = Generator.of(s -> {
            try {
                s.yield(1);
            } finally {
                log.add("sub finally");
            }
        }, e);
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yieldFrom(sub);
            } finally {
                log.add("outer finally");
            }
        }, e);
        g.next();
        g.close();
        assertThat(log).containsExactly("sub finally", "outer finally");
        assertThat(sub.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromAnIterableDrainsItAndRefusesSentValues(Engine e) {
        // def g(): yield from [1, 2, 3]
        // list(g()) -> [1, 2, 3]
        assertThat(Generator.of(y -> y.yieldFrom(List.of(1, 2, 3)), e).toList()).containsExactly(1, 2, 3);
        // it = g(); next(it); it.send(5) -> AttributeError: 'list_iterator' object has no attribute 'send',
        // raised in the body at the yield from
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yieldFrom(List.of(1, 2, 3));
            } catch (IllegalStateException ex) {
                y.yield(ex.getMessage());
            }
        }, e);
        assertThat(g.next()).isEqualTo(1);
        assertThat((String) g.send(5)).contains("cannot send 5").contains("plain iterator cannot receive sent values");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void throwInWhileDrainingAPlainIterableIsRaisedInTheBody(Engine e) {
        // def g():
        //     try: yield from [1, 2]
        //     except ValueError: yield 'caught'
        // it = g(); next(it); it.throw(ValueError) -> 'caught'
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yieldFrom(List.of(1, 2));
            } catch (IllegalArgumentException ex) {
                y.yield("caught");
            }
        }, e);
        g.next();
        assertThat(g.throwIn(new IllegalArgumentException())).isEqualTo("caught");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void onlyTheFirstEndCarriesTheReturnValue(Engine e) {
        // def sub(): yield 1; return 'r'
        // s = sub(); list(s)
        // def outer(): x = yield from s; yield x      # s is exhausted: yield from gives None
        // list(outer()) -> [None]; jyield also keeps s's value in returnValue()
        Generator<Integer> s = Generator.ofReturning(y -> {
            y.yield(1);
            return "r";
        }, e);
        s.toList();
        Generator<Object> g = Generator.of(y -> y.yield(y.yieldFrom(s)), e);
        assertThat(g.toList()).containsExactly((Object) null);
        assertThat(s.returnValue()).isEqualTo("r");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aDelegateExceptionIsRaisedInTheOuterBody(Engine e) {
        // def sub(): yield 1; raise KeyError('k')
        // def outer():
        //     try: yield from sub()
        //     except KeyError as ex: yield 'outer saw ' + str(ex)
        // list(outer()) -> [1, "outer saw 'k'"]
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yieldFrom(Generator.of(s -> {
                    s.yield(1);
                    throw new IllegalStateException("k");
                }, e));
            } catch (IllegalStateException ex) {
                y.yield("outer saw " + ex.getMessage());
            }
        }, e);
        assertThat(g.toList()).containsExactly(1, "outer saw k");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void recursiveYieldFromWalksATree(Engine e) {
        // def walk(n): yield n; for c in children(n): yield from walk(c)
        assertThat(walk(1, 3, e).toList()).containsExactly(1, 2, 4, 5, 3, 6, 7);
    }

    private static Generator<Integer> walk(int node, int depth, Engine e) {
        return Generator.of(y -> {
            y.yield(node);
            if (depth > 1) {
                y.yieldFrom(walk(node * 2, depth - 1, e));
                y.yieldFrom(walk(node * 2 + 1, depth - 1, e));
            }
        }, e);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromNullFailsInTheBody(Engine e) {
        Generator<Object> g = Generator.of(y -> {
            try {
                y.yieldFrom((Generator<Object>) null);
            } catch (NullPointerException ex) {
                y.yield(ex.getMessage());
            }
        }, e);
        assertThat(g.next()).isEqualTo("sub");
    }

    // --------------------------------------------------------------------------------------------- misuse

    @ParameterizedTest
    @MethodSource("engines")
    void aYielderUsedOutsideItsBodyFails(Engine e) {
        // A yielder kept after its body's generator moved on and used from a nested generator's body.
        AtomicReference<Yielder<Integer>> leaked = new AtomicReference<>();
        Generator<Integer> outer = Generator.of(y -> {
            leaked.set(y);
            Generator<Integer> inner = Generator.of(z -> leaked.get().yield(99), e);
            try {
                inner.next();
            } catch (IllegalStateException ex) {
                log.add(ex.getMessage());
            }
            y.yield(1);
        }, e);
        assertThat(outer.next()).isEqualTo(1);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).contains("outside");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void nullArgumentsFailAtOnceNamingTheArgument(Engine e) {
        assertThatThrownBy(() -> Generator.of((Generator.Body<Object>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("body");
        assertThatThrownBy(() -> Generator.ofReturning(null))
                .isInstanceOf(NullPointerException.class).hasMessage("body");
        assertThatThrownBy(() -> Generator.from((Iterable<Object>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> Generator.from((Iterator<Object>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("source");
        Generator<Integer> g = Generator.of(y -> y.yield(1), e);
        assertThatThrownBy(() -> g.forEachRemaining(null))
                .isInstanceOf(NullPointerException.class).hasMessage("action");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
    }
}
