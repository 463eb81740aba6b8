package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import killed part-way (SIGKILL, no shutdown hooks) leaves the database exactly as it was. */
class ImportKillTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void killedImportLeavesNoTrace() throws Exception {
        Path small = work.resolve("small.csv");
        Path big = work.resolve("big.csv");
        SyntheticGenerator.write(GeneratorSettings.defaults(500), small, Progress.NONE);
        SyntheticGenerator.write(GeneratorSettings.defaults(400_000).withSeed(9), big, Progress.NONE);
        try (Services s = Services.open(new DataHome(home))) {
            s.imports().importFiles("test", new ImportRequest(List.of(small), "kept", ImportOptions.defaults(), false), Progress.NONE);
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.beatwise.app.Main",
                "import", big.toString(), "--dataset", "kept", "--home", home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean midway = false;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                // wait until well into the rows: incidents are being inserted, nothing committed yet
                if (line.startsWith("[") && !line.startsWith("[0%]") && !line.startsWith("[5%]")) {
                    midway = true;
                    break;
                }
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(midway, "the child was killed while importing");

        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            DatasetInfo d = s.datasets().dataset("kept").orElseThrow();
            assertEquals(500 - 10, d.rows());
            assertEquals(1, d.files().size());
            assertEquals(500 - 10, s.datasets().incidents("kept").size());
            // and the same file imports cleanly afterwards
            ImportResult r = s.imports().importFiles("test", new ImportRequest(List.of(big), "kept", ImportOptions.defaults(), false),
                    Progress.NONE);
            assertEquals(400_000, r.total().rowsRead());
        }
    }
}
