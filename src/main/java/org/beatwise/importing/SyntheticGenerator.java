package org.beatwise.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;

/**
 * Writes SYNTHETIC incidents in the Boston Police Department export schema, for demos and benchmarks.
 * Nothing is copied from real data: 26 offence types with a skewed frequency, each with its own daily
 * and weekly rhythm, clustered around 14 neighbourhood centres of Boston plus a diffuse background,
 * and a few rows of every kind the importer drops. Incident numbers start with "SYN" so the rows can
 * never be mistaken for real reports.
 *
 * <p>Uses {@link java.util.Random}, whose algorithm the JDK specifies, and formats numbers by hand
 * (no locale), so the same settings give the same bytes on every machine.
 */
public final class SyntheticGenerator {

    public static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_CODE_GROUP,OFFENSE_DESCRIPTION,DISTRICT,"
            + "REPORTING_AREA,SHOOTING,OCCURRED_ON_DATE,YEAR,MONTH,DAY_OF_WEEK,HOUR,UCR_PART,STREET,Lat,Long,Location";

    /** Hour-of-day weights 0…23. */
    private enum Daily {
        NIGHT(2, 2, 2, 1.5, 1, .6, .4, .4, .5, .6, .7, .8, .9, .9, 1, 1, 1.1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.2),
        DAY(.2, .1, .1, .1, .1, .2, .4, .7, 1.2, 1.6, 1.9, 2, 2.1, 2.1, 2, 2, 1.9, 1.7, 1.4, 1, .7, .5, .4, .3),
        COMMUTE(.3, .2, .2, .2, .3, .6, 1.3, 2.2, 2.4, 1.6, 1.2, 1.2, 1.4, 1.4, 1.5, 1.9, 2.4, 2.5, 2, 1.3, .9, .7, .5, .4),
        EVENING(.9, .7, .5, .3, .2, .2, .3, .4, .5, .6, .7, .8, .9, 1, 1.1, 1.3, 1.5, 1.8, 2, 2.1, 2.1, 1.9, 1.6, 1.2),
        FLAT(.6, .5, .4, .4, .4, .5, .7, .9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1, 1, .9, .8, .7);

        final double[] cumulative;

        Daily(double... w) {
            cumulative = cumulative(w);
        }
    }

    /** Day-of-week weights Monday…Sunday. */
    private enum Weekly {
        WEEKEND(.8, .75, .8, .9, 1.3, 1.6, 1.3),
        WEEKDAY(1.2, 1.2, 1.2, 1.2, 1.1, .6, .5),
        FLAT(1, 1, 1, 1, 1.05, 1, .95);

        final double[] weight;
        final double max;

        Weekly(double... w) {
            weight = w;
            max = java.util.Arrays.stream(w).max().orElse(1);
        }
    }

    private record Offence(String code, String group, String description, String ucr, double weight,
                           Daily daily, Weekly weekly, boolean commercial, double shootingShare) {
    }

    private record Centre(String name, double lat, double lon, double sigmaMetres, String district, double weight,
                          boolean commercial) {
    }

