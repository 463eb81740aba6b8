package org.beatwise.model;

import java.util.Locale;
import org.beatwise.domain.Incident;
import org.beatwise.features.OffenseCategories;

/** How test rows are divided for {@link GroupEvaluation}. */
public enum Grouping {
    /** The incident's police district as recorded ("(none)" when empty). */
    DISTRICT,
    /** The offence category of the incident's true offence. */
    CATEGORY,
    /** Six-hour bands of the time of day: night 00–05, morning 06–11, afternoon 12–17, evening 18–23. */
    HOUR_BAND;

    static final String NONE = "(none)";

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Grouping parse(String text) {
        for (Grouping g : values()) {
            if (g.key().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("group must be one of district, category, hour-band; was '" + text + "'");
    }

    String groupOf(Incident i, OffenseCategories categories) {
        return switch (this) {
            case DISTRICT -> i.district() == null || i.district().isBlank() ? NONE : i.district().strip();
            case CATEGORY -> categories.lookup(i.offense(), i.offenseCode()).orElse(OffenseCategories.OTHER);
            case HOUR_BAND -> band(i.hour());
        };
    }

    static String band(int hour) {
        return switch (hour / 6) {
            case 0 -> "00-05 night";
            case 1 -> "06-11 morning";
            case 2 -> "12-17 afternoon";
            default -> "18-23 evening";
        };
    }
}
