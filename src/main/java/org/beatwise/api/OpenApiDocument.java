package org.beatwise.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.beatwise.api.Route.Access;
import org.beatwise.api.Route.Param;

/**
 * The OpenAPI 3.0 description of the routes, built from the same {@link Route} list the server
 * dispatches on, so the document cannot name a route the server lacks or miss one it has.
 */
final class OpenApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() { }

    static ObjectNode of(List<Route> routes, String version) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Beatwise local API").put("version", version)
                .put("description", "Predictions, hotspots and alerts for the agency's own tools. Off by default; "
                        + "every call but health and this document needs a bearer token ('beatwise token create').");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            path.set(r.method().toLowerCase(Locale.ROOT), operation(r));
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A token from 'beatwise token create --user NAME'.");
        components.set("schemas", schemas());
        return doc;
    }

    private static ObjectNode operation(Route r) {
        ObjectNode op = JSON.objectNode();
        op.put("summary", r.summary());
        op.put("operationId", operationId(r));
        if (r.access() == Access.PUBLIC) {
            op.putArray("security");
        } else {
            op.putArray("security").addObject().putArray("bearer");
        }
        if (!r.params().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            for (Param p : r.params()) {
                params.addObject().put("name", p.name()).put("in", "query").put("required", p.required())
                        .put("description", p.description()).putObject("schema").put("type", p.type());
            }
        }
        if (r.requestSchema() != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/" + r.requestSchema());
        }
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "OK").putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/" + r.responseSchema());
        if (r.requestSchema() != null || !r.params().isEmpty()) {
            error(responses, "400", "Bad input; 'field' names the field or parameter at fault.");
        }
        if (r.access() != Access.PUBLIC) {
            error(responses, "401", "No token, or one that is unknown, revoked or expired.");
            error(responses, "429", "This token's rate limit is used up; see Retry-After.");
        }
        if (r.access() == Access.ADMIN || r.path().endsWith("/revoke")) {
            error(responses, "403", "The token's user is not an administrator.");
        }
        if (r.path().endsWith("/predict") || r.path().endsWith("/hotspots") || r.path().endsWith("/revoke")) {
            error(responses, "404", "No model, hotspot set or token of that name or id.");
        }
        if (r.requestSchema() != null) {
            error(responses, "413", "The body is larger than 64 KB.");
        }
        return op;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Error");
    }

    static String operationId(Route r) {
        String last = r.path().substring(r.path().lastIndexOf('/') + 1).replace(".json", "");
        return r.method().toLowerCase(Locale.ROOT) + Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private static ObjectNode schemas() {
        ObjectNode s = JSON.objectNode();
        ObjectNode error = object(s, "Error", "error", "message");
        props(error).putObject("error").put("type", "string");
        props(error).putObject("message").put("type", "string");
        props(error).putObject("field").put("type", "string").put("nullable", true);

        ObjectNode health = object(s, "Health", "status", "version");
        props(health).putObject("status").put("type", "string");
        props(health).putObject("version").put("type", "string");

        s.putObject("OpenApi").put("type", "object").put("description", "This document.");

        ObjectNode req = object(s, "PredictRequest", "hour", "dow", "month", "lat", "lon");
        props(req).putObject("hour").put("type", "integer").put("minimum", 0).put("maximum", 23);
        props(req).putObject("dow").put("description", "MON … SUN, or 1 (Monday) … 7")
                .putArray("oneOf").add(JSON.objectNode().put("type", "string"))
                .add(JSON.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 7));
        props(req).putObject("month").put("type", "integer").put("minimum", 1).put("maximum", 12);
        props(req).putObject("lat").put("type", "number").put("minimum", -90).put("maximum", 90);
        props(req).putObject("lon").put("type", "number").put("minimum", -180).put("maximum", 180);
        props(req).putObject("model").put("type", "string").put("description", "A saved model; default: the last used.");
        props(req).putObject("set").put("type", "string")
                .put("description", "A saved hotspot set the proximity alert rule measures against; default: none.");

        ObjectNode res = object(s, "PredictResponse", "model", "hour", "dow", "month", "lat", "lon", "predicted",
                "confidence", "probabilities", "alerts");
        props(res).putObject("model").put("type", "string");
        props(res).putObject("hour").put("type", "integer");
        props(res).putObject("dow").put("type", "string");
        props(res).putObject("month").put("type", "integer");
        props(res).putObject("lat").put("type", "number");
        props(res).putObject("lon").put("type", "number");
        props(res).putObject("predicted").put("type", "string");
        props(res).putObject("confidence").put("type", "number");
        props(res).putObject("probabilities").put("type", "object").putObject("additionalProperties").put("type", "number");
        props(res).putObject("alerts").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Alert");

        ObjectNode alert = object(s, "Alert", "id", "at", "rule", "lat", "lon", "detail");
        for (String f : List.of("id")) {
            props(alert).putObject(f).put("type", "integer");
        }
        for (String f : List.of("lat", "lon")) {
            props(alert).putObject(f).put("type", "number");
        }
        for (String f : List.of("at", "username", "rule", "detail", "model_name", "hotspot_set")) {
            props(alert).putObject(f).put("type", "string");
        }
        s.putObject("AlertList").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Alert");
        s.putObject("ModelList").put("type", "array").putObject("items").put("type", "object")
                .put("description", "As 'beatwise models --json'.");
        s.putObject("TokenList").put("type", "array").putObject("items").put("type", "object")
                .put("description", "id, username, label, created_at, created_by, expires_at, revoked_at, revoked_by, status.");
        ObjectNode revoke = object(s, "RevokeRequest", "id");
        props(revoke).putObject("id").put("type", "integer").put("minimum", 1);
        ObjectNode revoked = object(s, "RevokeResponse", "id", "revoked");
        props(revoked).putObject("id").put("type", "integer");
        props(revoked).putObject("revoked").put("type", "boolean").put("description", "false when it was already revoked");
        ObjectNode fc = object(s, "FeatureCollection", "type", "features");
        props(fc).putObject("type").put("type", "string").putArray("enum").add("FeatureCollection");
        props(fc).putObject("features").put("type", "array").putObject("items").put("type", "object");
        return s;
    }

    private static ObjectNode object(ObjectNode schemas, String name, String... required) {
        ObjectNode o = schemas.putObject(name);
        o.put("type", "object");
        ArrayNode req = o.putArray("required");
        for (String r : required) {
            req.add(r);
        }
        o.putObject("properties");
        return o;
    }

    private static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }
}
