package org.beatwise.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlatKeysTest {

    enum Colour { RED, DARK_BLUE }

    /** Each typed getter, reading key {@code k} with a fixed default. */
    private static final Map<String, Function<FlatKeys, Object>> GETTERS = Map.of(
            "int", k -> k.getInt("k", 7),
            "long", k -> k.getLong("k", 7L),
            "double", k -> k.getDouble("k", 0.5),
            "optionalDouble", k -> k.getOptionalDouble("k"),
            "boolean", k -> k.getBoolean("k", true),
            "string", k -> k.getString("k", "none"),
            "enum", k -> k.getEnum("k", Colour.class, Colour.RED),
            "date", k -> k.getDate("k", LocalDate.of(2018, 1, 1)));

    private static Object read(String type, Map<String, String> values) {
        return GETTERS.get(type).apply(new FlatKeys(values, "x."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int|7", "long|7", "double|0.5", "optionalDouble|", "boolean|true", "string|none", "enum|RED", "date|2018-01-01"})
    void aMissingOrBlankKeyTakesTheDefault(String type, String expected) {
        Object missing = read(type, Map.of("y.k", "other namespace"));
        assertEquals(expected, missing == null ? null : missing.toString());
        Object blank = read(type, Map.of("x.k", "  "));
        assertEquals(expected, blank == null ? null : blank.toString(), "blank is how the table stores an unset value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int| 12 |12",
            "int|-3|-3",
            "long|5000000000|5000000000",
            "double|0.25|0.25",
            "optionalDouble|-71.1|-71.1",
            "boolean|false|false",
            "boolean|TRUE|true",
            "string|a b|a b",
            "enum|dark_blue|DARK_BLUE",
            "date|2015-06-30|2015-06-30"})
    void goodValuesAreRead(String type, String text, String expected) {
        assertEquals(expected, read(type, Map.of("x.k", text)).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int|abc|x.k must be a whole number, was 'abc'",
            "int|4.2|x.k must be a whole number, was '4.2'",
            "long|1e3|x.k must be a whole number, was '1e3'",
            "double|high|x.k must be a number, was 'high'",
            "optionalDouble|north|x.k must be a number, was 'north'",
            "boolean|yes|x.k must be true or false, was 'yes'",
            "enum|green|x.k must be one of red, dark_blue, was 'green'",
            "date|01/02/2018|x.k must be a date such as 2018-01-01, was '01/02/2018'"})
    void aBadValueNamesTheKeyAndTheValue(String type, String text, String message) {
        SettingsException e = assertThrows(SettingsException.class, () -> read(type, Map.of("x.k", text)));
        assertEquals(message, e.getMessage());
        assertEquals("x.k", e.key());
        assertEquals(text, e.value());
        assertTrue(e instanceof IllegalArgumentException, "callers that catch IllegalArgumentException keep working");
    }

    @Test
    void anyOtherTypeIsReadWithItsOwnParser() {
        FlatKeys keys = new FlatKeys(Map.of("x.range", "18-2", "x.bad", "18"), "x.");
        assertEquals("18-2", keys.get("range", "a range such as 18-2", v -> v.strip(), "0-23"));
        assertEquals("0-23", keys.get("missing", "a range such as 18-2", v -> v.strip(), "0-23"));
        SettingsException e = assertThrows(SettingsException.class, () -> keys.get("bad", "a range such as 18-2", v -> {
            throw new IllegalArgumentException("no dash");
        }, "0-23"));
        assertEquals("x.bad must be a range such as 18-2, was '18'", e.getMessage());
    }

    @Test
    void hasIgnoresBlankValues() {
        FlatKeys keys = new FlatKeys(Map.of("x.a", "1", "x.b", ""), "x.");
        assertTrue(keys.has("a"));
        assertFalse(keys.has("b"));
        assertFalse(keys.has("c"));
        assertNull(keys.getOptionalDouble("b"));
    }
}
