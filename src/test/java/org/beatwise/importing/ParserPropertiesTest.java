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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/**
 * Property tests of the parsers with arbitrary bytes and rows (bounded sizes, fixed seed): they return
 * a result or throw our own clear exception, never anything else, and a failed import leaves no
 * dataset behind.
 */
class ParserPropertiesTest {

    private static final String SEED = "42";
    private static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long,STREET\n";

    private static Path dir;
    private static Services services;
    private static int n;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("beatwise-properties");
        services = new Services(new DataHome(dir.resolve("home")), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterContainer
    static void close() throws IOException {
        services.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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

    @Property(tries = 200, seed = SEED)
    void arbitraryBytesAreReadOrRefusedClearly(@ForAll @Size(max = 2_000) byte[] bytes) {
        readOrRefuse(write(bytes));
    }

    @Property(tries = 200, seed = SEED)
    void arbitraryRowsAreReadOrRefusedClearly(@ForAll("rows") List<List<String>> rows) {
        StringBuilder b = new StringBuilder(HEADER);
        for (List<String> row : rows) {
            b.append(String.join(",", row)).append('\n');
        }
        readOrRefuse(write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-:/ ,\"\r\n'=@+aZé").ofMaxLength(20),
                Arbitraries.of("42.3", "-71.1", "2016-01-01 10:00:00", "619", "LARCENY", "\"", "\"\"", "", "-1", "NaN"));
        return cell.list().ofMaxSize(10).list().ofMaxSize(20);
    }

    @Property(tries = 300, seed = SEED)
    void datesParseOrGiveNull(@ForAll @StringLength(max = 40) String text, @ForAll @StringLength(max = 12) String time) {
        DateParser known = DateParser.known();
        known.parseDateTime(text);
        known.parseDateAndTime(text, time);
    }

    @Property(tries = 200, seed = SEED)
    void datePatternsAreAcceptedOrRefusedWithAMessage(@ForAll @StringLength(max = 20) String pattern,
                                                     @ForAll @StringLength(max = 30) String text) {
        DateParser p;
        try {
            p = DateParser.of(pattern);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return;
        }
        p.parseDateTime(text);
    }

    @Property(tries = 300, seed = SEED)
    void mappingGuessesNeverThrow(@ForAll @Size(max = 30) List<@StringLength(max = 15) String> headers,
                                  @ForAll @Size(max = 5) List<@Size(max = 30) List<@StringLength(max = 15) String>> samples) {
        MappingGuesser.MappingProposal p = MappingGuesser.guess(headers, samples);
        assertNotNull(p);
        p.toMapping().ifPresent(m -> m.resolve(headers));
    }

    @Property(tries = 200, seed = SEED)
    void arbitraryGeoJsonBytesAreReadOrRefusedClearly(@ForAll @Size(max = 2_000) byte[] bytes) {
        geoJsonOrRefuse(bytes);
    }

    @Property(tries = 200, seed = SEED)
    void arbitraryGeoJsonStructuresAreReadOrRefusedClearly(@ForAll("geojson") String json) {
        geoJsonOrRefuse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> geojson() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "-71.1", "42.3", "999999", "\"x\"", "null", "[]", "{}");
        Arbitrary<String> position = number.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> ring = position.list().ofMaxSize(6).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> coords = ring.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> geometry = Arbitraries.of("Polygon", "MultiPolygon", "Point", "", "LineString")
                .flatMap(t -> coords.map(c -> "{\"type\":\"" + t + "\",\"coordinates\":" + (t.equals("MultiPolygon") ? "[" + c + "]" : c) + "}"));
        Arbitrary<String> feature = Arbitraries.oneOf(geometry, Arbitraries.of("null", "7", "\"g\""))
                .flatMap(g -> Arbitraries.of("{\"name\":\"A\"}", "{}", "null", "{\"name\":null}", "{\"name\":[1]}")
                        .map(p -> "{\"type\":\"Feature\",\"properties\":" + p + ",\"geometry\":" + g + "}"));
        return feature.list().ofMaxSize(5).map(l -> "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", l) + "]}");
    }

    private static void geoJsonOrRefuse(byte[] bytes) {
        try {
            assertFalse(GeoJsonAreas.read(new ByteArrayInputStream(bytes), "g.geojson", "name").isEmpty());
        } catch (ImportException e) {
            assertTrue(e.getMessage().startsWith("g.geojson"), e.getMessage());
        }
    }

    @Property(tries = 30, seed = SEED)
    void aFailedImportLeavesNoDataset(@ForAll("rows") List<List<String>> rows, @ForAll @Size(max = 300) byte[] tail) {
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
