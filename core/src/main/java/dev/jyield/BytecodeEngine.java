package dev.jyield;

import dev.jyield.internal.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.ref.SoftReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.objectweb.asm.Type;

/**
 * The bytecode engine: finds the code of a generator body, has {@link BytecodeRewriter} turn it into a state
 * machine, and defines that as an ordinary class in the body's own package, class loader and module (named
 * {@code Host$$Jyield$method}), so that its frames show in stack traces with the user's file and line and
 * debuggers stop in it. Defining such a class needs only a lookup with package access, which
 * {@code privateLookupIn} grants on the class path, across class loaders, and on the module path when the body's
 * package is open to {@code dev.jyield}. Stackless, like Python's generators: only yields written in the body itself
 * suspend it.
 *
 * <p>Everything is cached: per body class a {@link Plan} (how to make the machine from a body object, or why
 * not), per implementation method the defined class, defined once even when threads race. A second generator from
 * the same body costs one allocation of its machine. A body that cannot be rewritten runs on a stackful engine,
 * 20 to 1000 times slower: the reason and its fix are logged once per body at WARNING on the {@code dev.jyield}
 * logger, and with {@code -Djyield.strict=true} the first pull fails instead. {@code -Djyield.dump=DIR} writes
 * every generated class to {@code DIR} for {@code javap}.
 */
final class BytecodeEngine {
    private BytecodeEngine() {}

    /** The {@code dev.jyield} logger, made on the first warning: making it starts the logging backend (~12 ms). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.jyield");
    }
    /** {@code -Djyield.strict=true}: a body that cannot run as a state machine fails instead of falling back. */
    static volatile boolean strict = Boolean.getBoolean("jyield.strict");
    /** Test hook: when set, damages the next generated class so that the JVM refuses it. */
    static volatile boolean corruptNextForTest;
    /**
     * Test hook: while set, the plans made read a lambda's captured values through its {@code SerializedLambda}, as
     * for a lambda whose fields are not laid out as HotSpot's (see {@link #capturedFieldsFactory}).
     */
    static volatile boolean describeEachBodyForTest;

    /** The helpers that already said why they run on a stackful engine. */
    private static final java.util.Set<String> WARNED_HELPERS = ConcurrentHashMap.newKeySet();

