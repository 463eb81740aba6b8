package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.List;
import org.beatwise.task.Progress;

/**
 * Gi* hot spots on the grid: the cells significant as hot spots (90 % or more after the FDR
 * correction), highest z first, as many as fill the target area. Fewer when fewer are significant:
 * Gi* does not invent hot spots to fill a quota. The distance band is a setting
 * ({@link HotspotSettings#giBandCells()}); at the default 1.5 cells each cell's neighbourhood is itself
 * and its eight neighbours.
 */
final class GiStarMethod implements HotspotMethod {

    private final double cellM;
    private final double bandCells;

    GiStarMethod(double cellM, double bandCells) {
        this.cellM = cellM;
        this.bandCells = bandCells;
    }

    @Override
    public MethodChoice choice() {
        return MethodChoice.GISTAR;
    }

    @Override
    public Layer fit(TrainingSet training, Progress progress) {
        progress.checkCancelled();
        CellCounts counts = CellCounts.of(training.incidents(), training.projection(), cellM);
        GiStar g = GiStar.of(counts.count(), counts.cols(), counts.rows(), bandCells);
        List<Integer> hot = new ArrayList<>();
        for (int i = 0; i < g.z().length; i++) {
            if (g.confidence()[i] >= 90) {
                hot.add(i);
            }
        }
        hot.sort((a, b) -> g.z()[a] != g.z()[b] ? Double.compare(g.z()[b], g.z()[a]) : Integer.compare(a, b));
        int wanted = (int) Math.max(1, Math.round(training.targetAreaM2() / (cellM * cellM)));
        List<RasterCell> cells = new ArrayList<>();
        for (int i : hot.subList(0, Math.min(wanted, hot.size()))) {
            cells.add(new RasterCell(counts.col0() + i % counts.cols(), counts.row0() + i / counts.cols(), g.z()[i],
                    (int) counts.count()[i], g.z()[i], g.p()[i], g.confidence()[i]));
        }
        return new Layer.Cells(cellM, cells);
    }
}
