package org.beatwise.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ParseResult;

/**
 * The commands that may create a data home that does not exist yet: they add data, so a new station
 * is what the user asked for. Every other command only reads or changes what a station already has,
 * and a missing data home there is a mistyped {@code --home}: it is refused rather than created empty.
 * Listing the creators (not the readers) means a new command refuses until someone decides otherwise.
 */
final class CreatingCommands {

    private static final Set<String> CREATORS = Set.of("import", "generate", "import-areas", "train", "users add",
            "settings set", "model import", "bench");

    private CreatingCommands() { }

    /** True when the command the arguments name may create its data home. */
    static boolean mayCreateHome(ParseResult parsed) {
        return CREATORS.contains(path(parsed));
    }

    /** The command's names below the root, e.g. "users add". */
    static String path(ParseResult parsed) {
        List<String> names = new ArrayList<>();
        for (ParseResult p = parsed.subcommand(); p != null; p = p.subcommand()) {
            names.add(p.commandSpec().name());
        }
        return String.join(" ", names);
    }
}
