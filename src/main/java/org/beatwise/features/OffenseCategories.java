package org.beatwise.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The analyst's map from offence description or code to a broad category (violent, property, …).
 *
 * <p>The file has two columns, {@code key,category}. A key is an offence description, a single
 * offence code ({@code 3301}) or an inclusive code range ({@code 600-699}). A description wins over
 * a code, a single code over a range, and a narrower range over a wider one, so the map can state a
 * rule by range and carve out exceptions. Codes are compared as numbers (BPD files disagree about
 * leading zeros) and descriptions after {@link #normalise(String)}, so mojibake such as
 * "PROPERTY åÊDAMAGE" still matches "PROPERTY DAMAGE".
 */
public final class OffenseCategories {

    public static final String OTHER = "other";
    public static final String RESOURCE = "/lib-data/offense-categories.csv";

    private record Range(int from, int to, String category) { }

    private final Map<String, String> byDescription = new HashMap<>();
    private final Map<Integer, String> byCode = new HashMap<>();
    private final List<Range> ranges = new ArrayList<>();
    private final TreeSet<String> categories = new TreeSet<>();

    private OffenseCategories() { }

    /** The map shipped with Beatwise. */
    public static OffenseCategories load() {
        try (InputStream in = OffenseCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("category map " + RESOURCE + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a map; lines starting with '#' are comments. Errors name the source and line. */
    public static OffenseCategories read(Reader reader, String source) throws IOException {
        OffenseCategories map = new OffenseCategories();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(reader)) {
            for (CSVRecord rec : parser) {
                if (rec.size() < 2 || rec.get(0).isBlank() || rec.get(1).isBlank()) {
                    throw new IllegalArgumentException(source + " line " + parser.getCurrentLineNumber()
                            + ": expected 'key,category'");
                }
                map.add(rec.get(0).trim(), rec.get(1).trim().toLowerCase(Locale.ROOT));
            }
        }
        map.ranges.sort(Comparator.comparingInt((Range r) -> r.to - r.from));
        map.categories.add(OTHER);
        return map;
    }

    private void add(String key, String category) {
        categories.add(category);
        if (key.matches("\\d+")) {
            byCode.put(Integer.parseInt(key), category);
        } else if (key.matches("\\d+\\s*-\\s*\\d+")) {
            String[] parts = key.split("-");
            ranges.add(new Range(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), category));
        } else {
            byDescription.put(normalise(key), category);
        }
    }

    /** The category for an offence, or empty when no line of the map matches. */
    public Optional<String> lookup(String description, String code) {
        if (description != null) {
            String hit = byDescription.get(normalise(description));
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Integer number = parseCode(code);
        if (number != null) {
            String hit = byCode.get(number);
            if (hit != null) {
                return Optional.of(hit);
            }
            for (Range r : ranges) {
                if (number >= r.from && number <= r.to) {
                    return Optional.of(r.category);
                }
            }
        }
        return Optional.empty();
    }

    /** Every category the map can give, plus {@link #OTHER}, sorted. */
    public List<String> categories() {
        return List.copyOf(categories);
    }

    /** Upper case, anything outside printable ASCII turned into a space, runs of spaces collapsed. */
    public static String normalise(String description) {
        String ascii = description.toUpperCase(Locale.ROOT).replaceAll("[^\\x20-\\x7E]", " ");
        return ascii.replaceAll(" +", " ").trim();
    }

    private static Integer parseCode(String code) {
        if (code == null) {
            return null;
        }
        String digits = code.trim();
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(digits);
    }
}
