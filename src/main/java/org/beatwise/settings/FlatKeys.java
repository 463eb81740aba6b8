package org.beatwise.settings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one reader of flat namespaced settings keys ({@code auth.lockout_minutes}) for every settings
 * record's {@code of(Map)}. A missing or blank key takes the default the caller passes: the settings
 * table stores an unset optional value as "" and older bundles lack newer keys. A value that cannot
 * be read throws {@link SettingsException} naming the full key and the value; range checks stay in
 * the records' compact constructors.
 */
public final class FlatKeys {

    private final Map<String, String> values;
    private final String prefix;

    /**
     * @param values the flat keys, e.g. from the settings table or a bundle's metadata
     * @param prefix the record's namespace with its dot ({@code "auth."}); getters take the rest of the key
     */
    public FlatKeys(Map<String, String> values, String prefix) {
        this.values = Objects.requireNonNull(values, "values");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Whether the key holds a value (blank counts as missing). */
    public boolean has(String key) {
        String v = values.get(prefix + key);
        return v != null && !v.isBlank();
    }

    public String getString(String key, String fallback) {
        return has(key) ? values.get(prefix + key) : fallback;
    }

    public int getInt(String key, int fallback) {
        return get(key, "a whole number", v -> Integer.parseInt(v.strip()), fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key, "a whole number", v -> Long.parseLong(v.strip()), fallback);
    }

    public double getDouble(String key, double fallback) {
        return get(key, "a number", v -> Double.parseDouble(v.strip()), fallback);
    }

    /** A number that may be unset, such as a station without a known location. */
    public Double getOptionalDouble(String key) {
        return get(key, "a number", v -> Double.parseDouble(v.strip()), null);
    }

    /** Only {@code true} or {@code false} (any case): a typo must not silently switch a rule off. */
    public boolean getBoolean(String key, boolean fallback) {
        return get(key, "true or false", v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(v);
        }, fallback);
    }

    /** An enum constant by its name in any case ({@code temporal} for {@code TEMPORAL}). */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E fallback) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return get(key, "one of " + names, v -> Arrays.stream(constants)
                .filter(c -> c.name().equalsIgnoreCase(v.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(v)), fallback);
    }

    /** An ISO date ({@code 2018-01-01}), or the fallback when unset. */
    public LocalDate getDate(String key, LocalDate fallback) {
        return get(key, "a date such as 2018-01-01", v -> LocalDate.parse(v.strip()), fallback);
    }

    /**
     * Any other type: {@code parse} may throw IllegalArgumentException (including NumberFormatException)
     * or DateTimeParseException, which become a SettingsException saying the value must be {@code expected}.
     */
    public <T> T get(String key, String expected, Function<String, T> parse, T fallback) {
        if (!has(key)) {
            return fallback;
        }
        String v = values.get(prefix + key);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new SettingsException(prefix + key, v, expected);
        }
    }
}
