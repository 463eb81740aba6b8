package org.beatwise.hotspot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hotspot methods an analyst can pick, and {@code AUTO}: let the backtest pick among the methods
 * that yield a handful of patrollable circles.
 */
public enum MethodChoice {
    AUTO("the backtest picks between coverage and kmeans on this dataset", false),
    COVERAGE("k circles of the patrol radius placed to cover the most past incidents", true),
    KMEANS("k K-Means cluster centres (the paper's method)", true),
    KDE("the densest cells of a kernel density surface, bandwidth chosen on the backtest", false),
    GISTAR("grid cells that are significant Getis-Ord Gi* hot spots (FDR-corrected)", false),
    GRID("the busiest grid cells of the same area (the baseline)", false);

    private final String explanation;
    private final boolean circles;

    MethodChoice(String explanation, boolean circles) {
        this.explanation = explanation;
        this.circles = circles;
    }

    /** The name used on the command line, in JSON and in saved sets: "coverage". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line for the pane and the help text. */
    public String explanation() {
        return explanation;
    }

    /** True for the methods that give k circles a patrol can visit (and the alerts can ride on). */
    public boolean givesCircles() {
        return circles;
    }

    /** Every real method, in the order the comparison table lists them. */
    public static List<MethodChoice> methods() {
        return List.of(COVERAGE, KMEANS, KDE, GISTAR, GRID);
    }

    /** Reads a key such as "kde"; a bad one names the setting and the choices. */
    public static MethodChoice parse(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("method must be one of "
                        + Arrays.stream(values()).map(MethodChoice::key).collect(Collectors.joining(", ")) + ", was " + key));
    }
}
