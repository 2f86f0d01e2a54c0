package dev.jyield;

import java.util.function.Consumer;

/**
 * A generator body: pushed by a terminal operation, or handed to a pull engine when first pulled. On the bytecode
 * engine it then runs the body's state machine itself (as the {@link BytecodeSource} it is); the stackful engines
 * get sources of their own. A body on the default engine does not even need one of these: its generator keeps the
 * body until it starts, then runs the bare machine (see {@code AbstractGenerator.begin}), and makes a body source
 * only for what else it needs (a push, a stackful engine, a machine with a cleaner).
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
    static boolean returning(Object body) {
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

    /**
     * Picks the engine. Writes nothing here: two threads starting one generator may both run this, and only the
     * one whose start wins calls {@link #begun}, where a body that runs here gets its state machine.
     */
    @Override
    Source<T> forPull(Object owner) {
        Engine e = engine.forPull();
        Object b = body;
        if (b == null) {
            return this; // started already: the racer that reads this has lost
        }
        boolean returning = returning(b);
        if (e == Engine.BYTECODE) {
            switch (BytecodeEngine.fit(b, returning)) {
                case RUNS -> {
                    return this;
                }
                case RUNS_IF_RECEIVER_FITS -> {
                    // why: whether it runs depends on this body's own receiver: decided now, in a source of its own
                    BytecodeSource<T> own = new BytecodeSource<>();
                    if (BytecodeEngine.install(own, b, returning, owner)) {
                        return own;
                    }
                }
                default -> { }
            }
            e = Engine.stackful();
        }
        return StackfulSource.of(e, b, returning, owner);
    }

    @Override
    void begun(Object owner) {
        Object b = body;
        if (!BytecodeEngine.install(this, b, returning(b), owner)) {
            throw new IllegalStateException("the state machine of " + b + " could not be made"); // fit said it runs
        }
        body = null; // the machine holds what the body captured
    }

    @Override
    boolean canPush() {
        return engine.pushes();
    }

    @Override
    Object push(Consumer<? super T> sink) {
        return PushYielder.run(body, returning(body), sink);
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
