package dev.jyield.internal;

import dev.jyield.Generator;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * The superclass of the state machines that the bytecode engine generates from generator bodies. Not API.
 *
 * <p>A generated subclass is a hidden nestmate of the body's class (so that it reaches the body's private
 * members), which puts it in the body's package; this class is public only so that such a subclass can extend
 * it, and its package is exported to nobody but the modules of rewritten bodies.
 */
public abstract class StateMachine {
    /**
     * How the last {@link #resume} ended, when it did not yield: {@code Source.DELEGATE} (its result is a
     * {@code Generator} or an {@code Iterator} to delegate to) or {@code Source.RETURN} (its result is the return
     * value). Zero ({@code Source.YIELD}) after a yield; the caller resets it after reading another outcome.
     */
    public int outcome;

    /** For generated subclasses only. */
    protected StateMachine() {}

    /**
     * Runs the body from its current suspension point to the next one.
     *
     * @param sent the result of the paused yield (null on the first call)
     * @param thrown if non-null, raised at the paused yield instead
     * @return the value yielded, or what goes with {@link #outcome}
     */
    public abstract Object resume(Object sent, Throwable thrown);

    /**
     * What a rewritten {@code yieldFrom(Generator)} hands to the driver.
     *
     * @param sub the sub-generator
     * @return {@code sub}
     * @throws NullPointerException if {@code sub} is null, as {@code Yielder.yieldFrom} does
     */
    public static Object delegate(Generator<?> sub) {
        return Objects.requireNonNull(sub, "sub");
    }

    /**
     * What a rewritten {@code yieldFrom(Iterable)} hands to the driver: a generator itself, else its iterator.
     *
     * @param source the elements to yield
     * @return the generator, or the iterator to drain
     * @throws NullPointerException if {@code source} is null, as {@code Yielder.yieldFrom} does
     */
    public static Object delegate(Iterable<?> source) {
        Objects.requireNonNull(source, "source");
        return source instanceof Generator<?> g ? g : source.iterator();
    }

    /**
     * {@link LambdaMetafactory#metafactory} for the lambdas written inside a rewritten body, on behalf of the
     * body's class: the lambda is made as that class would make it (its capturing class is the body's class, not
     * the hidden state machine, which cannot be named in a {@code SerializedLambda}).
     *
     * @param caller the lookup of the state machine; it must have full privilege
     * @param name as for {@link LambdaMetafactory#metafactory}
     * @param type as for {@link LambdaMetafactory#metafactory}
     * @param erased as for {@link LambdaMetafactory#metafactory}
     * @param impl as for {@link LambdaMetafactory#metafactory}
     * @param instantiated as for {@link LambdaMetafactory#metafactory}
     * @return the call site
     * @throws LambdaConversionException as {@link LambdaMetafactory#metafactory} does
     * @throws IllegalAccessException if the caller lacks full privilege
     */
    public static CallSite metafactory(MethodHandles.Lookup caller, String name, MethodType type, MethodType erased,
            MethodHandle impl, MethodType instantiated) throws LambdaConversionException, IllegalAccessException {
        return LambdaMetafactory.metafactory(hostLookup(caller), name, type, erased, impl, instantiated);
    }

    /**
     * {@link LambdaMetafactory#altMetafactory} on behalf of the body's class, as {@link #metafactory}.
     *
     * @param caller the lookup of the state machine; it must have full privilege
     * @param name as for {@link LambdaMetafactory#altMetafactory}
     * @param type as for {@link LambdaMetafactory#altMetafactory}
     * @param args as for {@link LambdaMetafactory#altMetafactory}
     * @return the call site
     * @throws LambdaConversionException as {@link LambdaMetafactory#altMetafactory} does
     * @throws IllegalAccessException if the caller lacks full privilege
     */
    public static CallSite altMetafactory(MethodHandles.Lookup caller, String name, MethodType type, Object... args)
            throws LambdaConversionException, IllegalAccessException {
        return LambdaMetafactory.altMetafactory(hostLookup(caller), name, type, args);
    }

    private static MethodHandles.Lookup hostLookup(MethodHandles.Lookup caller) throws IllegalAccessException {
        if (!caller.hasFullPrivilegeAccess()) {
            throw new IllegalAccessException("not a lookup with full privilege: " + caller);
        }
        // The caller may do anything in its nest already; this only names the nest host as the lambda's owner.
        return MethodHandles.privateLookupIn(caller.lookupClass().getNestHost(), MethodHandles.lookup());
    }
}
