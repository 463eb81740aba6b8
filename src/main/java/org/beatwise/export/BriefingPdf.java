package org.beatwise.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.beatwise.hotspot.DistrictHitRate;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.MethodScore;
import org.beatwise.hotspot.MethodSummary;
import org.beatwise.model.ClassMetrics;
import org.beatwise.model.ModelReport;

/**
 * Lays out a shift briefing on A4: page 1 the who, what and where with the map, the backtest beside
 * the grid baseline and how to read it; page 2 the hotspot table; page 3, when a model is included,
 * its figures on held-out incidents beside the baselines. Figures are printed as stored, in fixed
 * formats (see {@link #count}, {@link #percent}), so the text can be checked against the set.
 */
final class BriefingPdf {

    /** Cells beyond this many are in the GeoJSON and CSV exports, not on paper. */
    static final int MAX_TABLE_ROWS = 40;
    /** Map pixels: about 180 dpi at the page's width, sharp on paper without a heavy file. */
    static final int MAP_WIDTH_PX = 1300;
    static final int MAP_HEIGHT_PX = 830;
    private static final float MAP_HEIGHT_PT = PdfPage.WIDTH * MAP_HEIGHT_PX / MAP_WIDTH_PX;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private BriefingPdf() { }

    static BriefingDocument write(Briefing b) {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle("Shift briefing: " + b.set().name());
            doc.getDocumentInformation().setAuthor(b.analyst());
            doc.getDocumentInformation().setCreator("Beatwise");
            List<PdfPage> pages = new ArrayList<>();
            try {
                pages.add(overview(doc, b));
                pages.add(hotspotTable(doc, b));
                if (b.model() != null) {
                    pages.add(model(doc, b));
                }
                for (int i = 0; i < pages.size(); i++) {
                    pages.get(i).footer(String.format(Locale.ROOT, "%s  |  %s  |  set '%s'  |  created %s by %s  |  page %d of %d",
                            b.station(), b.synthetic() ? "SYNTHETIC DATA" : "dataset '" + b.dataset().name() + "'",
                            b.set().name(), when(b), b.analyst(),
                            i + 1, pages.size()));
                }
            } finally {
                for (PdfPage p : pages) {
                    p.close();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new BriefingDocument(out.toByteArray(), pages.size(), b.synthetic(),
                    "briefing on set '" + b.set().name() + "' from dataset '" + b.dataset().name() + "'"
                            + (b.model() == null ? "" : " with model '" + b.model().model() + "'"),
                    b.set().name(), b.dataset().name());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the briefing: " + e.getMessage(), e);
        }
    }

    /** Page 1 as a picture, for the app's preview. */
    static BufferedImage renderPage1(byte[] pdf, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the briefing's first page: " + e.getMessage(), e);
        }
    }

    private static PdfPage overview(PDDocument doc, Briefing b) throws IOException {
        PdfPage p = new PdfPage(doc, b.synthetic());
        HotspotResult r = b.set().result();
        float top = p.y();
        p.text(PdfPage.MARGIN, top - 18, "Shift briefing", PdfPage.BOLD, 18, java.awt.Color.BLACK);
        p.textRight(PdfPage.MARGIN + PdfPage.WIDTH, top - 18, b.station(), PdfPage.BOLD, 12);
        p.gap(26);
        p.line("Analyst: " + b.analyst() + "    Created: " + when(b), PdfPage.REGULAR, 9);
        p.line(String.format(Locale.ROOT, "Dataset: %s - %s incidents, %s to %s%s", b.dataset().name(), count(b.dataset().rows()),
                day(b.dataset().firstOccurred()), day(b.dataset().lastOccurred()), b.synthetic() ? " (generated)" : ""),
                PdfPage.REGULAR, 9);
        p.line(String.format(Locale.ROOT, "Hotspot set: %s - method %s, %d areas from %s incidents (%s to %s), saved by %s",
                b.set().name(), r.method().key(), areaCount(r), count(r.rowsUsed()), day(r.provenance().firstIncident()),
                day(r.provenance().lastIncident()), b.set().createdBy()), PdfPage.REGULAR, 9);
        p.line("Data SHA-256: " + r.provenance().dataSha256(), PdfPage.REGULAR, 8);
        p.gap(4);
        MapScene scene = new MapScene("", b.areas(), r.hotspots(), r.cells());
        p.image(MapPicture.draw(scene, MAP_WIDTH_PX, MAP_HEIGHT_PX), MAP_HEIGHT_PT);
        p.line("Map: " + (r.hotspots().isEmpty() ? "the set's cells, darkest = highest ranked" : "the set's circles, numbered by rank")
                + (b.areaLayers().isEmpty() ? "" : ", over " + String.join(", ", b.areaLayers())) + ". North is up.",
                PdfPage.REGULAR, 8);
        p.gap(6);
        backtest(p, r.evaluation(), r);
        p.box("How to read this", howToRead(b), 8.5f);
        return p;
    }

