package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/**
 * Property tests of the parsers with arbitrary bytes and rows (bounded sizes, seed 42): they return
 * a result or throw our own clear exception, never anything else, and a failed import leaves no
 * dataset behind. Plain seeded loops rather than a property-testing library: jqwik 1.10 asks AI agents,
 * who write part of this code, not to use it, and these properties need no shrinking to read.
 */
class ParserPropertiesTest {

    private static final long SEED = 42;
    private static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long,STREET\n";

    private static Path dir;
    private static Services services;
    private static int n;

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("beatwise-properties");
        services = new Services(new DataHome(dir.resolve("home")), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() throws IOException {
        services.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs {@code property} on {@code tries} inputs drawn from {@code input}; a failure names the try. */
    private static <T> void forAll(int tries, Function<Random, T> input, Consumer<T> property) {
        Random random = new Random(SEED);
        for (int t = 0; t < tries; t++) {
            T value = input.apply(random);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + t + " (seed " + SEED + ") failed: " + e, e);
            }
        }
    }

    private static byte[] bytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** Any characters, weighted towards the ones parsers treat specially. */
    private static String text(Random r, int max) {
        String special = "0123456789.-:/ ,\"\r\n'=@+aZé\u0000\uFEFF";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            b.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x3000) : special.charAt(r.nextInt(special.length())));
        }
        return b.toString();
    }

    private static <T> T oneOf(Random r, List<T> choices) {
        return choices.get(r.nextInt(choices.size()));
    }

    private static <T> List<T> listOf(Random r, int max, Function<Random, T> item) {
        List<T> out = new ArrayList<>();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            out.add(item.apply(r));
        }
        return out;
    }

    private static List<List<String>> rows(Random r) {
        List<String> usual = List.of("42.3", "-71.1", "2016-01-01 10:00:00", "619", "LARCENY", "\"", "\"\"", "", "-1", "NaN");
        return listOf(r, 20, rr -> listOf(rr, 10, c -> c.nextBoolean() ? text(c, 20) : oneOf(c, usual)));
    }

    private static Path write(byte[] bytes) {
        try {
            Path f = dir.resolve("p" + (n++) + ".csv");
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the reader; only a result or an ImportException with a message naming the file may come out. */
    private static void readOrRefuse(Path f) {
        try {
            new IncidentReader(ImportOptions.defaults()).read(f, DuplicateFilter.empty(), row -> { }, Progress.NONE);
        } catch (ImportException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().startsWith(f.getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void arbitraryBytesAreReadOrRefusedClearly() {
        forAll(200, r -> bytes(r, 2_000), bytes -> readOrRefuse(write(bytes)));
    }

    @Test
    void arbitraryRowsAreReadOrRefusedClearly() {
        forAll(200, ParserPropertiesTest::rows, rows -> {
            StringBuilder b = new StringBuilder(HEADER);
            for (List<String> row : rows) {
                b.append(String.join(",", row)).append('\n');
            }
            readOrRefuse(write(b.toString().getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void datesParseOrGiveNull() {
        DateParser known = DateParser.known();
        forAll(300, r -> List.of(text(r, 40), text(r, 12)), t -> {
            known.parseDateTime(t.get(0));
            known.parseDateAndTime(t.get(0), t.get(1));
        });
    }

    @Test
    void datePatternsAreAcceptedOrRefusedWithAMessage() {
        forAll(200, r -> List.of(text(r, 20), text(r, 30)), t -> {
            DateParser p;
            try {
                p = DateParser.of(t.get(0));
            } catch (IllegalArgumentException e) {
                assertNotNull(e.getMessage());
                assertFalse(e.getMessage().isBlank());
                return;
            }
            p.parseDateTime(t.get(1));
        });
    }

    private record Sample(List<String> headers, List<List<String>> samples) { }

    @Test
    void mappingGuessesNeverThrow() {
        forAll(300, r -> new Sample(listOf(r, 30, c -> text(c, 15)), listOf(r, 5, rr -> listOf(rr, 30, c -> text(c, 15)))), s -> {
            MappingGuesser.MappingProposal p = MappingGuesser.guess(s.headers(), s.samples());
            assertNotNull(p);
            p.toMapping().ifPresent(m -> m.resolve(s.headers()));
        });
    }

    @Test
    void arbitraryGeoJsonBytesAreReadOrRefusedClearly() {
        forAll(200, r -> bytes(r, 2_000), ParserPropertiesTest::geoJsonOrRefuse);
    }

    @Test
    void arbitraryGeoJsonStructuresAreReadOrRefusedClearly() {
        forAll(200, ParserPropertiesTest::geojson, json -> geoJsonOrRefuse(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String geojson(Random r) {
        List<String> numbers = List.of("0", "1", "-71.1", "42.3", "999999", "\"x\"", "null", "[]", "{}");
        Function<Random, String> position = p -> "[" + String.join(",", listOf(p, 3, c -> oneOf(c, numbers))) + "]";
        Function<Random, String> ring = p -> "[" + String.join(",", listOf(p, 6, position)) + "]";
        Function<Random, String> coords = p -> "[" + String.join(",", listOf(p, 3, ring)) + "]";
        Function<Random, String> geometry = p -> {
            String type = oneOf(p, List.of("Polygon", "MultiPolygon", "Point", "", "LineString"));
            String c = coords.apply(p);
            return "{\"type\":\"" + type + "\",\"coordinates\":" + (type.equals("MultiPolygon") ? "[" + c + "]" : c) + "}";
        };
        Function<Random, String> feature = p -> {
            String g = p.nextInt(4) == 0 ? oneOf(p, List.of("null", "7", "\"g\"")) : geometry.apply(p);
            String props = oneOf(p, List.of("{\"name\":\"A\"}", "{}", "null", "{\"name\":null}", "{\"name\":[1]}"));
            return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":" + g + "}";
        };
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", listOf(r, 5, feature)) + "]}";
    }

    private static void geoJsonOrRefuse(byte[] bytes) {
        try {
            assertFalse(GeoJsonAreas.read(new ByteArrayInputStream(bytes), "g.geojson", "name").isEmpty());
        } catch (ImportException e) {
            assertTrue(e.getMessage().startsWith("g.geojson"), e.getMessage());
        }
    }

    private record Damaged(List<List<String>> rows, byte[] tail) { }

    @Test
    void aFailedImportLeavesNoDataset() {
        forAll(30, r -> new Damaged(rows(r), bytes(r, 300)), d -> importOrLeaveNothing(d.rows(), d.tail()));
    }

    private static void importOrLeaveNothing(List<List<String>> rows, byte[] tail) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            b.append("I").append(i).append(",619,LARCENY,2016-01-01 10:00:00,42.3,-71.1,RIVER ST\n");
        }
        for (List<String> row : rows) {
            b.append(String.join(",", row)).append('\n');
        }
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Path good = write(HEADER.concat("G1,619,LARCENY,2016-01-01 10:00:00,42.3,-71.1,RIVER ST\n").getBytes(StandardCharsets.UTF_8));
        Path f = write(all);
        String dataset = "prop" + n;
        try {
            services.imports().importFiles("alice", new ImportRequest(List.of(good, f), dataset, ImportOptions.defaults(), false),
                    Progress.NONE);
            assertTrue(services.datasets().dataset(dataset).isPresent());
        } catch (ImportException e) {
            assertTrue(e.getMessage().startsWith(f.getFileName().toString()), e.getMessage());
            assertFalse(services.datasets().dataset(dataset).isPresent(), "a failed import left dataset " + dataset);
            assertEquals(List.of(), new ArrayList<>(services.datasets().datasetNames()).stream().filter(dataset::equalsIgnoreCase).toList());
        }
    }
}
