package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Misuse from two threads: two consumers hammering one generator. Python raises at once, and the generator goes on:
 * <pre>
 * >>> def g():
 * ...     for i in range(3):
 * ...         time.sleep(0.2)
 * ...         yield i
 * >>> it = g()
 * >>> threading.Thread(target=lambda: print('other thread got', next(it))).start(); time.sleep(0.1)
 * >>> next(it)
 * ValueError: generator already executing
 * other thread got 0
 * >>> next(it), next(it)
 * (1, 2)
 * </pre>
 * The stackful engines detect it reliably; the bytecode engine's detection is best effort (see {@link Generator})
 * but it never hangs either. Every run is bounded in time.
 */
class ConcurrentUseTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String EXECUTING = "generator already executing";

    static java.util.stream.Stream<Engine> engines() {
        return Engines.pullAndDefault();
    }

    /** What the two consumers saw. */
    private static final class Run {
        final List<Integer> values = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        final AtomicInteger executing = new AtomicInteger();
    }

    /** Two threads call {@code take} on one generator until it is exhausted; returns what they saw. */
    private static Run hammer(Generator<Integer> g, boolean withHasNext) throws Exception {
        Run run = new Run();
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable consumer = () -> {
            try {
                start.await();
            } catch (Exception e) {
                run.unexpected.add(e);
                return;
            }
            for (;;) {
                try {
                    if (withHasNext && !g.hasNext()) {
                        if (g.state() == Generator.State.CLOSED) {
                            return;
                        }
                        continue;
                    }
                    run.values.add(g.next());
                } catch (NoSuchElementException end) {
                    if (g.state() == Generator.State.CLOSED) {
                        return;
                    }
                    run.unexpected.add(end);
                    return;
                } catch (IllegalStateException e) {
                    if (EXECUTING.equals(e.getMessage()) && e.getCause() == null) {
                        run.executing.incrementAndGet();
                    } else {
                        run.unexpected.add(e);
                        return;
                    }
                } catch (Throwable t) {
                    run.unexpected.add(t);
                    return;
                }
            }
        };
        Thread a = new Thread(consumer, "consumer-a");
        Thread b = new Thread(consumer, "consumer-b");
        a.start();
        b.start();
        a.join();
        b.join();
        return run;
    }

    /** Yields 0 to n - 1; now and then it pauses, so that a waiting consumer parks instead of spinning. */
    private static Generator<Integer> upTo(int n, Engine e) {
        return Generator.of(y -> {
            for (int i = 0; i < n; i++) {
                if (i % 64 == 0) {
                    LockSupport.parkNanos(20_000);
                }
                y.yield(i);
            }
        }, e);
    }

    /** The bytecode engine (forced, or the default's) detects a second thread on a best-effort basis only. */
    private static boolean bestEffort(Engine e) {
        return e == Engine.BYTECODE || e == Engine.AUTO;
    }

    private static int sizeFor(Engine e) {
        return e == Engine.THREAD ? 3_000 : 20_000; // a thread handoff from a platform thread costs ~40 µs
    }

    @ParameterizedTest
    @MethodSource("engines")
    void twoThreadsCallingNextGetEachValueOnceOrAlreadyExecuting(Engine e) {
        assertTimeoutPreemptively(BOUND, () -> {
            int refused = 0;
            for (boolean withHasNext : new boolean[] {false, true}) {
                int n = sizeFor(e);
                Run run = hammer(upTo(n, e), withHasNext);
                if (bestEffort(e)) {
                    // Best effort: it ends in time, and it does not leak an internal error of the JDK.
                    assertThat(run.unexpected).noneMatch(t -> t.getClass().getName().startsWith("jdk.internal"));
                    continue;
                }
                assertThat(run.unexpected).as("only \"" + EXECUTING + "\" may be raised").isEmpty();
                assertThat(run.values).as("no value the body did not yield").doesNotContainNull();
                // every value the body yielded reached exactly one consumer: a refused call takes nothing
                assertEachOnce(run.values, n);
                refused += run.executing.get();
            }
            if (!bestEffort(e)) {
                assertThat(refused).as("the two consumers did collide").isPositive();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void twoThreadsStartingOneGeneratorRunItsBodyOnce(Engine e) {
        // A start is claimed atomically on every engine, push included: the loser is refused or finds it running,
        // suspended or ended; it never runs the body a second time from its beginning.
        assertTimeoutPreemptively(BOUND, () -> {
            for (int round = 0; round < 200; round++) {
                AtomicInteger starts = new AtomicInteger();
                Generator<Integer> g = Generator.of(y -> {
                    starts.incrementAndGet();
                    for (int i = 0; i < 100; i++) {
                        y.yield(i);
                    }
                }, e);
                List<Integer> values = Collections.synchronizedList(new ArrayList<>());
                ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
                CyclicBarrier start = new CyclicBarrier(2);
                Runnable consumer = () -> {
                    try {
                        start.await();
                        g.forEach(values::add);
                    } catch (IllegalStateException ex) {
                        if (!EXECUTING.equals(ex.getMessage())) {
                            unexpected.add(ex);
                        }
                    } catch (Throwable t) {
                        unexpected.add(t);
                    }
                };
                Thread a = new Thread(consumer);
                Thread b = new Thread(consumer);
                a.start();
                b.start();
                a.join();
                b.join();
                assertThat(starts.get()).isEqualTo(1);
                if (bestEffort(e)) {
                    continue; // after the start, best effort
                }
                assertThat(unexpected).isEmpty();
                // both may have been refused, each while the other was inside an operation: what is left is still there
                values.addAll(g.toList());
                assertEachOnce(values, 100);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theSecondThreadIsRefusedWhileTheFirstRunsTheBodyAndTheGeneratorGoesOn(Engine e) {
        assertTimeoutPreemptively(BOUND, () -> {
            java.util.concurrent.CountDownLatch inBody = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Generator<Integer> g = Generator.of(y -> {
                for (int i = 0; i < 3; i++) {
                    if (i == 0) {
                        inBody.countDown();
                        await(release);
                    }
                    y.yield(i);
                }
            }, e);
            AtomicInteger first = new AtomicInteger(-1);
            Thread other = new Thread(() -> first.set(g.next()));
            other.start();
            inBody.await();
            for (Runnable misuse : List.<Runnable>of(g::next, g::hasNext, () -> g.send("x"), g::close,
                    () -> g.throwIn(new RuntimeException()), () -> g.next(-1))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(misuse::run)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage(EXECUTING)
                        .hasNoCause();
            }
            release.countDown();
            other.join();
            assertThat(first.get()).isEqualTo(0);
            assertThat(g.next()).isEqualTo(1);
            assertThat(g.next()).isEqualTo(2);
            assertThat(g.hasNext()).isFalse();
        });
    }

    /** Each of 0 to n - 1 is in {@code values} exactly once, and nothing else. */
    private static void assertEachOnce(List<Integer> values, int n) {
        int[] times = new int[n];
        values.forEach(v -> times[v]++);
        assertThat(IntStream.range(0, n).filter(v -> times[v] != 1).mapToObj(v -> v + " x" + times[v]))
                .as("values not received exactly once").isEmpty();
        assertThat(values).hasSize(n);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
