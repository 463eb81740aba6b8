package org.beatwise.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.Actor;

/**
 * One endpoint: what it is (method, path, who may call it, its query parameters, body and answer, all
 * of which the OpenAPI document is built from) and what answers it.
 *
 * @param requestSchema the name of the body's schema in the OpenAPI document, or null for no body
 * @param responseSchema the name of the answer's schema in the OpenAPI document
 */
record Route(String method, String path, String summary, Access access, List<Param> params, String requestSchema,
             String responseSchema, Handler handler) {

    /** Who may call a route. Administrator routes are also refused by the service they call, not only here. */
    enum Access {
        /** No token: health and the OpenAPI document, which tell nothing about the station's data. */
        PUBLIC,
        /** Any valid token. */
        USER,
        /** A token of an administrator. */
        ADMIN
    }

    /** A query parameter. */
    record Param(String name, String type, boolean required, String description) { }

    /** What a handler is given: who asks (null on public routes), the query parameters and the body. */
    record Call(Actor actor, Map<String, String> query, BodySource body) { }

    /** Reads the request body, bounded; only routes with a body call it. */
    @FunctionalInterface
    interface BodySource {
        byte[] read() throws IOException;
    }

    @FunctionalInterface
    interface Handler {
        /** The answer, written as JSON with status 200. */
        Object handle(Call call) throws IOException;
    }
}
