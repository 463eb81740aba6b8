package org.beatwise.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.beatwise.domain.Incident;

/** Turns incidents into target values. */
public final class Labeler {

    private final OffenseCategories categories;

    public Labeler(OffenseCategories categories) {
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    public Labels label(Target target, List<Incident> rows) {
        List<String> values = new ArrayList<>(rows.size());
        int without = 0;
        int unmapped = 0;
        for (Incident row : rows) {
            String value = switch (target) {
                case DESCRIPTION -> blankToNull(row.offense());
                case GROUP -> blankToNull(row.offenseGroup());
                case CATEGORY -> {
                    var hit = categories.lookup(row.offense(), row.offenseCode());
                    if (hit.isEmpty()) {
                        unmapped++;
                    }
                    yield hit.orElse(OffenseCategories.OTHER);
                }
            };
            if (value == null) {
                without++;
            }
            values.add(value);
        }
        return new Labels(Collections.unmodifiableList(values), without, unmapped);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
