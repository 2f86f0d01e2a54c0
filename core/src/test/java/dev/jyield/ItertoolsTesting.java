package dev.jyield;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for the Itertools tests. */
final class ItertoolsTesting {
    private ItertoolsTesting() {}

    /** Python's {@code list('ABC')}: the characters as one-letter strings. */
    static List<String> chars(String s) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            list.add(String.valueOf(s.charAt(i)));
        }
        return list;
    }

    /** Python's tuples of characters, from strings: {@code tuples("AB", "AC")} is {@code [(A, B), (A, C)]}. */
    static List<List<String>> tuples(String... words) {
        List<List<String>> list = new ArrayList<>();
        for (String w : words) {
            list.add(chars(w));
        }
        return list;
    }
}