    private static final List<Offence> OFFENCES = List.of(
            new Offence("3115", "Investigate Person", "INVESTIGATE PERSON", "Part Three", 9, Daily.FLAT, Weekly.FLAT, false, 0),
            new Offence("3831", "Motor Vehicle Accident Response", "M/V - LEAVING SCENE - PROPERTY DAMAGE", "Part Three", 7, Daily.COMMUTE, Weekly.WEEKDAY, true, 0),
            new Offence("3301", "Verbal Disputes", "VERBAL DISPUTE", "Part Three", 6, Daily.EVENING, Weekly.WEEKEND, false, 0),
            new Offence("3006", "Medical Assistance", "SICK/INJURED/MEDICAL - PERSON", "Part Three", 6, Daily.DAY, Weekly.FLAT, true, 0),
            new Offence("1402", "Vandalism", "VANDALISM", "Part Two", 5, Daily.NIGHT, Weekly.WEEKEND, false, 0),
            new Offence("3114", "Investigate Property", "INVESTIGATE PROPERTY", "Part Three", 5, Daily.DAY, Weekly.FLAT, false, 0),
            new Offence("619", "Larceny", "LARCENY ALL OTHERS", "Part One", 5, Daily.DAY, Weekly.FLAT, true, 0),
            new Offence("613", "Larceny", "LARCENY SHOPLIFTING", "Part One", 4, Daily.DAY, Weekly.FLAT, true, 0),
            new Offence("3410", "Towed", "TOWED MOTOR VEHICLE", "Part Three", 4, Daily.COMMUTE, Weekly.WEEKDAY, true, 0),
            new Offence("802", "Simple Assault", "ASSAULT SIMPLE - BATTERY", "Part Two", 4, Daily.NIGHT, Weekly.WEEKEND, false, 0),
            new Offence("3201", "Property Lost", "PROPERTY - LOST", "Part Three", 3, Daily.DAY, Weekly.FLAT, true, 0),
            new Offence("1106", "Fraud", "FRAUD - CREDIT CARD / ATM FRAUD", "Part Two", 3, Daily.DAY, Weekly.WEEKDAY, true, 0),
            new Offence("2647", "Other", "THREATS TO DO BODILY HARM", "Part Two", 3, Daily.EVENING, Weekly.FLAT, false, 0),
            new Offence("3803", "Motor Vehicle Accident Response", "M/V ACCIDENT - PERSONAL INJURY", "Part Three", 2.5, Daily.COMMUTE, Weekly.WEEKDAY, false, 0),
            new Offence("724", "Auto Theft", "AUTO THEFT", "Part One", 2, Daily.NIGHT, Weekly.FLAT, false, 0),
            new Offence("614", "Larceny From Motor Vehicle", "LARCENY THEFT FROM MV - NON-ACCESSORY", "Part One", 2, Daily.NIGHT, Weekly.FLAT, false, 0),
            new Offence("520", "Residential Burglary", "BURGLARY - RESIDENTIAL - FORCE", "Part One", 2, Daily.DAY, Weekly.WEEKDAY, false, 0),
            new Offence("423", "Aggravated Assault", "ASSAULT - AGGRAVATED - BATTERY", "Part One", 2, Daily.NIGHT, Weekly.WEEKEND, false, 0),
            new Offence("1831", "Drug Violation", "SICK ASSIST - DRUG RELATED ILLNESS", "Part Two", 1.5, Daily.DAY, Weekly.FLAT, true, 0),
            new Offence("2629", "Harassment", "HARASSMENT", "Part Two", 1.5, Daily.EVENING, Weekly.FLAT, false, 0),
            new Offence("301", "Robbery", "ROBBERY - STREET", "Part One", 1, Daily.NIGHT, Weekly.WEEKEND, true, 0),
            new Offence("2900", "Violations", "VAL - VIOLATION OF AUTO LAW", "Part Two", 1, Daily.COMMUTE, Weekly.WEEKDAY, false, 0),
            new Offence("3502", "Missing Person Located", "MISSING PERSON - LOCATED", "Part Three", .8, Daily.FLAT, Weekly.FLAT, false, 0),
            new Offence("1102", "Fraud", "FRAUD - FALSE PRETENSE / SCHEME", "Part Two", .8, Daily.DAY, Weekly.WEEKDAY, false, 0),
            new Offence("2662", "Liquor Violation", "LIQUOR - DRINKING IN PUBLIC", "Part Two", .7, Daily.EVENING, Weekly.WEEKEND, true, 0),
            new Offence("413", "Aggravated Assault", "ASSAULT - AGGRAVATED", "Part One", .4, Daily.NIGHT, Weekly.WEEKEND, false, .5));

    private static final List<Centre> CENTRES = List.of(
            new Centre("Downtown Crossing", 42.3555, -71.0605, 350, "A1", 10, true),
            new Centre("Copley", 42.3496, -71.0776, 400, "D4", 8, true),
            new Centre("Nubian Square", 42.3294, -71.0838, 400, "B2", 9, false),
            new Centre("Grove Hall", 42.3080, -71.0800, 450, "B2", 6, false),
            new Centre("Mattapan Square", 42.2676, -71.0923, 400, "B3", 6, false),
            new Centre("Codman Square", 42.2904, -71.0713, 450, "C11", 6, false),
            new Centre("Fields Corner", 42.3003, -71.0617, 400, "C11", 5, false),
            new Centre("Broadway", 42.3353, -71.0493, 450, "C6", 4, true),
            new Centre("Hyde Square", 42.3190, -71.1100, 500, "E13", 4, false),
            new Centre("Maverick Square", 42.3690, -71.0395, 400, "A7", 4, false),
            new Centre("Union Square Allston", 42.3530, -71.1330, 450, "D14", 4, true),
            new Centre("Cleary Square", 42.2560, -71.1240, 450, "E18", 3, false),
            new Centre("City Square", 42.3770, -71.0610, 350, "A15", 2, false),
            new Centre("Roslindale Square", 42.2870, -71.1290, 400, "E5", 2, true));

