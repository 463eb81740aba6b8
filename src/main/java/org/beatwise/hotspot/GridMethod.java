package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;

/** The baseline: the training period's busiest square cells, as many as fill the target area (ties: lower cell key). */
final class GridMethod implements HotspotMethod {

    private final double cellM;

    GridMethod(double cellM) {
        this.cellM = cellM;
    }

    @Override
    public MethodChoice choice() {
        return MethodChoice.GRID;
    }

    @Override
    public Layer fit(TrainingSet training, Progress progress) {
        progress.checkCancelled();
        Map<Long, Integer> counts = new HashMap<>();
        for (Incident i : training.incidents()) {
            counts.merge(GridBaseline.key(training.projection().x(i.lon()), training.projection().y(i.lat()), cellM), 1,
                    Integer::sum);
        }
        int wanted = (int) Math.max(1, Math.round(training.targetAreaM2() / (cellM * cellM)));
        List<RasterCell> cells = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(wanted)
                .forEach(e -> cells.add(new RasterCell((int) (e.getKey() >> 32), (int) e.getKey().longValue(), e.getValue(),
                        e.getValue(), Double.NaN, Double.NaN, 0)));
        return new Layer.Cells(cellM, cells);
    }
}
