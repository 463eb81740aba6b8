package org.beatwise.importing;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which CSV header feeds which incident {@link Field}, plus an optional java.time pattern for the
 * date column when it is not one of the {@link DateParser known formats}.
 *
 * <p>Valid means: lat and lon, offense or offense_code, and datetime or date + time (not both).
 * Header names are matched case-insensitively, ignoring surrounding spaces and a byte-order mark.
 *
 * @param columns     field → header name
 * @param datePattern java.time pattern for the datetime (or date) column, or null for the known formats
 */
public record ColumnMapping(Map<Field, String> columns, String datePattern) {

    /** The Boston Police Department export headers, in the order BPD writes them. */
    private static final Map<Field, String> BPD = bpdColumns();

    public ColumnMapping {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null");
        }
        EnumMap<Field, String> copy = new EnumMap<>(Field.class);
        columns.forEach((field, header) -> {
            if (field == null) {
                throw new IllegalArgumentException("columns has a null field");
            }
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("column for " + field.key() + " must not be blank, was '" + header + "'");
            }
            copy.put(field, header.trim());
        });
        List<String> missing = new ArrayList<>();
        if (!copy.containsKey(Field.LAT)) missing.add("lat");
        if (!copy.containsKey(Field.LON)) missing.add("lon");
        if (!copy.containsKey(Field.OFFENSE) && !copy.containsKey(Field.OFFENSE_CODE)) missing.add("offense (or offense_code)");
        boolean split = copy.containsKey(Field.DATE) || copy.containsKey(Field.TIME);
        if (copy.containsKey(Field.DATETIME) && split) {
            throw new IllegalArgumentException("map either datetime or date + time, not both; columns were " + describe(copy));
        }
        if (!copy.containsKey(Field.DATETIME) && !(copy.containsKey(Field.DATE) && copy.containsKey(Field.TIME))) {
            missing.add(split ? (copy.containsKey(Field.DATE) ? "time" : "date") : "datetime (or date + time)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("mapping is missing " + String.join(", ", missing) + "; " + REQUIRED);
        }
        if (datePattern != null) {
            if (datePattern.isBlank()) {
                datePattern = null;
            } else {
                try {
                    DateTimeFormatter.ofPattern(datePattern);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("datePattern '" + datePattern + "' is not a java.time pattern: " + e.getMessage());
                }
            }
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** What a mapping must contain, for messages. */
    public static final String REQUIRED = "a mapping needs lat, lon, offense (or offense_code) and datetime (or date + time)";

    /** Parses command-line style {@code field=header} pairs, e.g. {@code lat=Latitude}. */
    public static ColumnMapping parse(List<String> pairs, String datePattern) {
        EnumMap<Field, String> map = new EnumMap<>(Field.class);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("column '" + pair + "' must look like FIELD=HEADER, e.g. lat=Latitude");
            }
            Field field = Field.ofKey(pair.substring(0, eq));
            if (map.put(field, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("field " + field.key() + " is mapped twice");
            }
        }
        return new ColumnMapping(map, datePattern);
    }

    public ColumnMapping withDatePattern(String pattern) {
        return new ColumnMapping(columns, pattern);
    }

    /**
     * The BPD mapping when the headers are a Boston Police Department export (INCIDENT_NUMBER,
     * OCCURRED_ON_DATE, OFFENSE_CODE or OFFENSE_DESCRIPTION, Lat, Long, any case). Optional BPD
     * columns that are absent (SHOOTING in the spreadsheet-saved files) are left out; extra columns
     * are ignored.
     */
    public static Optional<ColumnMapping> bpd(List<String> headers) {
        EnumMap<Field, String> found = new EnumMap<>(Field.class);
        BPD.forEach((field, name) -> {
            int i = indexOf(headers, name);
            if (i >= 0) {
                found.put(field, normalizeHeader(headers.get(i)));
            }
        });
        boolean isBpd = found.containsKey(Field.ID) && found.containsKey(Field.DATETIME)
                && found.containsKey(Field.LAT) && found.containsKey(Field.LON)
                && (found.containsKey(Field.OFFENSE) || found.containsKey(Field.OFFENSE_CODE));
        return isBpd ? Optional.of(new ColumnMapping(found, null)) : Optional.empty();
    }

    /** True when this is the BPD mapping (for reports: "schema BPD" vs "column mapping"). */
    public boolean isBpd() {
        return BPD.get(Field.ID).equalsIgnoreCase(columns.get(Field.ID))
                && BPD.get(Field.DATETIME).equalsIgnoreCase(columns.get(Field.DATETIME));
    }

    /**
     * Column index of each field (indexed by {@link Field#ordinal()}, -1 when unmapped).
     *
     * @throws IllegalArgumentException naming the field and header that the file lacks
     */
    public int[] resolve(List<String> headers) {
        int[] idx = new int[Field.values().length];
        java.util.Arrays.fill(idx, -1);
        for (Map.Entry<Field, String> e : columns.entrySet()) {
            int i = indexOf(headers, e.getValue());
            if (i < 0) {
                throw new IllegalArgumentException("column '" + e.getValue() + "' (for " + e.getKey().key()
                        + ") is not in the file; headers are " + headers);
            }
            idx[e.getKey().ordinal()] = i;
        }
        return idx;
    }

    /** Header text without BOM, no-break spaces or surrounding blanks. */
    public static String normalizeHeader(String header) {
        return TextCleaner.clean(header.replace("\uFEFF", ""));
    }

    static int indexOf(List<String> headers, String name) {
        String want = normalizeHeader(name);
        for (int i = 0; i < headers.size(); i++) {
            if (normalizeHeader(headers.get(i)).equalsIgnoreCase(want)) {
                return i;
            }
        }
        return -1;
    }

    /** Field=header pairs in field order, e.g. {@code lat=Lat, lon=Long}. */
    public String describe() {
        return describe(columns);
    }

    private static String describe(Map<Field, String> columns) {
        List<String> parts = new ArrayList<>();
        columns.forEach((f, h) -> parts.add(f.key() + "=" + h));
        return String.join(", ", parts);
    }

    private static Map<Field, String> bpdColumns() {
        EnumMap<Field, String> m = new EnumMap<>(Field.class);
        m.put(Field.ID, "INCIDENT_NUMBER");
        m.put(Field.OFFENSE_CODE, "OFFENSE_CODE");
        m.put(Field.OFFENSE_GROUP, "OFFENSE_CODE_GROUP");
        m.put(Field.OFFENSE, "OFFENSE_DESCRIPTION");
        m.put(Field.DISTRICT, "DISTRICT");
        m.put(Field.REPORTING_AREA, "REPORTING_AREA");
        m.put(Field.SHOOTING, "SHOOTING");
        m.put(Field.DATETIME, "OCCURRED_ON_DATE");
        m.put(Field.UCR_PART, "UCR_PART");
        m.put(Field.STREET, "STREET");
        m.put(Field.LAT, "Lat");
        m.put(Field.LON, "Long");
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return describe() + (datePattern == null ? "" : ", date pattern '" + datePattern + "'");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
