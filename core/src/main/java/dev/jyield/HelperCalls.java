package dev.jyield;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandleInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A pass of the rewrite: a call that hands the body's yielder to a helper method whose code is known —
 * {@code walk(node.left(), y)} — becomes a delegation, {@code y.yieldFrom(walk's generator)}, where the helper's
 * generator runs the helper's own code as a state machine of its own (or, if the helper cannot be rewritten, on a
 * stackful engine, with the warning). The helper's yields reach the same consumer; {@code send}, {@code throwIn}
 * and {@code close} are forwarded as PEP 380 forwards them; the helper's return value is the call's result.
 * Recursion through the helper is delegation to a new generator per call.
 *
 * <p>The helper's code is known when the call is static, or to a private method of the body's nest, or to a final
 * method (or a method of a final class); and the yielder is the helper's one {@code Yielder} parameter, in any
 * position. Anything else is
 * left alone, and the escape is reported as before.
 */
final class HelperCalls {
    private HelperCalls() {}

    static final Handle BOOTSTRAP = new Handle(H_INVOKESTATIC, BytecodeRewriter.MACHINE, "helper",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "ILjava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;", false);

    /**
     * If {@code escape} hands the yielder to a helper whose code is known, turns it into a delegation and returns
     * true; else changes nothing and returns false.
     */
    static boolean delegate(MethodNode m, AbstractInsnNode escape, int argument, int arguments, HostClass host,
            ClassLoader loader) {
        int kind;
        String hostName = host.name; // whose private members the helper call may reach
        String owner;
        String name;
        String desc; // the helper's own descriptor
        if (escape instanceof MethodInsnNode call && !call.name.equals("<init>")) {
            owner = call.owner;
            name = call.name;
            desc = call.desc;
            kind = switch (call.getOpcode()) {
                case INVOKESTATIC -> MethodHandleInfo.REF_invokeStatic;
                case INVOKEINTERFACE -> MethodHandleInfo.REF_invokeInterface;
                case INVOKEVIRTUAL -> MethodHandleInfo.REF_invokeVirtual;
                default -> -1; // a super call: its code is known, but no lookup may make it elsewhere
            };
            if (kind == -1 || kind != MethodHandleInfo.REF_invokeStatic && !finalTarget(owner, name, desc, loader)) {
                return false;
            }
        } else if (escape instanceof InvokeDynamicInsnNode indy && MemberAccess.isMemberCall(indy)) {
            kind = (Integer) indy.bsmArgs[0];
            owner = ((Type) indy.bsmArgs[1]).getInternalName();
            hostName = ((Type) indy.bsmArgs[2]).getInternalName(); // the body's class, also in a copied lambda
            name = indy.name;
            if (kind == MethodHandleInfo.REF_invokeStatic) {
                desc = indy.desc;
            } else if (kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeInterface) {
                Type[] all = Type.getArgumentTypes(indy.desc);
                Type[] args = new Type[all.length - 1];
                System.arraycopy(all, 1, args, 0, args.length);
                desc = Type.getMethodDescriptor(Type.getReturnType(indy.desc), args);
                if (!isPrivate(owner, name, desc, host, loader)) {
                    return false; // a protected method of a superclass: overridable
                }
            } else {
                return false;
            }
        } else {
            return false;
        }
        Type[] args = Type.getArgumentTypes(desc);
        boolean hasReceiver = kind != MethodHandleInfo.REF_invokeStatic;
        int yielderArg = BytecodeRewriter.yielderParameter(desc);
        if (yielderArg < 0 || arguments != args.length + (hasReceiver ? 1 : 0)
                || argument != yielderArg + (hasReceiver ? 1 : 0)) {
            return false; // the yielder is not the helper's one Yielder parameter
        }
        // The call site's type: the receiver (if any) and the arguments but the yielder, giving a Generator.
        StringBuilder site = new StringBuilder("(");
        if (hasReceiver) {
            site.append("L").append(owner).append(";");
        }
        for (int i = 0; i < args.length; i++) {
            if (i != yielderArg) {
                site.append(args[i].getDescriptor());
            }
        }
        site.append(")Ldev/jyield/Generator;");

        // Take the yielder out from under the arguments after it: store them, store it, load them back.
        InsnList insns = m.instructions;
        InsnList code = new InsnList();
        int next = m.maxLocals;
        int[] later = new int[args.length];
        for (int i = args.length - 1; i > yielderArg; i--) {
            later[i] = next;
            next += args[i].getSize();
            code.add(new VarInsnNode(args[i].getOpcode(ISTORE), later[i]));
        }
        int yielder = next++;
        code.add(new VarInsnNode(ASTORE, yielder));
        for (int i = yielderArg + 1; i < args.length; i++) {
            code.add(new VarInsnNode(args[i].getOpcode(ILOAD), later[i]));
        }
        m.maxLocals = next;
        m.maxStack += 2;
        code.add(new InvokeDynamicInsnNode(name, site.toString(), BOOTSTRAP, kind, Type.getObjectType(owner), desc,
                Type.getObjectType(hostName)));
        code.add(new VarInsnNode(ALOAD, yielder));
        code.add(new InsnNode(SWAP));
        code.add(new MethodInsnNode(INVOKEVIRTUAL, BytecodeRewriter.YIELDER, "yieldFrom",
                "(Ldev/jyield/Generator;)Ljava/lang/Object;", false));
        Type ret = Type.getReturnType(desc);
        switch (ret.getSort()) {
            case Type.VOID -> code.add(new InsnNode(POP));
            case Type.OBJECT, Type.ARRAY -> {
                if (!ret.getDescriptor().equals("Ljava/lang/Object;")) {
                    code.add(new TypeInsnNode(CHECKCAST, ret.getInternalName()));
                }
            }
            default -> {
                String box = BytecodeRewriter.boxType(ret);
                code.add(new TypeInsnNode(CHECKCAST, box));
                code.add(new MethodInsnNode(INVOKEVIRTUAL, box, ret.getClassName() + "Value",
                        "()" + ret.getDescriptor(), false));
            }
        }
        insns.insert(escape, code);
        insns.remove(escape);
        return true;
    }

    private static boolean finalTarget(String owner, String name, String desc, ClassLoader loader) {
        try {
            Class<?> c = Class.forName(owner.replace('/', '.'), false, loader);
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Method method : k.getDeclaredMethods()) {
                    if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(desc)) {
                        int mods = method.getModifiers();
                        return !Modifier.isAbstract(mods) && (Modifier.isFinal(mods) || Modifier.isPrivate(mods)
                                || Modifier.isFinal(c.getModifiers()) && !c.isInterface());
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return false;
    }

    private static boolean isPrivate(String owner, String name, String desc, HostClass host, ClassLoader loader) {
        if (owner.equals(host.name)) {
            Integer access = host.methodAccess.get(name + desc);
            return access != null && (access & ACC_PRIVATE) != 0;
        }
        try {
            Class<?> c = Class.forName(owner.replace('/', '.'), false, loader);
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(desc)) {
                    return Modifier.isPrivate(method.getModifiers());
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return false;
    }
}