    private static void backtest(PdfPage p, Evaluation e, HotspotResult r) throws IOException {
        p.line("How the method did on incidents it had not seen (backtest)", PdfPage.BOLD, 11);
        if (e == null) {
            p.paragraph("No backtest was run for this set" + (r.notes().isEmpty() ? "." : ": " + String.join(" ", r.notes())),
                    PdfPage.REGULAR, 9);
            p.gap(4);
            return;
        }
        p.paragraph(String.format(Locale.ROOT, "Fitted on incidents before %s and judged on the %s incidents after it%s. "
                        + "Hit rate = share of those incidents inside the areas; PAI = hit rate over the share of the study "
                        + "area covered (%s km2); PEI = hits over the most any cells of that area could have caught.",
                day(e.testFrom()), count(e.testCount()),
                e.windows().size() > 1 ? " (" + e.windows().size() + " rolling windows)" : "",
                decimal(e.studyAreaKm2(), 2)), PdfPage.REGULAR, 8.5f);
        List<List<String>> rows = new ArrayList<>();
        boolean gridListed = false;
        for (MethodSummary m : e.methods()) {
            gridListed |= m.method().equals("grid");
            rows.add(List.of(label(m.method(), e.chosen()), m.variant(), percent(m.hitRate()), decimal(m.areaKm2(), 3),
                    decimal(m.pai(), 2), decimal(m.pei(), 2), decimal(m.areas(), 1)));
        }
        if (e.methods().isEmpty()) {
            MethodScore k = e.kmeans();
            rows.add(List.of(label(k.method(), e.chosen()), "", percent(k.hitRate()), decimal(k.areaKm2(), 3), decimal(k.pai(), 2),
                    decimal(k.pei(), 2), ""));
        }
        if (!gridListed) {
            // the grid is judged at the chosen layer's area; in sets saved before the per-district table (and when
            // K-Means is the set's method) it was the K-Means pair's, so that pair is shown with it
            MethodScore k = e.kmeans();
            MethodScore g = e.grid();
            boolean kmeansPair = e.chosen().equals("kmeans") || e.districts().isEmpty();
            if (!e.methods().isEmpty() && kmeansPair) {
                rows.add(List.of("kmeans (equal-area pair)", "radius rule of the set", percent(k.hitRate()),
                        decimal(k.areaKm2(), 3), decimal(k.pai(), 2), decimal(k.pei(), 2), ""));
            }
            String area = e.methods().isEmpty() || !kmeansPair || e.chosen().equals("kmeans") ? ", same area"
                    : ", K-Means area";
            rows.add(List.of("grid (baseline)", "cells " + decimal(e.cellSizeM(), 0) + " m" + area, percent(g.hitRate()),
                    decimal(g.areaKm2(), 3), decimal(g.pai(), 2), decimal(g.pei(), 2), ""));
        }
        p.table(new float[] {120, 115, 60, 60, 50, 50, 60}, new boolean[] {false, false, true, true, true, true, true},
                List.of("Method", "Variant", "Hit rate", "Area km2", "PAI", "PEI", "Places"), rows, 8.5f);
        if (!e.chosenBecause().isBlank()) {
            p.paragraph("Why this method: " + e.chosenBecause(), PdfPage.REGULAR, 8);
        }
        p.gap(4);
    }

    private static String label(String method, String chosen) {
        return method.equals(chosen) ? method + " (this set)" : method.equals("grid") ? "grid (baseline)" : method;
    }

    private static List<String> howToRead(Briefing b) {
        List<String> lines = new ArrayList<>();
        HotspotResult r = b.set().result();
        lines.add(r.hotspots().isEmpty()
                ? "The shaded squares are where incidents were most concentrated in the past; darker squares ranked higher."
                : "Each numbered circle is a place where past incidents were concentrated; 1 had the most. "
                        + "The table on the next page lists what happened there and when.");
        lines.add("A hotspot is a forecast from the past, not a certainty: the backtest above says how much of the "
                + "following period's crime such areas caught, beside plain grid squares of the same size (the baseline). "
                + "If the baseline does as well, the method adds little.");
        lines.add("Busiest hours and days are those of past incidents in each area. Use them to time visits, "
                + "not to judge people or streets.");
        if (b.model() != null) {
            lines.add("The model page shows figures on incidents the model never saw while training, beside two "
                    + "simple guesses; a model that does not beat them should not be relied on.");
        }
        return lines;
    }

