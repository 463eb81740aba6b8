package org.beatwise.api;

/**
 * A request the API answers with an error status and a JSON body: bad input (400, naming the field),
 * not found (404), too large (413) and the like. The message is for the caller; it never holds a stack
 * trace or anything read from the station beyond what the caller sent.
 *
 * @see ApiError
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiException badField(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException notFound(String field, String message) {
        return new ApiException(404, field, message);
    }

    int status() {
        return status;
    }

    /** The request field or query parameter at fault, or null. */
    String field() {
        return field;
    }
}
