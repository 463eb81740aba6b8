package org.beatwise.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.beatwise.json.JsonMappers;

/**
 * Typed fields of a JSON request body. Every refusal is a 400 naming the field, what it must be and,
 * shortened, what it was; nothing the caller sent reaches a parser that could throw something else.
 */
final class JsonFields {

    private static final int SHOWN = 40;

    private final ObjectNode body;

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    /** The body as a JSON object; anything else (empty, not UTF-8, not JSON, an array) is a 400. */
    static JsonFields parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.badField("body", "the request body is empty: send a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badField("body", "the request body is not UTF-8 text");
        }
        JsonNode tree;
        try {
            tree = JsonMappers.stored().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ApiException.badField("body", "the request body is not valid JSON" + where);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badField("body", "the request body must be a JSON object, was " + kind(tree));
        }
        return new JsonFields(object);
    }

    /** A whole number in [min, max]; a number with a fraction, text or a missing value is refused. */
    int wholeNumber(String field, int min, int max) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiException.badField(field, field + " must be a whole number from " + min + " to " + max + ", was "
                    + shown(n));
        }
        int v = n.intValue();
        if (v < min || v > max) {
            throw ApiException.badField(field, field + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    /** A finite number in [min, max]. */
    double number(String field, double min, double max) {
        JsonNode n = required(field);
        if (!n.isNumber()) {
            throw ApiException.badField(field, field + " must be a number from " + min + " to " + max + ", was " + shown(n));
        }
        double v = n.doubleValue();
        if (!(v >= min && v <= max)) {
            throw ApiException.badField(field, field + " must be between " + min + " and " + max + ", was " + n.asText());
        }
        return v;
    }

    /** Text, or null when the field is absent or null. */
    String optionalText(String field, int maxLength) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badField(field, field + " must be text, was " + shown(n));
        }
        String v = n.textValue().strip();
        if (v.isEmpty() || v.length() > maxLength) {
            throw ApiException.badField(field, field + " must be 1 to " + maxLength + " characters, was " + v.length());
        }
        return v;
    }

    JsonNode required(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.badField(field, field + " is required");
        }
        return n;
    }

    /** What a value was, for a message: a short, quoted copy of text, else its JSON kind and value. */
    static String shown(JsonNode n) {
        if (n.isTextual()) {
            String t = n.textValue();
            return "'" + (t.length() > SHOWN ? t.substring(0, SHOWN) + "…" : t) + "' (text)";
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asText() + (n.isBoolean() ? " (true/false)" : "");
        }
        return kind(n);
    }

    private static String kind(JsonNode n) {
        return "a JSON " + n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
