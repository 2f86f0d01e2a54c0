package dev.jyield;

import dev.jyield.internal.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytecode engine: finds the code of a generator body, has {@link BytecodeRewriter} turn it into a state
 * machine, and defines that as a hidden nestmate of the body's class. Stackless, like Python's generators: only
 * yields written in the body itself suspend it.
 *
 * <p>Everything is cached: per body class a {@link Plan} (how to make the machine from a body object, or why
 * not), per implementation method the defined class. A second generator from the same body costs one
 * allocation of its machine. A body that cannot be rewritten runs on a stackful engine; the reason is logged
 * once at DEBUG on the {@code dev.jyield} logger and is available to tests from {@link #fallbackReason}.
 */
final class BytecodeEngine {
    private BytecodeEngine() {}

    private static final System.Logger LOG = System.getLogger("dev.jyield");
    private static final MethodType FACTORY = MethodType.methodType(StateMachine.class, Object.class);
    private static final String INTERNAL = "dev.jyield.internal";

    /** Per body class: its plans for the plain and the returning form (a class may implement both). */
    private static final ClassValue<Plan[]> PLANS = new ClassValue<>() {
        @Override
        protected Plan[] computeValue(Class<?> type) {
            return new Plan[2];
        }
    };

    /** Per implementation class: its rewritten methods by name, descriptor and form (a Template or a reason). */
    private static final ClassValue<ConcurrentHashMap<String, Object>> TEMPLATES = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** A defined state-machine class: its constructor (receiver, then captured arguments). */
    private record Template(MethodHandle constructor, boolean closeOnAbandon) {}

    /**
     * The source that runs {@code body} as a state machine, or null if it cannot (the caller falls back; the
     * reason was logged).
     */
    static <T> Source<T> source(Object body, boolean returning, Object owner) {
        Plan plan = plan(body, returning);
        if (plan.reason != null) {
            return null;
        }
        StateMachine machine = plan.instantiate(body);
        return machine == null ? null : new BytecodeSource<>(machine, owner, plan.closeOnAbandon);
    }

    /** Why {@code body} does not run on this engine, or null if it does: for diagnostics and tests. */
    static String fallbackReason(Object body, boolean returning) {
        return plan(body, returning).reason;
    }

    private static Plan plan(Object body, boolean returning) {
        Plan[] plans = PLANS.get(body.getClass());
        int i = returning ? 1 : 0;
        Plan p = plans[i];
        if (p == null) {
            // why: a benign race; two threads may both plan, and the templates below are shared anyway.
            p = makePlan(body, returning);
            if (p.reason != null && LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "jyield: generator body " + body.getClass().getName()
                        + " runs on a stackful engine, not as a state machine: " + p.reason);
            }
            plans[i] = p;
        }
        return p;
    }

    private static Plan makePlan(Object body, boolean returning) {
        try {
            Class<?> c = body.getClass();
            return c.isHidden() ? lambdaPlan(body, c, returning) : classPlan(c, returning);
        } catch (BytecodeRewriter.Unsupported e) {
            return Plan.fallback(e.getMessage());
        }
    }

    /** A lambda or method reference: its SerializedLambda names the implementation method and the captures. */
    private static Plan lambdaPlan(Object body, Class<?> c, boolean returning) throws BytecodeRewriter.Unsupported {
        MethodHandles.Lookup nest = privateLookup(c.getNestHost());
        MethodHandle writeReplace;
        SerializedLambda sl;
        try {
            writeReplace = nest.findVirtual(c, "writeReplace", MethodType.methodType(Object.class))
                    .asType(MethodType.methodType(Object.class, Object.class));
            sl = (SerializedLambda) (Object) writeReplace.invokeExact(body);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new BytecodeRewriter.Unsupported(c.getName() + " is a hidden class but not a serializable lambda");
        } catch (Throwable e) {
            throw new BytecodeRewriter.Unsupported("the lambda " + c.getName() + " cannot describe itself: " + e);
        }
        int kind = sl.getImplMethodKind();
        boolean isStatic = kind == MethodHandleInfo.REF_invokeStatic;
        boolean virtual = kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeInterface;
        if (!isStatic && !virtual && kind != MethodHandleInfo.REF_invokeSpecial) {
            throw new BytecodeRewriter.Unsupported("the body is a " + MethodHandleInfo.referenceKindToString(kind)
                    + " method reference");
        }
        Class<?> impl;
        try {
            impl = Class.forName(sl.getImplClass().replace('/', '.'), false, c.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BytecodeRewriter.Unsupported("the body's class " + sl.getImplClass() + " cannot be found: " + e);
        }
        String name = sl.getImplMethodName();
        String desc = sl.getImplMethodSignature();
        Template t = template(impl, name, desc, returning);
        MethodType ctorType = t.constructor.type();
        int n = sl.getCapturedArgCount();
        if (ctorType.parameterCount() != n) {
            throw new BytecodeRewriter.Unsupported("the lambda captures " + n + " values but " + name + desc
                    + " expects " + ctorType.parameterCount() + " besides the Yielder");
        }
        Factory factory = capturedFieldsFactory(c, t.constructor, nest);
        Method target = virtual ? findMethod(impl, name, desc) : null;
        // A virtual method reference runs the receiver's override, if any: only its own class's code is ours.
        boolean checkReceiver = virtual && target != null && !Modifier.isFinal(target.getModifiers())
                && !Modifier.isFinal(impl.getModifiers()) && !Modifier.isPrivate(target.getModifiers());
        if (virtual && target == null) {
            throw new BytecodeRewriter.Unsupported("the method " + impl.getName() + "." + name + " cannot be found");
        }
        return factory == null
                ? new Plan(null, null, writeReplace, t, impl, checkReceiver ? target : null)
                : new Plan(factory.make, factory.receiver, null, t, impl, checkReceiver ? target : null);
    }

    /** An anonymous or named class implementing the body interface: its own {@code run(Yielder)}. */
    private static Plan classPlan(Class<?> c, boolean returning) throws BytecodeRewriter.Unsupported {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals("run") && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
                        && Arrays.equals(m.getParameterTypes(), new Class<?>[] {Yielder.class})
                        && (m.getReturnType() == void.class) != returning) {
                    if (Modifier.isAbstract(m.getModifiers())) {
                        break;
                    }
                    Template t = template(k, "run", org.objectweb.asm.Type.getMethodDescriptor(m), returning);
                    return new Plan(t.constructor.asType(FACTORY), null, null, t, k, null);
                }
            }
        }
        throw new BytecodeRewriter.Unsupported(c.getName() + " declares no run(Yielder) method with code");
    }

    /** Makes a machine from a lambda object; {@code receiver} reads its first captured value (or is null). */
    private record Factory(MethodHandle make, MethodHandle receiver) {}

    /**
     * A factory {@code (body) -> new Machine(body.arg$1, body.arg$2, ...)} reading the lambda object's captured
     * fields directly, or null if they are not laid out as expected (then each body is described anew).
     */
    private static Factory capturedFieldsFactory(Class<?> c, MethodHandle ctor, MethodHandles.Lookup nest) {
        List<Field> fields = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                if (!f.getName().matches("arg\\$\\d+")) {
                    return null;
                }
                fields.add(f);
            }
        }
        MethodType type = ctor.type();
        if (fields.size() != type.parameterCount()) {
            return null;
        }
        fields.sort(Comparator.comparingInt(f -> Integer.parseInt(f.getName().substring(4))));
        try {
            if (fields.isEmpty()) {
                return new Factory(MethodHandles.dropArguments(ctor, 0, Object.class).asType(FACTORY), null);
            }
            MethodHandle[] getters = new MethodHandle[fields.size()];
            for (int i = 0; i < getters.length; i++) {
                getters[i] = nest.unreflectGetter(fields.get(i))
                        .asType(MethodType.methodType(type.parameterType(i), Object.class));
            }
            MethodHandle h = MethodHandles.filterArguments(ctor, 0, getters);
            MethodHandle make = MethodHandles.permuteArguments(h,
                    MethodType.methodType(type.returnType(), Object.class), new int[getters.length]).asType(FACTORY);
            MethodHandle receiver = getters[0].asType(MethodType.methodType(Object.class, Object.class));
            return new Factory(make, receiver);
        } catch (IllegalAccessException | RuntimeException e) {
            return null; // why: the slower path through SerializedLambda works whatever the layout
        }
    }

    private static Method findMethod(Class<?> c, String name, String desc) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && org.objectweb.asm.Type.getMethodDescriptor(m).equals(desc)) {
                    return m;
                }
            }
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && org.objectweb.asm.Type.getMethodDescriptor(m).equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static Template template(Class<?> impl, String name, String desc, boolean returning)
            throws BytecodeRewriter.Unsupported {
        Object t = TEMPLATES.get(impl).computeIfAbsent(name + desc + (returning ? " returning" : ""),
                k -> define(impl, name, desc, returning));
        if (t instanceof String reason) {
            throw new BytecodeRewriter.Unsupported(reason);
        }
        return (Template) t;
    }

    /** Rewrites and defines; returns a Template, or the reason why not. */
    private static Object define(Class<?> impl, String name, String desc, boolean returning) {
        try {
            byte[] bytes = classFile(impl);
            BytecodeRewriter.Rewritten r = BytecodeRewriter.rewrite(impl, bytes, name, desc, returning);
            MethodHandles.Lookup lookup = privateLookup(impl);
            MethodHandles.Lookup machine =
                    lookup.defineHiddenClass(r.bytes(), true, MethodHandles.Lookup.ClassOption.NESTMATE);
            MethodHandle ctor = machine.findConstructor(machine.lookupClass(),
                    MethodType.fromMethodDescriptorString(r.constructorDesc(), impl.getClassLoader()));
            return new Template(ctor, r.closeOnAbandon());
        } catch (BytecodeRewriter.Unsupported e) {
            return e.getMessage();
        } catch (IllegalAccessException e) {
            return "the state machine cannot be defined in " + impl.getPackageName() + ": " + e.getMessage();
        } catch (ReflectiveOperationException | TypeNotPresentException e) {
            return "the state machine's constructor cannot be found: " + e;
        } catch (LinkageError e) {
            // why: never run a machine the JVM refused (a verify error here is a limit of the rewrite).
            return "the JVM refused the rewritten class: " + e;
        }
    }

    private static byte[] classFile(Class<?> c) throws BytecodeRewriter.Unsupported {
        String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file)) {
            if (in == null) {
                throw new BytecodeRewriter.Unsupported("the class file of " + c.getName() + " cannot be read (a "
                        + "class defined at run time, as by jshell or a code generator, has none)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BytecodeRewriter.Unsupported("the class file of " + c.getName() + " cannot be read: " + e);
        }
    }

    /** A lookup with full privilege on {@code host}, needed to define a nestmate. */
    private static MethodHandles.Lookup privateLookup(Class<?> host) throws BytecodeRewriter.Unsupported {
        Module mine = BytecodeEngine.class.getModule();
        Module theirs = host.getModule();
        if (mine.isNamed()) {
            mine.addReads(theirs);
            mine.addExports(INTERNAL, theirs); // the machine extends StateMachine from the body's module
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new BytecodeRewriter.Unsupported("no private access to " + host.getName() + " (open its package "
                    + "to dev.jyield): " + e.getMessage());
        }
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new BytecodeRewriter.Unsupported("the lookup on " + host.getName() + " lacks full privilege, as "
                    + "when jyield is a named module and the body is not in it");
        }
        return lookup;
    }

    /** How to make the state machine of one body class, or why it cannot be made. */
    private static final class Plan {
        final String reason;
        /** (Object body) -> StateMachine, or null: then {@link #writeReplace} gives the captures each time. */
        private final MethodHandle factory;
        private final MethodHandle receiver;
        private final MethodHandle writeReplace;
        private final MethodHandle constructor;
        final boolean closeOnAbandon;
        private final Class<?> impl;
        /** For a virtual method reference that may be overridden: the method, else null. */
        private final Method overridable;
        private final ConcurrentHashMap<Class<?>, Boolean> receiverOk;

        Plan(MethodHandle factory, MethodHandle receiver, MethodHandle writeReplace, Template t, Class<?> impl,
                Method overridable) {
            this.reason = null;
            this.factory = factory;
            this.receiver = receiver;
            this.writeReplace = writeReplace;
            this.constructor = t.constructor;
            this.closeOnAbandon = t.closeOnAbandon;
            this.impl = impl;
            this.overridable = overridable;
            this.receiverOk = overridable == null ? null : new ConcurrentHashMap<>();
        }

        private Plan(String reason) {
            this.reason = reason;
            this.factory = null;
            this.receiver = null;
            this.writeReplace = null;
            this.constructor = null;
            this.closeOnAbandon = false;
            this.impl = null;
            this.overridable = null;
            this.receiverOk = null;
        }

        static Plan fallback(String reason) {
            return new Plan(reason);
        }

        /** A new machine for {@code body}, or null if this body object cannot use it (logged). */
        StateMachine instantiate(Object body) {
            try {
                StateMachine m;
                Object[] captured = null;
                if (factory != null) {
                    m = (StateMachine) factory.invokeExact(body);
                } else {
                    SerializedLambda sl = (SerializedLambda) (Object) writeReplace.invokeExact(body);
                    captured = new Object[sl.getCapturedArgCount()];
                    for (int i = 0; i < captured.length; i++) {
                        captured[i] = sl.getCapturedArg(i);
                    }
                    m = (StateMachine) constructor.invokeWithArguments(captured);
                }
                if (overridable != null && !receiverAccepted(body, captured)) {
                    return null;
                }
                return m;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create the state machine of " + body, e);
            }
        }

        private boolean receiverAccepted(Object body, Object[] captured) throws Throwable {
            Object r = captured != null ? captured[0] : (Object) receiver.invokeExact(body);
            Class<?> rc = r.getClass();
            if (rc == impl) {
                return true;
            }
            boolean ok = receiverOk.computeIfAbsent(rc, k -> !overridden(k));
            if (!ok && LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "jyield: " + rc.getName() + " overrides " + overridable
                        + ": the generator runs on a stackful engine");
            }
            return ok;
        }

        private boolean overridden(Class<?> rc) {
            for (Class<?> k = rc; k != null && k != impl; k = k.getSuperclass()) {
                try {
                    Method m = k.getDeclaredMethod(overridable.getName(), overridable.getParameterTypes());
                    if (!Modifier.isStatic(m.getModifiers())) {
                        return true;
                    }
                } catch (NoSuchMethodException e) {
                    // not here: look further up
                }
            }
            return false;
        }
    }
}
