package org.beatwise.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real outside readers of our files (GDAL's ogrinfo, poppler's pdftoppm and pdftotext): what an
 * analyst's GIS and PDF viewer would do with them. Under CI ({@code CI=true}) a missing tool fails the
 * test, since .ci/run installs them; elsewhere the test is skipped and says which package to install.
 */
final class ExternalTool {

    private ExternalTool() { }

    static String run(String tool, String debianPackage, String... args) {
        Path exe = find(tool);
        if (exe == null) {
            String why = tool + " is not installed (Debian package " + debianPackage + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ": .ci/run installs it, so CI must have it");
            }
            Assumptions.abort(why + "; skipped outside CI");
        }
        List<String> command = new ArrayList<>(List.of(exe.toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("beatwise-tool-", ".txt");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not finish within 60 s");
                String out = Files.readString(log, StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), tool + " failed: " + out);
                return out;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + tool, e);
        }
    }

    private static Path find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** "Feature Count: N" from {@code ogrinfo -ro -al -so FILE}. */
    static int featureCount(String ogrinfo) {
        for (String line : ogrinfo.split("\\R")) {
            if (line.startsWith("Feature Count: ")) {
                return Integer.parseInt(line.substring("Feature Count: ".length()).strip());
            }
        }
        throw new AssertionError("ogrinfo printed no feature count:\n" + ogrinfo);
    }
}
