package org.beatwise.hotspot;

import java.util.List;
import org.beatwise.task.Progress;

/**
 * Today's method behind the shared interface: K-Means centres, biggest cluster first, as circles of the
 * patrol radius. The backtest compares methods at equal area, so K-Means gets the same radius as the
 * coverage circles whatever radius rule its own hotspot set uses (a share rule gives circles of any size,
 * and a bigger area would win on hit rate by size alone).
 */
final class KMeansMethod implements HotspotMethod {

    private final KMeans kmeans;
    private final HotspotSettings settings;

    KMeansMethod(KMeans kmeans, HotspotSettings settings) {
        this.kmeans = kmeans;
        this.settings = settings;
    }

    @Override
    public MethodChoice choice() {
        return MethodChoice.KMEANS;
    }

    @Override
    public Layer fit(TrainingSet training, Progress progress) {
        WeightedPoints points = training.points();
        KMeans.Fit fit = kmeans.fit(points, settings.k(), settings.restarts(), settings.seed(), progress);
        List<org.beatwise.geo.Geometry.Circle> circles = HotspotFinder.describe(training.incidents(), points, fit.cx(),
                fit.cy(), training.projection(), new RadiusRule.Fixed(settings.patrolRadiusM())).circles();
        return new Layer.Circles(circles);
    }
}
