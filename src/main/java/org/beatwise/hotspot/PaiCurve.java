package org.beatwise.hotspot;

import java.util.List;

/**
 * Hit rate against area for one method (the "PAI curve"): the best tenth of its areas, the best two
 * tenths, … all of them, averaged over the backtest windows.
 */
public record PaiCurve(String method, List<CurvePoint> points) {

    public PaiCurve {
        points = List.copyOf(points);
    }
}
