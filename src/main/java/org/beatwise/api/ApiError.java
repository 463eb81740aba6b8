package org.beatwise.api;

/**
 * The body of every error answer: a short code, a sentence for people, and the field at fault when
 * there is one. Documented in the OpenAPI document as {@code Error}.
 *
 * @param error {@code bad_request}, {@code unauthorized}, {@code forbidden}, {@code not_found},
 *              {@code method_not_allowed}, {@code payload_too_large}, {@code too_many_requests} or
 *              {@code internal_error}
 * @param field the request field or query parameter at fault, or null
 */
record ApiError(String error, String message, String field) {

    static ApiError of(int status, String message, String field) {
        return new ApiError(code(status), message, field);
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> "internal_error";
        };
    }
}
