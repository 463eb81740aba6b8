package org.beatwise.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.beatwise.alert.AlertRule;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.api.Route.Access;
import org.beatwise.api.Route.Call;
import org.beatwise.api.Route.Param;
import org.beatwise.export.ExportService;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.json.JsonMappers;
import org.beatwise.model.ModelService;
import org.beatwise.model.Prediction;
import org.beatwise.model.PredictionDocument;
import org.beatwise.store.AlertRecord;
import org.beatwise.wiring.AppInfo;
import org.beatwise.wiring.Services;

/**
 * The endpoints of API version 1. Each calls the same services as the command line and answers with the
 * same document as the matching {@code --json} command.
 */
final class ApiRoutes {

    static final String BASE = "/api/v1";
    static final int MAX_ALERTS = 1000;

    private final Services services;
    private final List<Route> routes;
    private volatile ObjectNode openApi;

    ApiRoutes(Services services) {
        this.services = services;
        this.routes = List.of(
                new Route("GET", BASE + "/health", "Whether the API is up, and the Beatwise version.", Access.PUBLIC,
                        List.of(), null, "Health", c -> Map.of("status", "ok", "version", AppInfo.version())),
                new Route("GET", BASE + "/openapi.json", "This API described as an OpenAPI 3 document.", Access.PUBLIC,
                        List.of(), null, "OpenApi", c -> openApi()),
                new Route("POST", BASE + "/predict", "Rank the crime types of a saved model for one place and time; "
                        + "the alert rules run as in the app and the alerts raised are stored and returned.", Access.USER,
                        List.of(), "PredictRequest", "PredictResponse", this::predict),
                new Route("GET", BASE + "/hotspots", "A saved hotspot set as a GeoJSON FeatureCollection.", Access.USER,
                        List.of(new Param("set", "string", true, "The hotspot set's name.")), null, "FeatureCollection",
                        this::hotspots),
                new Route("GET", BASE + "/alerts", "Stored alerts, newest first (as 'alerts --json').", Access.USER,
                        List.of(new Param("since", "string", false, "Only alerts at or after this date (2026-11-30) or "
                                        + "instant (2026-11-30T08:00:00Z)."),
                                new Param("rule", "string", false, "Only this rule: high_confidence, high_risk_class or proximity."),
                                new Param("limit", "integer", false, "How many, 1–" + MAX_ALERTS + " (default 100).")),
                        null, "AlertList", this::alerts),
                new Route("GET", BASE + "/models", "The saved models with their test figures (as 'models --json').",
                        Access.USER, List.of(), null, "ModelList", c -> services.models().list()),
                new Route("GET", BASE + "/tokens", "Every API token of the station, never the tokens themselves "
                        + "(administrators only).", Access.ADMIN, List.of(), null, "TokenList",
                        c -> services.tokens().listAll(c.actor())),
                new Route("POST", BASE + "/tokens/revoke", "Revoke a token at once: one's own, or anyone's for an "
                        + "administrator. (The command line cannot open the data home while the API runs.)", Access.USER,
                        List.of(), "RevokeRequest", "RevokeResponse", this::revoke));
    }

    List<Route> all() {
        return routes;
    }

    private ObjectNode openApi() {
        ObjectNode doc = openApi;
        if (doc == null) {
            doc = OpenApiDocument.of(routes, AppInfo.version());
            openApi = doc;
        }
        return doc;
    }

    private PredictResponse predict(Call c) throws java.io.IOException {
        PredictRequest req = PredictRequest.parse(c.body().read());
        ModelService models = services.models();
        String model = req.model() != null ? req.model() : models.lastUsed().orElseThrow(() -> ApiException.notFound("model",
                "no model given and none used on this station yet: name one in 'model'"));
        boolean exists;
        try {
            exists = models.exists(model);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("model", e.getMessage());
        }
        if (!exists) {
            throw ApiException.notFound("model", "there is no model named '" + shorten(model) + "'");
        }
        List<Zone> zones = List.of();
        if (req.set() != null) {
            HotspotSet set = services.hotspots().load(req.set())
                    .orElseThrow(() -> ApiException.notFound("set", "there is no hotspot set named '" + shorten(req.set()) + "'"));
            zones = zones(set);
        }
        Prediction p = models.predict(model, req.query());
        PredictionDocument doc = PredictionDocument.of(model, req.query(), p);
        List<AlertRecord> raised = services.alerts().check(c.actor().name(),
                new PredictionCheck(req.query().lat(), req.query().lon(), p.predicted(), p.confidence()), zones, model,
                req.set());
        return new PredictResponse(doc, raised);
    }

    /** The answer of a revocation, as {@code token revoke --json} prints it. */
    record RevokeResponse(long id, boolean revoked) { }

    private RevokeResponse revoke(Call c) throws java.io.IOException {
        JsonFields f = JsonFields.parse(c.body().read());
        long id = f.wholeNumber("id", 1, Integer.MAX_VALUE);
        try {
            return new RevokeResponse(id, services.tokens().revoke(c.actor(), id));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("id", "there is no API token with id " + id);
        }
    }

    /** The circles of a set as the alert rules see them, labelled as the Predict & Map pane labels them. */
    static List<Zone> zones(HotspotSet set) {
        return set.result().hotspots().stream().map(h -> new Zone("hotspot " + h.rank(), h.lat(), h.lon(), h.radiusM())).toList();
    }

    private ObjectNode hotspots(Call c) {
        String name = c.query().get("set");
        if (name == null || name.isBlank()) {
            throw ApiException.badField("set", "set is required: the name of a saved hotspot set");
        }
        HotspotSet set = services.hotspots().load(name.strip())
                .orElseThrow(() -> ApiException.notFound("set", "there is no hotspot set named '" + shorten(name.strip()) + "'"));
        ByteArrayOutputStream geojson = new ByteArrayOutputStream();
        ExportService.writeHotspotsGeoJson(set, geojson);
        try {
            return (ObjectNode) JsonMappers.stored().readTree(geojson.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<AlertRecord> alerts(Call c) {
        Instant since = since(c.query().get("since"));
        AlertRule rule = rule(c.query().get("rule"));
        int limit = limit(c.query().get("limit"));
        return services.alerts().list(rule, null, since, limit);
    }

    static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant() : Instant.parse(t);
        } catch (DateTimeException e) {
            throw ApiException.badField("since", "since must be a date such as 2026-11-30 or an instant such as "
                    + "2026-11-30T08:00:00Z, was '" + shorten(t) + "'");
        }
    }

    static AlertRule rule(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (AlertRule r : AlertRule.values()) {
            if (r.name().equalsIgnoreCase(text.strip())) {
                return r;
            }
        }
        throw ApiException.badField("rule", "rule must be one of high_confidence, high_risk_class, proximity, was '"
                + shorten(text.strip()) + "'");
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_ALERTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message
        }
        throw ApiException.badField("limit", "limit must be a whole number from 1 to " + MAX_ALERTS + ", was '"
                + shorten(text.strip()) + "'");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** For tests and the bench: the JSON mapper every answer is written with. */
    static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return JsonMappers.output();
    }
}
