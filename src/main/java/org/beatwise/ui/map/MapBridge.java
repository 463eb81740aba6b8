package org.beatwise.ui.map;

import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * The one object JavaScript calls back into. Public, with public methods, because WebKit reflects on
 * it; {@link MapView} keeps it in a field because the page holds it only weakly.
 */
public final class MapBridge {

    private final BiConsumer<Double, Double> onClick;

    MapBridge(BiConsumer<Double, Double> onClick) {
        this.onClick = onClick;
    }

    /** Called by the page when the user clicks the map. */
    public void onMapClick(double lat, double lon) {
        // Already on the FX thread (WebKit calls back there); runLater keeps the page's handler short.
        Platform.runLater(() -> onClick.accept(lat, lon));
    }
}
