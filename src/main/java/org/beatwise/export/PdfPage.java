package org.beatwise.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * One A4 page being filled top to bottom: lines of text, tables, a boxed paragraph and a picture,
 * with a cursor that moves down. Text uses the PDF standard fonts, so nothing is embedded and the
 * file stays small; characters those fonts lack are replaced (see {@link #safe}).
 */
final class PdfPage implements AutoCloseable {

    // PDFBox warns on stderr that it draws the standard Helvetica with a metric-compatible system font
    // (LiberationSans, DejaVu); that is expected on a station, and a command prints nothing unasked on stderr.
    // Held in a field: java.util.logging keeps its loggers only weakly. Set before the fonts below load.
    private static final Logger FONT_FALLBACK_LOG = quiet("org.apache.pdfbox.pdmodel.font.PDType1Font");

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final float MARGIN = 40;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color SYNTHETIC_RED = new Color(0xC6, 0x28, 0x28);

    private final PDDocument doc;
    private final PDPageContentStream cs;
    private final boolean synthetic;
    private float y;

    PdfPage(PDDocument doc, boolean synthetic) throws IOException {
        this.doc = doc;
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
        this.synthetic = synthetic;
        if (synthetic) {
            syntheticBand();
        }
    }

    /** A red band on top of the page: no reader can take the figures as real. */
    private void syntheticBand() throws IOException {
        cs.setNonStrokingColor(SYNTHETIC_RED);
        cs.addRect(MARGIN, y - 16, WIDTH, 16);
        cs.fill();
        cs.beginText();
        cs.setNonStrokingColor(Color.WHITE);
        cs.setFont(BOLD, 10);
        cs.newLineAtOffset(MARGIN + 6, y - 12);
        cs.showText("SYNTHETIC DATA - generated incidents, not real crime. For training and demonstration only.");
        cs.endText();
        cs.setNonStrokingColor(Color.BLACK);
        y -= 24;
    }

    /** A translucent diagonal word over everything, so a cut-out of the map or a table still carries it. */
    private void syntheticWatermark() throws IOException {
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.12f);
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(faint);
        cs.beginText();
        cs.setNonStrokingColor(SYNTHETIC_RED);
        cs.setFont(BOLD, 96);
        cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(50), 130, 170));
        cs.showText("SYNTHETIC");
        cs.endText();
        cs.restoreGraphicsState();
    }

    float y() {
        return y;
    }

    void gap(float points) {
        y -= points;
    }

    void line(String text, PDType1Font font, float size) throws IOException {
        text(MARGIN, y - size, text, font, size, Color.BLACK);
        y -= size * 1.35f;
    }

    /** A paragraph wrapped to the page width. */
    void paragraph(String text, PDType1Font font, float size) throws IOException {
        for (String l : wrap(text, font, size, WIDTH)) {
            line(l, font, size);
        }
    }

    void text(float x, float baseline, String text, PDType1Font font, float size, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(text));
        cs.endText();
        cs.setNonStrokingColor(Color.BLACK);
    }

    /** Text right-aligned at {@code right}. */
    void textRight(float right, float baseline, String text, PDType1Font font, float size) throws IOException {
        text(right - width(text, font, size), baseline, text, font, size, Color.BLACK);
    }

    /**
     * A table: a bold header row and rows of cells, each cut to its column's width; numbers (columns
     * flagged in {@code right}) right-aligned.
     */
    void table(float[] widths, boolean[] right, List<String> header, List<List<String>> rows, float size) throws IOException {
        float rowH = size * 1.45f;
        cs.setNonStrokingColor(new Color(0xE8, 0xEC, 0xF0));
        cs.addRect(MARGIN, y - rowH, WIDTH, rowH);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        row(widths, right, header, BOLD, size, rowH);
        for (List<String> r : rows) {
            row(widths, right, r, REGULAR, size, rowH);
        }
        cs.setStrokingColor(new Color(0xB0, 0xB0, 0xB0));
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN + WIDTH, y);
        cs.stroke();
        cs.setStrokingColor(Color.BLACK);
        y -= 4;
    }

    private void row(float[] widths, boolean[] right, List<String> cells, PDType1Font font, float size, float rowH)
            throws IOException {
        float x = MARGIN;
        float baseline = y - rowH + size * 0.4f;
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            String fitted = fit(cell, font, size, widths[i] - 4);
            if (right[i]) {
                textRight(x + widths[i] - 4, baseline, fitted, font, size);
            } else {
                text(x + 2, baseline, fitted, font, size, Color.BLACK);
            }
            x += widths[i];
        }
        y -= rowH;
    }

    /** A framed paragraph with a bold heading. */
    void box(String heading, List<String> paragraphs, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            lines.addAll(wrap(p, REGULAR, size, WIDTH - 16));
        }
        float lineH = size * 1.35f;
        float height = 10 + (lines.size() + 1) * lineH + 6;
        cs.setNonStrokingColor(new Color(0xF4, 0xF7, 0xFA));
        cs.addRect(MARGIN, y - height, WIDTH, height);
        cs.fill();
        cs.setStrokingColor(new Color(0x90, 0xA4, 0xAE));
        cs.addRect(MARGIN, y - height, WIDTH, height);
        cs.stroke();
        cs.setStrokingColor(Color.BLACK);
        cs.setNonStrokingColor(Color.BLACK);
        float baseline = y - 8 - size;
        text(MARGIN + 8, baseline, heading, BOLD, size, Color.BLACK);
        for (String l : lines) {
            baseline -= lineH;
            text(MARGIN + 8, baseline, l, REGULAR, size, Color.BLACK);
        }
        y -= height + 8;
    }

    void image(BufferedImage image, float height) throws IOException {
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        float w = WIDTH;
        float h = height;
        cs.drawImage(x, MARGIN, y - h, w, h);
        cs.setStrokingColor(new Color(0x90, 0x90, 0x90));
        cs.addRect(MARGIN, y - h, w, h);
        cs.stroke();
        cs.setStrokingColor(Color.BLACK);
        y -= h + 4;
    }

    void footer(String text) throws IOException {
        text(MARGIN, MARGIN / 2, text, REGULAR, 7.5f, new Color(0x60, 0x60, 0x60));
    }

    @Override
    public void close() throws IOException {
        if (synthetic) {
            syntheticWatermark();
        }
        cs.close();
    }

    static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    private static String fit(String text, PDType1Font font, float size, float max) throws IOException {
        if (width(text, font, size) <= max) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && width(t + "...", font, size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    static List<String> wrap(String text, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) > max && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * Text the standard fonts can show (WinAnsi): common typographic marks are kept or spelled out, any
     * other character becomes '?', and control characters become spaces, so no stored value can break
     * the layout or the file.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\u2264') {
                sb.append("<=");
            } else if (c == '\u2265') {
                sb.append(">=");
            } else if (c == '\u2212') {
                sb.append('-');
            } else if (c == '\u00B7' || c == '\u2013' || c == '\u2014' || c == '\u2018' || c == '\u2019' || c == '\u201C'
                    || c == '\u201D' || c == '\u2022' || c == '\u2026' || c == '\u20AC') {
                sb.appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(' ');
            } else if (c <= 0x7E || (c >= 0xA0 && c <= 0xFF)) {
                sb.appendCodePoint(c);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private static Logger quiet(String name) {
        Logger log = Logger.getLogger(name);
        log.setLevel(Level.SEVERE);
        return log;
    }
}
