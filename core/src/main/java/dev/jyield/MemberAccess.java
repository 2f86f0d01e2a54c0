package dev.jyield;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandleInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The rewrite's first pass: makes the body's code run from the state machine, an ordinary class in the host's
 * package that is neither the host's nestmate nor its subclass.
 *
 * <p>Guarantees, for the method it is given and every method it copies:
 * <ul>
 *   <li>every use of a member the machine could not reach (a private member of any class in the host's nest, a
 *       protected member of a superclass in another package, a {@code super} call) becomes an
 *       {@code invokedynamic} whose bootstrap, {@link dev.jyield.internal.StateMachine#member}, resolves it once
 *       through a lookup on the host: a constant call site, which the JIT inlines as a direct access;</li>
 *   <li>a call of a private constructor loses its {@code new; dup} and becomes one such call that returns the
 *       new object;</li>
 *   <li>a lambda (or method reference) whose implementation is a private method of the nest is made from a copy of
 *       that method in the machine, made static, so that the lambda is the machine's own; copies are processed in
 *       turn, so lambdas nested in lambdas work the same way;</li>
 *   <li>everything else, and the line numbers and local variable names of every method, is left as it was.</li>
 * </ul>
 * What it cannot do is refused with {@link BytecodeRewriter.Unsupported}.
 */
final class MemberAccess {
    static final String BOOTSTRAP_OWNER = BytecodeRewriter.MACHINE;
    private static final Handle BOOTSTRAP = new Handle(H_INVOKESTATIC, BOOTSTRAP_OWNER, "member",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "ILjava/lang/Class;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;", false);

    /** Reads the class file of a class in the host's nest, for copying its private methods. */
    interface ClassFiles {
        HostClass read(Class<?> c) throws BytecodeRewriter.Unsupported;
    }

    private final HostClass host;
    private final String machineName;
    private final ClassFiles classFiles;
    /** Copied methods by their original owner, name and descriptor; they join the machine's methods. */
    private final Map<String, MethodNode> copies = new LinkedHashMap<>();
    private final ArrayDeque<MethodNode> pending = new ArrayDeque<>();
    private final Map<String, Class<?>> loaded = new HashMap<>();

    MemberAccess(HostClass host, String machineName, ClassFiles classFiles) {
        this.host = host;
        this.machineName = machineName;
        this.classFiles = classFiles;
    }

    /** Whether {@code indy} is one this pass made: it stands for a field access or a call. */
    static boolean isMemberCall(InvokeDynamicInsnNode indy) {
        return indy.bsm.equals(BOOTSTRAP);
    }

    /** The methods copied into the machine so far. */
    List<MethodNode> copies() {
        return new ArrayList<>(copies.values());
    }

    /** The methods copied into the machine so far, by their name and descriptor in the machine. */
    Map<String, MethodNode> copiesByName() {
        Map<String, MethodNode> byName = new HashMap<>();
        for (MethodNode m : copies.values()) {
            byName.put(m.name + m.desc, m);
        }
        return byName;
    }

    /** Rewrites {@code method} and every method copied for it, until there is nothing left to copy. */
    void rewrite(MethodNode method) throws BytecodeRewriter.Unsupported {
        pending.add(method);
        while (!pending.isEmpty()) {
            rewriteOne(pending.poll());
        }
    }

    private void rewriteOne(MethodNode m) throws BytecodeRewriter.Unsupported {
        InsnList insns = m.instructions;
        List<MethodInsnNode> privateConstructors = new ArrayList<>();
        for (AbstractInsnNode insn : insns.toArray()) {
            if (insn instanceof MethodInsnNode mi) {
                if (mi.name.equals("<init>")) {
                    Member c = resolve(mi.owner, mi.name, mi.desc, true, insn);
                    if (c != null && unreachable(c)) {
                        privateConstructors.add(mi);
                    }
                    continue;
                }
                Member target = resolve(mi.owner, mi.name, mi.desc, true, insn);
                boolean superCall = mi.getOpcode() == INVOKESPECIAL && (target == null || !target.isPrivate());
                if (superCall || target != null && unreachable(target)) {
                    int kind = switch (mi.getOpcode()) {
                        case INVOKESTATIC -> MethodHandleInfo.REF_invokeStatic;
                        case INVOKEINTERFACE -> MethodHandleInfo.REF_invokeInterface;
                        case INVOKESPECIAL -> superCall ? MethodHandleInfo.REF_invokeSpecial
                                : mi.itf ? MethodHandleInfo.REF_invokeInterface : MethodHandleInfo.REF_invokeVirtual;
                        default -> MethodHandleInfo.REF_invokeVirtual;
                    };
                    String desc = kind == MethodHandleInfo.REF_invokeStatic ? mi.desc
                            : "(L" + receiverType(mi, superCall) + ";" + mi.desc.substring(1);
                    insns.set(mi, indy(mi.name, desc, kind, mi.owner));
                }
            } else if (insn instanceof FieldInsnNode fi) {
                Member f = resolve(fi.owner, fi.name, fi.desc, false, insn);
                if (f != null && unreachable(f)) {
                    String o = "L" + fi.owner + ";";
                    AbstractInsnNode call = switch (fi.getOpcode()) {
                        case GETFIELD -> indy(fi.name, "(" + o + ")" + fi.desc, MethodHandleInfo.REF_getField, fi.owner);
                        case PUTFIELD -> indy(fi.name, "(" + o + fi.desc + ")V", MethodHandleInfo.REF_putField, fi.owner);
                        case GETSTATIC -> indy(fi.name, "()" + fi.desc, MethodHandleInfo.REF_getStatic, fi.owner);
                        default -> indy(fi.name, "(" + fi.desc + ")V", MethodHandleInfo.REF_putStatic, fi.owner);
                    };
                    insns.set(fi, call);
                }
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                boolean lambda = indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory");
                for (int i = 0; i < indy.bsmArgs.length; i++) {
                    if (indy.bsmArgs[i] instanceof Handle h && unreachable(h, insn)) {
                        if (!lambda || i != 1) {
                            throw new BytecodeRewriter.Unsupported("the body's invokedynamic at line "
                                    + BytecodeRewriter.line(insn) + " refers to " + h.getOwner().replace('/', '.') + "."
                                    + h.getName() + ", which the state machine cannot reach");
                        }
                        indy.bsmArgs[i] = copy(h, insn);
                    } else if (indy.bsmArgs[i] instanceof ConstantDynamic) {
                        throw new BytecodeRewriter.Unsupported("the body loads a dynamic constant at line "
                                + BytecodeRewriter.line(insn));
                    }
                }
            } else if (insn instanceof LdcInsnNode ldc
                    && (ldc.cst instanceof Handle h && unreachable(h, insn) || ldc.cst instanceof ConstantDynamic)) {
                throw new BytecodeRewriter.Unsupported("the body loads a constant at line "
                        + BytecodeRewriter.line(insn) + " that the state machine cannot reach");
            }
        }
        if (!privateConstructors.isEmpty()) {
            rewriteConstructions(m, privateConstructors);
        }
    }

    /** The receiver type of an indirected instance call: a super call's receiver is the host itself. */
    private String receiverType(MethodInsnNode mi, boolean superCall) {
        return superCall ? host.name : mi.owner;
    }

    private InvokeDynamicInsnNode indy(String name, String desc, int kind, String owner) {
        // why: "<init>" is no valid name for an invokedynamic; the kind says what it is.
        return new InvokeDynamicInsnNode(name.equals("<init>") ? "new" : name, desc, BOOTSTRAP, kind,
                Type.getObjectType(owner), Type.getObjectType(host.name));
    }

    /**
     * {@code new T; dup; args...; invokespecial T.<init>} of a private constructor becomes {@code args...;
     * invokedynamic} returning the new object. Only that shape (javac's) is accepted.
     */
    private void rewriteConstructions(MethodNode m, List<MethodInsnNode> calls) throws BytecodeRewriter.Unsupported {
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(host.name, m);
        } catch (AnalyzerException e) {
            throw new BytecodeRewriter.Unsupported("the body's bytecode cannot be analysed: " + e.getMessage());
        }
        InsnList insns = m.instructions;
        List<AbstractInsnNode[]> edits = new ArrayList<>();
        for (MethodInsnNode call : calls) {
            Frame<SourceValue> f = frames[insns.indexOf(call)];
            if (f == null) {
                continue; // unreachable code: the verifier never sees it run
            }
            // why: the analyser attributes both copies of javac's `new T; dup` to the dup.
            int receiver = f.getStackSize() - 1 - Type.getArgumentTypes(call.desc).length;
            AbstractInsnNode dup = single(f.getStack(receiver));
            AbstractInsnNode below = receiver > 0 ? single(f.getStack(receiver - 1)) : null;
            AbstractInsnNode made = dup == null ? null : dup.getPrevious();
            if (dup == null || dup.getOpcode() != DUP || below != dup || made == null || made.getOpcode() != NEW
                    || !((TypeInsnNode) made).desc.equals(call.owner)) {
                throw new BytecodeRewriter.Unsupported("the private constructor of " + call.owner.replace('/', '.')
                        + " at line " + BytecodeRewriter.line(call) + " is called in a shape other than javac's");
            }
            edits.add(new AbstractInsnNode[] {made, dup, call});
        }
        for (AbstractInsnNode[] e : edits) {
            MethodInsnNode call = (MethodInsnNode) e[2];
            insns.remove(e[0]);
            insns.remove(e[1]);
            insns.set(call, indy("<init>", call.desc.substring(0, call.desc.indexOf(')') + 1) + "L" + call.owner + ";",
                    MethodHandleInfo.REF_newInvokeSpecial, call.owner));
        }
    }

    private static AbstractInsnNode single(SourceValue v) {
        Set<AbstractInsnNode> from = v.insns;
        return from.size() == 1 ? from.iterator().next() : null;
    }

    /** Copies the private method {@code h} into the machine as a static method; returns the handle to the copy. */
    private Handle copy(Handle h, AbstractInsnNode at) throws BytecodeRewriter.Unsupported {
        if (h.getTag() == H_NEWINVOKESPECIAL) {
            throw new BytecodeRewriter.Unsupported("the body refers to the private constructor "
                    + h.getOwner().replace('/', '.') + "::new at line " + BytecodeRewriter.line(at));
        }
        boolean isStatic = h.getTag() == H_INVOKESTATIC;
        String desc = isStatic ? h.getDesc() : "(L" + h.getOwner() + ";" + h.getDesc().substring(1);
        String key = h.getOwner() + "." + h.getName() + h.getDesc();
        MethodNode copy = copies.get(key);
        if (copy == null) {
            HostClass owner = h.getOwner().equals(host.name) ? host : classFiles.read(load(h.getOwner(), at));
            copy = owner.method(h.getName(), h.getDesc());
            if (copy == null) {
                throw new BytecodeRewriter.Unsupported("the class file of " + h.getOwner().replace('/', '.')
                        + " has no method " + h.getName() + h.getDesc());
            }
            if ((copy.access & (ACC_ABSTRACT | ACC_NATIVE | ACC_SYNCHRONIZED)) != 0) {
                throw new BytecodeRewriter.Unsupported("the body refers to " + h.getName() + ", which is abstract, "
                        + "native or synchronized");
            }
            String name = h.getOwner().equals(host.name) ? h.getName()
                    : h.getOwner().substring(h.getOwner().lastIndexOf('/') + 1).replace('$', '_') + "$" + h.getName();
            if (name.equals("resume")) {
                name = "resume$";
            }
            copy.name = name;
            copy.desc = desc;
            copy.access = ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC;
            copy.signature = null;
            copy.parameters = null;
            copy.invisibleParameterAnnotations = null;
            copy.visibleParameterAnnotations = null;
            copies.put(key, copy);
            pending.add(copy);
        }
        return new Handle(H_INVOKESTATIC, machineName, copy.name, desc, false);
    }

    private boolean unreachable(Handle h, AbstractInsnNode at) throws BytecodeRewriter.Unsupported {
        boolean isField = h.getTag() <= H_PUTSTATIC;
        Member m = resolve(h.getOwner(), h.getName(), h.getDesc(), !isField, at);
        return m != null && unreachable(m);
    }

    /** A member the machine, in the host's package but in no nest and no hierarchy of the host's, cannot use. */
    private boolean unreachable(Member m) {
        if (m.isPrivate()) {
            return true;
        }
        return Modifier.isProtected(m.access) && !packageOf(m.declarer).equals(packageOf(host.name));
    }

    /** Where a member is declared and with what access, or null when it is plainly reachable. */
    private record Member(String declarer, int access) {
        boolean isPrivate() {
            return Modifier.isPrivate(access);
        }
    }

    private Member resolve(String owner, String name, String desc, boolean isMethod, AbstractInsnNode at)
            throws BytecodeRewriter.Unsupported {
        if (owner.startsWith("[") || owner.equals(machineName)) {
            return null;
        }
        if (owner.equals(host.name)) {
            Integer access = isMethod ? host.methodAccess.get(name + desc) : host.fieldAccess.get(name);
            if (access != null) {
                return new Member(owner, access);
            }
        } else if (!packageOf(owner).equals(packageOf(host.name)) && !related(owner, at)) {
            return null; // only public members of such a class are usable by the host itself
        }
        Class<?> c = load(owner, at);
        try {
            return find(c, name, desc, isMethod);
        } catch (LinkageError e) {
            throw new BytecodeRewriter.Unsupported("a class that " + owner.replace('/', '.') + " uses cannot be "
                    + "loaded: " + e);
        }
    }

    /** Whether {@code owner} is a supertype of the host (whose protected members the host may use). */
    private boolean related(String owner, AbstractInsnNode at) throws BytecodeRewriter.Unsupported {
        if (owner.equals("java/lang/Object")) {
            return false; // Object's protected clone/finalize are only called on arrays or by super calls
        }
        return load(owner, at).isAssignableFrom(host.type);
    }

    private static Member find(Class<?> c, String name, String desc, boolean isMethod) {
        if (!isMethod) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return new Member(Type.getInternalName(k), f.getModifiers());
                    }
                }
                for (Class<?> i : k.getInterfaces()) {
                    Member m = find(i, name, desc, false);
                    if (m != null) {
                        return m;
                    }
                }
            }
            return null;
        }
        if (name.equals("<init>")) {
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(k).equals(desc)) {
                    return new Member(Type.getInternalName(c), k.getModifiers());
                }
            }
            return null;
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                    return new Member(Type.getInternalName(k), m.getModifiers());
                }
            }
        }
        return null; // an interface method: public
    }

    private Class<?> load(String owner, AbstractInsnNode at) throws BytecodeRewriter.Unsupported {
        Class<?> c = loaded.get(owner);
        if (c == null) {
            try {
                c = Class.forName(owner.replace('/', '.'), false, host.type.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new BytecodeRewriter.Unsupported("class " + owner.replace('/', '.') + " used at line "
                        + BytecodeRewriter.line(at) + " cannot be loaded: " + e);
            }
            loaded.put(owner, c);
        }
        return c;
    }

    static String packageOf(String internalName) {
        int i = internalName.lastIndexOf('/');
        return i < 0 ? "" : internalName.substring(0, i);
    }
}
