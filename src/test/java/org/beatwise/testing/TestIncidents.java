package org.beatwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;

/**
 * The one generator of made-up incidents for tests. Every shape is seeded ({@value #DEFAULT_SEED} unless
 * a test names another seed), so the same call gives the same rows on every machine. Fixtures that do
 * more than generate ({@link CrimeDemo} imports into a station, {@link SmallModels} trains a forest and
 * finds hotspots) take their rows from here.
 *
 * <p>A test that only needs a realistic Boston export should use the product's
 * {@link org.beatwise.importing.SyntheticGenerator} instead.
 */
public final class TestIncidents {

    public static final long DEFAULT_SEED = 42;

    private static final AtomicInteger HAND_MADE = new AtomicInteger();

    private TestIncidents() { }

    // ---- learnable crime types ----

    /** {@link #crimeTypes(int, long)} with the default seed. */
    public static List<Incident> crimeTypes(int n) {
        return crimeTypes(n, DEFAULT_SEED);
    }

    /**
     * {@code n} incidents over 2020 with fourteen offence types "TYPE A" … "TYPE N" in a skew (a clear
     * majority class and a tail), each type drifting a little north with its index and the odd ones more
     * often at night. A model does better than the baselines on it but, as on real data, far from perfectly.
     * Codes are 600 + type, groups "Group one" (A–G) and "Group two"; ids "D0", "D1", ….
     */
    public static List<Incident> crimeTypes(int n, long seed) {
        Random r = new Random(seed);
        List<Incident> rows = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            int type = skewedType(r);
            double lat = 42.27 + type * 0.002 + r.nextGaussian() * 0.008;
            double lon = -71.09 + r.nextGaussian() * 0.008;
            int hour = type % 2 == 1 && r.nextDouble() < 0.6 ? (20 + r.nextInt(8)) % 24 : 8 + r.nextInt(10);
            LocalDateTime t = start.plusDays(r.nextInt(365)).withHour(hour).withMinute(r.nextInt(60));
            rows.add(new Incident("D" + i, t, lat, lon, "TYPE " + (char) ('A' + type), "" + (600 + type),
                    type < 7 ? "Group one" : "Group two", "B3", i + 2));
        }
        return rows;
    }

    /** {@link #compactCrimeTypes(int, long)} with the default seed. */
    public static List<Incident> compactCrimeTypes(int n) {
        return compactCrimeTypes(n, DEFAULT_SEED);
    }

    /**
     * {@code n} incidents over 2020 with the same fourteen skewed types as {@link #crimeTypes(int, long)},
     * packed tighter (about 400 m) around northern Mattapan and spread evenly over the hours, labelled
     * "TYPE 0" … "TYPE 13" with code = type and group "G"; ids "I0", "I1", ….
     */
    public static List<Incident> compactCrimeTypes(int n, long seed) {
        Random r = new Random(seed);
        List<Incident> rows = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            int type = skewedType(r);
            double lat = 42.30 + type * 0.002 + r.nextGaussian() * 0.004;
            double lon = -71.08 + r.nextGaussian() * 0.004;
            LocalDateTime t = start.plusMinutes(r.nextInt(60 * 24 * 365));
            rows.add(new Incident("I" + i, t, lat, lon, "TYPE " + type, "" + type, "G", "B3", i + 2));
        }
        return List.copyOf(rows);
    }

    /** One of fourteen types 0 … 13, exponentially skewed towards 0. */
    private static int skewedType(Random r) {
        return Math.min(13, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3));
    }

    /** {@link #noiseTheftOther(int, long)} with the default seed. */
    public static List<Incident> noiseTheftOther(int n) {
        return noiseTheftOther(n, DEFAULT_SEED);
    }

    /**
     * {@code n} incidents over 2020–2021 in three classes: night-time rows in the north are mostly
     * "NOISE", daytime rows in the south mostly "THEFT", and "OTHER" (a fifth) is scattered everywhere.
     * Ids "S0", "S1", ….
     */
    public static List<Incident> noiseTheftOther(int n, long seed) {
        Random r = new Random(seed);
        List<Incident> rows = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            LocalDateTime at = start.plusMinutes((long) (r.nextDouble() * 2 * 365 * 24 * 60));
            boolean night = at.getHour() < 6 || at.getHour() >= 20;
            double lat = 42.28 + r.nextGaussian() * 0.01;
            double lon = -71.08 + r.nextGaussian() * 0.01;
            String offense;
            double u = r.nextDouble();
            if (u < 0.2) {
                offense = "OTHER";
            } else if (night == (lat > 42.28)) {
                offense = night ? "NOISE" : "THEFT";
            } else {
                offense = r.nextBoolean() ? "NOISE" : "THEFT";
            }
            String code = switch (offense) {
                case "NOISE" -> "3304";
                case "THEFT" -> "619";
                default -> "2660";
            };
            rows.add(new Incident("S" + i, at, lat, lon, offense, code, offense.toLowerCase(Locale.ROOT), "B3", i + 2));
        }
        return rows;
    }

    // ---- places ----

    /** {@link #fourCentres(int, long)} with the default seed. */
    public static List<Incident> fourCentres(int n) {
        return fourCentres(n, DEFAULT_SEED);
    }

    /**
     * {@code n} incidents over 2017–2018, taken in turn from four tight clusters (80 m standard
     * deviation) in Mattapan, at (0, 0), (1200, 300), (-800, 900) and (400, -1100) metres east and north
     * of 42.30 N, 71.09 W. Every fifth is "ROBBERY - STREET", the rest "VANDALISM"; ids "D0", "D1", ….
     */
    public static List<Incident> fourCentres(int n, long seed) {
        Random random = new Random(seed);
        LocalProjection p = new LocalProjection(42.30, -71.09);
        double[][] centres = {{0, 0}, {1200, 300}, {-800, 900}, {400, -1100}};
        List<Incident> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % centres.length];
            LatLon at = p.toLatLon(c[0] + random.nextGaussian() * 80, c[1] + random.nextGaussian() * 80);
            LocalDateTime when = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(730)).atTime(random.nextInt(24), 15);
            String offence = i % 5 == 0 ? "ROBBERY - STREET" : "VANDALISM";
            out.add(new Incident("D" + i, when, at.lat(), at.lon(), offence, "0", offence, "B3", i + 2));
        }
        return out;
    }

    // ---- hand-made ----

    /** One incident at a place and time ({@code 2018-01-01T12:00} form), group "{offense} group", id "T…". */
    public static Incident at(double lat, double lon, String when, String offense) {
        return new Incident("T" + HAND_MADE.getAndIncrement(), LocalDateTime.parse(when), lat, lon, offense, "0",
                offense + " group", "B3", 0);
    }

    /** One vandalism at a place, at noon on 2018-01-01. */
    public static Incident at(double lat, double lon) {
        return at(lat, lon, "2018-01-01T12:00", "VANDALISM");
    }

    // ---- files ----

    /**
     * Writes the rows as a BPD-style CSV export (INCIDENT_NUMBER, OFFENSE_CODE, …, Lat, Long, STREET), the
     * schema the importer detects without a mapping, creating the parent directory; returns {@code file}.
     */
    public static Path writeCsv(Path file, List<Incident> rows) {
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder b = new StringBuilder(
                "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_CODE_GROUP,OFFENSE_DESCRIPTION,DISTRICT,OCCURRED_ON_DATE,Lat,Long,STREET\n");
        for (Incident i : rows) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.6f,%.6f,BLUE HILL AVE%n", i.incidentId(), i.offenseCode(),
                    i.offenseGroup(), i.offense(), i.district(), fmt.format(i.occurredAt()), i.lat(), i.lon()));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
