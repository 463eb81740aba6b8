package org.beatwise.hotspot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beatwise.geo.Geometry;
import org.beatwise.geo.Geometry.Circle;

/**
 * The areas a method proposes, in the local projection's metres, ranked best first. Either circles
 * (coverage, kmeans) or square cells aligned to the projection's origin (kde, gistar, grid); the
 * backtest scores both the same way.
 */
public sealed interface Layer {

    /** Area covered, overlaps counted once, in m². */
    double areaM2();

    /** Number of ranked units (circles or cells). */
    int size();

    /** The best {@code n} units: the plan with fewer areas, for the hit-rate-versus-area curve. */
    Layer top(int n);

    /** How many of the points lie inside the layer (each counted once). */
    default int hits(double[] xs, double[] ys) {
        return hits(xs, ys, null, null);
    }

    /**
     * How many of the points lie inside the layer, and (when {@code group} is given) how many of each
     * group: point {@code i} inside adds one to {@code hitsPerGroup[group[i]]}. One pass over the points.
     */
    int hits(double[] xs, double[] ys, int[] group, int[] hitsPerGroup);

    /** Separate places a patrol would visit: groups of overlapping circles, or of touching cells. */
    int patrolAreas();

    /** Circles in metres, best first. */
    record Circles(List<Circle> circles) implements Layer {
        public Circles {
            circles = List.copyOf(circles);
        }

        @Override
        public double areaM2() {
            return Geometry.unionArea(circles, 1.0);
        }

        @Override
        public int size() {
            return circles.size();
        }

        @Override
        public Layer top(int n) {
            return new Circles(circles.subList(0, Math.min(n, circles.size())));
        }

        @Override
        public int hits(double[] xs, double[] ys, int[] group, int[] hitsPerGroup) {
            int hits = 0;
            for (int i = 0; i < xs.length; i++) {
                for (Circle c : circles) {
                    if (c.contains(xs[i], ys[i])) {
                        hits++;
                        if (group != null) {
                            hitsPerGroup[group[i]]++;
                        }
                        break;
                    }
                }
            }
            return hits;
        }

        @Override
        public int patrolAreas() {
            UnionFind groups = new UnionFind(circles.size());
            for (int a = 0; a < circles.size(); a++) {
                for (int b = a + 1; b < circles.size(); b++) {
                    Circle p = circles.get(a);
                    Circle q = circles.get(b);
                    if (Math.hypot(p.x() - q.x(), p.y() - q.y()) < p.r() + q.r()) {
                        groups.join(a, b);
                    }
                }
            }
            return groups.count();
        }
    }

    /**
     * Square cells of side {@code cellM}; cell (col, row) spans x in [col·cellM, (col+1)·cellM) and y alike.
     */
    record Cells(double cellM, List<RasterCell> cells) implements Layer {
        public Cells {
            cells = List.copyOf(cells);
            if (!(cellM > 0)) {
                throw new IllegalArgumentException("cellM must be > 0, was " + cellM);
            }
        }

        @Override
        public double areaM2() {
            return cells.size() * cellM * cellM;
        }

        @Override
        public int size() {
            return cells.size();
        }

        @Override
        public Layer top(int n) {
            return new Cells(cellM, cells.subList(0, Math.min(n, cells.size())));
        }

        @Override
        public int hits(double[] xs, double[] ys, int[] group, int[] hitsPerGroup) {
            Set<Long> keys = new HashSet<>(cells.size() * 2);
            cells.forEach(c -> keys.add(RasterCell.key(c.col(), c.row())));
            int hits = 0;
            for (int i = 0; i < xs.length; i++) {
                if (keys.contains(RasterCell.key((int) Math.floor(xs[i] / cellM), (int) Math.floor(ys[i] / cellM)))) {
                    hits++;
                    if (group != null) {
                        hitsPerGroup[group[i]]++;
                    }
                }
            }
            return hits;
        }

        @Override
        public int patrolAreas() {
            java.util.Map<Long, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                index.put(RasterCell.key(cells.get(i).col(), cells.get(i).row()), i);
            }
            UnionFind groups = new UnionFind(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                RasterCell c = cells.get(i);
                for (int dc = -1; dc <= 1; dc++) {
                    for (int dr = -1; dr <= 1; dr++) {
                        Integer j = index.get(RasterCell.key(c.col() + dc, c.row() + dr));
                        if (j != null) {
                            groups.join(i, j);
                        }
                    }
                }
            }
            return groups.count();
        }
    }
}
