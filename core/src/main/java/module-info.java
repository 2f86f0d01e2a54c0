/**
 * jyield: Python-style generators for Java.
 *
 * <p>Only {@code dev.jyield} is exported; everything else is an implementation detail.
 */
module dev.jyield {
    exports dev.jyield;
}
