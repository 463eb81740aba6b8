package org.beatwise.model;

/** A model bundle that cannot be saved or loaded; the message is fit to show an analyst. */
public final class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
