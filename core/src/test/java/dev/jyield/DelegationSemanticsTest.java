package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jyield.Generator.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PEP 380 through {@code yieldFrom} chains three levels deep or more, on every engine that can pull: where send,
 * throw and close arrive, in which order every level's handlers run, what each level's {@code yieldFrom}
 * returns, "already executing" at every level, delegates driven behind a delegating generator's back or shared
 * by two of them. Each test quotes the CPython 3.11 session that gives its expected values; Python's None is
 * Java's null, ValueError is IllegalArgumentException, RuntimeError is IllegalStateException.
 */
class DelegationSemanticsTest {

    static Stream<Engine> engines() {
        return Engines.pull();
    }

    private final List<String> log = new ArrayList<>();

    /** Python's KeyError: an exception no level of the chain raises by itself. */
    static final class KeyError extends RuntimeException {
        KeyError(String key) {
            super(key);
        }
    }

    // ------------------------------------------------------------------------------------- 1. send, returns

    static Generator<String> sendingInner(Engine e, List<String> log) {
        return returning(y -> {
            log.add("inner " + y.yield("i1"));
            log.add("inner " + y.yield("i2"));
            return "ri";
        }, e);
    }

    static Generator<String> sendingMiddle(Engine e, List<String> log) {
        return returning(y -> {
            log.add("middle got " + y.yieldFrom(sendingInner(e, log)));
            log.add("middle " + y.yield("m1"));
            return "rm";
        }, e);
    }

    static Generator<String> sendingOuter(Engine e, List<String> log) {
        return returning(y -> {
            log.add("outer got " + y.yieldFrom(sendingMiddle(e, log)));
            log.add("outer " + y.yield("o1"));
            return "ro";
        }, e);
    }

