package org.beatwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.util.Locale;
import org.beatwise.features.Query;

/**
 * The body of {@code POST /api/v1/predict}: when and where, and optionally which model and which hotspot
 * set the proximity alert rules measure against.
 *
 * @param model a saved model's name, or null for the station's last used model
 * @param set a saved hotspot set's name, or null for no proximity rules
 */
record PredictRequest(Query query, String model, String set) {

    static final String[] FIELDS = {"hour", "dow", "month", "lat", "lon", "model", "set"};

    static PredictRequest parse(byte[] body) {
        JsonFields f = JsonFields.parse(body);
        int hour = f.wholeNumber("hour", 0, 23);
        DayOfWeek dow = dayOfWeek(f.required("dow"));
        int month = f.wholeNumber("month", 1, 12);
        double lat = f.number("lat", -90, 90);
        double lon = f.number("lon", -180, 180);
        return new PredictRequest(new Query(hour, dow.getValue(), month, lat, lon), f.optionalText("model", 64),
                f.optionalText("set", 200));
    }

    /** {@code MON} … {@code SUN} (or longer: {@code monday}) in any case, or 1 (Monday) … 7, as the CLI's --dow. */
    static DayOfWeek dayOfWeek(JsonNode n) {
        if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1 && n.intValue() <= 7) {
            return DayOfWeek.of(n.intValue());
        }
        if (n.isTextual()) {
            String t = n.textValue().strip().toUpperCase(Locale.ROOT);
            if (t.matches("[1-7]")) {
                return DayOfWeek.of(Integer.parseInt(t));
            }
            for (DayOfWeek d : DayOfWeek.values()) {
                if (t.length() >= 3 && d.name().startsWith(t)) {
                    return d;
                }
            }
        }
        throw ApiException.badField("dow", "dow must be one of MON, TUE, WED, THU, FRI, SAT, SUN or 1 (Monday) to 7, was "
                + JsonFields.shown(n));
    }
}
