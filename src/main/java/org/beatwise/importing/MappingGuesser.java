package org.beatwise.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes a column mapping for an export we do not know, from its header names and, when given,
 * sample rows: the UI shows the proposal in its mapping step for the user to correct, and a file
 * read without a mapping uses it when it is complete.
 *
 * <p>Header names are compared lower-case with everything but letters and digits removed, against
 * per-field lists of names seen in US police exports (earlier in the list wins). Samples veto a name
 * match whose values do not fit (latitudes outside ±90, dates that do not parse) and decide whether a
 * "date" column holds date-times or dates only. Names as vague as x/y are taken only when samples
 * confirm them.
 */
public final class MappingGuesser {

    /** A proposal: possibly incomplete columns, a date pattern when the known formats do not fit. */
    public record MappingProposal(Map<Field, String> columns, String datePattern, List<String> missing) {

        public MappingProposal {
            columns = Map.copyOf(columns);
            missing = List.copyOf(missing);
        }

        /** The proposal as a valid mapping, or empty while required fields are missing. */
        public Optional<ColumnMapping> toMapping() {
            try {
                return Optional.of(new ColumnMapping(columns, datePattern));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static final Map<Field, List<String>> NAMES = new EnumMap<>(Field.class);
    /** Names accepted only when sample values confirm them. */
    private static final Set<String> WEAK = Set.of("x", "y", "date", "type", "code", "id", "area", "time", "location");

    static {
        NAMES.put(Field.ID, List.of("incidentnumber", "incidentnum", "incidentid", "incidentno", "casenumber", "caseno",
                "casenum", "reportnumber", "reportno", "drno", "eventnumber", "eventid", "uniquekey", "id"));
        NAMES.put(Field.DATETIME, List.of("occurredondate", "occurreddatetime", "occurredat", "occurredon", "datetime",
                "dateoccurred", "occurred", "incidentdatetime", "occurrencedatetime", "occurrencedate", "incidentdate",
                "crimedatetime", "crimedate", "dateofoccurrence", "reporteddatetime", "reportdatetime", "date"));
        NAMES.put(Field.DATE, List.of("occurreddate", "dateocc", "occurrencedate", "incidentdate", "crimedate", "date"));
        NAMES.put(Field.TIME, List.of("occurredtime", "timeocc", "occurrencetime", "incidenttime", "crimetime", "time"));
        NAMES.put(Field.OFFENSE, List.of("offensedescription", "offencedescription", "offensedesc", "offense", "offence",
                "crimedescription", "crmcddesc", "primarytype", "crimetype", "offensetype", "incidenttype",
                "incidentdescription", "description", "crime", "category", "type"));
        NAMES.put(Field.OFFENSE_CODE, List.of("offensecode", "offencecode", "crimecode", "crmcd", "iucr", "ucrcode",
                "nibrscode", "incidentcode", "code"));
        NAMES.put(Field.OFFENSE_GROUP, List.of("offensecodegroup", "offensegroup", "offencegroup", "crimegroup",
                "crimecategory", "offensecategory", "nibrsgroup", "ucrcategory"));
        NAMES.put(Field.DISTRICT, List.of("district", "policedistrict", "pddistrict", "precinct", "division", "areaname", "area"));
        NAMES.put(Field.LAT, List.of("lat", "latitude", "latwgs84", "y"));
        NAMES.put(Field.LON, List.of("long", "lon", "lng", "longitude", "lonwgs84", "longwgs84", "x"));
        NAMES.put(Field.STREET, List.of("street", "streetname", "address", "blockaddress", "block"));
        NAMES.put(Field.REPORTING_AREA, List.of("reportingarea", "rptdist", "rptdistno", "beat"));
        NAMES.put(Field.SHOOTING, List.of("shooting"));
        NAMES.put(Field.UCR_PART, List.of("ucrpart"));
    }

    /** Patterns tried when the known formats do not read the samples (day-first Europe/UK, compact). */
    private static final List<String> EXTRA_PATTERNS = List.of("d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yy H:mm",
            "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "d-M-yyyy H:mm:ss", "yyyyMMddHHmmss", "yyyyMMdd HHmm");

    private MappingGuesser() { }

    /** @param samples first rows of the file (may be empty), each a list of field values */
    public static MappingProposal guess(List<String> headers, List<List<String>> samples) {
        List<String> norm = headers.stream().map(MappingGuesser::norm).toList();
        Set<Integer> used = new HashSet<>();
        EnumMap<Field, String> columns = new EnumMap<>(Field.class);
        String datePattern = null;

        Integer dt = pick(Field.DATETIME, norm, used, samples, i -> datesFit(samples, i, DateParser.known()));
        if (dt == null && !samples.isEmpty()) {
            // a date-time column in an unknown format: find a pattern that reads it
            for (String name : NAMES.get(Field.DATETIME)) {
                int i = norm.indexOf(name);
                if (i >= 0 && !used.contains(i)) {
                    for (String p : EXTRA_PATTERNS) {
                        if (datesFit(samples, i, DateParser.of(p))) {
                            dt = i;
                            datePattern = p;
                            break;
                        }
                    }
                }
                if (dt != null) {
                    break;
                }
            }
        }
        if (dt != null) {
            columns.put(Field.DATETIME, headers.get(dt));
            used.add(dt);
        } else {
            Integer d = pick(Field.DATE, norm, used, samples, i -> datesOnlyFit(samples, i));
            if (d != null) {
                used.add(d);
                Integer t = pick(Field.TIME, norm, used, samples, i -> timesFit(samples, i));
                if (t != null) {
                    columns.put(Field.DATE, headers.get(d));
                    columns.put(Field.TIME, headers.get(t));
                    used.add(t);
                } else {
                    used.remove(d);
                }
            }
        }
        for (Field f : List.of(Field.LAT, Field.LON, Field.ID, Field.OFFENSE_CODE, Field.OFFENSE, Field.OFFENSE_GROUP,
                Field.DISTRICT, Field.REPORTING_AREA, Field.STREET, Field.SHOOTING, Field.UCR_PART)) {
            Integer i = pick(f, norm, used, samples, switch (f) {
                case LAT -> j -> numbersFit(samples, j, 90);
                case LON -> j -> numbersFit(samples, j, 180);
                default -> j -> true;
            });
            if (i != null) {
                columns.put(f, headers.get(i));
                used.add(i);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Field.LAT)) missing.add(Field.LAT.key());
        if (!columns.containsKey(Field.LON)) missing.add(Field.LON.key());
        if (!columns.containsKey(Field.OFFENSE) && !columns.containsKey(Field.OFFENSE_CODE)) missing.add(Field.OFFENSE.key());
        if (!columns.containsKey(Field.DATETIME) && !columns.containsKey(Field.DATE)) missing.add(Field.DATETIME.key());
        return new MappingProposal(columns, datePattern, missing);
    }

    private interface Fit {
        boolean test(int column);
    }

    private static Integer pick(Field field, List<String> norm, Set<Integer> used, List<List<String>> samples, Fit fit) {
        for (String name : NAMES.get(field)) {
            for (int i = 0; i < norm.size(); i++) {
                if (used.contains(i) || !norm.get(i).equals(name)) {
                    continue;
                }
                boolean weak = WEAK.contains(name);
                if (samples.isEmpty() ? !weak : (fit.test(i) && hasValues(samples, i))) {
                    return i;
                }
            }
        }
        return null;
    }

    static String norm(String header) {
        String h = ColumnMapping.normalizeHeader(header).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasValues(List<List<String>> samples, int col) {
        return values(samples, col).size() > 0;
    }

    private static List<String> values(List<List<String>> samples, int col) {
        List<String> v = new ArrayList<>();
        for (List<String> row : samples) {
            if (col < row.size() && !row.get(col).isBlank()) {
                v.add(row.get(col).trim());
            }
        }
        return v;
    }

    /** At least 80% of the non-empty sample values satisfy the test (a few bad rows are normal). */
    private static boolean mostly(List<String> values, java.util.function.Predicate<String> ok) {
        if (values.isEmpty()) {
            return false;
        }
        long good = values.stream().filter(ok).count();
        return good * 5 >= values.size() * 4L;
    }

    private static boolean datesFit(List<List<String>> samples, int col, DateParser parser) {
        return mostly(values(samples, col), v -> parser.parseDateTime(v) != null);
    }

    private static boolean datesOnlyFit(List<List<String>> samples, int col) {
        return mostly(values(samples, col), v -> DateParser.known().parseDateAndTime(v, "0:00") != null);
    }

    private static boolean timesFit(List<List<String>> samples, int col) {
        return mostly(values(samples, col), v -> DateParser.known().parseDateAndTime("2000-01-01", v) != null);
    }

    private static boolean numbersFit(List<List<String>> samples, int col, double limit) {
        return mostly(values(samples, col), v -> {
            try {
                double d = Double.parseDouble(v);
                return d >= -limit && d <= limit;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }
}