    /**
     * The handles that helper calls are linked to. why: in a class of their own, made on the first helper call,
     * not on the first body: each method handle made costs a class spun by the JDK, about a millisecond cold.
     */
    private static final class HelperHandles {
        static final MethodHandle DELEGATE;
        static final MethodHandle STACKFUL_HELPER;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                DELEGATE = l.findStatic(BytecodeEngine.class, "delegateTo",
                        MethodType.methodType(Generator.class, StateMachine.class, boolean.class));
                STACKFUL_HELPER = l.findStatic(BytecodeEngine.class, "stackfulHelper",
                        MethodType.methodType(Generator.class, MethodHandle.class, int.class, Object[].class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static {
        StateMachine.install(MethodHandles.lookup(), new StateMachine.Helpers() {
            @Override
            public MethodHandle generatorOf(Class<?> owner, String name, String desc, MethodHandle target) {
                return helperGenerator(owner, name, desc, target);
            }

            @Override
            public MethodHandle factoryOf(Class<?> machine) {
                Registered r = FACTORIES.get(machine).get();
                if (r == null) {
                    throw new IllegalStateException("no factory was made for " + machine.getName());
                }
                return r.make;
            }
        });
    }

    /** The factory of a machine class, made for the first body class planned with it (see {@link #prototype}). */
    private record Registered(Class<?> body, MethodHandle make) {}

    /** Per machine class: its {@link Registered} factory, once one is. */
    private static final ClassValue<AtomicReference<Registered>> FACTORIES =
            new ClassValue<>() {
                @Override
                protected AtomicReference<Registered> computeValue(Class<?> type) {
                    return new AtomicReference<>();
                }
            };

    /**
     * A machine to call {@link StateMachine#fresh} on for each body object of class {@code body}, or null: then the
     * plan calls {@code make} itself. A machine class has one factory, the first body class's: a method referenced
     * from two places (two lambda classes) uses it for the first only.
     */
    private static StateMachine prototype(Template t, Class<?> body, MethodHandle make) {
        AtomicReference<Registered> r = FACTORIES.get(t.constructor.type().returnType());
        r.compareAndSet(null, new Registered(body, make));
        return r.get().body == body ? t.prototype : null;
    }

    /** The bytes of the classes defined here, for the lambdas inside a machine that become bodies themselves. */
    private static final Map<Class<?>, byte[]> GENERATED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final MethodType FACTORY = MethodType.methodType(StateMachine.class, Object.class);
    private static final MethodType BLANK = MethodType.methodType(StateMachine.class);
    private static final String INTERNAL = "dev.jyield.internal";

    /** Per body class: its plans for the plain and the returning form (a class may implement both). */
    private static final ClassValue<Plan[]> PLANS = new ClassValue<>() {
        @Override
        protected Plan[] computeValue(Class<?> type) {
            return new Plan[2];
        }
    };

    /**
     * Per implementation class: its rewritten methods by name, descriptor and form (a Template or a reason).
     * why: a ClassValue lives in the class itself, so a child class loader stays collectable.
     */
    private static final ClassValue<ConcurrentHashMap<String, Object>> TEMPLATES = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * A defined state-machine class: its constructor (receiver, then captured arguments), and a blank instance
     * that only makes others ({@link StateMachine#fresh}).
     */
    private record Template(MethodHandle constructor, boolean closeOnAbandon, StateMachine prototype) {}

    /** Whether a body runs as a state machine: {@link #fit}'s answer. */
    enum Fit {
        /** It does not: the reason was logged. */
        NO,
        /** It does, whatever the body object. */
        RUNS,
        /** It does if the receiver of this method reference does not override the method (see Plan). */
        RUNS_IF_RECEIVER_FITS
    }

    /** Whether {@code body} runs as a state machine, without making one (the first call of a body defines it). */
    static Fit fit(Object body, boolean returning) {
        Plan plan = plan(body, returning);
        if (plan.reason != null) {
            stepAside(plan, body);
            return Fit.NO;
        }
        return plan.overridable == null ? Fit.RUNS : Fit.RUNS_IF_RECEIVER_FITS;
    }

    /**
     * Makes {@code into} run {@code body} as a state machine and returns true, or returns false if it cannot (the
     * caller falls back; the reason was logged).
     */
    static boolean install(BytecodeSource<?> into, Object body, boolean returning, Object owner) {
        Plan plan = plan(body, returning);
        if (plan.reason != null) {
            stepAside(plan, body);
            return false;
        }
        StateMachine machine = plan.instantiate(body);
        if (machine == null) {
            return false;
        }
        into.install(machine, owner, plan.closeOnAbandon);
        return true;
    }

    /**
     * The plan of {@code body} if it runs as a state machine that needs nothing but itself (whatever the body
     * object, and with no cleaner to close it when abandoned), else null; its {@link Plan#instantiate} then makes
     * the machine. Says nothing and writes nothing but the plan's cache, so that racing starters may all ask.
     */
    static Plan barePlan(Object body, boolean returning) {
        Plan plan = plan(body, returning);
        return plan.reason == null && plan.overridable == null && !plan.closeOnAbandon ? plan : null;
    }

    /** Why {@code body} does not run on this engine, or null if it does: for diagnostics and tests. */
    static String fallbackReason(Object body, boolean returning) {
        return plan(body, returning).reason;
    }

    /** The reason {@code body} does not run on this engine and its fix, as users read it, or null if it does. */
    static String explain(Object body, boolean returning) {
        Plan p = plan(body, returning);
        return p.reason == null ? null : p.reason + (p.fix == null ? "" : ". Fix: " + p.fix);
    }

    /** The body runs on a stackful engine: warn once per body, or fail in strict mode. */
    private static void stepAside(Plan plan, Object body) {
        Engine e = Engine.stackful();
        String message = "jyield: the generator body " + plan.where + " runs on the " + e.name().toLowerCase(Locale.ROOT)
                + " engine, " + (e == Engine.CONTINUATION ? "about 20" : "100 to 1000") + " times slower than as a "
                + "state machine, because " + plan.reason + "." + (plan.fix == null ? "" : " Fix: " + plan.fix + ".");
        if (strict) {
            throw new IllegalStateException(message + " (This is an error because -Djyield.strict=true.)");
        }
        if (!plan.warned) {
            plan.warned = true; // why: a benign race; at worst a second thread warns once more
            Log.LOG.log(System.Logger.Level.WARNING, message + " (-Djyield.strict=true makes this an error.)");
        }
    }

    /**
     * How a call that hands a body's yielder to the helper {@code owner.name desc} makes the helper's generator:
     * its own state machine, or (when it cannot be rewritten; said once at WARNING) the helper run on a stackful
     * engine.
     */
    private static MethodHandle helperGenerator(Class<?> owner, String name, String desc, MethodHandle target) {
        boolean returning = !desc.endsWith(")V");
        int yielderAt = BytecodeRewriter.yielderParameter(desc) + target.type().parameterCount()
                - Type.getArgumentTypes(desc).length;
        MethodType site = target.type().dropParameterTypes(yielderAt, yielderAt + 1).changeReturnType(Generator.class);
        Class<?> declaring = declaringClass(owner, name, desc);
        try {
            Template t = template(declaring, name, desc, returning);
            MethodHandle make = t.constructor.asType(t.constructor.type().changeReturnType(StateMachine.class));
            return MethodHandles.filterReturnValue(make, MethodHandles.insertArguments(HelperHandles.DELEGATE, 1,
                    t.closeOnAbandon)).asType(site);
        } catch (BytecodeRewriter.Unsupported u) {
            Engine e = Engine.stackful();
            String message = "jyield: the helper " + declaring.getName() + "." + name + ", to which a generator body "
                    + "hands its Yielder, runs on the " + e.name().toLowerCase(Locale.ROOT) + " engine, "
                    + (e == Engine.CONTINUATION ? "about 20" : "100 to 1000") + " times slower than as a state "
                    + "machine, because " + u.getMessage() + "." + (u.fix == null ? "" : " Fix: " + u.fix + ".");
            if (strict) {
                MethodHandle fail = MethodHandles.throwException(Generator.class, IllegalStateException.class);
                fail = MethodHandles.insertArguments(fail, 0, new IllegalStateException(message
                        + " (This is an error because -Djyield.strict=true.)"));
                return MethodHandles.dropArguments(fail, 0, site.parameterList());
            }
            if (WARNED_HELPERS.add(declaring.getName() + "." + name + desc)) {
                Log.LOG.log(System.Logger.Level.WARNING, message + " (-Djyield.strict=true makes this an error.)");
            }
            return MethodHandles.insertArguments(HelperHandles.STACKFUL_HELPER, 0, target, yielderAt)
                    .asCollector(Object[].class, site.parameterCount()).asType(site);
        }
    }

    private static Class<?> declaringClass(Class<?> owner, String name, String desc) {
        Method m = findMethod(owner, name, desc);
        return m == null ? owner : m.getDeclaringClass();
    }

    private static Generator<Object> delegateTo(StateMachine machine, boolean closeOnAbandon) {
        return new Generator<>(new MachineSource<>(machine, closeOnAbandon));
    }

    /** A helper that cannot be rewritten, run as a body of its own: {@code target(args with y at yielderAt)}. */
    private static Generator<Object> stackfulHelper(MethodHandle target, int yielderAt, Object[] args) {
        Generator.ReturningBody<Object> body = y -> {
            Object[] all = new Object[args.length + 1];
            System.arraycopy(args, 0, all, 0, yielderAt);
            all[yielderAt] = y;
            System.arraycopy(args, yielderAt, all, yielderAt + 1, args.length - yielderAt);
            try {
                return target.invokeWithArguments(all);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw Util.sneaky(e);
            }
        };
        return new Generator<>(new BodySource<>(body, true, Engine.stackful()));
    }

    private static Plan plan(Object body, boolean returning) {
        Plan[] plans = PLANS.get(body.getClass());
        int i = returning ? 1 : 0;
        Plan p = plans[i];
        if (p == null) {
            // why: a benign race; two threads may both plan, and the templates below are shared anyway.
            p = makePlan(body, returning);
            plans[i] = p;
        }
        return p;
    }

    private static Plan makePlan(Object body, boolean returning) {
        Class<?> c = body.getClass();
        String[] where = {c.isHidden() ? "written in " + c.getNestHost().getName() : c.getName()};
        try {
            return c.isHidden() ? lambdaPlan(body, c, returning, where) : classPlan(c, returning);
        } catch (BytecodeRewriter.Unsupported e) {
            return Plan.fallback(e.getMessage(), e.fix, where[0]);
        }
    }

    /** A lambda's implementation method as its author would name it: {@code Main.main}'s lambda for lambda$main$0. */
    private static String describe(Class<?> impl, String method) {
        String[] parts = method.split("\\$");
        String name = impl.getName();
        if (parts.length >= 3 && parts[0].equals("lambda")) {
            return "written as a lambda in " + name + "." + parts[1] + " (" + method + ")";
        }
        return name + "::" + method;
    }

    /**
     * The number n of a lambda class's field named {@code arg$n}, a captured value; 0 for any other name. why: by
     * hand, not as a regular expression, which would load and run java.util.regex on a body's first use.
     */
    private static int capturedArg(String field) {
        if (!field.startsWith("arg$") || field.length() == 4 || field.length() > 8) {
            return 0;
        }
        int n = 0;
        for (int i = 4; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    /** A method's name with every character that is not a letter, a digit, {@code _} or {@code $} made {@code _}. */
    private static String javaName(String name) {
        char[] cs = name.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char ch = cs[i];
            boolean kept = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_'
                    || ch == '$';
            if (!kept) {
                cs[i] = '_';
            }
        }
        return new String(cs);
    }

    /** A lambda or method reference: its SerializedLambda names the implementation method and the captures. */
    private static Plan lambdaPlan(Object body, Class<?> c, boolean returning, String[] where)
            throws BytecodeRewriter.Unsupported {
        MethodHandles.Lookup nest = hostLookup(c.getNestHost());
        MethodHandle writeReplace;
        SerializedLambda sl;
        try {
            writeReplace = nest.findVirtual(c, "writeReplace", MethodType.methodType(Object.class));
            // why: bound to the body rather than adapted with asType, whose adapter the JDK spins a class for on a
            // first body (0.6 ms)
            sl = (SerializedLambda) (Object) writeReplace.bindTo(body).invokeExact();
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
        where[0] = describe(impl, name);
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
                ? new Plan(null, null, null, writeReplace, t, impl, checkReceiver ? target : null)
                : new Plan(factory.make, prototype(t, c, factory.make), checkReceiver
                        ? factory.first.asType(MethodType.methodType(Object.class, Object.class)) : null, null, t,
                        impl, checkReceiver ? target : null);
    }

    /** An anonymous or named class implementing a body interface: its own {@code run(Yielder)} or {@code run(Channel)}. */
    private static Plan classPlan(Class<?> c, boolean returning) throws BytecodeRewriter.Unsupported {
        Class<?> yielder = Coroutine.Body.class.isAssignableFrom(c) ? Coroutine.Channel.class : Yielder.class;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals("run") && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
                        && Arrays.equals(m.getParameterTypes(), new Class<?>[] {yielder})
                        && (m.getReturnType() == void.class) != returning) {
                    if (Modifier.isAbstract(m.getModifiers())) {
                        break;
                    }
                    Template t = template(k, "run", Type.getMethodDescriptor(m), returning);
                    MethodHandle make = t.constructor.asType(FACTORY);
                    return new Plan(make, prototype(t, c, make), null, null, t, k, null);
                }
            }
        }
        throw new BytecodeRewriter.Unsupported(c.getName() + " declares no run(" + yielder.getSimpleName()
                + ") method with code");
    }

    /**
     * Makes a machine from a lambda object; {@code first} reads its first captured value, typed on the lambda's
     * class (null if it captures none).
     */
    private record Factory(MethodHandle make, MethodHandle first) {}

    /**
     * A factory {@code (body) -> new Machine(body.arg$1, body.arg$2, ...)} reading the lambda object's captured
     * fields directly, or null if they are not laid out as expected (then each body is described anew).
     */
    private static Factory capturedFieldsFactory(Class<?> c, MethodHandle ctor, MethodHandles.Lookup nest) {
        if (describeEachBodyForTest) {
            return null;
        }
        MethodType type = ctor.type();
        Field[] fields = new Field[type.parameterCount()]; // arg$1 at 0, ... (why: no sort, whose lambda spins)
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                int i = capturedArg(f.getName()) - 1;
                if (i < 0 || i >= fields.length || fields[i] != null) {
                    return null;
                }
                fields[i] = f;
            }
        }
        for (Field f : fields) {
            if (f == null) {
                return null;
            }
        }
        try {
            if (fields.length == 0) {
                return new Factory(MethodHandles.dropArguments(ctor, 0, Object.class).asType(FACTORY), null);
            }
            MethodHandle[] getters = new MethodHandle[fields.length];
            for (int i = 0; i < getters.length; i++) {
                MethodHandle g = nest.unreflectGetter(fields[i]); // (lambda class) -> the field's type
                Class<?> p = type.parameterType(i);
                getters[i] = g.type().returnType() == p ? g : g.asType(g.type().changeReturnType(p));
            }
            MethodHandle h = MethodHandles.filterArguments(ctor, 0, getters);
            // why: one asType for the whole factory, not one per getter: the JDK spins a class per adapter shape
            MethodHandle make = MethodHandles.permuteArguments(h, MethodType.methodType(type.returnType(), c),
                    new int[getters.length]).asType(FACTORY);
            return new Factory(make, getters[0]);
        } catch (IllegalAccessException | RuntimeException e) {
            return null; // why: the slower path through SerializedLambda works whatever the layout
        }
    }

    private static Method findMethod(Class<?> c, String name, String desc) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                    return m;
                }
            }
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static Template template(Class<?> impl, String name, String desc, boolean returning)
            throws BytecodeRewriter.Unsupported {
        // why: computeIfAbsent is atomic per key, so racing threads define each machine once.
        Object t = TEMPLATES.get(impl).computeIfAbsent(name + desc + (returning ? " returning" : ""),
                new Definer(impl, name, desc, returning));
        if (t instanceof BytecodeRewriter.Unsupported reason) {
            throw reason;
        }
        return (Template) t;
    }

