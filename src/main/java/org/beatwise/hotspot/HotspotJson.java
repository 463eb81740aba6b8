package org.beatwise.hotspot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beatwise.json.JsonMappers;

/**
 * The stored form of a hotspot result, snake_case like all stored JSON. Mix-ins keep Jackson out of
 * the value records: the radius rule gets a {@code kind} tag so it reads back as the right record.
 * Sets saved before the switch to snake_case have camelCase keys and still load.
 */
final class HotspotJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = RadiusRule.Share.class, name = "share"),
                   @JsonSubTypes.Type(value = RadiusRule.Fixed.class, name = "fixed")})
    private interface RadiusRuleMixin { }

    private abstract static class HourRangeMixin {
        @JsonIgnore abstract boolean isAllDay();
    }

    private static final ObjectMapper MAPPER = JsonMappers.stored(mixIns());

    private HotspotJson() { }

    private static Module mixIns() {
        SimpleModule m = new SimpleModule("hotspot-mix-ins");
        m.setMixInAnnotation(RadiusRule.class, RadiusRuleMixin.class);
        m.setMixInAnnotation(HourRange.class, HourRangeMixin.class);
        return m;
    }

    /**
     * The top-level keys are single words in both shapes, and unknown keys are ignored, so the old shape
     * would read without error but with its two-word fields empty: tell them apart by the provenance,
     * which every stored set has.
     */
    private static boolean isCamelCase(JsonNode tree) {
        return tree.path("provenance").has("rowsUsed");
    }

    /** Built only when an old set is read. */
    private static final class OldShape {
        static final ObjectMapper MAPPER = JsonMappers.storedCamelCase(mixIns());
    }

    /**
     * Sets saved before there was a choice of method are K-Means sets: their settings lack the method
     * and the settings added with it, which take today's defaults (method kmeans, one window), so the
     * record's validation sees a complete set of values.
     */
    private static void fillSettingsSavedBeforeMethods(JsonNode tree, ObjectMapper shape) {
        if (!(tree.path("settings") instanceof ObjectNode settings) || settings.has("method")) {
            return;
        }
        ObjectNode defaults = shape.valueToTree(HotspotSettings.defaults().withMethod(MethodChoice.KMEANS));
        fillMissing(settings, defaults);
    }

    private static void fillMissing(ObjectNode target, ObjectNode defaults) {
        defaults.fields().forEachRemaining(e -> {
            JsonNode have = target.get(e.getKey());
            if (have == null) {
                target.set(e.getKey(), e.getValue());
            } else if (have instanceof ObjectNode h && e.getValue() instanceof ObjectNode d) {
                fillMissing(h, d);
            }
        });
    }

    static String write(HotspotResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the hotspot result as JSON: " + e.getMessage(), e);
        }
    }

    static HotspotResult read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            ObjectMapper shape = isCamelCase(tree) ? OldShape.MAPPER : MAPPER;
            fillSettingsSavedBeforeMethods(tree, shape);
            return shape.treeToValue(tree, HotspotResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored hotspot result: " + e.getOriginalMessage(), e);
        }
    }
}
