package dev.jyield;

import static dev.jyield.Util.requireNonNull;
import static dev.jyield.Util.sneaky;

import dev.jyield.Generator.State;
import dev.jyield.internal.StateMachine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The driver of a {@link Generator}: its states, its requests (next, send, throw, close), its return value and
 * {@code yieldFrom} delegation, in the order of Python's protocol, over a {@link Source} that only resumes and
 * reports. {@link Generator}, its only subclass (as {@code StringBuilder} is of {@code AbstractStringBuilder}),
 * adds the operators and declares the public methods of the protocol with their documentation, each a call of
 * one {@code impl} method here, so that the driver reads in one place and the API reads as it always has.
 *
 * <p>Every request goes through {@link #request}, which applies the rules of the current state, and every resume
 * of the source through {@link #resume}, which also forwards to a delegate. {@link #advance} and {@link #pull}
 * each keep one shortcut for the usual step, where a benchmark showed it pays. Only the source writes
 * {@link Source#out}; the driver reads it.
 *
 * @param <T> the type of the values yielded
 */
abstract sealed class AbstractGenerator<T> permits Generator {
    // ------------------------------------------------------------------------------------------------ state

    static final int CREATED = 0;
    static final int RUNNING = 1;
    static final int SUSPENDED = 2;
    static final int CLOSED = 3;

    /** What {@link #pull()} returns at the end. */
    static final Object END = new Object();
    /**
     * {@link #value} holding a yielded null: null there means that no value waits. why: the field is reset after
     * every value taken, and storing null needs no garbage collector's card mark, which storing a marker object
     * did, on every element (about a dozen of the 85 or so instructions per element in C2's code for a for-each
     * over a generator).
     */
    private static final Object NULL = new Object();

    /** A yielded value as {@link #value} holds it. */
    private static Object held(Object v) {
        return v != null ? v : NULL;
    }

    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(AbstractGenerator.class, "state", byte.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * What runs this generator: its {@link Source}; or, before the start of a body on the default engine, the body
     * itself; or, once a body that needs no cleaner has started on the bytecode engine, its {@link StateMachine},
     * so that a started generator is two objects, not three.
     */
    private Object src;
    /** CREATED, RUNNING, SUSPENDED or CLOSED; a byte, so that a generator is 32 bytes. */
    private byte state;
    /**
     * Whether every operation first claims this generator ({@link #claimed}): set when a stackful engine runs it,
     * whose switch of stacks costs a microsecond or more, so the compare-and-set is free there. The bytecode
     * engine's per-element path does not pay it (see Generator's class documentation).
     */
    private boolean guarded;
    /** The yielded value that {@link Generator#next()} has not taken yet ({@link #NULL} for null), or null. */
    private Object value;
    /**
     * While a {@code yieldFrom} runs: the {@link Generator} or {@link Iterator} that is delegated to; once CLOSED
     * (when no delegation can run), the return value; while a push runs it, the thread that runs it (for
     * {@link #running()}'s message). One field for all keeps a generator at 32 bytes.
     */
    private Object delegate;
    /** The {@code yieldFrom} chain this generator belongs to, or null. */
    private Chain chain;

    AbstractGenerator(Source<T> src) {
        this.src = src;
    }

    /**
     * A generator of a {@link Generator.Body} or {@link Generator.ReturningBody} on the default engine: the body
     * itself is kept until the start, which saves an object when its state machine then runs bare.
     */
    AbstractGenerator(Object body) {
        assert !(body instanceof Source<?>) && !(body instanceof StateMachine) && Engine.DEFAULT == Engine.AUTO;
        this.src = body;
    }

    // ---------------------------------------------------------------------------------------- next, hasNext

    /** {@link Generator#hasNext()}: runs the body to its next yield unless a value waits. */
    final boolean implHasNext() {
        return value != null || advance();
    }

    /** Runs the body to its next yield if it can; apart from {@link #implHasNext} so that hasNext inlines anywhere. */
    @SuppressWarnings("unchecked")
    private boolean advance() {
        // why: guarded is read after state, which a starting thread publishes after writing guarded (see request)
        if (state == SUSPENDED && delegate == null && !guarded) {
            // why: the usual for-each step without the checks of request() and the delegate loop of resume(): the
            // bytecode for-each went from 5.0-5.2 to 4.2-4.7 ns/element. Kept apart from pull()'s copy on purpose:
            // each resume call site keeps its own type profile for the JIT (one shared helper measured 7.6 against
            // 5.2 ns/element for-each and 23.8 against 14.5 pulled, best of 15 iterations on a loaded machine).
            state = RUNNING;
            int outcome;
            Object r;
            try {
                Object run = src;
                if (run instanceof StateMachine m) {
                    r = m.resume(null, null);
                    if ((outcome = m.outcome) != Source.YIELD) {
                        m.outcome = Source.YIELD;
                    }
                } else if (run instanceof Op<?> op) {
                    // why: as in pull(), the value comes back as a result (see Op.next)
                    if ((r = op.next()) != END) {
                        outcome = Source.YIELD;
                    } else {
                        outcome = Source.RETURN;
                        r = null; // an operator returns nothing
                    }
                } else {
                    Source<?> s = (Source<?>) run;
                    outcome = s.resume(null, null);
                    r = s.out;
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            if (outcome == Source.YIELD) {
                value = held(r);
                return yielded();
            }
            return resumed(outcome, r);
        }
        return request(null, null);
    }

    /**
     * {@code hasNext() ? next() : END} as one call: how operators read their input. Same states, same exceptions;
     * it saves the second check and call of next() on every element of every level of a pulled chain.
     */
    final Object pull() {
        if (value == null && state == SUSPENDED && delegate == null && !guarded) {
            // why: advance() for an operator's input, minus the value/ready round-trip (with the one-output stage
            // path, the pulled range -> map -> filter chain went from 23.9 to 12.9 ns/element), at a resume call
            // site of its own, whose receivers are the sources operators read.
            state = RUNNING;
            int outcome;
            Object r;
            try {
                Object run = src;
                if (run instanceof Op<?> op) {
                    // why: an operator over an operator hands the value back as a result (see Op.next)
                    if ((r = op.next()) != END) {
                        state = SUSPENDED;
                        return r;
                    }
                    outcome = Source.RETURN;
                    r = null;
                } else if (run instanceof StateMachine m) {
                    r = m.resume(null, null);
                    if ((outcome = m.outcome) != Source.YIELD) {
                        m.outcome = Source.YIELD;
                    }
                } else {
                    Source<?> s = (Source<?>) run;
                    outcome = s.resume(null, null);
                    r = s.out;
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            if (outcome == Source.YIELD) {
                state = SUSPENDED;
                return r;
            }
            return resumed(outcome, r) ? take() : END;
        }
        return value != null || advance() ? take() : END;
    }

    /**
     * The operator this generator runs, or null if it runs something else. An operator's generator keeps it for
     * good (its source never changes), so a reader may hold it: see {@link #enterPull}.
     */
    final Op<?> op() {
        return src instanceof Op<?> op ? op : null;
    }

    /**
     * The start of a reader's direct pull of this generator, whose {@link #op()} it holds: true, with this
     * generator RUNNING, if the reader may now call that operator's {@code next()} itself and hand the result to
     * {@link #exitPull} (or what it throws to {@link #pullFailed}); false if it must call {@link #pull()}. The
     * three together do what {@link #pull()} does for an operator (an operator's generator never delegates and is
     * never guarded). why: the call of the input's operator then stands in the reader's own code, whose type
     * profile sees the one class it reads, so the JIT inlines a chain of them; in pull() every level of every
     * chain shares one call site, which a chain of three makes megamorphic.
     */
    final boolean enterPull() {
        if (idle()) {
            state = RUNNING;
            return true;
        }
        return false;
    }

    /**
     * {@link #enterPull} for an operator that runs no user code ({@link Producer.Split}): true if the reader may
     * take its next element itself, calling {@link #exitPull} only with END at its end, or {@link #pullFailed}.
     * The generator is not marked RUNNING meanwhile, since no code can look at it then. why: two stores per element.
     */
    final boolean idle() {
        return value == null && state == SUSPENDED;
    }

    /** The end of a direct pull (see {@link #enterPull}): the operator's value, or END once it ended (now CLOSED). */
    final Object exitPull(Object r) {
        if (r != END) {
            state = SUSPENDED;
            return r;
        }
        resumed(Source.RETURN, null); // an operator returns nothing
        return END;
    }

    /** A direct pull (see {@link #enterPull}) whose operator threw {@code t}: closes this generator, raises t. */
    final RuntimeException pullFailed(Throwable t) {
        throw failed(t);
    }

    /** {@link Generator#next()}. */
    final T implNext() {
        if (value == null && !advance()) {
            throw new NoSuchElementException("generator exhausted");
        }
        return take();
    }

    /** {@link Generator#next(Object)}: Python's {@code next(g, default)}. */
    final T implNext(T defaultValue) {
        return value != null || advance() ? take() : defaultValue;
    }

    // ------------------------------------------------------------------------------------------ send, throw

    /** {@link Generator#send(Object)}: a request with a sent value. */
    final T implSend(Object value) {
        if (value == null) {
            return implNext();
        }
        if (request(value, null)) {
            return take();
        }
        throw new NoSuchElementException("generator exhausted");
    }

    /** {@link Generator#throwIn(Throwable)}: a request with an exception to raise. */
    final <X extends Throwable> T implThrowIn(X exception) throws X {
        if (request(null, requireNonNull(exception, "exception"))) {
            return take();
        }
        throw new NoSuchElementException("generator exhausted");
    }

    /**
     * One request, from any state: next or send ({@code thrown == null}), or throw. Returns true with a value
     * waiting, false if the generator has ended (now or before); throws what the request raises, as Python does.
     * A delegating generator forwards its requests to its delegate through here too.
     */
    private boolean request(Object sent, Throwable thrown) {
        if (guarded && owner() != Thread.currentThread()) {
            return claimed(() -> request(sent, thrown)); // a value may have come while this thread looked
        }
        if (value != null) {
            if (thrown != null) {
                value = null; // a value fetched by hasNext() is discarded by throw
            } else if (sent != null) {
                throw new IllegalStateException("cannot send " + sent + ": hasNext() already ran the generator past "
                        + "its yield; take that value with next() first");
            } else {
                return true;
            }
        }
        // why: an acquire read, so that a thread that looked before another one started the generator sees it
        switch ((byte) STATE.getAcquire(this)) {
            case RUNNING -> throw running();
            case CLOSED -> {
                if (thrown != null) {
                    throw sneaky(thrown);
                }
                return false;
            }
            case CREATED -> {
                if (thrown != null) {
                    // nothing runs, but the exception leaves the body as if raised at its start (PEP 479 applies,
                    // as in CPython); an operator closes its sources as on any failure
                    leaveCreated(CLOSED, null);
                    throw failed(thrown);
                }
                if (sent != null) {
                    throw new IllegalStateException(
                            "can't send non-null value to a just-started generator (sent: " + sent + ")");
                }
                return start();
            }
            default -> {
                if (guarded && owner() != Thread.currentThread()) {
                    return claimed(() -> request(sent, thrown)); // another thread started it since this one looked
                }
                Chain c = chain;
                if (c != null && c.running >= 0) {
                    if (c.indexOf(this) >= c.running) {
                        throw executing();
                    }
                    split(c);
                }
            }
        }
        return resume(sent, thrown);
    }

    /**
     * Picks the engine and runs the body to its first yield. Two threads starting one generator: one wins the
     * compare-and-set of the state, the other gets "generator already executing" and its engine never runs.
     */
    private boolean start() {
        return begin(false) == Source.YIELD;
    }

    /** {@link #start}; {@code inner}: started by the trampoline of the chain it has joined, as {@link #inner}. */
    @SuppressWarnings("unchecked")
    private int begin(boolean inner) {
        Object u = src;
        if (u instanceof StateMachine) {
            throw executing(); // a racer that lost: the winner runs its machine already
        }
        Source<T> unstarted;
        if (u instanceof Source<?> given) {
            unstarted = (Source<T>) given;
        } else {
            // why: not BodySource.returning, whose class (and the stackful engines its verifier loads) the usual
            // start never needs
            boolean returning = !(u instanceof Generator.Body<?>);
            BytecodeEngine.Plan plan = BytecodeEngine.barePlan(u, returning);
            if (plan != null) {
                leaveCreated(RUNNING, null);
                try {
                    src = plan.instantiate(u);
                } catch (Throwable t) {
                    throw failed(t);
                }
                if (inner) {
                    return step(null, null, true);
                }
                return resume(null, null) ? Source.YIELD : Source.RETURN;
            }
            unstarted = new BodySource<>(u, returning, Engine.AUTO); // each racer its own: none is shared
        }
        Source<T> s = unstarted.forPull(this);
        // why: a racer may read the winner's engine as src; that one must not be released
        Source<T> mine = s == unstarted ? null : s;
        // why: every racer computes the same flag, so it is written before the compare-and-set that publishes it.
        guarded = s instanceof StackfulSource<?>;
        Thread me = Thread.currentThread();
        StackfulSource<?> guard = guarded ? (StackfulSource<?>) s : null;
        boolean claim = guard != null && guard.owner != me; // nobody could claim it before its engine was known
        if (claim && !guard.claim(me)) {
            if (mine != null) {
                mine.release();
            }
            throw executing();
        }
        try {
            leaveCreated(RUNNING, mine);
            src = s;
            try {
                s.begun(this);
            } catch (Throwable t) {
                throw failed(t);
            }
            StateMachine bare = s.bare();
            if (bare != null) {
                src = bare; // the source that made it is dropped
            }
            if (inner) {
                return step(null, null, true);
            }
            return resume(null, null) ? Source.YIELD : Source.RETURN;
        } finally {
            if (claim) {
                guard.owner = null;
            }
        }
    }

    /** Leaves CREATED for {@code to}, once per generator; a loser releases the engine it chose and never ran. */
    private void leaveCreated(int to, Source<T> chosen) {
        if (!STATE.compareAndSet(this, (byte) CREATED, (byte) to)) {
            if (chosen != null) {
                chosen.release();
            }
            throw executing();
        }
    }

    /** An operation that may throw anything, run by {@link #claimed}. */
    private interface Operation<R> {
        R run() throws Throwable;
    }

    /**
     * Runs {@code op} as the owner of this guarded generator. A thread that finds another one inside an operation
     * gets "generator already executing" and changes nothing, as Python's ValueError. {@code op} calls back the
     * method that called this one, which then runs as usual: the protocol itself stays in one place.
     */
    private <R> R claimed(Operation<R> op) {
        // why: a thread that sees the generator guarded before its starter has published the stackful source
        // finds it inside an operation (its start)
        if (!(src instanceof StackfulSource<?> guard) || !guard.claim(Thread.currentThread())) {
            throw executing();
        }
        try {
            return op.run();
        } catch (Throwable t) {
            throw sneaky(t);
        } finally {
            guard.owner = null;
        }
    }

    /** For a guarded generator: the thread inside one of its operations, or null. */
    private Thread owner() {
        return src instanceof StackfulSource<?> guard ? guard.owner : null;
    }

    /**
     * The one resume step, with a sent value or an exception to raise, until a value or the end. Precondition:
     * started, not CLOSED, no value waiting. Returns true with {@link #value} set if a value was yielded, false if
     * the generator ended by returning; throws what the body throws, and is then CLOSED.
     *
     * <p>A {@code yieldFrom} of a generator makes the two one {@link Chain}, and a request to any generator of a
     * chain resumes its innermost one directly (a trampoline), so a value costs the same at any depth and the
     * stack does not grow with it. PEP 380 stays exact: a send or throw reaches the innermost generator; a close
     * closes each from the inside out; a delegate's end or failure resumes the level before it, one at a time,
     * with its return value or its exception; every level from the one asked to the innermost is running.
     */
    private boolean resume(Object sent, Throwable thrown) {
        state = RUNNING;
        Chain c = chain;
        if (c == null) {
            // why: the usual case, kept small for the JIT: no chain until a yieldFrom of a generator starts
            int r = step(sent, thrown, true);
            if (r != Source.DELEGATE) {
                return r == Source.YIELD;
            }
            c = new Chain(this);
            return trampoline(c, c.push((AbstractGenerator<?>) delegate), null, null);
        }
        c.running = c.indexOf(this);
        return trampoline(c, c.levels[c.top], sent, thrown);
    }

    /** {@link #resume} through a chain, from its generator {@code cur}; marked running from this generator. */
    @SuppressWarnings("unchecked")
    private boolean trampoline(Chain c, AbstractGenerator<?> cur, Object sent, Throwable thrown) {
        try {
            for (;;) {
                int r;
                if (cur == this) {
                    r = step(sent, thrown, true);
                } else {
                    boolean closing = thrown instanceof GeneratorExit;
                    try {
                        r = cur.inner(sent, thrown);
                    } catch (Throwable t) {
                        // PEP 380: a delegate's exception is raised at the yieldFrom of the one before. A failed
                        // delegate has left the chain; one that did not end (ignored a close, or is running) leaves.
                        c = chain;
                        if (cur.chain == c) {
                            c.pop();
                        }
                        cur = c.levels[c.top];
                        cur.delegate = null;
                        sent = null;
                        thrown = t;
                        continue;
                    }
                    c = chain; // a split may have moved this generator and those after it to a chain of their own
                    if (r == Source.YIELD) {
                        value = cur.value;
                        cur.value = null;
                        return yielded();
                    }
                    if (r == Source.RETURN) { // the delegate has left the chain
                        Object result = cur.implReturnValue();
                        cur = c.levels[c.top];
                        if (!closing) { // else the level before gets its own GeneratorExit, after its delegate's close
                            sent = result;
                            thrown = null;
                        }
                        continue;
                    }
                }
                if (r != Source.DELEGATE) {
                    return r == Source.YIELD;
                }
                c = chain;
                if (cur != this) {
                    cur.state = SUSPENDED; // running as a level of this chain while it runs, as c.running says
                }
                cur = c.push((AbstractGenerator<?>) cur.delegate);
                sent = null;
                thrown = null;
            }
        } finally {
            c = chain; // null if this generator has ended, and then leaveChain has done this
            if (c != null) {
                c.running = -1;
            }
        }
    }

    /**
     * Leaves the chain on ending, if in one: this is then its innermost generator, and the one before it no longer
     * delegates (its yieldFrom will see this one closed, as Python's sees a finished generator).
     */
    private void leaveChain() {
        Chain c = chain;
        if (c != null) {
            if (c.running >= c.top) {
                c.running = -1; // the generator a request was made to has ended: that request is over
            }
            c.pop();
        }
    }

    /**
     * A request to a generator of a running chain that delegates to the one the request was made to (Python's
     * suspended outer frames): it resumes, and the level just before the running ones, resumed in turn, finds its
     * delegate running, so "generator already executing" is raised at its yieldFrom. The running part moves to a
     * chain of its own first, so that the level before it forwards to it as to any running generator.
     */
    private static void split(Chain c) {
        int from = c.running;
        Chain rest = new Chain(c.levels[from]);
        for (int i = from + 1; i <= c.top; i++) {
            rest.push(c.levels[i]);
        }
        java.util.Arrays.fill(c.levels, from, c.top + 1, null);
        c.top = from - 1;
        c.running = -1; // the request that was running continues on the new chain, which Chain's constructor marks running
    }

    /**
     * Runs this generator's own source, or forwards to a delegate that is not in its chain (a plain iterator, or a
     * generator that another chain resumes), until a value or the end: returns {@link Source#YIELD} with the value
     * waiting, {@link Source#RETURN} when ended, or, if {@code mayJoin}, {@link Source#DELEGATE} when a new
     * {@code yieldFrom} starts on a generator that can join this one's chain. Precondition: RUNNING, no value
     * waiting, not delegating within its chain. What the body throws escapes, and the generator is then CLOSED.
     */
    @SuppressWarnings("unchecked")
    private int step(Object sent, Throwable thrown, boolean mayJoin) {
        try {
            for (;;) {
                Object d = delegate;
                if (d != null) {
                    // PEP 380: forward to the delegate; its values are ours, its end or failure resumes the body.
                    try {
                        if (d instanceof AbstractGenerator<?> g) {
                            if (mayJoin && sent == null && thrown == null && g.joinable()) {
                                return Source.DELEGATE;
                            } else if (thrown instanceof GeneratorExit) {
                                delegate = null;
                                g.implClose();
                            } else if (thrown == null && g.state == CLOSED) {
                                // Exhausted behind our back: only the first end carries the return value.
                                delegate = null;
                                sent = null;
                            } else if (g.request(sent, thrown)) {
                                value = held(g.take());
                                yielded();
                                return Source.YIELD;
                            } else {
                                delegate = null; // it ended, though it may have been thrown into: PEP 380's result
                                sent = g.implReturnValue();
                                thrown = null;
                            }
                        } else {
                            Iterator<?> it = (Iterator<?>) d;
                            if (thrown != null) {
                                delegate = null;
                                if (thrown instanceof GeneratorExit && it instanceof AutoCloseable c) {
                                    c.close();
                                }
                            } else if (sent != null) {
                                delegate = null;
                                thrown = new IllegalStateException("cannot send " + sent
                                        + " to the delegate of yieldFrom: a plain iterator cannot receive sent values");
                                sent = null;
                            } else if (it.hasNext()) {
                                value = held(it.next());
                                yielded();
                                return Source.YIELD;
                            } else {
                                delegate = null;
                            }
                        }
                    } catch (Throwable t) {
                        delegate = null;
                        sent = null;
                        thrown = t;
                    }
                }
                int outcome;
                Object r;
                Object run = src;
                if (run instanceof StateMachine m) {
                    r = m.resume(sent, thrown);
                    if ((outcome = m.outcome) != Source.YIELD) {
                        m.outcome = Source.YIELD;
                    }
                } else {
                    Source<?> s = (Source<?>) run;
                    outcome = s.resume(sent, thrown);
                    r = s.out;
                }
                if (outcome == Source.YIELD) {
                    value = held(r);
                    yielded();
                    return Source.YIELD;
                }
                if (outcome == Source.RETURN) {
                    returned(r);
                    return Source.RETURN;
                }
                delegate = r;
                sent = null;
                thrown = null;
            }
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /**
     * Whether a request runs through this generator's chain: for {@code close()}, which such a generator refuses
     * with "generator already executing". (For one that delegates to the running part of its chain, CPython
     * closes the delegate, which refuses, and then raises that error inside the delegating generator at its
     * yield from; here close() raises it at once and the generator stays as it was.)
     */
    private boolean inRunningChain() {
        Chain c = chain;
        return c != null && c.running >= 0;
    }

    /**
     * A generator a {@code yieldFrom} has just started on may join the chain of the one delegating to it: it has
     * no value waiting, is not running or closed, and belongs to no chain but its own, idle and alone.
     */
    private boolean joinable() {
        Chain c = chain;
        return value == null && (state == SUSPENDED || state == CREATED)
                && (c == null || (c.top == 0 && c.running < 0));
    }

    /**
     * The trampoline's request to a generator of its chain other than the one it was asked for: a step with a sent
     * value or exception, a start, or (for a {@link GeneratorExit}) a close. Returns as {@link #step}; a close that
     * ends normally returns {@link Source#RETURN}.
     */
    private int inner(Object sent, Throwable thrown) {
        if (guarded && owner() != Thread.currentThread()) {
            return claimed(() -> inner(sent, thrown));
        }
        return switch (state) {
            case CREATED -> begin(true);
            case SUSPENDED -> {
                if (thrown instanceof GeneratorExit) {
                    closeInner();
                    yield Source.RETURN;
                }
                state = RUNNING;
                yield step(sent, thrown, true);
            }
            // a generator resumed by its own next() whose body resumes a generator that delegates to it (Python
            // raises the ValueError in the delegating frame too); CLOSED cannot be in a chain
            default -> throw executing();
        };
    }

    /** {@link #implClose()} of a suspended generator, from the trampoline: GeneratorExit at its paused yield. */
    private void closeInner() {
        try {
            state = RUNNING;
            int r;
            try {
                r = step(null, new GeneratorExit(), false);
            } catch (GeneratorExit e) {
                return;
            }
            if (r == Source.YIELD) {
                value = null;
                throw new IllegalStateException("generator ignored GeneratorExit");
            }
        } finally {
            if (state == CLOSED) {
                source().closeSources();
            }
        }
    }

    /**
     * The generators of one {@code yieldFrom} chain, outermost first: each delegates to the next, and the last one
     * runs its own source (or a delegate outside the chain). A generator joins when a {@code yieldFrom} starts on
     * it and leaves when that ends, so the chain is the stack of running delegations, kept on the heap.
     */
    private static final class Chain {
        AbstractGenerator<?>[] levels = new AbstractGenerator<?>[8];
        int top;
        /** While a request runs: the level it was made to (that one and every one after it are running); else -1. */
        int running;

        Chain(AbstractGenerator<?> first) {
            levels[0] = first;
            first.chain = this;
            running = 0;
        }

        AbstractGenerator<?> push(AbstractGenerator<?> g) {
            if (++top == levels.length) {
                levels = java.util.Arrays.copyOf(levels, top * 2);
            }
            levels[top] = g;
            g.chain = this;
            return g;
        }

        /** Where {@code g} is: found at once for the innermost and the outermost, the usual ones asked. */
        int indexOf(AbstractGenerator<?> g) {
            int i = top;
            if (levels[i] != g) {
                for (i = 0; levels[i] != g; i++) {
                    // a request to a generator in the middle of a chain, made directly: rare
                }
            }
            return i;
        }

        /** Removes the innermost generator; returns the one before it, which no longer delegates, or null. */
        AbstractGenerator<?> pop() {
            AbstractGenerator<?> g = levels[top];
            g.chain = null;
            levels[top] = null;
            if (--top < 0) {
                return null;
            }
            AbstractGenerator<?> before = levels[top];
            before.delegate = null;
            return before;
        }
    }

    /**
     * After a shortcut's resume that did not yield: what {@link #resume} does after such a resume. Returns true
     * with a value waiting (from a delegate), false at the end.
     */
    private boolean resumed(int outcome, Object r) {
        if (outcome == Source.RETURN) {
            try {
                returned(r);
            } catch (Throwable t) {
                throw failed(t);
            }
            return false;
        }
        delegate = r;
        return resume(null, null);
    }

    /** A value was yielded into {@link #value}. */
    private boolean yielded() {
        state = SUSPENDED;
        return true;
    }

    /** The generator's source has returned {@code r}. */
    private void returned(Object r) {
        // why: a source's out is left as it is (the source owns it); the next outcome overwrites it.
        leaveChain();
        delegate = r; // the return value, from now on
        state = CLOSED;
        release();
    }

    /**
     * The source, for everything but resuming it: a generator run by its bare state machine has the bytecode
     * engine's, which owns nothing.
     */
    @SuppressWarnings("unchecked")
    private Source<T> source() {
        Object s = src;
        if (s instanceof Source<?> given) {
            return (Source<T>) given;
        }
        if (s instanceof StateMachine) {
            return (Source<T>) BytecodeSource.BARE;
        }
        return new BodySource<>(s, BodySource.returning(s), Engine.AUTO); // an unstarted body, as Generator.of kept it
    }

    /** The generator is CLOSED: its source frees what it owns; a bare machine is dropped. */
    private void release() {
        Object s = src;
        if (s instanceof Source<?> given) {
            given.release();
        } else if (s instanceof StateMachine) {
            src = BytecodeSource.BARE; // a closed generator keeps none of its body's values
        }
    }

    // ------------------------------------------------------------------------------------------------ close

    /** {@link Generator#close()}: GeneratorExit at the paused yield, then the sources closed. */
    final void implClose() {
        if (guarded && owner() != Thread.currentThread()) {
            claimed(() -> {
                implClose();
                return null;
            });
            return;
        }
        try {
            if (inRunningChain()) {
                throw executing();
            }
            switch (state) {
                case RUNNING -> throw running();
                case CREATED -> {
                    leaveCreated(CLOSED, null);
                    release();
                }
                case SUSPENDED -> {
                    value = null;
                    boolean yielded;
                    try {
                        yielded = resume(null, new GeneratorExit());
                    } catch (GeneratorExit e) {
                        return;
                    }
                    if (yielded) {
                        value = null;
                        throw new IllegalStateException("generator ignored GeneratorExit");
                    }
                }
                default -> { }
            }
        } finally {
            if (state == CLOSED) {
                source().closeSources();
            }
        }
    }

    // ---------------------------------------------------------------------------------- state, return value

    /** {@link Generator#state()}. */
    final State implState() {
        Chain c = chain;
        return c != null && c.running >= 0 && c.indexOf(this) >= c.running ? State.RUNNING : State.values()[state];
    }

    /** {@link Generator#returnValue()}. */
    final Object implReturnValue() {
        return state == CLOSED ? delegate : null;
    }

    // ------------------------------------------------------------------------------- for Generator's operators

    /** Takes the waiting value; precondition: {@link #implHasNext()} returned true. */
    final T take() {
        if (guarded) {
            if (owner() != Thread.currentThread()) {
                return claimed(this::take);
            }
            if (value == null) {
                throw executing(); // another thread took the value that hasNext() fetched for this one
            }
        }
        Object v = value;
        value = null;
        return v != NULL ? (T) v : null;
    }

    /** Whether nothing is left: CLOSED with no value waiting. */
    final boolean exhausted() {
        return state == CLOSED && value == null;
    }

    /**
     * If the generator has not started and its source can run from its start as a plain call: runs it so (push),
     * handing each value to {@code action}, and returns true. Otherwise returns false and does nothing.
     */
    final boolean pushed(Consumer<? super T> action) {
        Source<T> s = state == CREATED ? source() : null;
        if (s == null || !s.canPush()) {
            return false;
        }
        leaveCreated(RUNNING, null);
        delegate = Thread.currentThread();
        Object r;
        try {
            r = s.push(action);
        } catch (PushYielder.ConsumerFailed f) {
            fail();
            throw sneaky(f.getCause()); // not PEP 479's: the consumer's own exception
        } catch (Throwable t) {
            throw failed(t);
        }
        delegate = r; // the return value
        state = CLOSED;
        release();
        return true;
    }

    /** The engine that runs (or will run) this generator: for tests and diagnostics. */
    final String engineName() {
        return source().engineName();
    }

    /** {@link Generator#engine()}. */
    final String implEngine() {
        return source().engineReport();
    }

    // -------------------------------------------------------------------------------------------- failures

    /** Closes the generator after {@code t} escaped its source, and returns {@code t} as the caller sees it. */
    private RuntimeException failed(Throwable t) {
        fail();
        if (t instanceof NoSuchElementException) {
            // PEP 479: an exhausted-iterator signal escaping the body must not look like the end of this generator.
            throw new IllegalStateException("generator raised NoSuchElementException", t);
        }
        throw sneaky(t);
    }

    private void fail() {
        leaveChain();
        state = CLOSED;
        delegate = null;
        try {
            release();
        } finally {
            source().closeSources();
        }
    }

    static IllegalStateException executing() {
        return new IllegalStateException("generator already executing");
    }

    /** {@link #executing()} for a request to this RUNNING generator, saying why to a push's own consumer. */
    private IllegalStateException running() {
        if (delegate == Thread.currentThread()) { // a push runs it on this thread (see pushed)
            return new IllegalStateException("generator already executing: forEach (or another terminal operation) "
                    + "runs it as a plain call, and its consumer cannot call next, send, throwIn or close on it; to "
                    + "control a generator from its loop, pull it: for (T x : g) { ... }");
        }
        return executing();
    }
}