    /**
     * {@link #define} as the function of a computeIfAbsent, and the reader of the classes the rewrite looks into.
     * why: a class, not lambdas: each lambda's first use spins classes, some milliseconds on a body's first use.
     */
    private record Definer(Class<?> impl, String name, String desc, boolean returning)
            implements Function<String, Object>, MemberAccess.ClassFiles {
        @Override
        public Object apply(String key) {
            return define(impl, name, desc, returning, this);
        }

        @Override
        public HostClass read(Class<?> c) throws BytecodeRewriter.Unsupported {
            return hostClass(c);
        }
    }

    /** Rewrites and defines; returns a Template, or the Unsupported that says why not. */
    private static Object define(Class<?> impl, String name, String desc, boolean returning,
            MemberAccess.ClassFiles reading) {
        try {
            MethodHandles.Lookup lookup = hostLookup(impl);
            HostClass host = hostClass(impl);
            for (int attempt = 0; ; attempt++) {
                String machineName = Type.getInternalName(impl) + "$$Jyield$" + javaName(name)
                        + (returning ? "$returning" : "") + (attempt == 0 ? "" : "$" + attempt);
                BytecodeRewriter.Rewritten r = BytecodeRewriter.rewrite(impl, host, name, desc, returning,
                        machineName, reading);
                byte[] machineBytes = corruptNextForTest ? Corruption.of(r.bytes()) : r.bytes();
                dump(machineName, machineBytes);
                Class<?> machine;
                try {
                    machine = lookup.defineClass(machineBytes);
                } catch (LinkageError e) {
                    // why: another copy of jyield (or an overload) took the name in this loader: "duplicate class
                    // definition" is a plain LinkageError, while a refused class is a VerifyError or a ClassFormatError.
                    if (e.getClass() == LinkageError.class && attempt < 8 && taken(impl, machineName)) {
                        continue;
                    }
                    throw e;
                }
                GENERATED.put(machine, machineBytes);
                lookup.ensureInitialized(machine); // defineClass links, so a class the verifier refuses never runs
                MethodHandle ctor = lookup.findConstructor(machine,
                        MethodType.fromMethodDescriptorString(r.constructorDesc(), impl.getClassLoader()));
                // why: the constructor without arguments makes a machine that holds nothing, at no spinning of
                // method handles (the return type is only widened)
                StateMachine prototype;
                try {
                    prototype = (StateMachine) lookup.findConstructor(machine, MethodType.methodType(void.class))
                            .asType(BLANK).invokeExact();
                } catch (Throwable e) {
                    prototype = null; // why: the plan then calls the factory itself, as it does for other bodies
                }
                return new Template(ctor, r.closeOnAbandon(), prototype);
            }
        } catch (BytecodeRewriter.Unsupported e) {
            return e;
        } catch (IllegalAccessException e) {
            return new BytecodeRewriter.Unsupported("the state machine cannot be defined in " + impl.getPackageName()
                    + ": " + e.getMessage());
        } catch (ReflectiveOperationException | TypeNotPresentException e) {
            return new BytecodeRewriter.Unsupported("the state machine's constructor cannot be found: " + e);
        } catch (LinkageError e) {
            // why: never run a machine the JVM refused (a verify error here is a limit of the rewrite).
            String what = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            return new BytecodeRewriter.Unsupported("the JVM refused the rewritten class (" + e.getClass().getName()
                    + what + "); this is a "
                    + "limit of jyield, not an error in the body", "none needed: the body runs correctly, only slower; "
                    + "please report the body's code (and -Djyield.dump=DIR's output) to jyield");
        }
    }

