package org.beatwise.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Core records name their fields ("maxDepth must be >= 0"); a person at the command line typed an
 * option. This turns the one into the other so every message names what was typed.
 */
final class OptionNames {

    private OptionNames() { }

    /** Runs {@code build}; an IllegalArgumentException is re-thrown with the field at its start named as an option. */
    static <T> T check(Map<String, String> fieldToOption, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rename(fieldToOption, e.getMessage()), e);
        }
    }

    static String rename(Map<String, String> fieldToOption, String message) {
        if (message == null) {
            return "invalid value";
        }
        for (Map.Entry<String, String> e : fieldToOption.entrySet()) {
            if (message.startsWith(e.getKey() + " ")) {
                return e.getValue() + message.substring(e.getKey().length());
            }
        }
        return message;
    }
}
