package org.beatwise.settings;

/**
 * A flat settings key holds a value that cannot be read. The message names the key and the value
 * ("model.trees must be a whole number, was 'ten'") so whoever edited the settings table, the
 * command line or a bundle's metadata can find and fix it.
 */
public final class SettingsException extends IllegalArgumentException {

    private final String key;
    private final String value;

    public SettingsException(String key, String value, String expected) {
        super(key + " must be " + expected + ", was '" + value + "'");
        this.key = key;
        this.value = value;
    }

    /** The full namespaced key, e.g. {@code auth.lockout_minutes}. */
    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