    private static boolean taken(Class<?> impl, String machineName) {
        try {
            Class.forName(machineName.replace('/', '.'), false, impl.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * For the test of the fallback: a class whose one method the verifier refuses. why: a class of its own, so that
     * verifying the engine does not load ASM's ClassNode (and the trees it refers to) for a test's path.
     */
    private static final class Corruption {
        static byte[] of(byte[] bytes) {
            corruptNextForTest = false;
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(bytes).accept(cn, 0);
            for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
                if (m.name.equals("resume")) {
                    m.instructions.insert(new org.objectweb.asm.tree.InsnNode(org.objectweb.asm.Opcodes.POP));
                }
            }
            org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
            cn.accept(cw);
            return cw.toByteArray();
        }
    }

    /** {@code -Djyield.dump=DIR}: every generated class is written there, as {@code DIR/pkg/Name.class}. */
    private static void dump(String machineName, byte[] bytes) {
        String dir = System.getProperty("jyield.dump");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(dir).resolve(machineName + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            Log.LOG.log(System.Logger.Level.WARNING, "jyield: cannot write " + machineName + " to jyield.dump=" + dir
                    + ": " + e);
        }
    }

    /**
     * Per class: its class file as read last, while memory allows. why: the bodies of one class are usually
     * rewritten one after another, and reading and parsing the class file again was a fifth of each rewrite; soft,
     * so that the bytes of a class whose bodies have all been rewritten go when memory is short; in a ClassValue,
     * so that it never keeps a class loader reachable.
     */
    private static final ClassValue<AtomicReference<SoftReference<HostClass>>> HOST_CLASSES = new ClassValue<>() {
        @Override
        protected AtomicReference<SoftReference<HostClass>> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private static HostClass hostClass(Class<?> c) throws BytecodeRewriter.Unsupported {
        AtomicReference<SoftReference<HostClass>> cached = HOST_CLASSES.get(c);
        SoftReference<HostClass> ref = cached.get();
        HostClass h = ref == null ? null : ref.get();
        if (h == null) {
            h = HostClass.read(c, classFile(c));
            cached.set(new SoftReference<>(h));
        }
        return h;
    }

    private static byte[] classFile(Class<?> c) throws BytecodeRewriter.Unsupported {
        byte[] generated = GENERATED.get(c);
        if (generated != null) {
            return generated;
        }
        byte[] local = c.getModule().isNamed() ? null : fromCodeSource(c);
        if (local != null) {
            return local;
        }
        String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file)) {
            if (in == null) {
                throw new BytecodeRewriter.Unsupported("the class file of " + c.getName() + " cannot be read (a "
                        + "class defined at run time, as by a code generator, may have none)",
                        "write the body in a class compiled to a .class file that its class loader can find");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BytecodeRewriter.Unsupported("the class file of " + c.getName() + " cannot be read: " + e);
        }
    }

    /**
     * The class file of {@code c} read straight from the local jar or directory it was loaded from, or null if it
     * came from elsewhere (then the class loader finds it). why: getResourceAsStream goes through the JDK's URL
     * connections, which a small application loads and starts for its first body (in a minimal
     * program, 22 ms for its first class file against 1 ms from the jar directly). A named module's resources
     * take no URL, so they keep that way.
     */
    private static byte[] fromCodeSource(Class<?> c) {
        String entry = c.getName().replace('.', '/') + ".class";
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            if (url == null || !url.getProtocol().equals("file")) {
                return null;
            }
            Path where = Path.of(url.toURI());
            if (Files.isDirectory(where)) {
                Path file = where.resolve(entry);
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            // why: opened as class loaders open it, so that a multi-release jar gives the class this JVM loaded
            try (JarFile jar = new JarFile(where.toFile(), false, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
                JarEntry e = jar.getJarEntry(entry);
                if (e == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        } catch (Exception e) {
            return null; // why: whatever the doubt (a custom location, no permission, a bad path), the loader decides
        }
    }

    /**
     * A lookup on {@code host} with private and package access: enough to define a class in its package and to
     * reach its private members, on the class path, across class loaders and across modules whose package is open
     * to dev.jyield.
     */
    private static MethodHandles.Lookup hostLookup(Class<?> host) throws BytecodeRewriter.Unsupported {
        Module mine = BytecodeEngine.class.getModule();
        Module theirs = host.getModule();
        if (!mine.isNamed() && theirs.isNamed()) {
            throw new BytecodeRewriter.Unsupported("the body is in the named module " + theirs.getName()
                    + " while jyield is on the class path, which a named module cannot read",
                    "put jyield on the module path as well (`requires dev.jyield;`)");
        }
        if (mine.isNamed()) {
            mine.addReads(theirs);
            mine.addExports(INTERNAL, theirs); // the machine extends StateMachine from the body's module
        }
        try {
            return MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            String pkg = host.getPackageName();
            throw new BytecodeRewriter.Unsupported("the package " + pkg + " of module " + theirs.getName()
                    + " is not open to dev.jyield", "add `opens " + pkg + " to dev.jyield;` to module "
                    + theirs.getName() + "'s module-info.java (or run with --add-opens " + theirs.getName() + "/" + pkg
                    + "=dev.jyield)");
        }
    }

    /** How to make the state machine of one body class, or why it cannot be made. */
    static final class Plan {
        final String reason;
        /** The fix for {@link #reason}, in the user's terms, or null. */
        final String fix;
        /** Where the body was written, for the warning. */
        final String where;
        /** Whether the fallback was logged. */
        boolean warned;
        /** (Object body) -> StateMachine, or null: then {@link #writeReplace} gives the captures each time. */
        private final MethodHandle factory;
        /** A machine whose {@link StateMachine#fresh} makes the others, or null: then {@link #factory} does. */
        private final StateMachine prototype;
        private final MethodHandle receiver;
        private final MethodHandle writeReplace;
        private final MethodHandle constructor;
        final boolean closeOnAbandon;
        private final Class<?> impl;
        /** For a virtual method reference that may be overridden: the method, else null. */
        private final Method overridable;
        private final ConcurrentHashMap<Class<?>, Boolean> receiverOk;

        Plan(MethodHandle factory, StateMachine prototype, MethodHandle receiver, MethodHandle writeReplace,
                Template t, Class<?> impl, Method overridable) {
            this.reason = null;
            this.fix = null;
            this.where = null;
            this.factory = factory;
            this.prototype = prototype;
            this.receiver = receiver;
            this.writeReplace = writeReplace;
            this.constructor = t.constructor;
            this.closeOnAbandon = t.closeOnAbandon;
            this.impl = impl;
            this.overridable = overridable;
            this.receiverOk = overridable == null ? null : new ConcurrentHashMap<>();
        }

        private Plan(String reason, String fix, String where) {
            this.reason = reason;
            this.fix = fix;
            this.where = where;
            this.factory = null;
            this.prototype = null;
            this.receiver = null;
            this.writeReplace = null;
            this.constructor = null;
            this.closeOnAbandon = false;
            this.impl = null;
            this.overridable = null;
            this.receiverOk = null;
        }

        static Plan fallback(String reason, String fix, String where) {
            return new Plan(reason, fix, where);
        }

        /** A new machine for {@code body}, or null if this body object cannot use it (logged). */
        StateMachine instantiate(Object body) {
            try {
                StateMachine m;
                Object[] captured = null;
                StateMachine p = prototype;
                if (p != null) {
                    m = p.fresh(body);
                } else if (factory != null) {
                    m = (StateMachine) factory.invokeExact(body);
                } else {
                    SerializedLambda sl = (SerializedLambda) (Object) writeReplace.bindTo(body).invokeExact();
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
            Boolean known = receiverOk.get(rc);
            if (known == null) {
                known = !overridden(rc);
                if (receiverOk.putIfAbsent(rc, known) == null && !known && !strict) {
                    Log.LOG.log(System.Logger.Level.WARNING, overrideMessage(rc) + " (-Djyield.strict=true makes this "
                            + "an error.)");
                }
            }
            if (!known && strict) {
                throw new IllegalStateException(overrideMessage(rc) + " (This is an error because -Djyield.strict=true.)");
            }
            return known;
        }

        private String overrideMessage(Class<?> rc) {
            return "jyield: the generator body " + rc.getName() + "::" + overridable.getName() + " runs on the "
                    + Engine.stackful().name().toLowerCase(Locale.ROOT) + " engine, 20 to 1000 times slower than as a "
                    + "state machine, because " + rc.getName() + " overrides " + overridable + ", whose code was "
                    + "rewritten. Fix: make the method final, or write the body as a lambda";
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
