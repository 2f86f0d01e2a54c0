package dev.jyield;

import java.util.function.Consumer;

/** A generator body not yet started: pushed by a terminal operation, or handed to a pull engine. */
final class BodySource<T> extends Source<T> {
    private final Object body;
    private final boolean returning;
    private final Engine engine;

    BodySource(Object body, boolean returning, Engine engine) {
        this.body = body;
        this.returning = returning;
        this.engine = Engine.orConfigured(engine);
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
        if (e == Engine.BYTECODE) {
            Source<T> machine = BytecodeEngine.source(body, returning, owner);
            if (machine != null) {
                return machine;
            }
            e = Engine.stackful();
        }
        return switch (e) {
            case CONTINUATION -> new ContinuationSource<>(body, returning, owner);
            default -> new ThreadSource<>(body, returning, owner);
        };
    }

    @Override
    int resume(Object sent, Throwable thrown) {
        throw new AssertionError("a body is resumed through its pull engine");
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
            result = run(body, returning, y);
        } catch (Throwable t) {
            throw y.rethrow(t);
        }
        y.done();
        return result;
    }

    @Override
    String engineReport() {
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
