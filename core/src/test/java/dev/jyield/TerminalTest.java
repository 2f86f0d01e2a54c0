package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Terminal operations on every engine, push included: the same body gives the same values, return value and
 * effects whichever way it runs.
 */
class TerminalTest {

    static Stream<Engine> engines() {
        return Engines.all();
    }

    private final List<String> log = new ArrayList<>();

    private Generator<Integer> countUpTo(int n, Engine e) {
        return Generator.ofReturning(y -> {
            try {
                for (int i = 1; i <= n; i++) {
                    y.yield(i);
                }
            } finally {
                log.add("finally");
            }
            return "counted " + n;
        }, e);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void toListCountReduceForEachAgreeOnEveryEngine(Engine e) {
        // list(count_up_to(5)) -> [1, 2, 3, 4, 5]; sum(...) -> 15; functools.reduce(mul, ...) -> 120
        assertThat(countUpTo(5, e).toList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(countUpTo(5, e).count()).isEqualTo(5);
        assertThat(countUpTo(5, e).reduce(0, Integer::sum)).isEqualTo(15);
        assertThat(countUpTo(5, e).reduce((a, b) -> a * b)).contains(120);
        assertThat(countUpTo(0, e).reduce((a, b) -> a * b)).isEqualTo(Optional.empty());
        assertThat(countUpTo(3, e).reduce("", (s, x) -> s + x)).isEqualTo("123");
        List<Integer> seen = new ArrayList<>();
        countUpTo(3, e).forEach(seen::add);
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(log).containsExactly("finally", "finally", "finally", "finally", "finally", "finally", "finally");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTerminalOperationKeepsTheReturnValueAndCloses(Engine e) {
        Generator<Integer> g = countUpTo(2, e);
        assertThat(g.toList()).containsExactly(1, 2);
        assertThat(g.returnValue()).isEqualTo("counted 2");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.toList()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTerminalOperationOnAStartedGeneratorTakesTheRest(Engine e) {
        // it = count_up_to(4); next(it); list(it) -> [2, 3, 4]
        Generator<Integer> g = countUpTo(4, e);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.toList()).containsExactly(2, 3, 4);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aFailingConsumerClosesTheBodyBeforeItsExceptionPropagates(Engine e) {
        // The one documented difference of push: the body cannot stay suspended under a failing consumer.
        // On pull engines the body stays suspended and can be closed later; on push it is closed already.
        Generator<Integer> g = countUpTo(5, e);
        IllegalStateException stop = new IllegalStateException("consumer");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> g.forEach(x -> {
            if (x == 2) {
                throw stop;
            }
        })));
        g.close();
        assertThat(log).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void onPushTheBodyIsClosedByTheFailingConsumerAndItsCleanupFailureIsSuppressed() {
        IllegalStateException cleanup = new IllegalStateException("cleanup");
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } finally {
                log.add("finally");
                throw cleanup;
            }
        }, Engine.PUSH);
        IllegalArgumentException stop = new IllegalArgumentException("consumer");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> g.forEach(x -> {
            throw stop;
        }));
        assertSame(stop, thrown);
        assertThat(thrown.getSuppressed()).containsExactly(cleanup);
        assertThat(log).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void onPushABodyThatSwallowsTheExitAndYieldsAgainStillFailsWithTheConsumersException() {
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yield(1);
            } catch (GeneratorExit ex) {
                try {
                    y.yield(2);
                } catch (IllegalStateException ignored) {
                    log.add(ignored.getMessage());
                }
            }
        }, Engine.PUSH);
        IllegalArgumentException stop = new IllegalArgumentException("consumer");
        assertSame(stop, assertThrows(IllegalArgumentException.class, () -> g.forEach(x -> {
            throw stop;
        })));
        assertThat(log).containsExactly("generator ignored GeneratorExit");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyExceptionDuringATerminalOperationIsUnchanged(Engine e) {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw boom;
        }, e);
        assertSame(boom, assertThrows(IllegalArgumentException.class, g::toList));
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void pep479AppliesToTerminalOperationsToo(Engine e) {
        Generator<Integer> g = Generator.of(y -> {
            y.yield(1);
            throw new NoSuchElementException("inner");
        }, e);
        assertThatThrownBy(g::count)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator raised NoSuchElementException");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void yieldFromInATerminalOperation(Engine e) {
        // def outer(): r = yield from count_up_to(2); yield r; yield from [7, 8]
        Generator<Object> g = Generator.of(y -> {
            y.yield(y.yieldFrom(countUpTo(2, e)));
            y.yieldFrom(List.of(7, 8));
        }, e);
        assertThat(g.toList()).containsExactly(1, 2, "counted 2", 7, 8);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aFailingConsumerDuringYieldFromClosesTheDelegate(Engine e) {
        Generator<Integer> sub = countUpTo(5, e);
        Generator<Integer> g = Generator.of(y -> {
            try {
                y.yieldFrom(sub);
            } finally {
                log.add("outer finally");
            }
        }, e);
        assertThrows(IllegalStateException.class, () -> g.forEach(x -> {
            throw new IllegalStateException();
        }));
        g.close();
        assertThat(log).containsExactly("finally", "outer finally");
        assertThat(sub.state()).isEqualTo(Generator.State.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sendsDuringPushAreNull(Engine e) {
        // A terminal operation is a loop of next(): every yield evaluates to None.
        Generator<Object> g = Generator.of(y -> {
            Object a = y.yield("a");
            y.yield(String.valueOf(a));
        }, e);
        assertThat(g.toList()).containsExactly("a", "null");
    }

    @Test
    void theDefaultEngineRunsTerminalOperationsAsAPlainCall() {
        Thread caller = Thread.currentThread();
        Generator<Boolean> g = Generator.of(y -> y.yield(Thread.currentThread() == caller));
        assertThat(g.engineName()).isEqualTo("push");
        assertThat(g.toList()).containsExactly(true);
    }

    @Test
    void fromIterableAndIteratorAndEmpty() {
        // list(iter([1, 2])) -> [1, 2]
        assertThat(Generator.from(List.of(1, 2)).toList()).containsExactly(1, 2);
        assertThat(Generator.from(List.of(1, 2).iterator()).toList()).containsExactly(1, 2);
        assertThat(Generator.empty().toList()).isEmpty();
        Generator<Integer> g = Generator.from(List.of(1, 2, 3));
        assertSame(g, Generator.from(g)); // iter(g) is g
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.toList()).containsExactly(2, 3);
    }

    @Test
    void fromIterableTakesTheIteratorOnlyAtTheFirstRequest() {
        List<Integer> list = new ArrayList<>(List.of(1));
        Generator<Integer> g = Generator.from(list);
        list.add(2);
        assertThat(g.toList()).containsExactly(1, 2);
    }

    @Test
    void toArrayRefusesAnArrayOfTheWrongLengthAsStreamDoes() {
        // Stream.of(1, 2, 3).toArray(n -> new Integer[10]) -> IllegalStateException; so here, not nulls at the end
        assertThatThrownBy(() -> Generator.from(List.of(1, 2, 3)).toArray(n -> new Integer[10]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("newArray made an array of length 10 for 3 values");
        assertThatThrownBy(() -> Generator.from(List.of(1)).toArray(n -> null))
                .isInstanceOf(NullPointerException.class).hasMessage("the array made by newArray");
        assertThat(Generator.from(List.of(1, 2)).toArray(Integer[]::new)).containsExactly(1, 2);
    }

    @Test
    void aKeyThatReturnsNullFailsWhenKeysAreComparedAsInPython() {
        // CPython 3.11:
        // >>> max([1], key=lambda x: None)
        // 1
        // >>> max([1, 2], key=lambda x: None)
        // TypeError: '>' not supported between instances of 'NoneType' and 'NoneType'
        assertThat(Generator.from(List.of(1)).maxBy(x -> (Integer) null)).isEqualTo(1);
        assertThatThrownBy(() -> Generator.from(List.of(1, 2)).maxBy(x -> (Integer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("key returned null for 2, which cannot be compared");
        assertThatThrownBy(() -> Generator.from(List.of(1, 2)).minBy(x -> x == 1 ? null : x))
                .isInstanceOf(NullPointerException.class).hasMessage("key returned null for 1, which cannot be compared");
    }
}
