package org.beatwise.app;

import java.util.Optional;

/**
 * The desktop app's own arguments, read without picocli. Building the command line's whole model (every
 * command, every option, by reflection) to learn that no command was given cost a few hundred
 * milliseconds of start-up; the common cases (nothing, {@code --home DIR}, {@code --db URL}) are read
 * here instead. Anything else (a command, an unknown or repeated option, an {@code @file}) is left to
 * the command line, which decides as before.
 *
 * @param home the {@code --home} given, or null
 * @param db   the {@code --db} given, or null
 */
record DesktopArgs(String home, String db) {

    /** The desktop arguments, or empty when the arguments are not only the global options. */
    static Optional<DesktopArgs> read(String[] args) {
        String home = null;
        String db = null;
        boolean json = false;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = null;
            if (name.equals("--home") || name.equals("--db")) {
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                    value = args[++i];
                } else {
                    return Optional.empty(); // a missing value: the command line says so
                }
                if (name.equals("--home")) {
                    if (home != null) {
                        return Optional.empty();
                    }
                    home = value;
                } else {
                    if (db != null) {
                        return Optional.empty();
                    }
                    db = value;
                }
            } else if (a.equals("--json") && !json) {
                json = true;
            } else if (a.equals("--debug") && !debug) {
                debug = true;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new DesktopArgs(home, db));
    }
}
