package dev.jyield;

import java.util.concurrent.locks.LockSupport;

/**
 * The portable engine: the body runs on a virtual thread of its own, and the two sides hand control to each
 * other with a volatile turn flag and park/unpark. Only one side runs at a time.
 */
final class ThreadSource<T> extends StackfulSource<T> {
    /** Spins before parking: a cheap handoff when both sides are on cores, bounded so it never burns one. */
    private static final int SPINS = 64;

    private volatile boolean bodyTurn;
    private volatile Thread consumer;
    private Thread producer;

    ThreadSource(Object body, boolean returning, Object owner) {
        super(body, returning, owner);
    }

    @Override
    void switchToBody() {
        consumer = Thread.currentThread();
        if (producer == null) {
            producer = Thread.ofVirtual().name("jyield-generator").unstarted(this::runOnThread);
            bodyTurn = true;
            producer.start();
        } else {
            bodyTurn = true;
            LockSupport.unpark(producer);
        }
        awaitTurn(false);
    }

    private void runOnThread() {
        runBody();
        bodyTurn = false;
        Thread c = consumer;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    @Override
    void switchToConsumer() {
        bodyTurn = false;
        LockSupport.unpark(consumer);
        awaitTurn(true);
    }

    @Override
    boolean onBodyStack() {
        return Thread.currentThread() == producer;
    }

    @Override
    void closeAbandoned() {
        consumer = null;
        bodyTurn = true;
        LockSupport.unpark(producer);
    }

    /** Waits until {@code bodyTurn == turn}. Interrupts do not end the wait; the flag is restored after it. */
    private void awaitTurn(boolean turn) {
        boolean interrupted = false;
        int spins = SPINS;
        while (bodyTurn != turn) {
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    String engineName() {
        return "thread";
    }
}