    private static final String[] STREETS = {"WASHINGTON ST", "BLUE HILL AVE", "DORCHESTER AVE", "CENTRE ST",
        "COLUMBIA RD", "TREMONT ST", "MASSACHUSETTS AVE", "BOYLSTON ST", "COMMONWEALTH AVE", "HARRISON AVE",
        "RIVER ST", "HYDE PARK AVE", "GENEVA AVE", "WARREN ST", "MORTON ST", "BROADWAY", "MERIDIAN ST",
        "CAMBRIDGE ST", "SOUTH ST", "HUNTINGTON AVE", "BEACON ST", "SUMMER ST", "NORFOLK ST", "GALLIVAN BLVD",
        "AMERICAN LEGION HWY", "HANCOCK ST", "BOWDOIN ST", "DUDLEY ST", "ADAMS ST", "CUMMINS HWY"};

    /** Share of incidents spread over the city rather than around a centre. */
    private static final double BACKGROUND = 0.1;
    private static final double SOUTH = 42.235;
    private static final double NORTH = 42.395;
    private static final double WEST = -71.170;
    private static final double EAST = -71.005;
    private static final int BAD_KINDS = 10;

    private static final double[] OFFENCE_CUMULATIVE = cumulative(OFFENCES.stream().mapToDouble(Offence::weight).toArray());
    private static final double[] CENTRE_CUMULATIVE = cumulative(CENTRES.stream().mapToDouble(Centre::weight).toArray());
    private static final double[] COMMERCIAL_CUMULATIVE = cumulative(CENTRES.stream()
            .mapToDouble(c -> c.weight() * (c.commercial() ? 3 : 1)).toArray());

    private SyntheticGenerator() { }

    /** Number of offence types written. */
    public static int offenceTypes() {
        return OFFENCES.size();
    }

