package dev.jyield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** An instrumented iterable for laziness tests: counts the elements pulled from it and remembers what is left. */
final class Probe<T> implements Iterable<T> {
    private final List<T> items;
    int pulls;
    int iterators;

    private Probe(List<T> items) {
        this.items = items;
    }

    @SafeVarargs
    static <T> Probe<T> of(T... items) {
        return new Probe<>(new ArrayList<>(Arrays.asList(items)));
    }

    static Probe<String> chars(String s) {
        return new Probe<>(ItertoolsTesting.chars(s));
    }

    static Probe<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return new Probe<>(list);
    }

    /** The elements not pulled yet. */
    List<T> remaining() {
        return items.subList(pulls, items.size());
    }

    /** One shared cursor, like a Python iterator: every call returns the same position. */
    @Override
    public Iterator<T> iterator() {
        iterators++;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulls < items.size();
            }

            @Override
            public T next() {
                if (pulls >= items.size()) {
                    throw new NoSuchElementException();
                }
                return items.get(pulls++);
            }
        };
    }
}
