package org.beatwise.hotspot;

import java.util.List;
import org.beatwise.task.Progress;

/** Today's method behind the shared interface: K-Means centres, circles by the radius rule, biggest cluster first. */
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
                fit.cy(), training.projection(), settings.radius()).circles();
        return new Layer.Circles(circles);
    }
}
