/**
 * jyield: Python-style generators for Java.
 *
 * <p>Only {@code dev.jyield} is exported; everything else is an implementation detail.
 */
module dev.jyield {
    // The bytecode engine rewrites generator bodies into state machines at run time.
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.tree.analysis;

    exports dev.jyield;
}
