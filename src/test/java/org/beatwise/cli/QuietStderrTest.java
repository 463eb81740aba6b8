package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run in a fresh JVM, started the way a user starts it (no -D flags, which the build's own
 * test JVM has): stderr carries only progress lines, never Weka's native-library warnings, and Weka
 * writes nothing to the user's home directory.
 */
class QuietStderrTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void trainingPrintsOnlyProgressOnStderr() throws Exception {
        Path csv = work.resolve("small.csv");
        SyntheticGenerator.write(GeneratorSettings.defaults(3000), csv, Progress.NONE);
        try (Services s = Services.open(new DataHome(home))) {
            s.imports().importFiles("test", new ImportRequest(List.of(csv), "small", ImportOptions.defaults(), false), Progress.NONE);
        }
        Path userHome = Files.createDirectories(work.resolve("user-home"));

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Duser.home=" + userHome, "-cp", System.getProperty("java.class.path"),
                "org.beatwise.app.Main", "train", "--dataset", "small", "--trees", "5", "--min-class-size", "20",
                "--home", home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);

        assertFalse(err.contains("Failed to load implementation"), err);
        assertFalse(err.contains("netlib"), err);
        for (String line : err.lines().toList()) {
            assertTrue(line.matches("\\[\\d+%] .*"), "not a progress line: " + line);
        }
        assertFalse(Files.exists(userHome.resolve("wekafiles")), "Weka wrote to the user's home");
    }
}
