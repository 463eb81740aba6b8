package org.beatwise.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * packaging/startup.classlist feeds the class-data-sharing archive that `mvn package` builds for a quick
 * start (packaging/startup-archive.sh). A list recorded before a large refactor names classes that are
 * gone: the archive then silently covers less and the start slows down. This fails first, asking for
 * packaging/record-startup-classes.sh to be run again.
 */
class StartupClassListTest {

    private static final Path LIST = Path.of("packaging/startup.classlist");

    @Test
    void theStartupClassListStillNamesTheAppsOwnStartupClasses() throws IOException {
        List<String> ours = Files.readAllLines(LIST).stream()
                .filter(line -> line.startsWith("org/beatwise/"))
                .map(line -> line.split(" ")[0])
                .toList();
        assertTrue(ours.size() > 50, "only " + ours.size() + " Beatwise classes listed: was it recorded from the desktop?");
        assertTrue(ours.contains("org/beatwise/app/DesktopLauncher") && ours.contains("org/beatwise/ui/signin/RegisterView"),
                "the list must be recorded from the desktop up to its first screen");
        List<String> missing = ours.stream()
                .filter(name -> getClass().getClassLoader().getResource(name + ".class") == null)
                .toList();
        assertTrue(missing.size() * 10 <= ours.size(), missing.size() + " of " + ours.size()
                + " listed Beatwise classes no longer exist (e.g. " + missing.stream().limit(5).toList()
                + "): run packaging/record-startup-classes.sh");
    }
}
