package org.beatwise.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/**
 * A second program for tests: opens the data home named by its argument, prints "ready" and holds the
 * database until its stdin closes, as a running desktop app would.
 */
public final class HoldDataHome {

    private HoldDataHome() { }

    public static void main(String[] args) throws IOException {
        try (Services s = Services.open(new DataHome(Path.of(args[0])))) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