    /**
     * Sent values reach the innermost level through two delegating ones; each return value becomes the result
     * of the yieldFrom one level up, and the outermost's is the generator's return value.
     * <pre>
 * >>> def inner(log):
 * ...     x = yield 'i1'; log.append(('inner', x))
 * ...     x = yield 'i2'; log.append(('inner', x))
 * ...     return 'ri'
 * ...
 * >>> def middle(log):
 * ...     r = yield from inner(log); log.append(('middle got', r))
 * ...     x = yield 'm1'; log.append(('middle', x))
 * ...     return 'rm'
 * ...
 * >>> def outer(log):
 * ...     r = yield from middle(log); log.append(('outer got', r))
 * ...     x = yield 'o1'; log.append(('outer', x))
 * ...     return 'ro'
 * ...
 * >>> log = []; g = outer(log); next(g)
 * 'i1'
 * >>> g.send('a')
 * 'i2'
 * >>> g.send('b')
 * 'm1'
 * >>> g.send('c')
 * 'o1'
 * >>> g.send('d')
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 * StopIteration: ro
 * >>> log
 * [('inner', 'a'), ('inner', 'b'), ('middle got', 'ri'), ('middle', 'c'), ('outer got', 'rm'), ('outer', 'd')]
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void sendReachesTheInnermostAndReturnValuesClimbLevelByLevel(Engine e) {
        Generator<String> g = sendingOuter(e, log);
        assertThat(g.next()).isEqualTo("i1");
        assertThat(g.send("a")).isEqualTo("i2");
        assertThat(g.send("b")).isEqualTo("m1");
        assertThat(g.send("c")).isEqualTo("o1");
        assertThatThrownBy(() -> g.send("d")).isInstanceOf(NoSuchElementException.class);
        assertThat(g.returnValue()).isEqualTo("ro");
        assertThat(log).containsExactly(
                "inner a", "inner b", "middle got ri", "middle c", "outer got rm", "outer d");
    }

    // ---------------------------------------------------------------------------------------- 2. throwIn

    /**
     * A thrown exception goes to the innermost level, which does not catch it; it climbs to the middle, which
     * catches it and yields; the next send resumes the middle, not the closed innermost.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> def inner(log):
 * ...     try:
 * ...         yield 'i1'
 * ...         yield 'i2'
 * ...     finally:
 * ...         log.append('inner finally')
 * ...
 * >>> def middle(log, subs):
 * ...     try:
 * ...         subs.append(inner(log))
 * ...         yield from subs[-1]
 * ...     except ValueError as e:
 * ...         log.append('middle caught ' + str(e))
 * ...         x = yield 'm-caught'
 * ...         log.append(('middle resumed', x))
 * ...     finally:
 * ...         log.append('middle finally')
 * ...     yield 'm2'
 * ...
 * >>> def outer(log, subs):
 * ...     try:
 * ...         subs.append(middle(log, subs))
 * ...         yield from subs[-1]
 * ...     finally:
 * ...         log.append('outer finally')
 * ...     yield 'o-end'
 * ...
 * >>> log = []; subs = []; g = outer(log, subs); next(g)
 * 'i1'
 * >>> g.throw(ValueError('boom'))
 * 'm-caught'
 * >>> log, st(subs[1]), st(subs[0]), st(g)
 * (['inner finally', 'middle caught boom'], 'GEN_CLOSED', 'GEN_SUSPENDED', 'GEN_SUSPENDED')
 * >>> g.send('s')
 * 'm2'
 * >>> log
 * ['inner finally', 'middle caught boom', ('middle resumed', 's'), 'middle finally']
 * >>> next(g)
 * 'o-end'
 * >>> log, st(subs[1]), st(subs[0]), st(g)
 * (['inner finally', 'middle caught boom', ('middle resumed', 's'), 'middle finally', 'outer finally'], 'GEN_CLOSED', 'GEN_CLOSED', 'GEN_SUSPENDED')
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void throwInReachesTheInnermostAndTheMiddleCatches(Engine e) {
        List<Generator<String>> subs = new ArrayList<>();
        Generator<String> g = body(y -> {
            try {
                subs.add(body(m -> {
                    try {
                        subs.add(body(i -> {
                            try {
                                i.yield("i1");
                                i.yield("i2");
                            } finally {
                                log.add("inner finally");
                            }
                        }, e));
                        m.yieldFrom(subs.get(subs.size() - 1));
                    } catch (IllegalArgumentException x) {
                        log.add("middle caught " + x.getMessage());
                        Object sent = m.yield("m-caught");
                        log.add("middle resumed " + sent);
                    } finally {
                        log.add("middle finally");
                    }
                    m.yield("m2");
                }, e));
                y.yieldFrom(subs.get(subs.size() - 1));
            } finally {
                log.add("outer finally");
            }
            y.yield("o-end");
        }, e);
        assertThat(g.next()).isEqualTo("i1");
        assertThat(g.throwIn(new IllegalArgumentException("boom"))).isEqualTo("m-caught");
        assertThat(log).containsExactly("inner finally", "middle caught boom");
        assertThat(states(subs.get(1), subs.get(0), g)).containsExactly(State.CLOSED, State.SUSPENDED, State.SUSPENDED);
        assertThat(g.send("s")).isEqualTo("m2");
        assertThat(log).containsExactly("inner finally", "middle caught boom", "middle resumed s", "middle finally");
        assertThat(g.next()).isEqualTo("o-end");
        assertThat(log).endsWith("outer finally");
        assertThat(states(subs.get(1), subs.get(0), g)).containsExactly(State.CLOSED, State.CLOSED, State.SUSPENDED);
    }

    /**
     * The innermost catches the thrown exception and returns: its return value is the result of the middle's
     * yieldFrom, which goes on; throwIn returns the middle's next value.
     * <pre>
 * >>> def inner(log):
 * ...     try:
 * ...         yield 'i1'
 * ...     except ValueError as e:
 * ...         log.append('inner caught ' + str(e))
 * ...         return 'ri'
 * ...
 * >>> def middle(log, sub):
 * ...     r = yield from sub; log.append(('middle got', r))
 * ...     yield 'm1'
 * ...     return 'rm'
 * ...
 * >>> def outer(log, sub):
 * ...     r = yield from sub; log.append(('outer got', r))
 * ...     yield 'o1'
 * ...
 * >>> log = []; g = outer(log, middle(log, inner(log))); next(g)
 * 'i1'
 * >>> g.throw(ValueError('boom'))
 * 'm1'
 * >>> log
 * ['inner caught boom', ('middle got', 'ri')]
 * >>> next(g)
 * 'o1'
 * >>> log
 * ['inner caught boom', ('middle got', 'ri'), ('outer got', 'rm')]
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void anInnermostThatCatchesTheThrownExceptionAndReturnsEndsTheMiddlesYieldFrom(Engine e) {
        Generator<Object> inner = returning(y -> {
            try {
                y.yield("i1");
            } catch (IllegalArgumentException x) {
                log.add("inner caught " + x.getMessage());
                return "ri";
            }
            return null;
        }, e);
        Generator<Object> g = relay(e, "outer", log, relay(e, "middle", log, inner, "m1", "rm"), "o1", null);
        assertThat(g.next()).isEqualTo("i1");
        assertThat(g.throwIn(new IllegalArgumentException("boom"))).isEqualTo("m1");
        assertThat(log).containsExactly("inner caught boom", "middle got ri");
        assertThat(g.next()).isEqualTo("o1");
        assertThat(log).containsExactly("inner caught boom", "middle got ri", "outer got rm");
    }

    // --------------------------------------------------------------------- 3. an exception from the innermost

    /**
     * An exception raised by the innermost body runs its own except and finally, then the middle's, then the
     * outer's, and reaches the caller as the same object; every level is then closed.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> def inner(log):
 * ...     try:
 * ...         yield 'i1'
 * ...         raise KeyError('k')
 * ...     except KeyError:
 * ...         log.append('inner except'); raise
 * ...     finally:
 * ...         log.append('inner finally')
 * ...
 * >>> def middle(log, subs):
 * ...     try:
 * ...         subs.append(inner(log))
 * ...         yield from subs[-1]
 * ...     except KeyError:
 * ...         log.append('middle except'); raise
 * ...     finally:
 * ...         log.append('middle finally')
 * ...
 * >>> def outer(log, subs):
 * ...     try:
 * ...         subs.append(middle(log, subs))
 * ...         yield from subs[-1]
 * ...     except KeyError:
 * ...         log.append('outer except'); raise
 * ...     finally:
 * ...         log.append('outer finally')
 * ...
 * >>> log = []; subs = []; g = outer(log, subs); next(g)
 * 'i1'
 * >>> next(g)
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 *   File "<console>", line 4, in outer
 *   File "<console>", line 4, in middle
 *   File "<console>", line 4, in inner
 * KeyError: 'k'
 * >>> log, st(g), st(subs[0]), st(subs[1])
 * (['inner except', 'inner finally', 'middle except', 'middle finally', 'outer except', 'outer finally'], 'GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED')
 * >>> g.throw(ValueError('late'))
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 * ValueError: late
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void anExceptionOfTheInnermostClimbsThroughEveryLevelsHandlers(Engine e) {
        KeyError k = new KeyError("k");
        List<Generator<String>> subs = new ArrayList<>();
        Generator<String> g = body(y -> {
            try {
                subs.add(body(m -> {
                    try {
                        subs.add(body(i -> {
                            try {
                                i.yield("i1");
                                throw k;
                            } catch (KeyError x) {
                                log.add("inner except");
                                throw x;
                            } finally {
                                log.add("inner finally");
                            }
                        }, e));
                        m.yieldFrom(subs.get(subs.size() - 1));
                    } catch (KeyError x) {
                        log.add("middle except");
                        throw x;
                    } finally {
                        log.add("middle finally");
                    }
                }, e));
                y.yieldFrom(subs.get(subs.size() - 1));
            } catch (KeyError x) {
                log.add("outer except");
                throw x;
            } finally {
                log.add("outer finally");
            }
        }, e);
        assertThat(g.next()).isEqualTo("i1");
        assertThatThrownBy(g::next).isSameAs(k);
        assertThat(log).containsExactly(
                "inner except", "inner finally", "middle except", "middle finally", "outer except", "outer finally");
        assertThat(states(g, subs.get(0), subs.get(1))).containsOnly(State.CLOSED);
        IllegalArgumentException late = new IllegalArgumentException("late");
        assertThatThrownBy(() -> g.throwIn(late)).isSameAs(late);
    }

    // ------------------------------------------------------------------------------------------- 4. close

    /** A level that yields {@code name} if it has no delegate, or else delegates to {@code sub}. */
    static Generator<String> level(Engine e, String name, List<String> log, Generator<String> sub) {
        return body(y -> {
            try {
                if (sub == null) {
                    y.yield(name);
                } else {
                    y.yieldFrom(sub);
                }
            } catch (GeneratorExit x) {
                log.add(name + " exit");
                throw x;
            } finally {
                log.add(name + " finally");
            }
        }, e);
    }

