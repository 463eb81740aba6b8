package org.beatwise.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.beatwise.domain.Area;
import org.beatwise.geo.LocalProjection;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;

/**
 * Draws a {@link MapScene} with Java2D, which needs no display ({@code java.awt.headless}), in a local
 * metric projection so circles stay round and the scale bar is true. The view fits the hotspot set
 * with a margin, or the areas when there is no set.
 */
public final class MapPicture {

    public static final int MIN_SIDE = 200;
    public static final int MAX_SIDE = 8000;
    /** A view narrower than this shows too little street context to find the places on. */
    private static final double MIN_SPAN_M = 1500;

    private static final Color SEA = new Color(0xEE, 0xF2, 0xF5);
    private static final Color LAND = new Color(0xFA, 0xF8, 0xF2);
    private static final Color OUTLINE = new Color(0x6E, 0x6E, 0x6E);
    private static final Color LABEL = new Color(0x55, 0x55, 0x55);
    private static final Color HOT = new Color(0xC6, 0x28, 0x28);
    private static final Color DOT = new Color(0x1F, 0x4E, 0x79, 0x80);

    private MapPicture() { }

    /** Checks a picture size; the message names the side and the allowed range. */
    public static void checkSize(int width, int height) {
        if (width < MIN_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException("width must be between " + MIN_SIDE + " and " + MAX_SIDE + " pixels, was " + width);
        }
        if (height < MIN_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("height must be between " + MIN_SIDE + " and " + MAX_SIDE + " pixels, was "
                    + height);
        }
    }

