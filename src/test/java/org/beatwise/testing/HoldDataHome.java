package org.beatwise.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.beatwise.store.Database;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/**
 * A second program for tests: opens the data home named by its first argument, prints "ready" and holds
 * the database until its stdin closes, as a running desktop app would. With {@code --older} as second
 * argument it holds it as a Beatwise from before data homes were shared did: H2 embedded without
 * AUTO_SERVER, which locks every other program out, and the holder note that version wrote.
 */
public final class HoldDataHome {

    private HoldDataHome() { }

    public static void main(String[] args) throws IOException, SQLException {
        Path home = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--older")) {
            try (Connection c = DriverManager.getConnection(Database.urlFor(home), "sa", "")) {
                Files.writeString(home.resolve("beatwise.holder"), "pid " + ProcessHandle.current().pid() + ", user "
                        + System.getProperty("user.name") + "\n", StandardCharsets.UTF_8);
                holdUntilStdinCloses();
            }
            return;
        }
        try (Services s = Services.open(new DataHome(home))) {
            holdUntilStdinCloses();
        }
    }

    private static void holdUntilStdinCloses() throws IOException {
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our stdin
        }
    }
}