    public static void write(GeneratorSettings settings, Path out, Progress progress) {
        try (OutputStream os = Files.newOutputStream(out)) {
            write(settings, os, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    public static void write(GeneratorSettings s, OutputStream out, Progress progress) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Random rnd = new Random(s.seed());
        w.write(HEADER);
        w.write('\n');
        long perKind = s.badRows() && s.rows() >= 100 ? Math.max(1, Math.min(20, s.rows() / 5000)) : 0;
        long bad = perKind * BAD_KINDS;
        long step = bad == 0 ? Long.MAX_VALUE : s.rows() / (bad + 1);
        long badWritten = 0;
        StringBuilder line = new StringBuilder(256);
        String lastGood = null;
        for (long i = 0; i < s.rows(); i++) {
            line.setLength(0);
            if (badWritten < bad && i % step == step - 1 && lastGood != null) {
                badRow(line, (int) (badWritten % BAD_KINDS), i, s, rnd, lastGood);
                badWritten++;
            } else {
                goodRow(line, i, s, rnd);
                lastGood = line.toString();
            }
            w.append(line).append('\n');
            if ((i & 0x3FFF) == 0) {
                progress.update(i, s.rows(), "generating: " + i + " rows");
                progress.checkCancelled();
            }
        }
        w.flush();
        progress.update(s.rows(), s.rows(), "generated " + s.rows() + " rows");
    }

    private static void goodRow(StringBuilder b, long index, GeneratorSettings s, Random rnd) {
        Offence o = OFFENCES.get(pick(OFFENCE_CUMULATIVE, rnd));
        double lat;
        double lon;
        Centre c;
        if (rnd.nextDouble() < BACKGROUND) {
            lat = SOUTH + rnd.nextDouble() * (NORTH - SOUTH);
            lon = WEST + rnd.nextDouble() * (EAST - WEST);
            c = nearest(lat, lon);
        } else {
            c = CENTRES.get(pick(o.commercial() ? COMMERCIAL_CUMULATIVE : CENTRE_CUMULATIVE, rnd));
            lat = c.lat() + rnd.nextGaussian() * c.sigmaMetres() / 111_320.0;
            lon = c.lon() + rnd.nextGaussian() * c.sigmaMetres() / (111_320.0 * Math.cos(Math.toRadians(c.lat())));
        }
        LocalDate day;
        do {
            day = s.start().plusDays(rnd.nextInt(s.days()));
        } while (rnd.nextDouble() * o.weekly().max > o.weekly().weight[day.getDayOfWeek().getValue() - 1]);
        int hour = pick(o.daily().cumulative, rnd);
        int minute = rnd.nextInt(10) < 3 ? 0 : rnd.nextInt(60); // reports cluster on the full hour
        boolean shooting = o.shootingShare() > 0 && rnd.nextDouble() < o.shootingShare();
        String street = STREETS[rnd.nextInt(STREETS.length)];
        int area = 100 + CENTRES.indexOf(c) * 40 + rnd.nextInt(40);
        row(b, index, o, c.district(), area, shooting, day, hour, minute, street, lat, lon);
    }

    private static void row(StringBuilder b, long index, Offence o, String district, int area, boolean shooting,
                            LocalDate day, int hour, int minute, String street, double lat, double lon) {
        b.append("SYN");
        pad(b, index + 1, 9);
        b.append(',').append(o.code()).append(',').append(o.group()).append(',').append(o.description())
                .append(',').append(district).append(',').append(area).append(',').append(shooting ? '1' : '0').append(',');
        dateTime(b, day, hour, minute);
        b.append(',').append(day.getYear()).append(',').append(day.getMonthValue()).append(',')
                .append(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US)).append(',').append(hour)
                .append(',').append(o.ucr()).append(',').append(street).append(',');
        coord(b, lat);
        b.append(',');
        coord(b, lon);
        b.append(",\"(");
        coord(b, lat);
        b.append(", ");
        coord(b, lon);
        b.append(")\"");
    }

    /** One row the importer must drop; kinds cycle so each appears about equally often. */
    private static void badRow(StringBuilder b, int kind, long index, GeneratorSettings s, Random rnd, String lastGood) {
        Offence o = OFFENCES.get(pick(OFFENCE_CUMULATIVE, rnd));
        Centre c = CENTRES.get(pick(CENTRE_CUMULATIVE, rnd));
        LocalDate day = s.start().plusDays(rnd.nextInt(s.days()));
        int hour = rnd.nextInt(24);
        switch (kind) {
            case 0 -> { // no coordinates
                row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", 0, 0);
                b.setLength(b.length() - ",0.000000,0.000000,\"(0.000000, 0.000000)\"".length());
                b.append(",,,");
            }
            case 1 -> row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", -1, -1);
            case 2 -> row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", 0, 0);
            case 3 -> row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", 142.35, -71.06);
            case 4 -> row(b, index, new Offence(o.code(), o.group(), "", o.ucr(), 0, o.daily(), o.weekly(), false, 0),
                    c.district(), 100, false, day, hour, 0, "UNKNOWN", c.lat(), c.lon());
            case 5 -> { // date missing
                row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", c.lat(), c.lon());
                replaceDate(b, "");
            }
            case 6 -> { // date that no calendar has
                row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", c.lat(), c.lon());
                replaceDate(b, "2023-02-30 25:61:00");
            }
            case 7 -> b.append(lastGood); // exact duplicate of the row before
            case 8 -> { // a field short
                row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", c.lat(), c.lon());
                b.setLength(b.indexOf(",\"("));
            }
            default -> { // coordinates that are not numbers
                row(b, index, o, c.district(), 100, false, day, hour, 0, "UNKNOWN", 0, 0);
                b.setLength(b.length() - ",0.000000,0.000000,\"(0.000000, 0.000000)\"".length());
                b.append(",N/A,N/A,");
            }
        }
    }

    private static void replaceDate(StringBuilder b, String replacement) {
        int comma = 0;
        int start = -1;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == ',' && ++comma == 7) {
                start = i + 1;
                break;
            }
        }
        int end = b.indexOf(",", start);
        b.replace(start, end, replacement);
    }

    private static Centre nearest(double lat, double lon) {
        Centre best = CENTRES.get(0);
        double bestD = Double.MAX_VALUE;
        double k = Math.cos(Math.toRadians(42.32));
        for (Centre c : CENTRES) {
            double dy = c.lat() - lat;
            double dx = (c.lon() - lon) * k;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static void dateTime(StringBuilder b, LocalDate d, int hour, int minute) {
        b.append(d.getYear()).append('-');
        pad(b, d.getMonthValue(), 2);
        b.append('-');
        pad(b, d.getDayOfMonth(), 2);
        b.append(' ');
        pad(b, hour, 2);
        b.append(':');
        pad(b, minute, 2);
        b.append(":00");
    }

    /** Six decimals (about 0.1 m), written without locale or float formatting. */
    private static void coord(StringBuilder b, double v) {
        long micro = Math.round(v * 1_000_000);
        if (micro < 0) {
            b.append('-');
            micro = -micro;
        }
        b.append(micro / 1_000_000).append('.');
        pad(b, micro % 1_000_000, 6);
    }

    private static void pad(StringBuilder b, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    private static int pick(double[] cumulative, Random rnd) {
        double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            c[i] = sum;
        }
        return c;
    }

}