    public static BufferedImage draw(MapScene scene, int width, int height) {
        checkSize(width, height);
        View view = View.fit(scene, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(scene.areas().isEmpty() ? LAND : SEA);
            g.fillRect(0, 0, width, height);
            float unit = Math.max(1f, Math.min(width, height) / 500f);
            drawAreas(g, scene, view, unit);
            drawPoints(g, scene, view, unit);
            drawCells(g, scene, view, unit);
            drawCircles(g, scene, view, unit);
            drawScaleBar(g, view, width, height, unit);
            drawTitle(g, scene.title(), unit);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writePng(image, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void drawAreas(Graphics2D g, MapScene scene, View view, float unit) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * unit)));
        for (Area a : scene.areas()) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Area.Polygon p : a.polygons()) {
                for (double[] ring : p.rings()) {
                    for (int i = 0; i + 1 < ring.length; i += 2) {
                        double px = view.px(ring[i]);
                        double py = view.py(ring[i + 1]);
                        if (i == 0) {
                            path.moveTo(px, py);
                        } else {
                            path.lineTo(px, py);
                        }
                    }
                    path.closePath();
                }
            }
            g.setColor(LAND);
            g.fill(path);
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(unit));
            g.draw(path);
            Rectangle2D box = path.getBounds2D();
            if (view.bounds().contains(box.getCenterX(), box.getCenterY())) {
                g.setColor(LABEL);
                centred(g, a.name(), box.getCenterX(), box.getCenterY());
            }
        }
    }

    private static void drawPoints(Graphics2D g, MapScene scene, View view, float unit) {
        g.setColor(DOT);
        double r = 1.5 * unit;
        for (int i = 0; i < scene.pointLats().length; i++) {
            double px = view.px(scene.pointLons()[i]);
            double py = view.py(scene.pointLats()[i]);
            g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        }
    }

    private static void drawCells(Graphics2D g, MapScene scene, View view, float unit) {
        int n = scene.cells().size();
        for (HotCell c : scene.cells()) {
            // the best cells darkest, so the ranking reads without a legend
            int alpha = 200 - (int) (120.0 * (c.rank() - 1) / Math.max(1, n - 1));
            double x0 = view.px(c.west());
            double x1 = view.px(c.east());
            double y0 = view.py(c.north());
            double y1 = view.py(c.south());
            Rectangle2D.Double box = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
            g.setColor(new Color(0xE6, 0x51, 0x00, Math.max(60, alpha)));
            g.fill(box);
            g.setColor(new Color(0xB7, 0x1C, 0x1C));
            g.setStroke(new BasicStroke(0.5f * unit));
            g.draw(box);
        }
    }

    private static void drawCircles(Graphics2D g, MapScene scene, View view, float unit) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(12 * unit)));
        for (Hotspot h : scene.circles()) {
            double px = view.px(h.lon());
            double py = view.py(h.lat());
            double r = h.radiusM() * view.scale();
            Ellipse2D.Double circle = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g.setColor(new Color(HOT.getRed(), HOT.getGreen(), HOT.getBlue(), 70));
            g.fill(circle);
            g.setColor(HOT);
            g.setStroke(new BasicStroke(2 * unit));
            g.draw(circle);
        }
        for (Hotspot h : scene.circles()) {
            double px = view.px(h.lon());
            double py = view.py(h.lat());
            double d = 18 * unit;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(px - d / 2, py - d / 2, d, d));
            g.setColor(HOT);
            g.setStroke(new BasicStroke(1.5f * unit));
            g.draw(new Ellipse2D.Double(px - d / 2, py - d / 2, d, d));
            centred(g, String.valueOf(h.rank()), px, py);
        }
    }

    private static void drawScaleBar(Graphics2D g, View view, int width, int height, float unit) {
        double target = width / 5.0 / view.scale();
        double metres = niceLength(target);
        double px = metres * view.scale();
        double x = 16 * unit;
        double y = height - 18 * unit;
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Rectangle2D.Double(x - 6 * unit, y - 20 * unit, px + 12 * unit, 28 * unit));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2 * unit));
        g.draw(new Path2D.Double(new Rectangle2D.Double(x, y - 4 * unit, px, 4 * unit)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * unit)));
        String text = metres >= 1000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000)
                : String.format(Locale.ROOT, "%.0f m", metres);
        g.drawString(text, (float) x, (float) (y - 8 * unit));
        // north is up in this projection: say so, as paper maps do
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(14 * unit)));
        centred(g, "N \u2191", width - 24 * unit, 20 * unit);
    }

    private static void drawTitle(Graphics2D g, String title, float unit) {
        if (title.isBlank()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(13 * unit)));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(Math.round(8 * unit), Math.round(8 * unit), fm.stringWidth(title) + Math.round(12 * unit),
                fm.getHeight() + Math.round(6 * unit));
        g.setColor(Color.BLACK);
        g.drawString(title, 14 * unit, 11 * unit + fm.getAscent());
    }

    private static void centred(Graphics2D g, String text, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** 1, 2 or 5 times a power of ten, at most {@code metres}. */
    static double niceLength(double metres) {
        double p = Math.pow(10, Math.floor(Math.log10(metres)));
        for (double f : new double[] {5, 2, 1}) {
            if (f * p <= metres) {
                return f * p;
            }
        }
        return p;
    }

    /** Degrees to pixels: the local projection around the view's centre, then a uniform scale. */
    private record View(LocalProjection projection, double scale, int width, int height) {

        static View fit(MapScene scene, int width, int height) {
            double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            for (Hotspot h : scene.circles()) {
                double dLat = Math.toDegrees(h.radiusM() / org.beatwise.geo.LatLon.EARTH_RADIUS_M);
                double dLon = dLat / Math.cos(Math.toRadians(h.lat()));
                grow(box, h.lat() - dLat, h.lon() - dLon);
                grow(box, h.lat() + dLat, h.lon() + dLon);
            }
            for (HotCell c : scene.cells()) {
                grow(box, c.south(), c.west());
                grow(box, c.north(), c.east());
            }
            if (!Double.isFinite(box[0])) {
                for (int i = 0; i < scene.pointLats().length; i++) {
                    grow(box, scene.pointLats()[i], scene.pointLons()[i]);
                }
            }
            if (!Double.isFinite(box[0])) {
                for (Area a : scene.areas()) {
                    for (Area.Polygon p : a.polygons()) {
                        double[] ring = p.rings().get(0);
                        for (int i = 0; i + 1 < ring.length; i += 2) {
                            grow(box, ring[i + 1], ring[i]);
                        }
                    }
                }
            }
            if (!Double.isFinite(box[0])) {
                throw new IllegalArgumentException("the map has nothing to show: no hotspots, cells, incidents or areas");
            }
            LocalProjection p = new LocalProjection((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
            double spanX = Math.max(MIN_SPAN_M, 1.2 * (p.x(box[3]) - p.x(box[1])));
            double spanY = Math.max(MIN_SPAN_M, 1.2 * (p.y(box[2]) - p.y(box[0])));
            double scale = Math.min(width / spanX, height / spanY);
            return new View(p, scale, width, height);
        }

        private static void grow(double[] box, double lat, double lon) {
            if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
                return;
            }
            box[0] = Math.min(box[0], lat);
            box[1] = Math.min(box[1], lon);
            box[2] = Math.max(box[2], lat);
            box[3] = Math.max(box[3], lon);
        }

        double px(double lon) {
            return width / 2.0 + projection.x(lon) * scale;
        }

        double py(double lat) {
            return height / 2.0 - projection.y(lat) * scale;
        }

        Rectangle2D bounds() {
            return new Rectangle2D.Double(0, 0, width, height);
        }
    }
}
