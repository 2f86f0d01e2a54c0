package dev.jyield;

/**
 * One of several generators that read one shared input: tee's copies, before_and_after's two parts. Each reads
 * the input only as far as it needs; closing a branch lets go of the input, and the last branch closed closes it.
 */
abstract class Branch<T> extends Op<T> {
    /** The input, and how many branches still hold it. */
    static final class Shared {
        final Generator<?> input;
        int open;

        Shared(Generator<?> input, int open) {
            this.input = input;
            this.open = open;
        }
    }

    final Shared shared;
    private boolean detached;

    Branch(Shared shared) {
        this.shared = shared;
    }

    /** Called once, when this branch lets go of the input: drops what it holds of the shared state. */
    void detach() {}

    @Override
    final void closeSources() {
        if (!detached) {
            detached = true;
            detach();
            if (--shared.open == 0) {
                shared.input.close();
            }
        }
    }
}
