package dev.jyield;

import java.util.function.Consumer;

/**
 * A generator body: pushed by a terminal operation, or handed to a pull engine when first pulled. On the bytecode
 * engine it then runs the body's state machine itself (as the {@link BytecodeSource} it is), which saves a started
 * generator an object; the stackful engines get sources of their own.
 */
final class BodySource<T> extends BytecodeSource<T> {
    /**
     * A {@link Generator.Body}, {@link Generator.ReturningBody} or {@link Coroutine.Body}; null once its state
     * machine is installed.
     */
    private Object body;
    private final Engine engine;

    /** {@code returning} must say whether the body returns a value, as its type does: it is not kept. */
    BodySource(Object body, boolean returning, Engine engine) {
        assert returning == !(body instanceof Generator.Body<?>);
        this.body = body;
        this.engine = Engine.orConfigured(engine);
    }

    /** Whether the body returns a value: every kind of body but {@link Generator.Body} does. */
    private static boolean returning(Object body) {
        return !(body instanceof Generator.Body<?>);
    }

    @SuppressWarnings("unchecked")
    static <T> Object run(Object body, boolean returning, Coroutine.Channel<T, Object> y) throws Exception {
        if (body instanceof Coroutine.Body<?, ?, ?> c) {
            return ((Coroutine.Body<T, Object, ?>) c).run(y);
        }
        if (returning) {
            return ((Generator.ReturningBody<T>) body).run(y);
        }
        ((Generator.Body<T>) body).run(y);
        return null;
    }

    @Override
    Source<T> forPull(Object owner) {
        Engine e = engine.forPull();
        Object b = body;
        if (b == null) {
            return this; // a racer has installed the machine; the start of only one of us will run it
        }
        boolean returning = returning(b);
        if (e == Engine.BYTECODE) {
            if (BytecodeEngine.install(this, b, returning, owner)) {
                body = null; // the machine holds what the body captured
                return this;
            }
            e = Engine.stackful();
        }
        return switch (e) {
            case CONTINUATION -> new ContinuationSource<>(b, returning, owner);
            default -> new ThreadSource<>(b, returning, owner);
        };
    }

    @Override
    boolean canPush() {
        return engine.pushes();
    }

    @Override
    Object push(Consumer<? super T> sink) {
        PushYielder<T> y = new PushYielder<>(sink);
        Object result;
        try {
            result = run(body, returning(body), y);
        } catch (Throwable t) {
            throw y.rethrow(t);
        }
        y.done();
        return result;
    }

    @Override
    String engineReport() {
        if (body == null) {
            return "bytecode"; // it runs there, or ran there and is closed
        }
        boolean returning = returning(body);
        Engine pull = engine.forPull();
        String reason = pull == Engine.BYTECODE ? BytecodeEngine.explain(body, returning) : null;
        String name = (reason == null ? pull : Engine.stackful()).name().toLowerCase(java.util.Locale.ROOT);
        String report = engine.pushes()
                ? "push when a terminal operation consumes it from its start, else " + name
                : name;
        if (engine == Engine.DEFAULT && engine != Engine.AUTO) {
            report += " (-Djyield.engine=" + engine.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        return reason == null ? report : report + "; not bytecode because " + reason;
    }

    @Override
    String engineName() {
        if (body == null) {
            return "bytecode";
        }
        boolean returning = returning(body);
        if (engine.pushes()) {
            return "push";
        }
        Engine e = engine.forPull();
        if (e == Engine.BYTECODE && BytecodeEngine.fallbackReason(body, returning) != null) {
            e = Engine.stackful();
        }
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
