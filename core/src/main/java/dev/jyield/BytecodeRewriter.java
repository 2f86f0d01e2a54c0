package dev.jyield;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * Rewrites the method of a generator body into a resumable state machine: an ordinary class in the body's package
 * whose {@code resume(sent, thrown)} runs the body's own code from the paused {@code yield} to the next one.
 *
 * <p>Every {@code yield}/{@code yieldFrom} call on the body's {@link Yielder} parameter becomes a suspension
 * point: the call's argument is what {@code resume} returns, the live locals and the operand stack below the call
 * are stored in fields, and {@code resume} returns. A switch at the method's entry jumps back to the point, reloads
 * the fields, and then either raises the thrown exception there (so the body's own try/catch/finally handles it,
 * as on every other engine) or pushes the sent value as the call's result. The class keeps the body's source file,
 * line numbers and local variable names, so that stack traces and debuggers show the body as the user wrote it.
 *
 * <p>The passes, in order (see {@link Job#run}): read the class file; check the method's shape; reach the host's
 * members ({@link MemberAccess}); analyse types and trace the yielder; find the suspension points; plan the
 * spills; emit the state machine; assemble the class. Whatever cannot be proven right is refused with a reason
 * and a fix ({@link Unsupported}), and the body runs on a stackful engine instead: a yielder that escapes, a yield
 * under a monitor or with an object under construction on the stack.
 */
final class BytecodeRewriter {
    private BytecodeRewriter() {}

    static final String YIELDER = "dev/jyield/Yielder";
    /** A coroutine body's yielder, a subclass of {@link #YIELDER} whose yield and yieldFrom are suspensions too. */
    static final String CHANNEL = "dev/jyield/Coroutine$Channel";
    private static final String COROUTINE = "dev/jyield/Coroutine";
    static final String MACHINE = "dev/jyield/internal/StateMachine";
    private static final String RESUME_DESC = "(Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    private static final String FRESH_DESC = "(Ljava/lang/Object;)L" + MACHINE + ";";
    /** The machine's factory, as a dynamic constant of its class: see {@code StateMachine.factory}. */
    private static final ConstantDynamic FACTORY = new ConstantDynamic("factory", "Ljava/lang/invoke/MethodHandle;",
            new Handle(H_INVOKESTATIC, MACHINE, "factory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;", false));
    /** Locals of the generated resume(): this, sent, thrown; the body's locals follow, shifted by three. */
    private static final int SENT = 1;
    private static final int THROWN = 2;
    private static final int SHIFT = 3;
    /** The value of the state field once the body has returned. */
    private static final int DONE = -1;

    /** Why a body cannot be rewritten, and what its author can do about it; both are shown to users. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;
        /** The change to the body that lets it run as a state machine, in the user's terms; null if none is known. */
        final String fix;
        /** Where the yielder escapes, when that is the reason: a later pass may rewrite the escape away. */
        transient AbstractInsnNode at;
        /** When it escapes as an argument of {@link #at}: which one, of how many; else -1. */
        int argument = -1;
        int arguments = -1;

        Unsupported(String message) {
            this(message, null);
        }

        Unsupported(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }
    }

    /**
     * A rewritten body: the class bytes, the descriptor of its constructor (the receiver, if any, then the
     * captured arguments), and whether some yield sits inside a try block, so that an abandoned generator must be
     * closed to run the body's handlers.
     */
    record Rewritten(byte[] bytes, String constructorDesc, boolean closeOnAbandon) {}

    /**
     * Rewrites method {@code name desc} of {@code host} (whose class file is {@code hostClass}) into the class
     * {@code machineName} (an internal name in the host's package).
     *
     * @param returning whether the body's return value is the generator's (else it is discarded)
     * @param classFiles reads the class file of another class of the host's nest, whose private methods the body's
     *     lambdas may use
     */
    static Rewritten rewrite(Class<?> host, HostClass hostClass, String name, String desc, boolean returning,
            String machineName, MemberAccess.ClassFiles classFiles) throws Unsupported {
        try {
            return new Job(host, hostClass, name, desc, returning, machineName, classFiles).run();
        } catch (RuntimeException e) {
            // ASM failed on this class (a type it cannot load, a method grown too large, ...): not the body's fault.
            throw new Unsupported("the rewrite failed: " + e);
        } catch (LinkageError e) {
            throw new Unsupported("a class the body uses cannot be loaded: " + e);
        }
    }

    /**
     * One rewrite, as a list of named passes; {@link #run} is their table of contents. Each pass says what it
     * guarantees to the next. Until {@link #emit} the instruction list keeps its analysed indices.
     */
    private static final class Job {
        private final Class<?> host;
        private final String hostName;
        private final HostClass hostClass;
        private final String name;
        private final String desc;
        private final boolean returning;
        private final String machineName;
        private final MemberAccess.ClassFiles classFiles;
        private final ClassLoader loader;

        private MethodNode method;

        Job(Class<?> host, HostClass hostClass, String name, String desc, boolean returning, String machineName,
                MemberAccess.ClassFiles classFiles) {
            this.host = host;
            this.hostName = Type.getInternalName(host);
            this.hostClass = hostClass;
            this.name = name;
            this.desc = desc;
            this.returning = returning;
            this.machineName = machineName;
            this.classFiles = classFiles;
            this.loader = host.getClassLoader();
        }

        Rewritten run() throws Unsupported {
            read();
            Shape shape = shape();
            MemberAccess access = new MemberAccess(hostClass, machineName, classFiles);
            access.rewrite(method);
            Analysis analysis = analyseInliningForEach(shape, access);
            List<Site> sites = suspensionPoints(analysis);
            SpillPlan plan = spillPlan(analysis, sites, shape);
            emit(analysis, sites, plan, shape);
            return assemble(shape, plan, access.copies());
        }

        private String where() {
            return host.getName() + "." + name + desc;
        }

        // ------------------------------------------------------------------------------------------ 1. read

        /** Reads the body's method from the host's class file, with its line numbers and local variable names. */
        private void read() throws Unsupported {
            method = hostClass.method(name, desc);
            if (method == null) {
                throw new Unsupported("the class file of " + host.getName() + " has no method " + name + desc);
            }
        }

        // ----------------------------------------------------------------------------------------- 2. shape

        /** The body's parameters (they become the constructor's) and the yielder's slot. */
        private record Shape(List<Type> params, List<Integer> paramSlots, int yielderSlot, Type yielderType) {}

        /** Refuses what no rewrite can run (no code, a synchronized method, jsr/ret); finds the parameters. */
        private Shape shape() throws Unsupported {
            if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
                throw new Unsupported(where() + " has no code");
            }
            if ((method.access & ACC_SYNCHRONIZED) != 0) {
                throw new Unsupported(where() + " is synchronized: every yield would hold its monitor",
                        "drop `synchronized` from the body's method and lock only around the code that needs it, "
                                + "outside the yields");
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn.getOpcode() == JSR || insn.getOpcode() == RET) {
                    throw new Unsupported("the body uses jsr/ret (a class file older than Java 7)",
                            "recompile the body's class for Java 7 or newer");
                }
            }
            Type[] args = Type.getArgumentTypes(desc);
            int yielderIndex = yielderParameter(desc);
            if (yielderIndex < 0) {
                throw new Unsupported(where() + " does not take exactly one Yielder parameter");
            }
            List<Type> params = new ArrayList<>();
            List<Integer> paramSlots = new ArrayList<>();
            int slot = 0;
            int yielderSlot = -1;
            if ((method.access & ACC_STATIC) == 0) {
                params.add(Type.getObjectType(hostName));
                paramSlots.add(slot++);
            }
            for (int i = 0; i < args.length; i++) {
                if (i == yielderIndex) {
                    yielderSlot = slot++;
                    continue;
                }
                params.add(args[i]);
                paramSlots.add(slot);
                slot += args[i].getSize();
            }
            slot = yielderSlot;
            return new Shape(params, paramSlots, slot, args[yielderIndex]);
        }

        // -------------------------------------------------------------------------------------- 4. analyse

        /**
         * {@link #analyse}, after {@link ForEachLoops} has inlined every for-each lambda that captures the yielder
         * and {@link HelperCalls} has turned every call that hands the yielder to a known helper into a delegation:
         * each escape they can rewrite is rewritten and the analysis runs again.
         */
        private Analysis analyseInliningForEach(Shape shape, MemberAccess access) throws Unsupported {
            for (int round = 0; ; round++) {
                try {
                    return analyse(shape);
                } catch (Unsupported u) {
                    if (u.at == null || round >= 256
                            || !ForEachLoops.inline(method, u.at, machineName, access.copiesByName(), loader)
                            && !HelperCalls.delegate(method, u.at, u.argument, u.arguments, hostClass, loader)) {
                        throw u;
                    }
                }
            }
        }

        /** Frames with the verifier's types, the control flow, and the yielder traced through both. */
        private record Analysis(Interp interp, Flow flow, Frame<BasicValue>[] frames) {}

        /**
         * Types every value as the verifier would and follows the yielder: afterwards it is known to be used only
         * as the receiver of yield and yieldFrom, else the body is refused with where it escapes.
         */
        private Analysis analyse(Shape shape) throws Unsupported {
            Interp interp = new Interp(hostClass, shape.yielderSlot, shape.yielderType, loader);
            Flow flow = new Flow(interp, method.instructions.size());
            Frame<BasicValue>[] frames;
            try {
                frames = flow.analyze(hostName, method);
            } catch (AnalyzerException e) {
                if (interp.problem != null) {
                    throw interp.problem;
                }
                throw new Unsupported("the body's bytecode cannot be analysed: " + e.getMessage());
            }
            if (interp.problem != null) {
                throw interp.problem;
            }
            return new Analysis(interp, flow, frames);
        }

        // --------------------------------------------------------------------------- 5. suspension points

        /**
         * The reachable yield calls, in code order. Guarantees that none is under a monitor and none has an object
         * under construction on its stack or in its locals.
         */
        private List<Site> suspensionPoints(Analysis a) throws Unsupported {
            InsnList insns = method.instructions;
            List<Site> sites = new ArrayList<>();
            for (int i = 0; i < insns.size(); i++) {
                AbstractInsnNode insn = insns.get(i);
                if (a.frames[i] != null && isYieldCall(insn)) {
                    sites.add(new Site(i, (MethodInsnNode) insn, a.frames[i]));
                }
            }
            checkMonitors(a.flow, sites);
            for (Site s : sites) {
                Frame<BasicValue> f = s.frame;
                for (int j = 0; j < f.getStackSize(); j++) {
                    if (f.getStack(j) instanceof Tagged t && t.uninitialized) {
                        throw new Unsupported("a yield at line " + line(s.call) + " happens while an object is being "
                                + "constructed (new without <init> on the stack)",
                                "compute the yield's result into a local first: `var v = y.yield(x); new Box(v)`");
                    }
                }
                for (int j = 0; j < f.getLocals(); j++) {
                    if (f.getLocal(j) instanceof Tagged t && t.uninitialized) {
                        throw new Unsupported("a yield at line " + line(s.call) + " happens with an object under "
                                + "construction in a local");
                    }
                }
            }
            return sites;
        }

        // ------------------------------------------------------------------------------------ 6. spill plan

        /**
         * What each suspension point saves: the live locals (slot to field; parameters never assigned are read back
         * from their constructor fields instead), which of them already hold their value in the field there, and
         * whether some yield sits in a try block (then an abandoned generator must be closed to run handlers).
         */
        private record SpillPlan(Fields fields, Map<Integer, Integer> paramIndexOfSlot, BitSet[] liveAfter,
                List<Map<Integer, String>> saved, List<Map<Integer, String>> clean, boolean singleSite,
                boolean closeOnAbandon) {}

        private SpillPlan spillPlan(Analysis a, List<Site> sites, Shape shape) {
            BitSet[] liveAfter = liveness(a.flow, a.frames);
            BitSet assigned = assignedSlots();
            Fields fields = new Fields();
            Map<Integer, Integer> paramIndexOfSlot = new HashMap<>();
            for (int i = 0; i < shape.params.size(); i++) {
                if (!assigned.get(shape.paramSlots.get(i))) {
                    paramIndexOfSlot.put(shape.paramSlots.get(i), i);
                }
            }
            List<Map<Integer, String>> savedBySite = new ArrayList<>();
            boolean closeOnAbandon = false;
            InsnList insns = method.instructions;
            for (Site s : sites) {
                Map<Integer, String> saved = new HashMap<>();
                BitSet live = liveAfter[s.index];
                for (int l = live.nextSetBit(0); l >= 0 && l < s.frame.getLocals(); l = live.nextSetBit(l + 1)) {
                    BasicValue v = s.frame.getLocal(l);
                    if (v != null && v.getType() != null && v != a.interp.yielder && !isNull(v)
                            && !paramIndexOfSlot.containsKey(l)) {
                        saved.put(l, fields.get("l" + l, v.getType().getDescriptor()));
                    }
                }
                savedBySite.add(saved);
                for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                    if (insns.indexOf(tcb.start) <= s.index && s.index < insns.indexOf(tcb.end)) {
                        closeOnAbandon = true;
                    }
                }
            }
            // why: one yield site (the common hot loop) sets the state once at the start, never per element.
            boolean singleSite = sites.size() == 1;
            List<Map<Integer, String>> clean = cleanAtSites(a.flow, a.frames, sites, savedBySite);
            return new SpillPlan(fields, paramIndexOfSlot, liveAfter, savedBySite, clean, singleSite, closeOnAbandon);
        }

        // ------------------------------------------------------------------------------------------ 7. emit

        /**
         * Turns the method into {@code resume(sent, thrown)}: the body's locals move up by {@link #SHIFT}, returns
         * end the machine, each yield suspends and is resumed by an entry switch, and the resume code is cut out of
         * the body's try ranges. Line numbers and local variable ranges stay on the body's own instructions.
         */
        private void emit(Analysis a, List<Site> sites, SpillPlan plan, Shape shape) {
            shiftLocals();
            endAtReturns();
            List<LabelNode> resumeLabels = new ArrayList<>();
            List<LabelNode[]> excluded = new ArrayList<>();
            int state = 0;
            for (Site s : sites) {
                state++;
                LabelNode[] region = suspendAndResume(a, s, state, plan, shape);
                resumeLabels.add(region[0]);
                excluded.add(region);
            }
            entrySwitch(resumeLabels, plan, shape);
            splitTryBlocks(excluded);
        }

        private void shiftLocals() {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof VarInsnNode v) {
                    v.var += SHIFT;
                } else if (insn instanceof IincInsnNode v) {
                    v.var += SHIFT;
                }
            }
            if (method.localVariables != null) {
                for (LocalVariableNode lv : method.localVariables) {
                    lv.index += SHIFT;
                }
            }
        }

        /** Returns end the machine; the value is the generator's return value, or dropped. */
        private void endAtReturns() {
            InsnList insns = method.instructions;
            Type returnType = Type.getReturnType(desc);
            for (AbstractInsnNode insn = insns.getFirst(); insn != null; ) {
                AbstractInsnNode next = insn.getNext();
                int op = insn.getOpcode();
                if (op >= IRETURN && op <= RETURN) {
                    InsnList code = new InsnList();
                    if (op != RETURN && returning) {
                        if (returnType.getSort() != Type.OBJECT && returnType.getSort() != Type.ARRAY) {
                            code.add(box(returnType));
                        }
                    } else {
                        if (op != RETURN) {
                            code.add(new InsnNode(returnType.getSize() == 2 ? POP2 : POP));
                        }
                        code.add(new InsnNode(ACONST_NULL));
                    }
                    code.add(new VarInsnNode(ALOAD, 0));
                    code.add(intConst(DONE));
                    code.add(new FieldInsnNode(PUTFIELD, machineName, "state", "I"));
                    code.add(new VarInsnNode(ALOAD, 0));
                    code.add(intConst(Source.RETURN));
                    code.add(new FieldInsnNode(PUTFIELD, MACHINE, "outcome", "I"));
                    code.add(new InsnNode(ARETURN));
                    insns.insert(insn, code);
                    insns.remove(insn);
                }
                insn = next;
            }
        }

        /**
         * Replaces one yield call: spill the stack below the call and the live locals, return the argument; and the
         * resume point that reloads them and raises {@code thrown} or pushes {@code sent} as the call's result.
         * Returns the region [resume, raise) that must lie outside the body's try ranges (it is half loaded).
         */
        private LabelNode[] suspendAndResume(Analysis a, Site s, int state, SpillPlan plan, Shape shape) {
            InsnList insns = method.instructions;
            Frame<BasicValue> f = s.frame;
            Tagged yielder = a.interp.yielder;
            int argSlot = method.maxLocals + SHIFT; // past the body's own locals: the yielded value
            InsnList code = new InsnList();
            boolean delegate = s.call.name.equals("yieldFrom");
            if (delegate) {
                Type source = Type.getArgumentTypes(s.call.desc)[0];
                // (yieldFrom(coroutine) is yieldFrom(coroutine.asGenerator()), as Channel itself does)
                code.add(new MethodInsnNode(INVOKESTATIC, MACHINE, "delegate",
                        "(" + source.getDescriptor() + ")Ljava/lang/Object;", false));
            }
            code.add(new VarInsnNode(ASTORE, argSlot));
            code.add(new InsnNode(POP)); // the yielder
            int below = f.getStackSize() - 2;
            String[] stackFields = new String[below];
            for (int j = below - 1; j >= 0; j--) {
                BasicValue v = f.getStack(j);
                if (v == yielder || isNull(v)) {
                    code.add(new InsnNode(POP));
                    continue;
                }
                String fd = v.getType().getDescriptor();
                stackFields[j] = plan.fields.get("s" + j, fd);
                code.add(new VarInsnNode(ALOAD, 0));
                if (v.getSize() == 2) {
                    code.add(new InsnNode(DUP_X2));
                    code.add(new InsnNode(POP));
                } else {
                    code.add(new InsnNode(SWAP));
                }
                code.add(new FieldInsnNode(PUTFIELD, machineName, stackFields[j], fd));
            }
            Map<Integer, String> saved = plan.saved.get(state - 1);
            Map<Integer, String> alreadyThere = plan.clean.get(state - 1);
            for (Map.Entry<Integer, String> e : saved.entrySet()) {
                int l = e.getKey();
                if (e.getValue().equals(alreadyThere.get(l))) {
                    continue;
                }
                Type t = f.getLocal(l).getType();
                code.add(new VarInsnNode(ALOAD, 0));
                code.add(new VarInsnNode(t.getOpcode(ILOAD), l + SHIFT));
                code.add(new FieldInsnNode(PUTFIELD, machineName, e.getValue(), t.getDescriptor()));
            }
            if (!plan.singleSite) {
                code.add(new VarInsnNode(ALOAD, 0));
                code.add(intConst(state));
                code.add(new FieldInsnNode(PUTFIELD, machineName, "state", "I"));
            }
            if (delegate) {
                code.add(new VarInsnNode(ALOAD, 0));
                code.add(intConst(Source.DELEGATE));
                code.add(new FieldInsnNode(PUTFIELD, MACHINE, "outcome", "I"));
            }
            code.add(new VarInsnNode(ALOAD, argSlot));
            code.add(new InsnNode(ARETURN));

            LabelNode resume = new LabelNode();
            code.add(resume);
            BitSet live = plan.liveAfter[s.index];
            for (int l = live.nextSetBit(0); l >= 0 && l < f.getLocals(); l = live.nextSetBit(l + 1)) {
                BasicValue v = f.getLocal(l);
                if (v == null || v.getType() == null) {
                    continue;
                }
                if (v == yielder || isNull(v)) {
                    code.add(new InsnNode(ACONST_NULL));
                    code.add(new VarInsnNode(ASTORE, l + SHIFT));
                    continue;
                }
                code.add(new VarInsnNode(ALOAD, 0));
                Integer p = plan.paramIndexOfSlot.get(l);
                if (p != null) {
                    code.add(new FieldInsnNode(GETFIELD, machineName, "p" + p, shape.params.get(p).getDescriptor()));
                } else {
                    code.add(new FieldInsnNode(GETFIELD, machineName, saved.get(l), v.getType().getDescriptor()));
                }
                code.add(new VarInsnNode(v.getType().getOpcode(ISTORE), l + SHIFT));
            }
            for (int j = 0; j < below; j++) {
                BasicValue v = f.getStack(j);
                if (v == yielder || isNull(v)) {
                    code.add(new InsnNode(ACONST_NULL));
                } else {
                    code.add(new VarInsnNode(ALOAD, 0));
                    code.add(new FieldInsnNode(GETFIELD, machineName, stackFields[j], v.getType().getDescriptor()));
                }
            }
            LabelNode raise = new LabelNode(); // back inside the body's try ranges
            code.add(raise);
            LabelNode sent = new LabelNode();
            code.add(new VarInsnNode(ALOAD, THROWN));
            code.add(new JumpInsnNode(IFNULL, sent));
            code.add(new VarInsnNode(ALOAD, THROWN));
            code.add(new InsnNode(ATHROW));
            code.add(sent);
            code.add(new VarInsnNode(ALOAD, SENT));
            insns.insert(s.call, code);
            insns.remove(s.call);
            return new LabelNode[] {resume, raise};
        }

        /** The entry: a switch on the state; state 0 loads the parameters and starts the body. */
        private void entrySwitch(List<LabelNode> resumeLabels, SpillPlan plan, Shape shape) {
            InsnList entry = new InsnList();
            LabelNode start = new LabelNode();
            LabelNode bad = new LabelNode();
            entry.add(new VarInsnNode(ALOAD, 0));
            entry.add(new FieldInsnNode(GETFIELD, machineName, "state", "I"));
            List<LabelNode> targets = new ArrayList<>();
            targets.add(start);
            targets.addAll(resumeLabels);
            entry.add(new TableSwitchInsnNode(0, targets.size() - 1, bad, targets.toArray(new LabelNode[0])));
            entry.add(bad);
            entry.add(new TypeInsnNode(NEW, "java/lang/IllegalStateException"));
            entry.add(new InsnNode(DUP));
            entry.add(new LdcInsnNode("a generator body was resumed after it ended"));
            entry.add(new MethodInsnNode(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                    "(Ljava/lang/String;)V", false));
            entry.add(new InsnNode(ATHROW));
            entry.add(start);
            for (int i = 0; i < shape.params.size(); i++) {
                entry.add(new VarInsnNode(ALOAD, 0));
                entry.add(new FieldInsnNode(GETFIELD, machineName, "p" + i, shape.params.get(i).getDescriptor()));
                entry.add(new VarInsnNode(shape.params.get(i).getOpcode(ISTORE), shape.paramSlots.get(i) + SHIFT));
            }
            entry.add(new InsnNode(ACONST_NULL));
            entry.add(new VarInsnNode(ASTORE, shape.yielderSlot + SHIFT));
            if (plan.singleSite) {
                entry.add(new VarInsnNode(ALOAD, 0));
                entry.add(intConst(1));
                entry.add(new FieldInsnNode(PUTFIELD, machineName, "state", "I"));
            }
            method.instructions.insert(entry);
        }

        // -------------------------------------------------------------------------------------- 8. assemble

        /**
         * The machine class: an ordinary final class in the host's package extending {@code StateMachine}, with the
         * host's source file, a constructor storing the parameters, {@code resume} with the body's line numbers and
         * local variable names, and the copied methods.
         */
        private Rewritten assemble(Shape shape, SpillPlan plan, List<MethodNode> copies) {
            // why: written straight to the ClassWriter, with no ClassNode, whose verification loads its module,
            // record and field trees (a few of the classes that the first body in a JVM loads)
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return loader != null ? loader : ClassLoader.getPlatformClassLoader();
                }
            };
            int version = hostClass.version;
            cw.visit(Math.max(version & 0xFFFF, V11) | (version & 0xFFFF0000), ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC,
                    machineName, null, MACHINE, null);
            if (hostClass.sourceFile != null || hostClass.sourceDebug != null) {
                cw.visitSource(hostClass.sourceFile, hostClass.sourceDebug);
            }
            cw.visitField(ACC_PRIVATE, "state", "I", null, null).visitEnd();
            StringBuilder ctorDesc = new StringBuilder("(");
            for (int i = 0; i < shape.params.size(); i++) {
                cw.visitField(ACC_PRIVATE | ACC_FINAL, "p" + i, shape.params.get(i).getDescriptor(), null, null)
                        .visitEnd();
                ctorDesc.append(shape.params.get(i).getDescriptor());
            }
            ctorDesc.append(")V");
            for (Map.Entry<String, String> f : plan.fields.descs.entrySet()) { // why: a loop, no lambda to spin
                cw.visitField(ACC_PRIVATE, f.getKey(), f.getValue(), null, null).visitEnd();
            }

            MethodNode ctor = new MethodNode(ACC_PUBLIC, "<init>", ctorDesc.toString(), null, null);
            ctor.instructions.add(new VarInsnNode(ALOAD, 0));
            ctor.instructions.add(new MethodInsnNode(INVOKESPECIAL, MACHINE, "<init>", "()V", false));
            int cslot = 1;
            for (int i = 0; i < shape.params.size(); i++) {
                Type t = shape.params.get(i);
                ctor.instructions.add(new VarInsnNode(ALOAD, 0));
                ctor.instructions.add(new VarInsnNode(t.getOpcode(ILOAD), cslot));
                ctor.instructions.add(new FieldInsnNode(PUTFIELD, machineName, "p" + i, t.getDescriptor()));
                cslot += t.getSize();
            }
            ctor.instructions.add(new InsnNode(RETURN));
            ctor.accept(cw);
            if (!shape.params.isEmpty()) {
                // the blank machine that only makes others (StateMachine.fresh): its fields stay zero and null
                MethodNode blank = new MethodNode(ACC_PUBLIC, "<init>", "()V", null, null);
                blank.instructions.add(new VarInsnNode(ALOAD, 0));
                blank.instructions.add(new MethodInsnNode(INVOKESPECIAL, MACHINE, "<init>", "()V", false));
                blank.instructions.add(new InsnNode(RETURN));
                blank.accept(cw);
            }

            fresh().accept(cw);

            MethodNode resume = new MethodNode(ACC_PUBLIC | ACC_FINAL, "resume", RESUME_DESC, null, null);
            resume.instructions = method.instructions;
            resume.tryCatchBlocks = method.tryCatchBlocks;
            resume.localVariables = method.localVariables;
            resume.accept(cw);
            for (MethodNode copy : copies) {
                copy.accept(cw);
            }
            cw.visitEnd();
            return new Rewritten(cw.toByteArray(), ctorDesc.toString(), plan.closeOnAbandon);
        }

        /** {@code StateMachine.fresh}: the engine's factory for this class, a constant of the class, called. */
        private static MethodNode fresh() {
            MethodNode m = new MethodNode(ACC_PUBLIC | ACC_FINAL, "fresh", FRESH_DESC, null, null);
            m.instructions.add(new LdcInsnNode(FACTORY));
            m.instructions.add(new VarInsnNode(ALOAD, 1));
            m.instructions.add(new MethodInsnNode(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                    FRESH_DESC, false));
            m.instructions.add(new InsnNode(ARETURN));
            return m;
        }

        // ------------------------------------------------------------------------------------- analyses

        private boolean isYieldCall(AbstractInsnNode insn) {
            return insn.getOpcode() == INVOKEVIRTUAL && insn instanceof MethodInsnNode m && isYieldMethod(m);
        }

        /** Yields under a monitor cannot be split: the monitor would be held across the suspension. */
        private void checkMonitors(Flow flow, List<Site> sites) throws Unsupported {
            InsnList insns = method.instructions;
            boolean any = false;
            for (AbstractInsnNode insn : insns) {
                any |= insn.getOpcode() == MONITORENTER;
            }
            if (!any || sites.isEmpty()) {
                return;
            }
            int n = insns.size();
            int[] depth = new int[n];
            java.util.Arrays.fill(depth, -1);
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
            depth[0] = 0;
            work.add(0);
            while (!work.isEmpty()) {
                int i = work.poll();
                int op = insns.get(i).getOpcode();
                int after = depth[i] + (op == MONITORENTER ? 1 : op == MONITOREXIT ? -1 : 0);
                for (int s : flow.successors(i)) {
                    int d = Math.max(0, Math.min(after, 64));
                    if (d > depth[s]) {
                        depth[s] = d;
                        work.add(s);
                    }
                }
                for (int s : flow.handlers(i)) {
                    int d = Math.min(depth[i], 64);
                    if (d > depth[s]) {
                        depth[s] = d;
                        work.add(s);
                    }
                }
            }
            for (Site s : sites) {
                if (depth[s.index] > 0) {
                    throw new Unsupported("a yield at line " + line(s.call) + " is inside a synchronized block: "
                            + "the monitor would stay held while the generator is paused",
                            "take what you need under the lock into a local, leave the synchronized block, then yield");
                }
            }
        }

        /**
         * For each instruction, the locals read later on some path from just after it (handlers included). why: one
         * scratch set per pass and a copy only where a set changes, so that a body's first use, which runs this in
         * the interpreter, allocates little (it made four sets per instruction per pass).
         */
        private BitSet[] liveness(Flow flow, Frame<BasicValue>[] frames) {
            AbstractInsnNode[] code = method.instructions.toArray();
            int n = code.length;
            BitSet none = new BitSet();
            BitSet[] in = new BitSet[n]; // live just before each instruction; never changed in place
            java.util.Arrays.fill(in, none);
            BitSet live = new BitSet();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = n - 1; i >= 0; i--) {
                    if (frames[i] == null) {
                        continue;
                    }
                    live.clear();
                    for (int s : flow.successors(i)) {
                        live.or(in[s]);
                    }
                    if (code[i] instanceof VarInsnNode v) {
                        int op = v.getOpcode();
                        if (op >= ISTORE && op <= ASTORE) {
                            live.clear(v.var);
                        } else if (op >= ILOAD && op <= ALOAD) {
                            live.set(v.var);
                        }
                    } else if (code[i] instanceof IincInsnNode v) {
                        live.set(v.var);
                    }
                    for (int s : flow.handlers(i)) { // a store may not happen before an exception: kill nothing
                        live.or(in[s]);
                    }
                    if (!live.equals(in[i])) {
                        in[i] = (BitSet) live.clone();
                        changed = true;
                    }
                }
            }
            BitSet[] out = new BitSet[n];
            for (int i = 0; i < n; i++) {
                BitSet after = new BitSet();
                if (frames[i] != null) {
                    for (int s : flow.successors(i)) {
                        after.or(in[s]);
                    }
                    for (int s : flow.handlers(i)) {
                        after.or(in[s]);
                    }
                }
                out[i] = after;
            }
            return out;
        }

        /**
         * For each site, the saved locals whose field already holds their value at the site: restored there by the
         * last resume (of any site using the same field) and not assigned since. A forward pass over the flow.
         */
        private List<Map<Integer, String>> cleanAtSites(Flow flow, Frame<BasicValue>[] frames, List<Site> sites,
                List<Map<Integer, String>> savedBySite) {
            InsnList insns = method.instructions;
            int n = insns.size();
            int slots = method.maxLocals;
            // why: slot -> field arrays, changed in place, and an int queue: the interpreter runs this at a body's
            // first use, where a map copied per instruction cost more than the rest of the pass.
            String[][] savedAt = new String[n][];
            for (int k = 0; k < sites.size(); k++) {
                String[] saved = new String[slots];
                for (Map.Entry<Integer, String> e : savedBySite.get(k).entrySet()) {
                    saved[e.getKey()] = e.getValue();
                }
                savedAt[sites.get(k).index] = saved;
            }
            String[][] in = new String[n][]; // null: not reached yet
            in[0] = new String[slots];
            int[] queue = new int[n];
            boolean[] queued = new boolean[n];
            int head = 0;
            int size = 1;
            queued[0] = true;
            String[] out = new String[slots];
            String[] exceptional = new String[slots];
            while (size > 0) {
                int i = queue[head];
                head = (head + 1) % n;
                size--;
                queued[i] = false;
                String[] here = in[i];
                String[] saved = savedAt[i];
                if (saved != null) {
                    // After the resume, the saved locals were just loaded. A handler after a yield is reached from
                    // before the spill too (yieldFrom(null) fails there): there only what is clean on both sides.
                    for (int l = 0; l < slots; l++) {
                        out[l] = saved[l];
                        exceptional[l] = saved[l] != null && saved[l].equals(here[l]) ? saved[l] : null;
                    }
                } else {
                    System.arraycopy(here, 0, out, 0, slots);
                    AbstractInsnNode insn = insns.get(i);
                    if (insn instanceof VarInsnNode v && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                        out[v.var] = null;
                    } else if (insn instanceof IincInsnNode v) {
                        out[v.var] = null;
                    }
                    System.arraycopy(out, 0, exceptional, 0, slots);
                }
                for (int pass = 0; pass < 2; pass++) {
                    String[] edge = pass == 0 ? out : exceptional;
                    for (int s : pass == 0 ? flow.successors(i) : flow.handlers(i)) {
                        if (frames[s] == null || !meet(in, s, edge) || queued[s]) {
                            continue;
                        }
                        queue[(head + size) % n] = s;
                        size++;
                        queued[s] = true;
                    }
                }
            }
            List<Map<Integer, String>> result = new ArrayList<>();
            for (Site s : sites) {
                Map<Integer, String> clean = new HashMap<>();
                String[] at = in[s.index];
                for (int l = 0; at != null && l < slots; l++) {
                    if (at[l] != null) {
                        clean.put(l, at[l]);
                    }
                }
                result.add(clean);
            }
            return result;
        }

        /** Keeps in {@code in[s]} only what {@code edge} has too (all of it on a first visit); true if it changed. */
        private static boolean meet(String[][] in, int s, String[] edge) {
            String[] to = in[s];
            if (to == null) {
                in[s] = edge.clone();
                return true;
            }
            boolean changed = false;
            for (int l = 0; l < to.length; l++) {
                if (to[l] != null && !to[l].equals(edge[l])) {
                    to[l] = null;
                    changed = true;
                }
            }
            return changed;
        }

        private BitSet assignedSlots() {
            BitSet assigned = new BitSet();
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof VarInsnNode v && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                    assigned.set(v.var);
                } else if (insn instanceof IincInsnNode v) {
                    assigned.set(v.var);
                }
            }
            return assigned;
        }

        /** Cuts each [resume, raise) region out of every try range that covers it, keeping handler order. */
        private void splitTryBlocks(List<LabelNode[]> excluded) {
            InsnList insns = method.instructions;
            List<TryCatchBlockNode> blocks = method.tryCatchBlocks;
            for (LabelNode[] cut : excluded) {
                int from = insns.indexOf(cut[0]);
                List<TryCatchBlockNode> result = new ArrayList<>();
                for (TryCatchBlockNode b : blocks) {
                    int s = insns.indexOf(b.start);
                    int e = insns.indexOf(b.end);
                    if (s <= from && from < e) {
                        result.add(new TryCatchBlockNode(b.start, cut[0], b.handler, b.type));
                        result.add(new TryCatchBlockNode(cut[1], b.end, b.handler, b.type));
                    } else {
                        result.add(b);
                    }
                }
                blocks = result;
            }
            method.tryCatchBlocks = blocks;
        }
    }

    /**
     * The index of the one Yielder (or Coroutine.Channel) parameter of a method descriptor, or -1 if there is none
     * or more than one.
     */
    static int yielderParameter(String desc) {
        Type[] args = Type.getArgumentTypes(desc);
        int found = -1;
        for (int i = 0; i < args.length; i++) {
            String d = args[i].getDescriptor();
            if (d.equals("L" + YIELDER + ";") || d.equals("L" + CHANNEL + ";")) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** A call of yield or yieldFrom on a Yielder or a Channel (whose yieldFrom(Coroutine) is its own). */
    static boolean isYieldMethod(MethodInsnNode m) {
        boolean channel = m.owner.equals(CHANNEL);
        if (!channel && !m.owner.equals(YIELDER)) {
            return false;
        }
        return m.name.equals("yield") && m.desc.equals("(Ljava/lang/Object;)Ljava/lang/Object;")
                || m.name.equals("yieldFrom") && (m.desc.equals("(Ldev/jyield/Generator;)Ljava/lang/Object;")
                        || m.desc.equals("(Ljava/lang/Iterable;)Ljava/lang/Object;")
                        || m.desc.equals("(Ljava/util/Iterator;)Ljava/lang/Object;")
                        || channel && m.desc.equals("(L" + COROUTINE + ";)Ljava/lang/Object;"));
    }

    private static boolean isNull(BasicValue v) {
        return v.getType() != null && v.getType().getDescriptor().equals("Lnull;");
    }

    static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }

    private static AbstractInsnNode intConst(int v) {
        if (v >= -1 && v <= 5) {
            return new InsnNode(ICONST_0 + v);
        }
        return v <= Short.MAX_VALUE ? new IntInsnNode(v <= Byte.MAX_VALUE ? BIPUSH : SIPUSH, v) : new LdcInsnNode(v);
    }

    /** The wrapper class of a primitive type, as an internal name. */
    static String boxType(Type t) {
        return ((MethodInsnNode) box(t)).owner;
    }

    private static AbstractInsnNode box(Type t) {
        String owner = switch (t.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> throw new IllegalArgumentException("not a primitive type: " + t);
        };
        return new MethodInsnNode(INVOKESTATIC, owner, "valueOf", "(" + t.getDescriptor() + ")L" + owner + ";", false);
    }

    /** A suspension point: the yield call, its index and the frame before it. */
    private record Site(int index, MethodInsnNode call, Frame<BasicValue> frame) {}

    /** Spill fields, shared between suspension points by slot and type. */
    private static final class Fields {
        private final Map<String, String> names = new LinkedHashMap<>(); // key -> name
        final Map<String, String> descs = new LinkedHashMap<>(); // name -> descriptor

        String get(String slot, String desc) {
            String key = slot + " " + desc;
            String n = names.get(key); // why: not computeIfAbsent, whose lambda spins a class on a body's first use
            if (n == null) {
                n = slot + "_" + descs.size();
                descs.put(n, desc);
                names.put(key, n);
            }
            return n;
        }
    }

    /** A value with identity: the body's yielder, or an object between NEW and its constructor call. */
    private static final class Tagged extends BasicValue {
        final boolean uninitialized;

        Tagged(Type type, boolean uninitialized) {
            super(type);
            this.uninitialized = uninitialized;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The analyzer, recording the control-flow edges for the monitor and liveness passes. */
    private static final class Flow extends Analyzer<BasicValue> {
        private static final int[] NONE = {};
        /**
         * Per instruction, its successors and its handlers, each an exact array. why: plain int arrays, not lists
         * of boxed integers, since the passes over the flow run in the interpreter at a body's first use.
         */
        private final int[][] successors;
        private final int[][] handlers;

        Flow(Interpreter<BasicValue> interpreter, int size) {
            super(interpreter);
            successors = new int[size][];
            handlers = new int[size][];
            java.util.Arrays.fill(successors, NONE);
            java.util.Arrays.fill(handlers, NONE);
        }

        int[] successors(int i) {
            return successors[i];
        }

        int[] handlers(int i) {
            return handlers[i];
        }

        @Override
        protected void newControlFlowEdge(int insn, int successor) {
            successors[insn] = with(successors[insn], successor);
        }

        @Override
        protected boolean newControlFlowExceptionEdge(int insn, int successor) {
            handlers[insn] = with(handlers[insn], successor);
            return true;
        }

        private static int[] with(int[] edges, int to) {
            for (int e : edges) {
                if (e == to) {
                    return edges;
                }
            }
            int[] r = java.util.Arrays.copyOf(edges, edges.length + 1);
            r[edges.length] = to;
            return r;
        }

        @Override
        protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
            return new InitFrame(numLocals, numStack);
        }

        @Override
        protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
            return new InitFrame(frame);
        }
    }

    /** A frame that marks an object initialised, in every copy, once its constructor is called. */
    private static final class InitFrame extends Frame<BasicValue> {
        InitFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        InitFrame(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
            if (insn.getOpcode() == INVOKESPECIAL && insn instanceof MethodInsnNode m && m.name.equals("<init>")) {
                int args = Type.getArgumentTypes(m.desc).length;
                BasicValue receiver = getStack(getStackSize() - 1 - args);
                super.execute(insn, interpreter);
                if (receiver instanceof Tagged t && t.uninitialized) {
                    BasicValue done = new BasicValue(receiver.getType());
                    for (int i = 0; i < getLocals(); i++) {
                        if (getLocal(i) == receiver) {
                            setLocal(i, done);
                        }
                    }
                    for (int i = 0; i < getStackSize(); i++) {
                        if (getStack(i) == receiver) {
                            setStack(i, done);
                        }
                    }
                }
                return;
            }
            super.execute(insn, interpreter);
        }
    }

    /**
     * Types every value as the JVM's verifier does, and follows the body's yielder: it may be loaded, stored in
     * locals and duplicated, and be the receiver of yield and yieldFrom, nothing else.
     */
    private static final class Interp extends SimpleVerifier {
        final Tagged yielder;
        private final int yielderSlot;
        /** The first reason found to refuse the body, or null. */
        Unsupported problem;

        Interp(HostClass host, int yielderSlot, Type yielderType, ClassLoader loader) {
            super(ASM9, Type.getObjectType(host.name),
                    host.superName == null ? null : Type.getObjectType(host.superName), interfaceTypes(host.interfaces),
                    host.isInterface());
            this.yielderSlot = yielderSlot;
            this.yielder = new Tagged(yielderType, false);
            setClassLoader(loader);
        }

        private static List<Type> interfaceTypes(String[] names) {
            List<Type> types = new ArrayList<>();
            if (names != null) {
                for (String n : names) {
                    types.add(Type.getObjectType(n));
                }
            }
            return types;
        }

        private AnalyzerException escape(AbstractInsnNode insn, String how, String fix) {
            if (problem == null) {
                problem = new Unsupported("the Yielder escapes at line " + line(insn) + ": " + how
                        + "; only y.yield(...) and y.yieldFrom(...) on the body's own parameter can be rewritten",
                        fix != null ? fix : "use the Yielder only as `y.yield(v)` and `y.yieldFrom(g)` in the body "
                                + "itself: do not store it, pass it on or capture it");
                problem.at = insn;
            }
            return new AnalyzerException(insn, problem.getMessage());
        }

        @Override
        public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
            return local == yielderSlot ? yielder : super.newParameterValue(isInstanceMethod, local, type);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == NEW) {
                return new Tagged(Type.getObjectType(((TypeInsnNode) insn).desc), true);
            }
            return super.newOperation(insn);
        }

        @Override
        public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
            if (value == yielder) {
                throw escape(insn, switch (insn.getOpcode()) {
                    case PUTSTATIC -> "stored in a static field";
                    case MONITORENTER -> "used as a lock";
                    case CHECKCAST, INSTANCEOF -> "cast or tested with instanceof";
                    case IFNULL, IFNONNULL -> "compared with null";
                    default -> "used as a value";
                }, null);
            }
            return super.unaryOperation(insn, value);
        }

        @Override
        public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue v1, BasicValue v2)
                throws AnalyzerException {
            if (v1 == yielder || v2 == yielder) {
                throw escape(insn, insn.getOpcode() == PUTFIELD ? "stored in a field" : "compared or used as a value",
                        null);
            }
            return super.binaryOperation(insn, v1, v2);
        }

        @Override
        public BasicValue ternaryOperation(AbstractInsnNode insn, BasicValue v1, BasicValue v2, BasicValue v3)
                throws AnalyzerException {
            if (v1 == yielder || v2 == yielder || v3 == yielder) {
                throw escape(insn, "stored in an array", null);
            }
            return super.ternaryOperation(insn, v1, v2, v3);
        }

        @Override
        public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values)
                throws AnalyzerException {
            boolean yieldCall = insn.getOpcode() == INVOKEVIRTUAL && insn instanceof MethodInsnNode m
                    && isYieldMethod(m);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == yielder && !(yieldCall && i == 0)) {
                    boolean first = problem == null;
                    AnalyzerException e = escapeAsArgument(insn);
                    if (first) {
                        problem.argument = i;
                        problem.arguments = values.size();
                    }
                    throw e;
                }
            }
            if (yieldCall && values.get(0) != yielder) {
                if (problem == null) {
                    problem = new Unsupported("line " + line(insn) + " yields through a Yielder that is not the "
                            + "body's own parameter (a field, a merged value, or another generator's)",
                            "yield only through the body's own parameter: `y.yield(v)`");
                }
                throw new AnalyzerException(insn, problem.getMessage());
            }
            return super.naryOperation(insn, values);
        }

        /** The yielder escapes as an argument of {@code insn}: why, in the user's terms, and the fix. */
        private AnalyzerException escapeAsArgument(AbstractInsnNode insn) {
            if (insn instanceof InvokeDynamicInsnNode indy && MemberAccess.isMemberCall(indy)) {
                int kind = (Integer) indy.bsmArgs[0];
                if (kind == java.lang.invoke.MethodHandleInfo.REF_putField
                        || kind == java.lang.invoke.MethodHandleInfo.REF_putStatic) {
                    return escape(insn, "stored in a field", null);
                }
                String m = ((Type) indy.bsmArgs[1]).getClassName() + "." + indy.name;
                return escape(insn, "passed to " + m, "pass the Yielder as the helper's last argument, "
                        + "or make " + indy.name + " a generator of its own (`Generator.of(h -> ...)`) and "
                        + "delegate to it with `y.yieldFrom(" + indy.name + "(...))`");
            }
            if (insn instanceof InvokeDynamicInsnNode) {
                return escape(insn, "captured by a lambda (or another invokedynamic)", "a lambda may yield "
                        + "for the body only when it is handed straight to forEach, forEachRemaining or "
                        + "Map.forEach; otherwise write its code in the body itself (a loop: "
                        + "`for (var x : items) y.yield(x)`), or make it a generator and `y.yieldFrom` it");
            }
            if (insn instanceof MethodInsnNode m && m.owner.equals("java/util/Objects")
                    && m.name.equals("requireNonNull")) {
                // why: javac checks the receiver of a bound method reference (y::yield) this way
                return escape(insn, "captured by a method reference (y::yield)", "instead of "
                        + "`items.forEach(y::yield)` write `for (var x : items) y.yield(x)` or "
                        + "`y.yieldFrom(items)`");
            }
            if (insn instanceof MethodInsnNode m) {
                return escape(insn, "passed to " + m.owner.replace('/', '.') + "." + m.name, "a helper "
                        + "that takes the Yielder as its last parameter is rewritten when it is static, private "
                        + "or final; otherwise make " + m.name + " a generator of its own (`Generator.of(h -> "
                        + "...)`) and delegate to it with `y.yieldFrom(" + m.name + "(...))`");
            }
            return escape(insn, "used as a value", null);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, BasicValue value, BasicValue expected)
                throws AnalyzerException {
            if (value == yielder) {
                throw escape(insn, "returned", null);
            }
            super.returnOperation(insn, value, expected);
        }

        @Override
        public BasicValue merge(BasicValue value1, BasicValue value2) {
            if (value1 == value2) {
                return value1;
            }
            if (value1 instanceof Tagged t1 && t1.uninitialized) {
                return value1; // stays suspect: a yield here falls back
            }
            if (value2 instanceof Tagged t2 && t2.uninitialized) {
                return value2;
            }
            if (value1 == yielder || value2 == yielder) {
                // The yielder on one path only: the merged value is some Yielder, no longer provably the body's.
                BasicValue a = value1 == yielder ? new BasicValue(yielder.getType()) : value1;
                BasicValue b = value2 == yielder ? new BasicValue(yielder.getType()) : value2;
                return super.merge(a, b);
            }
            return super.merge(value1, value2);
        }
    }
}
