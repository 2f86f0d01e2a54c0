/**
 * jyield: Python-style generators for Java.
 *
 * <p>Only {@code dev.jyield} is exported; everything else is an implementation detail, including the copy of ASM
 * (BSD-3-Clause, notice in {@code META-INF/LICENSE-asm.txt}) that the bytecode engine rewrites bodies with.
 */
module dev.jyield {
    // No requires: the bytecode engine's ASM is shaded into this module, as dev.jyield.internal.asm (not exported).
    exports dev.jyield;
}
