package dev.jyield.other;

/** A superclass in another package, whose protected members a subclass's generator body may use. */
public class ProtectedBase {
    /** For subclasses only. */
    protected int protectedValue() {
        return 42;
    }
}