    /**
     * Closing the outermost raises GeneratorExit in the innermost first; the handlers run from the inside out.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> def level(name, log, sub):
 * ...     try:
 * ...         if sub is None:
 * ...             yield name
 * ...         else:
 * ...             yield from sub
 * ...     except GeneratorExit:
 * ...         log.append(name + ' exit'); raise
 * ...     finally:
 * ...         log.append(name + ' finally')
 * ...
 * >>> log = []; i = level('inner', log, None); m = level('middle', log, i); g = level('outer', log, m)
 * >>> next(g)
 * 'inner'
 * >>> g.close()
 * >>> log, st(g), st(m), st(i)
 * (['inner exit', 'inner finally', 'middle exit', 'middle finally', 'outer exit', 'outer finally'], 'GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED')
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void closeReachesTheInnermostFirstAndRunsTheFinallyBlocksInsideOut(Engine e) {
        Generator<String> i = level(e, "inner", log, null);
        Generator<String> m = level(e, "middle", log, i);
        Generator<String> g = level(e, "outer", log, m);
        assertThat(g.next()).isEqualTo("inner");
        g.close();
        assertThat(log).containsExactly(
                "inner exit", "inner finally", "middle exit", "middle finally", "outer exit", "outer finally");
        assertThat(states(g, m, i)).containsOnly(State.CLOSED);
    }

    /**
     * A middle level that swallows GeneratorExit and yields: its own close fails with "generator ignored
     * GeneratorExit", raised inside the outer level at its yield from (whose handlers see it), and out of the
     * outer close. The middle stays suspended at its new yield; the outer is closed.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> def level(name, log, sub):
 * ...     try:
 * ...         if sub is None:
 * ...             yield name
 * ...         else:
 * ...             yield from sub
 * ...     except GeneratorExit:
 * ...         log.append(name + ' exit'); raise
 * ...     finally:
 * ...         log.append(name + ' finally')
 * ...
 * >>> def stubborn(log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     except GeneratorExit:
 * ...         log.append('middle swallows')
 * ...         yield 'm-ignored'
 * ...         log.append('middle resumed')
 * ...
 * >>> def outer(log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     except RuntimeError as e:
 * ...         log.append('outer saw ' + str(e)); raise
 * ...     finally:
 * ...         log.append('outer finally')
 * ...
 * >>> log = []; i = level('inner', log, None); m = stubborn(log, i); g = outer(log, m)
 * >>> next(g)
 * 'inner'
 * >>> g.close()
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 *   File "<console>", line 3, in outer
 * RuntimeError: generator ignored GeneratorExit
 * >>> log, st(g), st(m), st(i)
 * (['inner exit', 'inner finally', 'middle swallows', 'outer saw generator ignored GeneratorExit', 'outer finally'], 'GEN_CLOSED', 'GEN_SUSPENDED', 'GEN_CLOSED')
 * >>> next(m)
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 * StopIteration
 * >>> log, st(m)
 * (['inner exit', 'inner finally', 'middle swallows', 'outer saw generator ignored GeneratorExit', 'outer finally', 'middle resumed'], 'GEN_CLOSED')
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aMiddleLevelThatIgnoresGeneratorExitFailsTheCloseInsideTheOuterLevel(Engine e) {
        Generator<String> i = level(e, "inner", log, null);
        Generator<String> m = body(y -> {
            try {
                y.yieldFrom(i);
            } catch (GeneratorExit x) {
                log.add("middle swallows");
                y.yield("m-ignored");
                log.add("middle resumed");
            }
        }, e);
        Generator<String> g = body(y -> {
            try {
                y.yieldFrom(m);
            } catch (IllegalStateException x) {
                log.add("outer saw " + x.getMessage());
                throw x;
            } finally {
                log.add("outer finally");
            }
        }, e);
        assertThat(g.next()).isEqualTo("inner");
        assertThatThrownBy(g::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
        assertThat(log).containsExactly("inner exit", "inner finally", "middle swallows",
                "outer saw generator ignored GeneratorExit", "outer finally");
        assertThat(states(g, m, i)).containsExactly(State.CLOSED, State.SUSPENDED, State.CLOSED);
        assertThatThrownBy(m::next).isInstanceOf(NoSuchElementException.class);
        assertThat(log).endsWith("middle resumed");
        assertThat(m.state()).isEqualTo(State.CLOSED);
    }

    // ------------------------------------------------------------------------------- 5. already executing

    /** A level that delegates to {@code sub} and logs its finally. */
    static Generator<String> passing(Engine e, String name, List<String> log, Generator<String> sub) {
        return body(y -> {
            try {
                y.yieldFrom(sub);
            } finally {
                log.add(name + " finally");
            }
        }, e);
    }

