package dev.jyield;

import static org.objectweb.asm.Opcodes.ASM9;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the rewrite needs of a class file: its header, its source file and the access of its members, read once;
 * its methods read on demand, each as a fresh tree with line numbers and local variable names.
 */
final class HostClass {
    final Class<?> type;
    final String name;
    final int version;
    final int access;
    final String superName;
    final String[] interfaces;
    /** The {@code SourceFile} attribute (e.g. {@code Main.java}), or null if the class was compiled without it. */
    final String sourceFile;
    /** The {@code SourceDebugExtension} attribute (JSR-45, as Kotlin and JSP compilers write it), or null. */
    final String sourceDebug;
    final Map<String, Integer> methodAccess = new HashMap<>();
    final Map<String, Integer> fieldAccess = new HashMap<>();
    private final ClassReader reader;

    private HostClass(Class<?> type, ClassReader reader, Header h) {
        this.type = type;
        this.name = reader.getClassName();
        this.reader = reader;
        this.version = h.version;
        this.access = h.access;
        this.superName = h.superName;
        this.interfaces = h.interfaces;
        this.sourceFile = h.sourceFile;
        this.sourceDebug = h.sourceDebug;
    }

    private static final class Header {
        int version;
        int access;
        String superName;
        String[] interfaces;
        String sourceFile;
        String sourceDebug;
    }

    /** Reads {@code classFile}, which must be the class file of {@code type}. */
    static HostClass read(Class<?> type, byte[] classFile) throws BytecodeRewriter.Unsupported {
        ClassReader cr;
        try {
            cr = new ClassReader(classFile);
        } catch (IllegalArgumentException e) {
            throw new BytecodeRewriter.Unsupported("the class file of " + type.getName() + " cannot be read by "
                    + "this ASM: " + e.getMessage());
        } catch (RuntimeException e) {
            // why: bytes that are no class file at all (a damaged jar); the class loader had others, or none
            throw new BytecodeRewriter.Unsupported("the class file found for " + type.getName() + " is damaged ("
                    + e + ")");
        }
        if (!cr.getClassName().equals(Type.getInternalName(type))) {
            throw new BytecodeRewriter.Unsupported("the class file found for " + type.getName() + " is "
                    + cr.getClassName());
        }
        Header h = new Header();
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> fields = new HashMap<>();
        cr.accept(new ClassVisitor(ASM9) {
            @Override
            public void visit(int v, int acc, String n, String sig, String sup, String[] itfs) {
                h.version = v;
                h.access = acc;
                h.superName = sup;
                h.interfaces = itfs;
            }

            @Override
            public void visitSource(String source, String debug) {
                h.sourceFile = source;
                h.sourceDebug = debug;
            }

            @Override
            public FieldVisitor visitField(int acc, String n, String d, String sig, Object value) {
                fields.put(n, acc);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int acc, String n, String d, String sig, String[] exc) {
                methods.put(n + d, acc);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        HostClass c = new HostClass(type, cr, h);
        c.methodAccess.putAll(methods);
        c.fieldAccess.putAll(fields);
        return c;
    }

    /** A fresh tree of method {@code n d}, with its debug information; null if the class has none such. */
    MethodNode method(String n, String d) {
        if (!methodAccess.containsKey(n + d)) {
            return null;
        }
        MethodNode[] found = new MethodNode[1];
        reader.accept(new ClassVisitor(ASM9) {
            @Override
            public MethodVisitor visitMethod(int acc, String mn, String md, String sig, String[] exc) {
                if (mn.equals(n) && md.equals(d)) {
                    found[0] = new MethodNode(ASM9, acc, mn, md, sig, exc);
                    return found[0];
                }
                return null;
            }
        }, ClassReader.SKIP_FRAMES);
        return found[0];
    }

    boolean isInterface() {
        return (access & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
    }
}
