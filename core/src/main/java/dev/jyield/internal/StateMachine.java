package dev.jyield.internal;

import dev.jyield.Generator;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * The superclass of the state machines that the bytecode engine generates from generator bodies. Not API.
 *
 * <p>A generated subclass is an ordinary class in the body's own package, class loader and module, so that stack
 * traces and debuggers see it as the body's code. This class is public only so that such a subclass can extend
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
     * What a rewritten {@code yieldFrom(Iterator)} hands to the driver: the iterator itself (a generator is
     * delegated to as one).
     *
     * @param source the iterator to drain
     * @return {@code source}
     * @throws NullPointerException if {@code source} is null, as {@code Yielder.yieldFrom} does
     */
    public static Object delegate(java.util.Iterator<?> source) {
        return Objects.requireNonNull(source, "source");
    }

    /** How a helper method that takes a body's yielder becomes a generator: installed once, by the engine itself. */
    @FunctionalInterface
    public interface Helpers {
        /**
         * A method handle {@code (receiver?, arguments but the yielder) -> Generator} that runs the helper's code.
         *
         * @param owner the class named by the call
         * @param name the helper's name
         * @param desc the helper's descriptor, the yielder last
         * @param target the helper itself, for a generator that runs it on a stackful engine
         * @return the handle
         * @throws ReflectiveOperationException if the helper cannot be reached
         */
        MethodHandle generatorOf(Class<?> owner, String name, String desc, MethodHandle target)
                throws ReflectiveOperationException;
    }

    private static volatile Helpers helpers;

    /**
     * Installs the engine's {@link Helpers}; only the engine may, and only once.
     *
     * @param h the engine's helper factory
     * @throws IllegalStateException if called twice or by another class than the engine
     */
    public static void install(Helpers h) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (helpers != null || caller.getModule() != StateMachine.class.getModule()
                || !caller.getName().equals("dev.jyield.BytecodeEngine")) {
            throw new IllegalStateException("not the engine: " + caller);
        }
        helpers = Objects.requireNonNull(h, "h");
    }

    /**
     * The bootstrap of a state machine's call that hands the body's yielder to a helper: the call site makes the
     * helper's generator from the other arguments, and the machine delegates to it.
     *
     * @param caller the state machine's own lookup: it must have full privilege, in the module of {@code host}
     * @param name the helper's name
     * @param type the call site's type: the receiver (if any) and the arguments but the yielder, giving a Generator
     * @param kind a {@link MethodHandleInfo} reference kind: static, virtual or interface
     * @param owner the class named by the original call
     * @param desc the helper's descriptor, the yielder last
     * @param host the class the body was written in
     * @return a constant call site
     * @throws ReflectiveOperationException if the helper cannot be found or reached from {@code host}
     */
    public static CallSite helper(MethodHandles.Lookup caller, String name, MethodType type, int kind,
            Class<?> owner, String desc, Class<?> host) throws ReflectiveOperationException {
        checkCaller(caller, host);
        MethodHandles.Lookup l = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        MethodType mt = MethodType.fromMethodDescriptorString(desc, host.getClassLoader());
        MethodHandle target = kind == MethodHandleInfo.REF_invokeStatic ? l.findStatic(owner, name, mt)
                : l.findVirtual(owner, name, mt);
        return new ConstantCallSite(helpers.generatorOf(owner, name, desc, target).asType(type));
    }

    private static void checkCaller(MethodHandles.Lookup caller, Class<?> host) throws IllegalAccessException {
        // why: only a class of the host's own module can ask, and such code may reach the host's members anyway.
        if (!caller.hasFullPrivilegeAccess() || caller.lookupClass().getModule() != host.getModule()
                || !caller.lookupClass().getPackageName().equals(host.getPackageName())) {
            throw new IllegalAccessException("not a state machine of " + host.getName() + ": " + caller);
        }
    }

    /**
     * The bootstrap of the state machine's {@code invokedynamic}s that stand for a member its body uses but the
     * machine itself cannot reach (a private member of the body's nest, a protected member of a superclass in
     * another package, a {@code super} call): resolved once through a lookup on the body's class, as that class
     * would resolve it, into a constant call site.
     *
     * @param caller the state machine's own lookup: it must have full privilege, in the module of {@code host}
     * @param name the member's name ({@code "new"} for a constructor)
     * @param type the call site's type: the receiver first for instance members
     * @param kind a {@link MethodHandleInfo} reference kind
     * @param owner the class named by the original instruction
     * @param host the class the body was written in
     * @return a constant call site
     * @throws ReflectiveOperationException if the member cannot be found or reached from {@code host}
     */
    public static CallSite member(MethodHandles.Lookup caller, String name, MethodType type, int kind,
            Class<?> owner, Class<?> host) throws ReflectiveOperationException {
        checkCaller(caller, host);
        MethodHandles.Lookup l = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        MethodHandle h = switch (kind) {
            case MethodHandleInfo.REF_getField -> l.findGetter(owner, name, type.returnType());
            case MethodHandleInfo.REF_putField -> l.findSetter(owner, name, type.parameterType(1));
            case MethodHandleInfo.REF_getStatic -> l.findStaticGetter(owner, name, type.returnType());
            case MethodHandleInfo.REF_putStatic -> l.findStaticSetter(owner, name, type.parameterType(0));
            case MethodHandleInfo.REF_invokeStatic -> l.findStatic(owner, name, type);
            case MethodHandleInfo.REF_invokeVirtual, MethodHandleInfo.REF_invokeInterface ->
                    l.findVirtual(owner, name, type.dropParameterTypes(0, 1));
            case MethodHandleInfo.REF_invokeSpecial -> l.findSpecial(owner, name, type.dropParameterTypes(0, 1), host);
            case MethodHandleInfo.REF_newInvokeSpecial -> l.findConstructor(owner, type.changeReturnType(void.class));
            default -> throw new IllegalArgumentException("reference kind " + kind);
        };
        return new ConstantCallSite(h.asType(type));
    }
}
