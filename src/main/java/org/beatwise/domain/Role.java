package org.beatwise.domain;

/** What a user may do: administrators also manage users and station settings. */
public enum Role {
    ADMIN, ANALYST;

    /** Parses {@code admin} / {@code analyst} in any case; the message names the bad value. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be admin or analyst, was '" + text + "'");
    }
}