    private static PdfPage hotspotTable(PDDocument doc, Briefing b) throws IOException {
        PdfPage p = new PdfPage(doc, b.synthetic());
        HotspotResult r = b.set().result();
        p.line("Hotspots of set '" + b.set().name() + "'", PdfPage.BOLD, 13);
        p.gap(2);
        if (!r.hotspots().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Hotspot h : r.hotspots()) {
                rows.add(List.of(String.valueOf(h.rank()), coordinate(h.lat()) + ", " + coordinate(h.lon()),
                        decimal(h.radiusM(), 0), decimal(h.areaKm2(), 3), count(h.inside()), count(h.count()),
                        h.topOffences().stream().map(o -> o.offence()).collect(Collectors.joining("; ")),
                        h.busiestHours(3).stream().map(BriefingPdf::hour).collect(Collectors.joining(" ")),
                        h.busiestDays(2).stream().map(BriefingPdf::day).collect(Collectors.joining(" "))));
            }
            p.table(new float[] {24, 92, 38, 42, 44, 36, 139, 60, 40},
                    new boolean[] {true, false, true, true, true, true, false, false, false},
                    List.of("Rank", "Centre (lat, lon)", "Radius m", "Area km2", "Within", "Nearest", "Top offences",
                            "Busiest hours", "Days"), rows, 7.5f);
            p.paragraph("Within: past incidents within the circle; the offences, hours and days describe these. Nearest: "
                    + "past incidents nearer this centre than any other, anywhere (each counted once, of all "
                    + count(r.rowsUsed()) + " incidents used). Hours are the start of the hour.", PdfPage.REGULAR, 8);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (HotCell c : r.cells().subList(0, Math.min(MAX_TABLE_ROWS, r.cells().size()))) {
                rows.add(List.of(String.valueOf(c.rank()), coordinate(c.south()) + ", " + coordinate(c.west()),
                        decimal(c.score(), 2), count(c.count()), c.z() == null ? "-" : decimal(c.z(), 2),
                        c.p() == null ? "-" : decimal(c.p(), 4), c.confidence() == null ? "-" : c.confidence() + " %"));
            }
            p.table(new float[] {30, 130, 70, 70, 60, 70, 85}, new boolean[] {true, false, true, true, true, true, true},
                    List.of("Rank", "South-west corner", "Score", "Incidents", "z", "p", "Confidence"), rows, 8);
            if (r.cells().size() > MAX_TABLE_ROWS) {
                p.paragraph((r.cells().size() - MAX_TABLE_ROWS) + " more cells are in the set's GeoJSON and CSV exports.",
                        PdfPage.REGULAR, 8);
            }
        }
        if (!r.notes().isEmpty()) {
            p.gap(4);
            p.line("Notes", PdfPage.BOLD, 10);
            for (String n : r.notes()) {
                p.paragraph("- " + n, PdfPage.REGULAR, 8.5f);
            }
        }
        districts(p, r.evaluation());
        return p;
    }

    /** Districts beyond this many (the smallest) are left to the app and the command's JSON. */
    static final int MAX_DISTRICT_ROWS = 15;
    private static final float DISTRICT_SIZE = 8;

    /**
     * The backtest's hit rate per district under the hotspot table, when the page has room for it whole
     * (a cell set's long table may leave none); otherwise one line saying where to find it.
     */
    private static void districts(PdfPage p, Evaluation e) throws IOException {
        if (e == null || e.districts().isEmpty()) {
            return;
        }
        List<DistrictHitRate> shown = e.districts().subList(0, Math.min(MAX_DISTRICT_ROWS, e.districts().size()));
        // heading, two lines of explanation, the header and rows, a line for the left-out ones, the footer's room
        float needed = 6 + 14 + 2 * 11 + (shown.size() + 1) * DISTRICT_SIZE * 1.45f + 11 + 2 * PdfPage.MARGIN;
        p.gap(6);
        if (p.y() < needed) {
            p.paragraph("The hit rate per district is in the Hotspots pane (Future-period evaluation) and in 'hotspots "
                    + "--json' under evaluation.districts; this page has no room for it.", PdfPage.REGULAR, 8);
            return;
        }
        p.line("Hit rate by district (backtest)", PdfPage.BOLD, 10);
        p.paragraph(String.format(Locale.ROOT, "The set's method (%s) on each district's test incidents, beside the grid "
                + "baseline's cells of the same area. Too few: under %d test incidents; underserved: caught at under half "
                + "the overall rate.", e.chosen(), DistrictHitRate.MIN_TEST_INCIDENTS), PdfPage.REGULAR, 8);
        List<List<String>> rows = new ArrayList<>();
        for (DistrictHitRate d : shown) {
            rows.add(List.of(d.district(), count(d.testIncidents()), percent(d.share()), count(d.hits()),
                    percent(d.hitRate()), percent(d.gridHitRate()), d.note().startsWith("underserved") ? "underserved"
                            : d.note()));
        }
        p.table(new float[] {80, 70, 55, 55, 60, 70, 125}, new boolean[] {false, true, true, true, true, true, false},
                List.of("District", "Test incidents", "Share", "Hits", "Hit rate", "Grid, same area", "Note"), rows,
                DISTRICT_SIZE);
        if (e.districts().size() > shown.size()) {
            p.paragraph((e.districts().size() - shown.size()) + " smaller districts are in the Hotspots pane and in "
                    + "'hotspots --json'.", PdfPage.REGULAR, 8);
        }
    }

    private static PdfPage model(PDDocument doc, Briefing b) throws IOException {
        PdfPage p = new PdfPage(doc, b.synthetic());
        ModelReport m = b.model();
        p.line("Crime-type model '" + m.model() + "': figures on held-out incidents", PdfPage.BOLD, 13);
        for (String l : m.headline()) {
            p.paragraph(l, PdfPage.REGULAR, 8.5f);
        }
        p.paragraph("Every figure below was measured on test incidents the model did not see while training, beside two "
                + "baselines scored on the same incidents: always guessing the most common " + ModelReport.kind(m.target())
                + ", and guessing by how often each occurred. Accuracy on the training rows is not shown: it measures "
                + "memory, not skill.", PdfPage.REGULAR, 8.5f);
        p.gap(2);
        List<List<String>> rows = new ArrayList<>();
        for (ModelReport.Figure f : m.figures()) {
            if (f.majority() == null) {
                continue;
            }
            rows.add(List.of(f.label(), ModelReport.format(f.model()), ModelReport.format(f.majority()),
                    ModelReport.format(f.prior()), f.remark()));
        }
        p.table(new float[] {150, 70, 90, 90, 115}, new boolean[] {false, true, true, true, false},
                List.of("Figure (held-out)", "Model", "Most common", "Frequencies", ""), rows, 8.5f);
        p.gap(6);
        int minSupport = Math.max(10, m.nTest() / 100);
        List<ClassMetrics> judged = m.perClass().stream().filter(c -> c.support() >= minSupport)
                .sorted(Comparator.comparingDouble(ClassMetrics::f1).reversed().thenComparing(ClassMetrics::label)).toList();
        List<ClassMetrics> best = judged.subList(0, Math.min(3, judged.size()));
        List<ClassMetrics> worst = new ArrayList<>(judged.subList(Math.max(best.size(), judged.size() - 3), judged.size()));
        java.util.Collections.reverse(worst);
        p.line("Predicted best and worst (" + ModelReport.kinds(m.target()) + " with at least " + minSupport
                + " test incidents)", PdfPage.BOLD, 11);
        List<List<String>> classRows = new ArrayList<>();
        best.forEach(c -> classRows.add(classRow("best", c)));
        worst.forEach(c -> classRows.add(classRow("worst", c)));
        p.table(new float[] {50, 225, 60, 60, 60, 60}, new boolean[] {false, false, true, true, true, true},
                List.of("", ModelReport.kind(m.target()), "F1", "Recall", "Precision", "Tested"), classRows, 8.5f);
        p.gap(4);
        if (!m.notes().isEmpty()) {
            p.line("Notes", PdfPage.BOLD, 10);
            for (String n : m.notes()) {
                p.paragraph("- " + n, PdfPage.REGULAR, 8.5f);
            }
        }
        return p;
    }

    private static List<String> classRow(String which, ClassMetrics c) {
        return List.of(which, c.label(), decimal(c.f1(), 3), decimal(c.recall(), 3), decimal(c.precision(), 3),
                count(c.support()));
    }

    private static String when(Briefing b) {
        String zone = b.createdAt().getZone().normalized().getId();
        return MINUTE.format(b.createdAt()) + " " + (zone.equals("Z") ? "UTC" : zone);
    }

    private static int areaCount(HotspotResult r) {
        return r.hotspots().isEmpty() ? r.cells().size() : r.hotspots().size();
    }

    // Fixed formats: the briefing test reads the figures back with the same patterns.

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "-";
    }

    static String decimal(double x, int places) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + places + "f", x) : "-";
    }

    static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.5f", degrees);
    }

    private static String hour(int h) {
        return String.format(Locale.ROOT, "%02d", h);
    }

    private static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String day(LocalDateTime t) {
        return t == null ? "?" : DAY.format(t);
    }
}
