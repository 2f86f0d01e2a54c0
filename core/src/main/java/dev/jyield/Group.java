package dev.jyield;

/**
 * One run of consecutive values with equal keys, as yielded by {@link Generator#groupBy(java.util.function.Function)}:
 * Python's {@code (key, group)} pair from {@code itertools.groupby}.
 *
 * <p>{@link #values()} is a <b>view</b> that reads from the same source as the generator that yielded this group:
 * when that generator moves on to the next group, this group becomes empty (Python: "the returned group is itself
 * an iterator that shares the underlying iterable with groupby()"). Copy the values (for example with
 * {@code values().toList()}) before moving on if they are needed later.
 *
 * @param <K> the type of the key
 * @param <T> the type of the values
 */
public final class Group<K, T> {
    private final K key;
    private final Generator<T> values;

    Group(K key, Generator<T> values) {
        this.key = key;
        this.values = values;
    }

    /**
     * The key shared by the values of this group.
     *
     * @return the key (may be null)
     */
    public K key() {
        return key;
    }

    /**
     * The values of this group: always the same single-pass generator, empty once the outer generator has moved on.
     *
     * @return the view of this group's values
     */
    public Generator<T> values() {
        return values;
    }

    @Override
    public String toString() {
        return "Group[key=" + key + "]";
    }
}
