package dev.jyield;

import java.util.Objects;
import java.util.function.Function;

/**
 * Python's groupby, as CPython's {@code groupby_next} and {@code _grouper_next}: the groups share the input,
 * and moving the outer generator on invalidates the earlier groups.
 */
final class GroupBy<K, T> extends Op<Group<K, T>> {
    private final Generator<? extends T> input;
    private final Function<? super T, ? extends K> key;
    private K currentKey;
    private boolean hasCurrentKey;
    private T currentValue;
    private boolean hasCurrentValue;
    private K targetKey;
    private boolean hasTargetKey;
    private GroupView currentGroup;

    static <K, T> Source<Group<K, T>> of(Generator<? extends T> input, Function<? super T, ? extends K> key) {
        return new GroupBy<>(input, key);
    }

    GroupBy(Generator<? extends T> input, Function<? super T, ? extends K> key) {
        super(input);
        this.input = input;
        this.key = key;
    }

    @SuppressWarnings("unchecked")
    private boolean step() {
        if (!input.hasNext()) {
            return false;
        }
        T v = input.next();
        K k = key == null ? (K) v : key.apply(v);
        currentValue = v;
        hasCurrentValue = true;
        currentKey = k;
        hasCurrentKey = true;
        return true;
    }

    @Override
    boolean advance() {
        currentGroup = null;
        for (;;) {
            if (hasCurrentKey) {
                if (!hasTargetKey || !Objects.equals(targetKey, currentKey)) {
                    break;
                }
            }
            if (!step()) {
                return false;
            }
        }
        targetKey = currentKey;
        hasTargetKey = true;
        GroupView view = new GroupView(targetKey);
        currentGroup = view;
        out = new Group<>(targetKey, new Generator<>(view));
        return true;
    }

    private final class GroupView extends Op<T> {
        private final K groupKey;

        GroupView(K groupKey) {
            this.groupKey = groupKey;
        }

        @Override
        boolean advance() {
            if (currentGroup != this) {
                return false;
            }
            if (!hasCurrentValue && !step()) {
                return false;
            }
            if (!Objects.equals(groupKey, currentKey)) {
                return false;
            }
            out = currentValue;
            currentValue = null;
            hasCurrentValue = false;
            return true;
        }

        @Override
        String engineName() {
            return "group";
        }
    }
}
