package org.beatwise.hotspot;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;

/**
 * Kernel density on a fine raster in local metres; the layer is the densest cells filling the target
 * area. Each incident's kernel is summed over the raster and scaled so it adds exactly its weight
 * (1, or ½ per half-life of age when recency weighting is on), so the surface integrates to the
 * (weighted) incident count whatever the bandwidth and cell size. The Gaussian is cut at three
 * bandwidths and computed as a product of two one-dimensional kernels, which is what makes it fast on
 * 50,000 distinct points.
 */
final class KdeMethod implements HotspotMethod {

    private static final long MAX_CELLS = 25_000_000L;

    private final Kernel kernel;
    private final double bandwidthM;
    private final double cellM;
    private final Double halfLifeDays;

    KdeMethod(Kernel kernel, double bandwidthM, double cellM, Double halfLifeDays) {
        this.kernel = kernel;
        this.bandwidthM = bandwidthM;
        this.cellM = cellM;
        this.halfLifeDays = halfLifeDays;
    }

    @Override
    public MethodChoice choice() {
        return MethodChoice.KDE;
    }

    @Override
    public String variant() {
        return String.format(Locale.ROOT, "%s bandwidth %.0f m", kernel.key(), bandwidthM);
    }

    double bandwidthM() {
        return bandwidthM;
    }

    @Override
    public Layer fit(TrainingSet training, Progress progress) {
        DensitySurface surface = surface(training, progress);
        int wanted = (int) Math.max(1, Math.round(training.targetAreaM2() / (cellM * cellM)));
        return new Layer.Cells(cellM, surface.top(wanted));
    }

    DensitySurface surface(TrainingSet training, Progress progress) {
        record Key(double x, double y) { }
        Map<Key, double[]> weights = new HashMap<>();
        for (Incident i : training.incidents()) {
            double w = 1;
            if (halfLifeDays != null) {
                double ageDays = Math.max(0, Duration.between(i.occurredAt(), training.asOf()).toSeconds() / 86_400.0);
                w = Math.pow(0.5, ageDays / halfLifeDays);
            }
            Key key = new Key(training.projection().x(i.lon()), training.projection().y(i.lat()));
            weights.computeIfAbsent(key, k -> new double[1])[0] += w;
        }
        double reach = kernel == Kernel.GAUSSIAN ? 3 * bandwidthM : bandwidthM;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Key k : weights.keySet()) {
            minX = Math.min(minX, k.x);
            maxX = Math.max(maxX, k.x);
            minY = Math.min(minY, k.y);
            maxY = Math.max(maxY, k.y);
        }
        int span = (int) Math.ceil(reach / cellM) + 1;
        int col0 = (int) Math.floor(minX / cellM) - span;
        int row0 = (int) Math.floor(minY / cellM) - span;
        int cols = (int) Math.floor(maxX / cellM) + span - col0 + 1;
        int rows = (int) Math.floor(maxY / cellM) + span - row0 + 1;
        if ((long) cols * rows > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "kde_cell_m = %.0f m needs a raster of %,d cells"
                    + " over this area (at most %,d); use larger cells", cellM, (long) cols * rows, MAX_CELLS));
        }
        double[] value = new double[cols * rows];
        double[] gx = new double[2 * span + 1];
        double[] gy = new double[2 * span + 1];
        double[] stencil = new double[gx.length * gy.length];
        int done = 0;
        for (Map.Entry<Key, double[]> e : weights.entrySet()) {
            if ((++done & 1023) == 0) {
                progress.checkCancelled();
            }
            double px = e.getKey().x;
            double py = e.getKey().y;
            int pc = (int) Math.floor(px / cellM);
            int pr = (int) Math.floor(py / cellM);
            double sum = 0;
            if (kernel == Kernel.GAUSSIAN) {
                double sx = 0;
                double sy = 0;
                for (int d = -span; d <= span; d++) {
                    gx[d + span] = gauss((pc + d + 0.5) * cellM - px);
                    gy[d + span] = gauss((pr + d + 0.5) * cellM - py);
                    sx += gx[d + span];
                    sy += gy[d + span];
                }
                sum = sx * sy;
                for (int j = 0; j < gy.length; j++) {
                    for (int i = 0; i < gx.length; i++) {
                        stencil[j * gx.length + i] = gx[i] * gy[j];
                    }
                }
            } else {
                for (int j = 0; j < gy.length; j++) {
                    double dy = (pr + j - span + 0.5) * cellM - py;
                    for (int i = 0; i < gx.length; i++) {
                        double dx = (pc + i - span + 0.5) * cellM - px;
                        double u2 = (dx * dx + dy * dy) / (bandwidthM * bandwidthM);
                        double k = u2 < 1 ? (1 - u2) * (1 - u2) : 0;
                        stencil[j * gx.length + i] = k;
                        sum += k;
                    }
                }
            }
            if (!(sum > 0)) {
                // Bandwidth far below the cell size: the incident's whole weight stays in its own cell.
                value[(pr - row0) * cols + (pc - col0)] += e.getValue()[0];
                continue;
            }
            double scale = e.getValue()[0] / sum;
            for (int j = 0; j < gy.length; j++) {
                int row = pr + j - span - row0;
                int base = row * cols;
                for (int i = 0; i < gx.length; i++) {
                    int col = pc + i - span - col0;
                    value[base + col] += stencil[j * gx.length + i] * scale;
                }
            }
        }
        return new DensitySurface(cellM, col0, row0, cols, rows, value);
    }

    private double gauss(double d) {
        double u = d / bandwidthM;
        return Math.abs(u) > 3 ? 0 : Math.exp(-0.5 * u * u);
    }

    /** One method per bandwidth: the backtest keeps the one that forecasts best. */
    static List<KdeMethod> variants(HotspotSettings s) {
        return s.bandwidthsM().stream().map(b -> new KdeMethod(s.kernel(), b, s.kdeCellM(), s.halfLifeDays())).toList();
    }
}