    /**
     * From inside the innermost body every level of the chain is running, and a next() of any of them, the
     * innermost itself included, fails with "generator already executing" and changes nothing: the chain goes on.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> gens = {}
 * >>> def inner(log):
 * ...     log.append(tuple(st(gens[n]) for n in ('outer', 'middle', 'inner')))
 * ...     for n in ('outer', 'middle', 'inner'):
 * ...         try:
 * ...             next(gens[n])
 * ...         except ValueError as e:
 * ...             log.append((n, str(e)))
 * ...     yield 'i1'
 * ...     yield 'i2'
 * ...
 * >>> def level(name, log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     finally:
 * ...         log.append(name + ' finally')
 * ...
 * >>> log = []; gens['inner'] = inner(log); gens['middle'] = level('middle', log, gens['inner']); gens['outer'] = level('outer', log, gens['middle'])
 * >>> next(gens['outer'])
 * 'i1'
 * >>> log
 * [('GEN_RUNNING', 'GEN_RUNNING', 'GEN_RUNNING'), ('outer', 'generator already executing'), ('middle', 'generator already executing'), ('inner', 'generator already executing')]
 * >>> list(gens['outer'])
 * ['i2']
 * >>> log, [st(gens[n]) for n in ('outer', 'middle', 'inner')]
 * ([('GEN_RUNNING', 'GEN_RUNNING', 'GEN_RUNNING'), ('outer', 'generator already executing'), ('middle', 'generator already executing'), ('inner', 'generator already executing'), 'middle finally', 'outer finally'], ['GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED'])
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void everyLevelIsAlreadyExecutingFromInsideTheInnermost(Engine e) {
        List<Generator<String>> gens = new ArrayList<>(); // outer, middle, inner
        String[] names = {"outer", "middle", "inner"};
        Generator<String> inner = body(y -> {
            log.add(String.valueOf(states(gens.get(0), gens.get(1), gens.get(2))));
            for (int k = 0; k < 3; k++) {
                try {
                    gens.get(k).next();
                } catch (IllegalStateException x) {
                    log.add(names[k] + " " + x.getMessage());
                }
            }
            y.yield("i1");
            y.yield("i2");
        }, e);
        Generator<String> middle = passing(e, "middle", log, inner);
        Generator<String> outer = passing(e, "outer", log, middle);
        gens.addAll(List.of(outer, middle, inner));
        assertThat(outer.next()).isEqualTo("i1");
        assertThat(log).containsExactly("[RUNNING, RUNNING, RUNNING]", "outer generator already executing",
                "middle generator already executing", "inner generator already executing");
        assertThat(outer.toList()).containsExactly("i2");
        assertThat(log).endsWith("middle finally", "outer finally").hasSize(6);
        assertThat(states(outer, middle, inner)).containsOnly(State.CLOSED);
    }

    /**
     * The innermost body resumes a running level (the outermost, the middle or itself) and does not catch: the
     * error is raised in the innermost body, climbs through the middle and the outer, and every level ends closed.
     * <pre>
 * >>> import inspect, traceback
 * >>> st = inspect.getgeneratorstate
 * >>> gens = {}
 * >>>
 * >>> def level(name, log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     finally:
 * ...         log.append(name + ' finally')
 * ...
 * >>> def careless(log, target):
 * ...     try:
 * ...         yield 'c1'
 * ...         next(gens[target])
 * ...     finally:
 * ...         log.append('inner finally')
 * ...
 * >>> for target in ('outer', 'middle', 'inner'):
 * ...     log = []; gens['inner'] = careless(log, target); gens['middle'] = level('middle', log, gens['inner']); gens['outer'] = level('outer', log, gens['middle'])
 * ...     print(next(gens['outer']))
 * ...     try:
 * ...         next(gens['outer'])
 * ...     except ValueError as e:
 * ...         print(target, repr(e), [f.name for f in traceback.extract_tb(e.__traceback__)])
 * ...     print(log, [st(gens[n]) for n in ('outer', 'middle', 'inner')])
 * ...
 * c1
 * outer ValueError('generator already executing') ['<module>', 'level', 'level', 'careless']
 * ['inner finally', 'middle finally', 'outer finally'] ['GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED']
 * c1
 * middle ValueError('generator already executing') ['<module>', 'level', 'level', 'careless']
 * ['inner finally', 'middle finally', 'outer finally'] ['GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED']
 * c1
 * inner ValueError('generator already executing') ['<module>', 'level', 'level', 'careless']
 * ['inner finally', 'middle finally', 'outer finally'] ['GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED']
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void alreadyExecutingRaisedInTheInnermostClosesTheChain(Engine e) {
        for (int target = 0; target < 3; target++) {
            log.clear();
            List<Generator<String>> gens = new ArrayList<>(); // outer, middle, inner
            int t = target;
            Generator<String> inner = body(y -> {
                try {
                    y.yield("c1");
                    gens.get(t).next();
                } finally {
                    log.add("inner finally");
                }
            }, e);
            Generator<String> middle = passing(e, "middle", log, inner);
            Generator<String> outer = passing(e, "outer", log, middle);
            gens.addAll(List.of(outer, middle, inner));
            assertThat(outer.next()).isEqualTo("c1");
            assertThatThrownBy(outer::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("generator already executing");
            assertThat(log).containsExactly("inner finally", "middle finally", "outer finally");
            assertThat(states(outer, middle, inner)).containsOnly(State.CLOSED);
        }
    }

    // ------------------------------------------------------------------- 6. a middle level driven directly

    /** A level that delegates to {@code sub}, logs what that returned, yields {@code then} and returns {@code r}. */
    static Generator<Object> relay(
            Engine e, String name, List<String> log, Generator<Object> sub, String then, String r) {
        return returning(y -> {
            log.add(name + " got " + y.yieldFrom(sub));
            y.yield(then);
            return r;
        }, e);
    }

