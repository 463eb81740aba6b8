package org.beatwise.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatwise.cli.Cli;

/** Runs the command line in-process, exactly as the launcher does (less System.exit). */
public record CliRun(int exit, String out, String err) {

    public static CliRun run(Path home, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return runRaw(stdin, all.toArray(String[]::new));
    }

    public static CliRun runRaw(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, Map.of());
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
