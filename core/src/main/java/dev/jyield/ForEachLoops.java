package dev.jyield;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A pass of the rewrite: a for-each call whose lambda (or method reference) captures the body's yielder —
 * {@code items.forEach(x -> y.yield(f(x)))}, {@code items.forEach(y::yield)}, {@code map.forEach((k, v) -> ...)},
 * {@code it.forEachRemaining(...)} — becomes a loop over the receiver's iterator (its entry set's, for a
 * {@code Map}) with the lambda's code inlined, as Kotlin's inline {@code forEach} compiles. The lambda's yields
 * are then the body's own, and suspend it.
 *
 * <p>Guarantees: the loop calls {@code iterator()}, {@code hasNext()} and {@code next()} exactly as the default
 * {@code forEach} does, and runs the lambda's code with its own line numbers and parameter names; a {@code return}
 * in the lambda goes on with the next element. The one observable difference: a receiver that overrides
 * {@code forEach} (a synchronized wrapper that holds its lock for the whole loop, a collection that logs) does not
 * see the call. Anything else is left alone, and the yielder's escape is reported as before.
 */
final class ForEachLoops {
    private ForEachLoops() {}

    private enum Receiver { ITERABLE, ITERATOR, MAP }

    /**
     * If {@code escape} (where the analysis found the yielder leaving the body) is a lambda handed straight to a
     * for-each call, inlines it into {@code m} and returns true; else changes nothing and returns false.
     *
     * @param copies the methods that {@link MemberAccess} copied into the machine, by name and descriptor
     */
    static boolean inline(MethodNode m, AbstractInsnNode escape, String machineName, Map<String, MethodNode> copies,
            ClassLoader loader) {
        InsnList insns = m.instructions;
        List<AbstractInsnNode> remove = new ArrayList<>();
        AbstractInsnNode at = escape;
        if (at instanceof MethodInsnNode rnn && rnn.owner.equals("java/util/Objects")
                && rnn.name.equals("requireNonNull") && rnn.getOpcode() == INVOKESTATIC) {
            // javac's `y::yield`: aload y; dup; invokestatic requireNonNull; pop; invokedynamic
            AbstractInsnNode dup = real(rnn.getPrevious(), false);
            AbstractInsnNode pop = real(rnn.getNext(), true);
            if (dup == null || dup.getOpcode() != DUP || pop == null || pop.getOpcode() != POP) {
                return false;
            }
            remove.add(dup);
            remove.add(rnn);
            remove.add(pop);
            at = real(pop.getNext(), true);
        }
        if (!(at instanceof InvokeDynamicInsnNode indy)
                || !indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                || !(indy.bsmArgs.length >= 3 && indy.bsmArgs[1] instanceof Handle impl)) {
            return false;
        }
        Type lambdaType = Type.getReturnType(indy.desc);
        boolean bi = lambdaType.getInternalName().equals("java/util/function/BiConsumer");
        if (!indy.name.equals("accept") || !bi && !lambdaType.getInternalName().equals("java/util/function/Consumer")) {
            return false;
        }
        if (!(real(indy.getNext(), true) instanceof MethodInsnNode call) || call.getOpcode() == INVOKESTATIC) {
            return false;
        }
        Receiver kind = receiver(call, bi, loader);
        if (kind == null) {
            return false;
        }
        Type[] captured = Type.getArgumentTypes(indy.desc);
        Type[] instantiated = ((Type) indy.bsmArgs[2]).getArgumentTypes();
        Type[] implParams = implParams(impl);
        if (implParams.length != captured.length + instantiated.length) {
            return false;
        }
        MethodNode body = impl.getOwner().equals(machineName) ? copies.get(impl.getName() + impl.getDesc()) : null;
        if (impl.getOwner().equals(machineName) && body == null) {
            return false;
        }
        for (int i = captured.length; i < implParams.length; i++) {
            int sort = implParams[i].getSort();
            if (sort != Type.OBJECT && sort != Type.ARRAY) {
                return false; // an unboxing adaptation that only the metafactory would make
            }
        }

        int next = m.maxLocals;
        int[] capSlots = new int[captured.length];
        for (int i = 0; i < captured.length; i++) {
            capSlots[i] = next;
            next += captured[i].getSize();
        }
        int iterator = next++;
        int entry = next++;
        int[] elements = new int[instantiated.length];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = next++;
        }

