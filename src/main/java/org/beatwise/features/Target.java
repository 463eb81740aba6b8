package org.beatwise.features;

import java.util.Locale;

/** What the model predicts about an incident. */
public enum Target {
    /** The offence description, as the paper did (many fine-grained classes). */
    DESCRIPTION,
    /** The BPD offence code group. */
    GROUP,
    /** A broader analyst category from the editable map {@code lib-data/offense-categories.csv}. */
    CATEGORY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Target parse(String text) {
        for (Target t : values()) {
            if (t.key().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("target must be one of description, group, category; was '" + text + "'");
    }
}
