package org.beatwise.hotspot;

import java.util.Locale;

/** The kernel of the density surface. */
public enum Kernel {
    /** Smooth, with tails: truncated at three bandwidths. */
    GAUSSIAN,
    /** (1 − d²/h²)², zero beyond the bandwidth: the kernel of ArcGIS and CrimeStat. */
    QUARTIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kernel parse(String key) {
        for (Kernel k : values()) {
            if (k.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("kernel must be gaussian or quartic, was " + key);
    }
}
