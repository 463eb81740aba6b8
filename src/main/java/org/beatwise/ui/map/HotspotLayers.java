package org.beatwise.ui.map;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.GridCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;

/** Turns a hotspot result into what the map draws: circles with popups, and the grid baseline's cells. */
public final class HotspotLayers {

    private HotspotLayers() { }

    public static List<MapCircle> circles(HotspotResult result) {
        return result.hotspots().stream().map(HotspotLayers::circle).toList();
    }

    /**
     * A hotspot as a circle whose popup says first what a patrol there would meet (the incidents within
     * the circle, which the offences and times describe), then how many incidents lie nearer this centre
     * than any other, anywhere in the area (for K-Means, the cluster). A coverage circle's nearest
     * incidents reach far past it, so that count alone would overstate the circle.
     */
    public static MapCircle circle(Hotspot h) {
        String offences = h.topOffences().stream()
                .map(o -> Html.escape(o.offence()) + String.format(Locale.ROOT, " (%.0f %%)", 100 * o.share()))
                .collect(Collectors.joining("<br>"));
        String hours = h.busiestHours(3).stream().map(x -> String.format("%02d:00", x)).collect(Collectors.joining(", "));
        String days = h.busiestDays(2).stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
        String popup = String.format(Locale.ROOT, "<b>Hotspot %d</b><br>%,d incidents within %.0f m<br>%,d nearest this"
                + " centre (%.1f %% of all)<br>%s<br>Busiest: %s; %s", h.rank(), h.inside(), h.radiusM(), h.count(),
                100 * h.share(), offences, hours, days);
        return new MapCircle(h.lat(), h.lon(), h.radiusM(), popup);
    }

    public static List<MapCell> cells(HotspotResult result) {
        Evaluation e = result.evaluation();
        if (e == null) {
            return List.of();
        }
        return e.gridCells().stream().map(HotspotLayers::cell).toList();
    }

    static MapCell cell(GridCell c) {
        return new MapCell(c.south(), c.west(), c.north(), c.east(), String.format(Locale.ROOT,
                "<b>Grid cell %d</b><br>%d incidents while fitting, %d in the test period", c.rank(), c.trainCount(), c.testCount()));
    }
}
