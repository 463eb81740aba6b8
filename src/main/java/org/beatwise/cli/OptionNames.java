package org.beatwise.cli;

import java.util.function.Supplier;
import org.beatwise.settings.FieldLabels;

/**
 * Core records name their fields ("maxDepth must be >= 0"); a person at the command line typed an
 * option. This turns the one into the other so every message names what was typed.
 */
final class OptionNames {

    private OptionNames() { }

    /** Runs {@code build}; an IllegalArgumentException is re-thrown with the field at its start named as an option. */
    static <T> T check(FieldLabels names, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = names.withOptions(e.getMessage());
            throw new IllegalArgumentException(message == null ? "invalid value" : message, e);
        }
    }
}
