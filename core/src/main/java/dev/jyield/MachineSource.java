package dev.jyield;

import dev.jyield.internal.StateMachine;

/**
 * A helper's state machine, made by a body's call that hands its yielder to the helper, not yet pulled: the first
 * pull runs it as a {@link BytecodeSource} registered for its generator.
 */
final class MachineSource<T> extends Source<T> {
    private final StateMachine machine;
    private final boolean closeOnAbandon;

    MachineSource(StateMachine machine, boolean closeOnAbandon) {
        this.machine = machine;
        this.closeOnAbandon = closeOnAbandon;
    }

    @Override
    Source<T> forPull(Object owner) {
        return new BytecodeSource<>(machine, owner, closeOnAbandon);
    }

    @Override
    int resume(Object sent, Throwable thrown) {
        throw new AssertionError("a helper's machine is resumed through its BytecodeSource");
    }

    @Override
    String engineName() {
        return "bytecode";
    }
}
