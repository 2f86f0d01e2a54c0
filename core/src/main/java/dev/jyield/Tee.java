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
        Branch.Shared shared = new Branch.Shared(source, n);
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

    private static final class Copy<T> extends Branch<T> {
        private Node pos;

        Copy(Branch.Shared shared, Node start) {
            super(shared);
            this.pos = start;
        }

        @Override
        boolean advance() {
            Node p = pos;
            if (p.next == null) {
                // why: this copy is the furthest ahead; fill the node for everyone.
                if (!shared.input.hasNext()) {
                    return false;
                }
                p.value = shared.input.next();
                p.next = new Node();
            }
            out = p.value;
            pos = p.next;
            return true;
        }

        @Override
        void detach() {
            pos = null; // why: a closed copy lets go of its place, so the nodes it held can be collected
        }

        @Override
        String engineName() {
            return "tee";
        }
    }
}