        // The lambda's captured values go to locals where the indy made the lambda.
        InsnList store = new InsnList();
        for (int i = captured.length - 1; i >= 0; i--) {
            store.add(new VarInsnNode(captured[i].getOpcode(ISTORE), capSlots[i]));
        }
        for (AbstractInsnNode r : remove) {
            insns.remove(r);
        }
        insns.insert(indy, store);
        insns.remove(indy);

        // The call becomes the loop.
        InsnList loop = new InsnList();
        switch (kind) {
            case ITERABLE -> loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/lang/Iterable", "iterator",
                    "()Ljava/util/Iterator;", true));
            case MAP -> {
                loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Map", "entrySet", "()Ljava/util/Set;", true));
                loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Set", "iterator", "()Ljava/util/Iterator;",
                        true));
            }
            case ITERATOR -> {
                // the receiver is the iterator
            }
        }
        loop.add(new VarInsnNode(ASTORE, iterator));
        LabelNode top = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode after = new LabelNode();
        loop.add(top);
        loop.add(new VarInsnNode(ALOAD, iterator));
        loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Iterator", "hasNext", "()Z", true));
        loop.add(new JumpInsnNode(IFEQ, end));
        loop.add(new VarInsnNode(ALOAD, iterator));
        loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Iterator", "next", "()Ljava/lang/Object;", true));
        if (kind == Receiver.MAP) {
            loop.add(new TypeInsnNode(CHECKCAST, "java/util/Map$Entry"));
            loop.add(new VarInsnNode(ASTORE, entry));
            loop.add(new VarInsnNode(ALOAD, entry));
            loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Map$Entry", "getKey", "()Ljava/lang/Object;",
                    true));
            loop.add(new VarInsnNode(ASTORE, elements[0]));
            loop.add(new VarInsnNode(ALOAD, entry));
            loop.add(new MethodInsnNode(INVOKEINTERFACE, "java/util/Map$Entry", "getValue", "()Ljava/lang/Object;",
                    true));
            loop.add(new VarInsnNode(ASTORE, elements[1]));
        } else {
            loop.add(new VarInsnNode(ASTORE, elements[0]));
        }
        if (body != null) {
            int base = next;
            next += body.maxLocals;
            int slot = base;
            for (int i = 0; i < implParams.length; i++) {
                loadArgument(loop, i, captured, capSlots, elements, implParams);
                loop.add(new VarInsnNode(implParams[i].getOpcode(ISTORE), slot));
                slot += implParams[i].getSize();
            }
            inlineBody(m, loop, body, base, after);
        } else {
            for (int i = 0; i < implParams.length; i++) {
                loadArgument(loop, i, captured, capSlots, elements, implParams);
            }
            loop.add(invoke(impl));
            Type ret = Type.getReturnType(impl.getDesc());
            if (ret.getSize() > 0) {
                loop.add(new InsnNode(ret.getSize() == 2 ? POP2 : POP));
            }
        }
        loop.add(after);
        loop.add(new JumpInsnNode(GOTO, top));
        loop.add(end);
        insns.insert(call, loop);
        insns.remove(call);
        m.maxLocals = next;
        // why: the analysis checks against maxStack; the class writer computes the real one.
        m.maxStack = m.maxStack + implParams.length + (body == null ? 0 : body.maxStack) + 2;
        return true;
    }

    private static void loadArgument(InsnList code, int i, Type[] captured, int[] capSlots, int[] elements,
            Type[] implParams) {
        if (i < captured.length) {
            code.add(new VarInsnNode(captured[i].getOpcode(ILOAD), capSlots[i]));
            return;
        }
        code.add(new VarInsnNode(ALOAD, elements[i - captured.length]));
        if (!implParams[i].getDescriptor().equals("Ljava/lang/Object;")) {
            code.add(new TypeInsnNode(CHECKCAST, implParams[i].getInternalName()));
        }
    }

    /** The lambda's code, its locals moved to {@code base}, its returns jumping to {@code after}. */
    private static void inlineBody(MethodNode m, InsnList into, MethodNode body, int base, LabelNode after) {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
        }
        Type ret = Type.getReturnType(body.desc);
        for (AbstractInsnNode insn : body.instructions) {
            int op = insn.getOpcode();
            if (op >= IRETURN && op <= RETURN) {
                if (ret.getSize() > 0) {
                    into.add(new InsnNode(ret.getSize() == 2 ? POP2 : POP));
                }
                into.add(new JumpInsnNode(GOTO, after));
                continue;
            }
            AbstractInsnNode c = insn.clone(labels);
            if (c instanceof VarInsnNode v) {
                v.var += base;
            } else if (c instanceof IincInsnNode v) {
                v.var += base;
            }
            into.add(c);
        }
        List<TryCatchBlockNode> blocks = new ArrayList<>();
        for (TryCatchBlockNode b : body.tryCatchBlocks) {
            blocks.add(new TryCatchBlockNode(labels.get(b.start), labels.get(b.end), labels.get(b.handler), b.type));
        }
        // why: the lambda's handlers are nested inside every handler around the call, so they come first.
        blocks.addAll(m.tryCatchBlocks);
        m.tryCatchBlocks = blocks;
        if (body.localVariables != null) {
            if (m.localVariables == null) {
                m.localVariables = new ArrayList<>();
            }
            for (LocalVariableNode lv : body.localVariables) {
                m.localVariables.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, labels.get(lv.start),
                        labels.get(lv.end), lv.index + base));
            }
        }
    }

    private static AbstractInsnNode invoke(Handle h) {
        int op = switch (h.getTag()) {
            case H_INVOKESTATIC -> INVOKESTATIC;
            case H_INVOKEINTERFACE -> INVOKEINTERFACE;
            case H_INVOKESPECIAL -> INVOKESPECIAL;
            default -> INVOKEVIRTUAL;
        };
        return new MethodInsnNode(op, h.getOwner(), h.getName(), h.getDesc(), h.isInterface());
    }

    private static Type[] implParams(Handle h) {
        Type[] args = Type.getArgumentTypes(h.getDesc());
        if (h.getTag() == H_INVOKESTATIC) {
            return args;
        }
        if (h.getTag() == H_NEWINVOKESPECIAL) {
            return new Type[0]; // never matches: a constructor reference yields nothing
        }
        Type[] all = new Type[args.length + 1];
        all[0] = Type.getObjectType(h.getOwner());
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** What the for-each call is made on, or null if it is no for-each this pass knows. */
    private static Receiver receiver(MethodInsnNode call, boolean bi, ClassLoader loader) {
        Class<?> owner;
        try {
            owner = Class.forName(call.owner.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (bi) {
            return call.name.equals("forEach") && call.desc.equals("(Ljava/util/function/BiConsumer;)V")
                    && Map.class.isAssignableFrom(owner) ? Receiver.MAP : null;
        }
        if (!call.desc.equals("(Ljava/util/function/Consumer;)V")) {
            return null;
        }
        if (call.name.equals("forEach") && Iterable.class.isAssignableFrom(owner)) {
            return Receiver.ITERABLE;
        }
        if (call.name.equals("forEachRemaining") && java.util.Iterator.class.isAssignableFrom(owner)) {
            return Receiver.ITERATOR;
        }
        return null;
    }

    /** The nearest instruction that is no label, line number or frame, forward or backward from {@code i}. */
    private static AbstractInsnNode real(AbstractInsnNode i, boolean forward) {
        while (i != null && i.getOpcode() < 0) {
            i = forward ? i.getNext() : i.getPrevious();
        }
        return i;
    }
}
