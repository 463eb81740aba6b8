package org.beatwise.export;

import java.util.List;
import org.beatwise.domain.Area;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;

/**
 * What a map picture shows: the same layers as the app's offline map (boundary areas, a hotspot set's
 * circles or cells, optionally incident dots), drawn without a browser so the command line can make it.
 *
 * @param title a line drawn in the corner (the set's name), or ""
 * @param pointLats incident dots' latitudes (empty for none); same length as {@code pointLons}
 */
public record MapScene(String title, List<Area> areas, List<Hotspot> circles, List<HotCell> cells, double[] pointLats,
                       double[] pointLons) {

    public MapScene {
        title = title == null ? "" : title;
        areas = List.copyOf(areas);
        circles = List.copyOf(circles);
        cells = List.copyOf(cells);
        pointLats = pointLats == null ? new double[0] : pointLats.clone();
        pointLons = pointLons == null ? new double[0] : pointLons.clone();
        if (pointLats.length != pointLons.length) {
            throw new IllegalArgumentException("pointLats and pointLons must have the same length, were "
                    + pointLats.length + " and " + pointLons.length);
        }
    }

    /** The layers without incident dots. */
    public MapScene(String title, List<Area> areas, List<Hotspot> circles, List<HotCell> cells) {
        this(title, areas, circles, cells, null, null);
    }
}
