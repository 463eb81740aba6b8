package org.beatwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.beatwise.cli.Cli;
import org.junit.jupiter.api.Test;

/** The desktop start read without picocli agrees with the command line wherever it answers. */
class DesktopArgsTest {

    @Test
    void theGlobalOptionsAloneOpenTheDesktopWithTheirValues() {
        assertEquals(Optional.of(new DesktopArgs(null, null)), DesktopArgs.read(new String[0]));
        assertEquals(Optional.of(new DesktopArgs("/tmp/h", null)), DesktopArgs.read(new String[] {"--home", "/tmp/h"}));
        assertEquals(Optional.of(new DesktopArgs("/tmp/h", "jdbc:postgresql://db:5432/bw")),
                DesktopArgs.read(new String[] {"--db=jdbc:postgresql://db:5432/bw", "--debug", "--home=/tmp/h"}));
    }

    @Test
    void anythingElseIsLeftToTheCommandLine() {
        for (String[] args : new String[][] {{"users", "list"}, {"--home", "/tmp/h", "users"}, {"--help"}, {"--version"},
                {"--home"}, {"--home", "--db", "x"}, {"--home", "a", "--home", "b"}, {"--bogus"}, {"@args.txt"}}) {
            assertTrue(DesktopArgs.read(args).isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void whereItAnswersTheCommandLineSaysTheSame() {
        for (String[] args : new String[][] {{}, {"--home", "/tmp/h"}, {"--db=jdbc:postgresql://db/bw", "--json"},
                {"--home=/tmp/x", "--debug"}}) {
            DesktopArgs read = DesktopArgs.read(args).orElseThrow();
            assertTrue(Cli.wantsDesktop(args), String.join(" ", args));
            assertEquals(Cli.homeOption(args), read.home());
            assertEquals(Cli.dbOption(args), read.db());
        }
    }
}
