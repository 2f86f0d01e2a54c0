package dev.jyield;

import static dev.jyield.Util.sneaky;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The stackful engine on the JDK's internal {@code jdk.internal.vm.Continuation}, the mechanism under virtual
 * threads, used without a thread. Available only when the JVM exports {@code jdk.internal.vm} to this library
 * ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} on the class path, {@code =dev.jyield} on the
 * module path). javac refuses that export together with {@code --release}, so the class is reached through
 * {@code static final} method handles, which the JIT treats as direct calls.
 */
final class ContinuationSource<T> extends StackfulSource<T> {
    static final boolean AVAILABLE;
    /** Why the engine is unavailable, or null. */
    static final String UNAVAILABLE_REASON;
    static final String FIX = "start the JVM with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED "
            + "(or =dev.jyield when jyield is on the module path)";

    private static final MethodHandle NEW_CONTINUATION; // (Runnable) -> Object
    private static final MethodHandle RUN;              // (Object) -> void
    private static final MethodHandle YIELD;            // () -> boolean
    private static final MethodHandle CURRENT;          // () -> Object

    static {
        MethodHandle newContinuation = null;
        MethodHandle run = null;
        MethodHandle yield = null;
        MethodHandle current = null;
        String reason = null;
        try {
            if (Boolean.getBoolean("jyield.test.noContinuation")) {
                throw new UnsupportedOperationException("disabled by jyield.test.noContinuation");
            }
            Class<?> cont = Class.forName("jdk.internal.vm.Continuation");
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            if (!cont.getModule().isExported("jdk.internal.vm", ContinuationSource.class.getModule())) {
                throw new UnsupportedOperationException("jdk.internal.vm is not exported to jyield");
            }
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("jyield");
            newContinuation = MethodHandles.insertArguments(
                            lookup.findConstructor(cont, MethodType.methodType(void.class, scopeClass, Runnable.class)),
                            0, scope)
                    .asType(MethodType.methodType(Object.class, Runnable.class));
            run = lookup.findVirtual(cont, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            yield = MethodHandles.insertArguments(
                    lookup.findStatic(cont, "yield", MethodType.methodType(boolean.class, scopeClass)), 0, scope);
            current = MethodHandles.insertArguments(
                            lookup.findStatic(cont, "getCurrentContinuation", MethodType.methodType(cont, scopeClass)),
                            0, scope)
                    .asType(MethodType.methodType(Object.class));
        } catch (Throwable t) {
            reason = t.toString();
            newContinuation = run = yield = current = null;
        }
        AVAILABLE = reason == null;
        UNAVAILABLE_REASON = reason;
        NEW_CONTINUATION = newContinuation;
        RUN = run;
        YIELD = yield;
        CURRENT = current;
    }

    private final Object continuation;

    ContinuationSource(Object body, boolean returning, Object owner) {
        super(requireAvailable(body), returning, owner);
        try {
            continuation = (Object) NEW_CONTINUATION.invokeExact((Runnable) this::runBody);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    private static Object requireAvailable(Object body) {
        if (!AVAILABLE) {
            throw new IllegalStateException("the continuation engine is not available (" + UNAVAILABLE_REASON
                    + "): " + FIX + ", or choose another engine with -Djyield.engine");
        }
        return body;
    }

    @Override
    void switchToBody() {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable t) {
            // The body's own exceptions never escape runBody: this is the JDK refusing to run the continuation.
            throw new IllegalStateException("the continuation engine cannot resume this generator here: " + t, t);
        }
    }

    @Override
    void switchToConsumer() {
        boolean suspended;
        try {
            suspended = (boolean) YIELD.invokeExact();
        } catch (IllegalStateException e) {
            throw pinned(e.getMessage(), e);
        } catch (Throwable t) {
            throw sneaky(t);
        }
        if (!suspended) {
            throw pinned("pinned", null);
        }
    }

    private static IllegalStateException pinned(String why, Throwable cause) {
        return new IllegalStateException("cannot yield here: the continuation is pinned (" + why + "). A yield "
                + "inside a native frame (such as a static initializer), a critical section, or (before JDK 24) "
                + "a synchronized block cannot suspend. Move the yield out of it, or run this generator with "
                + "-Djyield.engine=thread", cause);
    }

    @Override
    boolean onBodyStack() {
        try {
            return (Object) CURRENT.invokeExact() == continuation;
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    void closeAbandoned() {
        try {
            RUN.invokeExact(continuation); // on the cleaner's thread; the body sees a GeneratorExit
        } catch (Throwable ignored) {
            // why: nobody is left to tell; the continuation is collected with the generator.
        }
    }

    @Override
    String engineName() {
        return "continuation";
    }
}
