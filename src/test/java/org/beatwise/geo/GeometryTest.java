package org.beatwise.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.beatwise.geo.Geometry.Circle;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void convexHullOfASquareIgnoresInnerAndEdgePoints() {
        double[] xs = {0, 100, 100, 0, 50, 20, 50, 100};
        double[] ys = {0, 0, 100, 100, 50, 70, 0, 50};
        double[][] hull = Geometry.convexHull(xs, ys);
        assertEquals(4, hull.length);
        assertEquals(10_000, Geometry.polygonArea(hull), 1e-9);
    }

    @Test
    void convexHullOfATriangle() {
        double[][] hull = Geometry.convexHull(new double[] {0, 400, 0, 10}, new double[] {0, 0, 300, 10});
        assertEquals(60_000, Geometry.polygonArea(hull), 1e-9);
    }

    @Test
    void degenerateHullsHaveNoArea() {
        assertEquals(0, Geometry.polygonArea(Geometry.convexHull(new double[] {5}, new double[] {5})), 0);
        assertEquals(0, Geometry.polygonArea(Geometry.convexHull(new double[] {0, 1, 2}, new double[] {0, 1, 2})), 0);
    }

    @Test
    void disjointCirclesAddUp() {
        double area = Geometry.unionArea(List.of(new Circle(0, 0, 250), new Circle(1000, 0, 250)), 1);
        assertEquals(2 * Math.PI * 250 * 250, area, 2 * Math.PI * 250 * 250 * 1e-4);
    }

    @Test
    void identicalCirclesCountOnce() {
        double area = Geometry.unionArea(List.of(new Circle(0, 0, 250), new Circle(0, 0, 250), new Circle(0, 0, 100)), 1);
        assertEquals(Math.PI * 250 * 250, area, Math.PI * 250 * 250 * 1e-4);
    }

    @Test
    void overlappingCirclesLoseTheLens() {
        double r = 100;
        double d = 100; // centres one radius apart
        double lens = 2 * r * r * Math.acos(d / (2 * r)) - d / 2 * Math.sqrt(4 * r * r - d * d);
        double expected = 2 * Math.PI * r * r - lens;
        double area = Geometry.unionArea(List.of(new Circle(0, 0, r), new Circle(d, 0, r)), 0.5);
        assertEquals(expected, area, expected * 1e-4);
    }
}
