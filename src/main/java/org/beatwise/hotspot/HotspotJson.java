package org.beatwise.hotspot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stored form of a hotspot result. Mix-ins keep Jackson out of the value records: the radius
 * rule gets a {@code kind} tag so it reads back as the right record. Unknown fields are ignored so a
 * set saved by a newer Beatwise still loads.
 */
final class HotspotJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = RadiusRule.Share.class, name = "share"),
                   @JsonSubTypes.Type(value = RadiusRule.Fixed.class, name = "fixed")})
    private interface RadiusRuleMixin { }

    private abstract static class HourRangeMixin {
        @JsonIgnore abstract boolean isAllDay();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .addMixIn(RadiusRule.class, RadiusRuleMixin.class)
            .addMixIn(HourRange.class, HourRangeMixin.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HotspotJson() { }

    static String write(HotspotResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the hotspot result as JSON: " + e.getMessage(), e);
        }
    }

    static HotspotResult read(String json) {
        try {
            return MAPPER.readValue(json, HotspotResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored hotspot result: " + e.getOriginalMessage(), e);
        }
    }
}