    static Generator<Object> oneTwoThree(Engine e, String r) {
        return returning(y -> {
            y.yield(1);
            y.yield(2);
            y.yield(3);
            return r;
        }, e);
    }

    /**
     * The middle level pulled directly while the outer waits in its yield from: the outer sees the middle's
     * progress, and once the middle has ended behind its back, the outer's yield from returns None.
     * <pre>
 * >>> def inner():
 * ...     yield 1; yield 2; yield 3
 * ...     return 'ri'
 * ...
 * >>> def middle(log, sub):
 * ...     r = yield from sub; log.append(('middle got', r))
 * ...     yield 'm'
 * ...     return 'rm'
 * ...
 * >>> def outer(log, sub):
 * ...     r = yield from sub; log.append(('outer got', r))
 * ...     yield 'o'
 * ...
 * >>> log = []; m = middle(log, inner()); g = outer(log, m)
 * >>> next(g)
 * 1
 * >>> next(m)
 * 2
 * >>> next(g)
 * 3
 * >>> next(m)
 * 'm'
 * >>> next(m)
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 * StopIteration: rm
 * >>> next(g)
 * 'o'
 * >>> log
 * [('middle got', 'ri'), ('outer got', None)]
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aMiddleLevelDrivenDirectlyWhileTheOuterDelegatesToIt(Engine e) {
        Generator<Object> m = relay(e, "middle", log, oneTwoThree(e, "ri"), "m", "rm");
        Generator<Object> g = relay(e, "outer", log, m, "o", null);
        assertThat(g.next()).isEqualTo(1);
        assertThat(m.next()).isEqualTo(2);
        assertThat(g.next()).isEqualTo(3);
        assertThat(m.next()).isEqualTo("m");
        assertThatThrownBy(m::next).isInstanceOf(NoSuchElementException.class);
        assertThat(m.returnValue()).isEqualTo("rm");
        assertThat(g.next()).isEqualTo("o");
        assertThat(log).containsExactly("middle got ri", "outer got null");
    }

    /**
     * The middle level closed directly while the outer waits in its yield from: the chain below it is closed,
     * the outer's yield from then returns None at the next next(), or raises a thrown exception in the outer.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> def inner(log):
 * ...     try:
 * ...         yield 1; yield 2
 * ...     finally:
 * ...         log.append('inner finally')
 * ...
 * >>> def middle(log, sub):
 * ...     try:
 * ...         r = yield from sub
 * ...         return r
 * ...     finally:
 * ...         log.append('middle finally')
 * ...
 * >>> def outer(log, sub):
 * ...     try:
 * ...         r = yield from sub; log.append(('outer got', r))
 * ...         yield 'o1'
 * ...     except ValueError as e:
 * ...         log.append('outer caught ' + str(e))
 * ...         yield 'o-caught'
 * ...
 * >>> log = []; i = inner(log); m = middle(log, i); g = outer(log, m); next(g)
 * 1
 * >>> m.close()
 * >>> log, st(g), st(m), st(i)
 * (['inner finally', 'middle finally'], 'GEN_SUSPENDED', 'GEN_CLOSED', 'GEN_CLOSED')
 * >>> next(g)
 * 'o1'
 * >>> log
 * ['inner finally', 'middle finally', ('outer got', None)]
 * >>> log = []; i = inner(log); m = middle(log, i); g = outer(log, m); next(g)
 * 1
 * >>> m.close()
 * >>> g.throw(ValueError('late'))
 * 'o-caught'
 * >>> log, st(g)
 * (['inner finally', 'middle finally', 'outer caught late'], 'GEN_SUSPENDED')
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aMiddleLevelClosedDirectlyWhileTheOuterDelegatesToIt(Engine e) {
        for (boolean thenThrow : new boolean[] {false, true}) {
            log.clear();
            Generator<Object> i = body(y -> {
                try {
                    y.yield(1);
                    y.yield(2);
                } finally {
                    log.add("inner finally");
                }
            }, e);
            Generator<Object> m = returning(y -> {
                try {
                    return y.yieldFrom(i);
                } finally {
                    log.add("middle finally");
                }
            }, e);
            Generator<Object> g = body(y -> {
                try {
                    log.add("outer got " + y.yieldFrom(m));
                    y.yield("o1");
                } catch (IllegalArgumentException x) {
                    log.add("outer caught " + x.getMessage());
                    y.yield("o-caught");
                }
            }, e);
            assertThat(g.next()).isEqualTo(1);
            m.close();
            assertThat(log).containsExactly("inner finally", "middle finally");
            assertThat(states(g, m, i)).containsExactly(State.SUSPENDED, State.CLOSED, State.CLOSED);
            if (thenThrow) {
                assertThat(g.throwIn(new IllegalArgumentException("late"))).isEqualTo("o-caught");
                assertThat(log).containsExactly("inner finally", "middle finally", "outer caught late");
            } else {
                assertThat(g.next()).isEqualTo("o1");
                assertThat(log).containsExactly("inner finally", "middle finally", "outer got null");
            }
            assertThat(g.state()).isEqualTo(State.SUSPENDED);
        }
    }

    /**
     * A range that a body delegates to, read directly by a map while the body waits in its yield from (the map
     * takes the range's elements itself, Producer.Split): the body sees what the map left, and its yield from ends
     * when the map has exhausted the range.
     * <pre>
     * >>> r = (x for x in range(4))
     * >>> def outer():
     * ...     v = yield from r
     * ...     yield 'after'
     * ...
     * >>> o = outer()
     * >>> next(o)
     * 0
     * >>> m = (x * 10 for x in r)
     * >>> next(m), next(o), list(m), next(o), getgeneratorstate(r)
     * (10, 2, [30], 'after', 'GEN_CLOSED')
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aRangeDelegatedToAndReadByAMapMeanwhile(Engine e) {
        Generator<Integer> r = Generator.range(4);
        Generator<Object> o = body(y -> {
            y.yieldFrom(r);
            y.yield("after");
        }, e);
        assertThat(o.next()).isEqualTo(0);
        Generator<Integer> m = r.map(x -> x * 10);
        assertThat(m.next()).isEqualTo(10);
        assertThat(o.next()).isEqualTo(2);
        List<Integer> rest = new ArrayList<>();
        m.forEachRemaining(rest::add);
        assertThat(rest).containsExactly(30);
        assertThat(o.next()).isEqualTo("after");
        assertThat(r.state()).isEqualTo(State.CLOSED);
    }

    // ---------------------------------------------------------------------------------- 7. a shared delegate

    /**
     * One delegate shared by two delegating generators, itself delegating to a third: each next() of either
     * continues the shared chain; the first to see it end gets its return value, the other None.
     * <pre>
 * >>> def d():
 * ...     yield 'd1'; yield 'd2'
 * ...     return 'rd'
 * ...
 * >>> def c(log):
 * ...     r = yield from d(); log.append(('c got', r))
 * ...     yield 'c1'
 * ...     return 'rc'
 * ...
 * >>> def a(name, log, sub):
 * ...     r = yield from sub; log.append((name + ' got', r))
 * ...     yield name + '-end'
 * ...
 * >>> log = []; shared = c(log); x = a('a', log, shared); z = a('b', log, shared)
 * >>> next(x)
 * 'd1'
 * >>> next(z)
 * 'd2'
 * >>> next(x)
 * 'c1'
 * >>> next(z)
 * 'b-end'
 * >>> next(x)
 * 'a-end'
 * >>> log
 * [('c got', 'rd'), ('b got', 'rc'), ('a got', None)]
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aDelegateSharedByTwoDelegatingGenerators(Engine e) {
        Generator<Object> d = returning(y -> {
            y.yield("d1");
            y.yield("d2");
            return "rd";
        }, e);
        Generator<Object> shared = relay(e, "c", log, d, "c1", "rc");
        Generator<Object> x = relay(e, "a", log, shared, "a-end", null);
        Generator<Object> z = relay(e, "b", log, shared, "b-end", null);
        assertThat(x.next()).isEqualTo("d1");
        assertThat(z.next()).isEqualTo("d2");
        assertThat(x.next()).isEqualTo("c1");
        assertThat(z.next()).isEqualTo("b-end");
        assertThat(x.next()).isEqualTo("a-end");
        assertThat(log).containsExactly("c got rd", "b got rc", "a got null");
    }

    /**
     * A chain shared by two delegating generators, resumed through one of them, whose innermost body pulls the
     * other: that one finds the shared chain running, gets "generator already executing" inside its own yield
     * from, and is closed by it; the innermost catches the error and the chain goes on for the first.
     * <pre>
 * >>> import inspect
 * >>> st = inspect.getgeneratorstate
 * >>> gens = {}
 * >>> def e(log):
 * ...     yield 'e1'
 * ...     try:
 * ...         next(gens['b'])
 * ...     except ValueError as x:
 * ...         log.append('e caught ' + str(x))
 * ...     yield 'e2'
 * ...
 * >>> def d(name, log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     finally:
 * ...         log.append(name + ' finally')
 * ...
 * >>> log = []; gens['e'] = e(log); gens['c'] = d('c', log, gens['e']); gens['a'] = d('a', log, gens['c']); gens['b'] = d('b', log, gens['c'])
 * >>> next(gens['b'])
 * 'e1'
 * >>> next(gens['a'])
 * 'e2'
 * >>> log, [st(gens[n]) for n in ('a', 'b', 'c', 'e')]
 * (['b finally', 'e caught generator already executing'], ['GEN_SUSPENDED', 'GEN_CLOSED', 'GEN_SUSPENDED', 'GEN_SUSPENDED'])
 * >>> next(gens['a'])
 * Traceback (most recent call last):
 *   File "<console>", line 1, in <module>
 * StopIteration
 * >>> log, [st(gens[n]) for n in ('a', 'b', 'c', 'e')]
 * (['b finally', 'e caught generator already executing', 'c finally', 'a finally'], ['GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED', 'GEN_CLOSED'])
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aSecondDelegatorOfARunningSharedChainIsAlreadyExecuting(Engine e) {
        List<Generator<String>> gens = new ArrayList<>(); // a, b, c, e
        Generator<String> innermost = body(y -> {
            y.yield("e1");
            try {
                gens.get(1).next();
            } catch (IllegalStateException x) {
                log.add("e caught " + x.getMessage());
            }
            y.yield("e2");
        }, e);
        Generator<String> c = passing(e, "c", log, innermost);
        Generator<String> a = passing(e, "a", log, c);
        Generator<String> b = passing(e, "b", log, c);
        gens.addAll(List.of(a, b, c, innermost));
        assertThat(b.next()).isEqualTo("e1");
        assertThat(a.next()).isEqualTo("e2");
        assertThat(log).containsExactly("b finally", "e caught generator already executing");
        assertThat(states(a, b, c, innermost))
                .containsExactly(State.SUSPENDED, State.CLOSED, State.SUSPENDED, State.SUSPENDED);
        assertThatThrownBy(a::next).isInstanceOf(NoSuchElementException.class);
        assertThat(log).containsExactly("b finally", "e caught generator already executing", "c finally", "a finally");
        assertThat(states(a, b, c, innermost)).containsOnly(State.CLOSED);
    }

    // ------------------------------------------------------------------ 8. finished and half-consumed delegates

    static Generator<Object> mid(Engine e) {
        return returning(y -> "mid " + y.yieldFrom(oneTwoThree(e, "rl")), e);
    }

    static Generator<Object> endOuter(Engine e, List<String> log, Generator<Object> sub) {
        return relay(e, "outer", log, sub, "end", null);
    }

    /**
     * A yield from of a finished chain yields nothing and returns None (its return value went to whoever ended
     * it); of a half-consumed chain, it yields the rest and returns the chain's return value.
     * <pre>
 * >>> def leaf():
 * ...     yield 1; yield 2; yield 3
 * ...     return 'rl'
 * ...
 * >>> def mid():
 * ...     r = yield from leaf()
 * ...     return ('mid', r)
 * ...
 * >>> def outer(log, sub):
 * ...     r = yield from sub; log.append(('outer got', r))
 * ...     yield 'end'
 * ...
 * >>> log = []; done = mid(); list(done)
 * [1, 2, 3]
 * >>> list(outer(log, done)), log
 * (['end'], [('outer got', None)])
 * >>> log = []; half = mid(); next(half)
 * 1
 * >>> list(outer(log, half)), log
 * ([2, 3, 'end'], [('outer got', ('mid', 'rl'))])
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromAFinishedOrAHalfConsumedChain(Engine e) {
        Generator<Object> done = mid(e);
        assertThat(done.toList()).containsExactly(1, 2, 3);
        assertThat(endOuter(e, log, done).toList()).containsExactly("end");
        assertThat(log).containsExactly("outer got null");
        log.clear();
        Generator<Object> half = mid(e);
        assertThat(half.next()).isEqualTo(1);
        assertThat(endOuter(e, log, half).toList()).containsExactly(2, 3, "end");
        assertThat(log).containsExactly("outer got mid rl");
    }

    // ------------------------------------------------------------------------- 9. delegating again and again

    static Generator<String> leaf(Engine e, int k, List<String> log) {
        return returning(y -> {
            log.add("leaf " + k + " " + y.yield("leaf" + k));
            return k * 10;
        }, e);
    }

    static Generator<String> sub(Engine e, int k, List<String> log) {
        return returning(y -> (Integer) y.yieldFrom(leaf(e, k, log)) + 1, e);
    }

    /**
     * A middle level that delegates to a new two-level sub-chain three times in a loop: sent values reach each
     * new leaf, each sub-chain's return value comes back, and their sum goes up to the outer.
     * <pre>
 * >>> def leaf(k, log):
 * ...     x = yield 'leaf%d' % k; log.append(('leaf', k, x))
 * ...     return k * 10
 * ...
 * >>> def sub(k, log):
 * ...     r = yield from leaf(k, log)
 * ...     return r + 1
 * ...
 * >>> def middle(log):
 * ...     total = 0
 * ...     for k in range(3):
 * ...         r = yield from sub(k, log); log.append(('middle got', r)); total += r
 * ...     return total
 * ...
 * >>> def outer(log):
 * ...     r = yield from middle(log); log.append(('outer got', r))
 * ...     yield 'done'
 * ...
 * >>> log = []; g = outer(log); next(g)
 * 'leaf0'
 * >>> g.send('a')
 * 'leaf1'
 * >>> g.send('b')
 * 'leaf2'
 * >>> g.send('c')
 * 'done'
 * >>> log
 * [('leaf', 0, 'a'), ('middle got', 1), ('leaf', 1, 'b'), ('middle got', 11), ('leaf', 2, 'c'), ('middle got', 21), ('outer got', 33)]
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aMiddleLevelDelegatesToANewSubChainAfterEachEnds(Engine e) {
        Generator<String> middle = returning(y -> {
            int total = 0;
            for (int k = 0; k < 3; k++) {
                int r = (Integer) y.yieldFrom(sub(e, k, log));
                log.add("middle got " + r);
                total += r;
            }
            return total;
        }, e);
        Generator<String> g = body(y -> {
            log.add("outer got " + y.yieldFrom(middle));
            y.yield("done");
        }, e);
        assertThat(g.next()).isEqualTo("leaf0");
        assertThat(g.send("a")).isEqualTo("leaf1");
        assertThat(g.send("b")).isEqualTo("leaf2");
        assertThat(g.send("c")).isEqualTo("done");
        assertThat(log).containsExactly("leaf 0 a", "middle got 1", "leaf 1 b", "middle got 11", "leaf 2 c",
                "middle got 21", "outer got 33");
    }

    // --------------------------------------------------------------------- 10. PEP 479 through three levels

    /**
     * NoSuchElementException escaping the innermost body becomes IllegalStateException there (Python: a
     * StopIteration becomes RuntimeError, with the original as its cause), and that climbs through the others.
     * <pre>
 * >>> def inner(log):
 * ...     try:
 * ...         yield 'i1'
 * ...         next(iter([]))
 * ...     finally:
 * ...         log.append('inner finally')
 * ...
 * >>> def middle(log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     except RuntimeError as e:
 * ...         log.append(('middle saw', str(e), type(e.__cause__).__name__)); raise
 * ...     finally:
 * ...         log.append('middle finally')
 * ...
 * >>> def outer(log, sub):
 * ...     try:
 * ...         yield from sub
 * ...     finally:
 * ...         log.append('outer finally')
 * ...
 * >>> log = []; g = outer(log, middle(log, inner(log))); next(g)
 * 'i1'
 * >>> try:
 * ...     next(g)
 * ... except RuntimeError as e:
 * ...     print(repr(e), repr(e.__cause__))
 * ...
 * RuntimeError('generator raised StopIteration') StopIteration()
 * >>> log
 * ['inner finally', ('middle saw', 'generator raised StopIteration', 'StopIteration'), 'middle finally', 'outer finally']
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("engines")
    void noSuchElementFromTheInnermostBecomesIllegalStateThroughEveryLevel(Engine e) {
        Generator<String> inner = body(y -> {
            try {
                y.yield("i1");
                Collections.emptyIterator().next();
            } finally {
                log.add("inner finally");
            }
        }, e);
        Generator<String> middle = body(y -> {
            try {
                y.yieldFrom(inner);
            } catch (IllegalStateException x) {
                log.add("middle saw " + x.getMessage() + " " + x.getCause().getClass().getSimpleName());
                throw x;
            } finally {
                log.add("middle finally");
            }
        }, e);
        Generator<String> g = passing(e, "outer", log, middle);
        assertThat(g.next()).isEqualTo("i1");
        assertThatThrownBy(g::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator raised NoSuchElementException")
                .hasCauseInstanceOf(NoSuchElementException.class);
        assertThat(log).containsExactly("inner finally",
                "middle saw generator raised NoSuchElementException NoSuchElementException", "middle finally",
                "outer finally");
    }

    // ------------------------------------------------------------------------------------ depth 10,000

    /** Level {@code n} of a chain: level 0 yields 1, 2, 3; every level logs its number in its finally. */
    static Generator<Integer> nested(int n, List<String> log) {
        return Generator.of(y -> {
            try {
                if (n == 0) {
                    y.yield(1);
                    y.yield(2);
                    y.yield(3);
                } else {
                    y.yieldFrom(nested(n - 1, log));
                }
            } finally {
                log.add(String.valueOf(n));
            }
        });
    }

