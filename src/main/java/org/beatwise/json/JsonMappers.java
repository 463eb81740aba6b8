package org.beatwise.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place Beatwise sets up Jackson, so that every document it writes follows the same rules:
 * snake_case keys (a record's {@code rowsRead} is written {@code rows_read}; map keys are written as
 * given), java.time values as ISO-8601 text, keys in record-component and map-insertion order so that
 * the same value always gives the same bytes, and unknown keys ignored on reading so that a document
 * written by a later Beatwise still loads.
 *
 * <p>The shared mappers are built on first use (holder classes) so that, for example, loading a model
 * bundle's forest does not pay for Jackson until its metadata is read. They are shared: never
 * reconfigure them; ask for {@link #stored(Module...)} when a package needs its own mix-ins.
 */
public final class JsonMappers {

    private JsonMappers() { }

    /** For JSON we persist (hotspot sets, import reports, bundle metadata): compact. */
    public static ObjectMapper stored() {
        return Stored.MAPPER;
    }

    /**
     * A new mapper with the {@link #stored()} set-up plus {@code modules}: for value records that stay
     * free of Jackson annotations and get theirs through mix-ins.
     */
    public static ObjectMapper stored(Module... modules) {
        return base(PropertyNamingStrategies.SNAKE_CASE).addModules(modules).build();
    }

    /**
     * The {@link #stored(Module...)} set-up with the camelCase keys hotspot sets were saved with before
     * all stored JSON became snake_case; only for reading those old sets.
     */
    public static ObjectMapper storedCamelCase(Module... modules) {
        return base(PropertyNamingStrategies.LOWER_CAMEL_CASE).addModules(modules).build();
    }

    /** For documents people and scripts read: {@code --json} output and the data handed to the map page. Indented. */
    public static ObjectMapper output() {
        return Output.MAPPER;
    }

    private static JsonMapper.Builder base(PropertyNamingStrategy naming) {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(naming)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static final class Stored {
        static final ObjectMapper MAPPER = base(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    private static final class Output {
        static final ObjectMapper MAPPER = base(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
