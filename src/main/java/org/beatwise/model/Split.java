package org.beatwise.model;

import java.util.Locale;

/** How rows are divided into a training part (80 %) and a test part (20 %). */
public enum Split {
    /** Train on the earlier 80 % of the time span, test on the later 20 %: how an analyst uses a model. */
    TEMPORAL,
    /** Random 80:20 within each class, seeded: the paper's split. */
    STRATIFIED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String text) {
        for (Split s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("split must be one of temporal, stratified; was '" + text + "'");
    }
}
