package org.beatwise.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One repeated string column of {@link IncidentColumns}: a code a row into the column's distinct values, in
 * order of first appearance, so each distinct value is one shared {@code String}. Codes take 2 bytes a row
 * while there are at most 65,534 distinct values (offences, groups and districts are a few hundred), 4
 * after. A row set again keeps no value alive, but the dictionary keeps every value it was ever given.
 */
final class DictionaryColumn {

    /** A row's code plus one, 0 for null; null once the values outgrow it. */
    private char[] narrow;
    /** A row's code, −1 for null; only once there are more values than {@link #narrow} can name. */
    private int[] wide;
    private final List<String> values = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    DictionaryColumn(int capacity) {
        narrow = new char[capacity];
    }

    /** Makes room for {@code capacity} rows, keeping those there are. */
    void resize(int capacity) {
        if (wide != null) {
            wide = Arrays.copyOf(wide, capacity);
        } else {
            narrow = Arrays.copyOf(narrow, capacity);
        }
    }

    void set(int row, String value) {
        int code = value == null ? -1 : index.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
        if (wide == null && code + 1 >= Character.MAX_VALUE) {
            widen();
        }
        if (wide != null) {
            wide[row] = code;
        } else {
            narrow[row] = (char) (code + 1);
        }
    }

    String value(int row) {
        int code = wide != null ? wide[row] : narrow[row] - 1;
        return code < 0 ? null : values.get(code);
    }

    private void widen() {
        wide = new int[narrow.length];
        for (int r = 0; r < narrow.length; r++) {
            wide[r] = narrow[r] - 1;
        }
        narrow = null;
    }
}
