package dev.jyield.examples;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A host that loads a plugin: runs {@code main} of class {@code args[1]}, found in folder {@code args[0]} by a child
 * class loader whose parent is the application loader that has jyield. Run in a child JVM by {@link EverywhereTest}.
 */
public final class ChildLoaderProbe {
    private ChildLoaderProbe() {}

    public static void main(String[] args) throws Exception {
        URL[] folder = {Path.of(args[0]).toUri().toURL()};
        try (URLClassLoader plugins = new URLClassLoader(folder, ChildLoaderProbe.class.getClassLoader())) {
            Class<?> main = Class.forName(args[1], true, plugins);
            if (main.getClassLoader() != plugins) {
                throw new AssertionError(main + " is not the child loader's own: " + main.getClassLoader());
            }
            main.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        }
    }
}
