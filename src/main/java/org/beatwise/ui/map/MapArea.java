package org.beatwise.ui.map;

import java.util.List;

/**
 * A lat/lon box for the map's cell and heat layers. Unlike {@link MapCell} its popup is plain text:
 * each line reaches the page as text and is shown with {@code textContent}, never parsed as HTML.
 *
 * @param kind what colours it: "cell", "gi90", "gi95", "gi99" (Gi* confidence), "cold" or "heat"
 * @param weight 0–1; the heat layer's opacity grows with it
 * @param lines the popup, one plain-text line each
 */
public record MapArea(double south, double west, double north, double east, String kind, double weight, List<String> lines) {

    public MapArea {
        lines = List.copyOf(lines);
    }
}
