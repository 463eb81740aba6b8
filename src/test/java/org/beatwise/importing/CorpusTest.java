package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the bad-input corpus (src/test/resources/importing/bad, listed in expected.tsv with its
 * outcome) through the real importer into a real H2: either it imports the expected number of rows, or
 * it is refused with a message naming the file and containing the expected words, and no dataset is left.
 */
class CorpusTest {

    /** One line of expected.tsv: file, then {@code imported N} or {@code refused TEXT}. */
    record Expected(String file, boolean imported, long rows, String message) {
        @Override
        public String toString() {
            return file;
        }
    }

    @TempDir
    static Path home;
    private static Services services;

    @BeforeAll
    static void open() {
        services = new Services(new DataHome(home), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        services.close();
    }

    static List<Expected> corpus() throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(BadInputTest.bad("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", 3);
            out.add(p[1].equals("imported") ? new Expected(p[0], true, Long.parseLong(p[2]), null)
                    : new Expected(p[0], false, -1, p[2]));
        }
        return out;
    }

    @Test
    void theCorpusHasFiftyFilesAndEveryOneHasAnExpectedOutcome() throws IOException {
        Set<String> listed = new TreeSet<>(corpus().stream().map(Expected::file).toList());
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(BadInputTest.bad("expected.tsv").getParent())) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("expected.tsv") && !n.equals("README.md") && !n.endsWith(".py"))
                    .forEach(present::add);
        }
        assertEquals(present, listed);
        assertTrue(listed.size() >= 50, "only " + listed.size() + " files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileHasItsExpectedOutcome(Expected x) {
        String dataset = "c-" + x.file().replaceAll("[^A-Za-z0-9]", "-");
        ImportRequest request = new ImportRequest(List.of(BadInputTest.bad(x.file())), dataset, ImportOptions.defaults(), false);
        if (x.imported()) {
            ImportResult r = services.imports().importFiles("alice", request, Progress.NONE);
            assertEquals(x.rows(), r.datasetRows(), x.file());
        } else {
            ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                    () -> services.imports().importFiles("alice", request, Progress.NONE));
            assertTrue(e.getMessage().startsWith(x.file()), e.getMessage());
            assertTrue(e.getMessage().contains(x.message()), "'" + x.message() + "' not in: " + e.getMessage());
            assertFalse(services.datasets().dataset(dataset).isPresent(), "a refused file left a dataset");
        }
    }
}
