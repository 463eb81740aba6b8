package org.beatwise.settings;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What people see for the fields of a validated record. The records name their fields at the start
 * of a message ("maxDepth must be >= 0, was -1"); the command line shows the option that was typed
 * ("--depth must be …") and a form shows its label ("Max depth must be …"). Both names of a field
 * stand in one row so the two cannot drift apart.
 */
public final class FieldLabels {

    /**
     * One field.
     *
     * @param name   the name at the start of the record's messages, e.g. {@code maxDepth}
     * @param option the command-line option, e.g. {@code --depth}
     * @param label  the form label, e.g. {@code Max depth}
     */
    public record Field(String name, String option, String label) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(label, "label");
        }
    }

    private final List<Field> fields;

    private FieldLabels(List<Field> fields) {
        // Longest name first, so a name that starts another ("feature set" / "feature") cannot steal its match.
        this.fields = fields.stream().sorted(Comparator.comparingInt((Field f) -> f.name().length()).reversed()).toList();
    }

    public static FieldLabels of(Field... fields) {
        return new FieldLabels(List.of(fields));
    }

    /** The option for a field name, or the name itself if it has none. */
    public String option(String name) {
        return find(name, Field::option);
    }

    /** The form label for a field name, or the name itself if it has none. */
    public String label(String name) {
        return find(name, Field::label);
    }

    /** The message with the field at its start named as its option; any other message (or null) as it was. */
    public String withOptions(String message) {
        return rename(message, Field::option);
    }

    /** The message with the field at its start named by its label; any other message (or null) as it was. */
    public String withLabels(String message) {
        return rename(message, Field::label);
    }

    private String find(String name, Function<Field, String> shown) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().map(shown).orElse(name);
    }

    private String rename(String message, Function<Field, String> shown) {
        if (message == null) {
            return null;
        }
        for (Field f : fields) {
            if (message.startsWith(f.name() + " ")) {
                return shown.apply(f) + message.substring(f.name().length());
            }
        }
        return message;
    }
}