    /**
     * 10,000 nested levels: the values of the innermost reach the outermost, and close runs the 10,001 finally
     * blocks from the inside out. CPython needs a raised recursion limit for this depth. Disabled while each level
     * of a yieldFrom chain adds frames to the stack of every request: the first next() overflows it.
     * <pre>
 * >>> import sys; sys.setrecursionlimit(100000)
 * >>> def g(n, log):
 * ...     try:
 * ...         if n == 0:
 * ...             yield 1; yield 2; yield 3
 * ...         else:
 * ...             yield from g(n - 1, log)
 * ...     finally:
 * ...         log.append(n)
 * ...
 * >>> log = []; x = g(10000, log); next(x), next(x)
 * (1, 2)
 * >>> x.close()
 * >>> len(log), log[:3], log[-3:], log == list(range(10001))
 * (10001, [0, 1, 2], [9998, 9999, 10000], True)
     * </pre>
     */
    @Test
    void aChainOfDepth10000YieldsAndClosesInsideOut() {
        Generator<Integer> x = nested(10_000, log);
        assertThat(x.next()).isEqualTo(1);
        assertThat(x.next()).isEqualTo(2);
        x.close();
        assertThat(log).isEqualTo(IntStream.rangeClosed(0, 10_000).mapToObj(String::valueOf).toList());
        log.clear();
        assertThat(nested(10_000, log).toList()).containsExactly(1, 2, 3);
        assertThat(log).hasSize(10_001);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** {@code Generator.of(b, e)}, checked to run on {@code e}: a body the bytecode engine cannot rewrite would not. */
    private static <T> Generator<T> body(Generator.Body<T> b, Engine e) {
        return onItsEngine(Generator.of(b, e), e);
    }

    /** {@code Generator.ofReturning(b, e)}, checked to run on {@code e}. */
    private static <T> Generator<T> returning(Generator.ReturningBody<T> b, Engine e) {
        return onItsEngine(Generator.ofReturning(b, e), e);
    }

    private static <T> Generator<T> onItsEngine(Generator<T> g, Engine e) {
        assertThat(g.engineName()).isEqualTo(e.name().toLowerCase(Locale.ROOT));
        return g;
    }

    private static List<State> states(Generator<?>... gens) {
        return Stream.of(gens).map(Generator::state).toList();
    }
}
