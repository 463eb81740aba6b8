package org.beatwise.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.task.Progress;
import org.beatwise.store.Database;
import org.beatwise.testing.SocketAudit;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One station, two programs: this JVM holds the data home open as the desktop app does, while a real
 * second JVM runs the command line on it; both see each other's work, and the only socket that sharing
 * opens listens on loopback.
 */
class OneStationTest {

    private static final String LISTEN = "state=0A";

    @TempDir
    Path dir;

    @Test
    void theCommandLineImportsWhileTheAppHoldsTheDataHome() throws Exception {
        Path home = dir.resolve("station");
        Path csv = TestIncidents.writeCsv(dir.resolve("night.csv"), TestIncidents.crimeTypes(300));
        try (Services app = new Services(new DataHome(home), Clock.systemUTC())) {
            assertTrue(app.datasets().datasets().isEmpty());

            Run imported = cli(home, "import", csv.toString(), "--dataset", "nightly");
            assertEquals(0, imported.exit, imported.output);

            // the app sees the other program's import without reopening
            DatasetInfo nightly = app.datasets().dataset("nightly").orElseThrow(() -> new AssertionError(imported.output));
            assertEquals(300, nightly.rows());

            // and the other program sees what the app wrote meanwhile
            Path other = TestIncidents.writeCsv(dir.resolve("day.csv"), TestIncidents.crimeTypes(50, 7));
            app.imports().importFiles("app", new ImportRequest(List.of(other), "from-app", ImportOptions.defaults(), false),
                    Progress.NONE);
            Run listed = cli(home, "datasets", "--json");
            assertEquals(0, listed.exit, listed.output);
            assertTrue(listed.output.contains("\"from-app\"") && listed.output.contains("\"nightly\""), listed.output);

            List<String> sockets = SocketAudit.ownInetSockets();
            List<String> listening = sockets.stream().filter(s -> s.contains(LISTEN)).toList();
            assertFalse(listening.isEmpty(), "the first program serves the data home: " + sockets);
            for (String s : listening) {
                assertTrue(SocketAudit.isLoopbackListener(s), "a listening socket not bound to " + Database.LOOPBACK + ": " + s);
            }
        }
    }

    @Test
    void whenTheProgramServingTheDataHomeEndsTheOtherCarriesOn() throws Exception {
        Path home = org.beatwise.testing.TestHomes.station(dir.resolve("handover"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the other program opens first, so it serves the data home and this JVM is its client
        Process first = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                org.beatwise.testing.HoldDataHome.class.getName(), home.toString())).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        try (Services app = new Services(new DataHome(home), Clock.systemUTC())) {
            assertTrue(SocketAudit.ownInetSockets().stream().noneMatch(s -> s.contains(LISTEN)), "a client does not listen");
            Path csv = TestIncidents.writeCsv(dir.resolve("before.csv"), TestIncidents.crimeTypes(40, 3));
            app.imports().importFiles("app", new ImportRequest(List.of(csv), "before", ImportOptions.defaults(), false),
                    Progress.NONE);

            first.getOutputStream().close();
            assertTrue(first.waitFor(2, TimeUnit.MINUTES));

            // the server is gone: the next statements reconnect, this JVM now serves the file itself
            assertEquals(40, app.datasets().dataset("before").orElseThrow().rows());
            Path more = TestIncidents.writeCsv(dir.resolve("after.csv"), TestIncidents.crimeTypes(30, 4));
            app.imports().importFiles("app", new ImportRequest(List.of(more), "after", ImportOptions.defaults(), false),
                    Progress.NONE);
            assertEquals(List.of("after", "before"), app.datasets().datasetNames());
        }
    }

    private record Run(int exit, String output) { }

    private static Run cli(Path home, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.beatwise.app.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--home", home.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the command did not end: " + output);
        return new Run(p.exitValue(), output);
    }
}
