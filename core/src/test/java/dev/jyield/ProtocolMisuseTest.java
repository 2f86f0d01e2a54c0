package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of the README's table of Python errors that no other test pins down with the README's wording: what
 * each misuse of the protocol raises, on every engine.
 */
class ProtocolMisuseTest {

    /**
     * <pre>
     * >>> def g():
     * ...     x = yield 1
     * ...     yield x
     * >>> it = g()
     * >>> it.send(5)
     * TypeError: can't send non-None value to a just-started generator
     * >>> next(it)
     * 1
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#pull")
    void sendOfAValueToAJustStartedGenerator(Engine e) {
        Generator<Object> g = Generator.of(y -> y.yield(y.yield(1)), e);
        assertThatThrownBy(() -> g.send(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("can't send non-null value to a just-started generator (sent: 5)");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.next()).isEqualTo(1);
    }

    /**
     * <pre>
     * >>> it = g(); list(it)
     * [1, None]
     * >>> it.send(5)
     * StopIteration
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#pull")
    void sendToAnExhaustedGenerator(Engine e) {
        Generator<Object> g = Generator.of(y -> y.yield(y.yield(1)), e);
        assertThat(g.toList()).containsExactly(1, null);
        assertThatThrownBy(() -> g.send(5))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("generator exhausted");
    }

    /**
     * <pre>
     * >>> def d():
     * ...     yield from [1, 2]
     * >>> it = d()
     * >>> next(it)
     * 1
     * >>> it.send(5)
     * AttributeError: 'list_iterator' object has no attribute 'send'
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#pull")
    void sendToThePlainIterableOfAYieldFrom(Engine e) {
        Generator<Integer> g = Generator.of(y -> y.yieldFrom(List.of(1, 2)), e);
        assertThat(g.next()).isEqualTo(1);
        assertThatThrownBy(() -> g.send(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot send 5 to the delegate of yieldFrom: a plain iterator cannot receive sent values");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /**
     * <pre>
     * >>> def n():
     * ...     yield from None
     * >>> list(n())
     * TypeError: 'NoneType' object is not iterable
     * >>> it = g()
     * >>> it.throw(None)
     * TypeError: exceptions must be classes or instances deriving from BaseException, not NoneType
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void nullForYieldFromOrThrowIn(Engine e) {
        assertThatThrownBy(() -> Generator.<Integer>of(y -> y.yieldFrom((Iterable<Integer>) null), e).toList())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> Generator.<Integer>of(y -> y.yieldFrom((Generator<Integer>) null), e).toList())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sub");
        Generator<Integer> g = Generator.of(y -> y.yield(1), e);
        assertThatThrownBy(() -> g.throwIn(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("exception");
    }

    /** Python has no twin: {@code yield} is syntax and cannot be kept. */
    @ParameterizedTest
    @MethodSource("dev.jyield.Engines#all")
    void aYielderUsedAfterItsBodyReturned(Engine e) {
        AtomicReference<Yielder<Integer>> kept = new AtomicReference<>();
        Generator<Integer> g = Generator.of(y -> {
            kept.set(y);
            y.yield(1);
        }, e);
        assertThat(g.toList()).containsExactly(1);
        assertThatThrownBy(() -> kept.get().yield(2)).isInstanceOf(IllegalStateException.class);
    }
}
