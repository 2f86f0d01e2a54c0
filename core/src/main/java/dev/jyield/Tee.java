package dev.jyield;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code itertools.tee}: copies that share one singly linked buffer. A node holds an item once some copy has
 * pulled it from the source; each copy points at the node of its next item, so a node that every copy has
 * passed is unreachable and collected: the buffer holds exactly what the slowest copy has not seen.
 */
final class Tee {
    private Tee() {}

    static <T> List<Generator<T>> tee(Generator<? extends T> source, int n) {
        Shared shared = new Shared(source, n);
        Node start = new Node();
        List<Generator<T>> copies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            copies.add(new Generator<>(new Copy<>(shared, start)));
        }
        return Collections.unmodifiableList(copies);
    }

    /** A buffered item; {@code next == null} while no copy has pulled it yet. */
    private static final class Node {
        Object value;
        Node next;
    }

    private static final class Shared {
        final Generator<?> source;
        int open;

        Shared(Generator<?> source, int open) {
            this.source = source;
            this.open = open;
        }
    }

    private static final class Copy<T> extends Op<T> {
        private final Shared shared;
        private Node pos;
        private boolean detached;

        Copy(Shared shared, Node start) {
            this.shared = shared;
            this.pos = start;
        }

        @Override
        boolean advance() {
            Node p = pos;
            if (p.next == null) {
                // why: this copy is the furthest ahead; fill the node for everyone.
                if (!shared.source.hasNext()) {
                    return false;
                }
                p.value = shared.source.next();
                p.next = new Node();
            }
            out = p.value;
            pos = p.next;
            return true;
        }

        @Override
        void closeSources() {
            // A closed copy lets go of its place in the buffer; the last copy closed closes the source.
            if (!detached) {
                detached = true;
                pos = null;
                if (--shared.open == 0) {
                    shared.source.close();
                }
            }
        }

        @Override
        String engineName() {
            return "tee";
        }
    }
}
