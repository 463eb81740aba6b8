package org.beatwise.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.beatwise.domain.Actor;
import org.beatwise.hotspot.DistrictHitRate;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.MethodSummary;
import org.beatwise.model.ModelReport;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shift briefings of a generated station, read back with PDFBox's text extraction and poppler's renderer. */
class BriefingTest {

    @TempDir
    static Path dir;
    static Services services;
    static final Actor ANA = Actors.analyst(SyntheticStation.ANALYST);

    @BeforeAll
    static void station() {
        services = SyntheticStation.build(dir, new MutableClock(Instant.parse("2026-11-30T08:00:00Z")));
    }

    @AfterAll
    static void close() {
        services.close();
    }

    /** The text of each page, as a reader's copy-and-paste would give it. */
    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    @Test
    void aBriefingOnGeneratedDataPrintsTheStoredFiguresAndIsMarkedSyntheticOnEveryPage() throws Exception {
        BriefingRequest request = new BriefingRequest(SyntheticStation.DATASET, SyntheticStation.CIRCLES,
                SyntheticStation.MODEL, "Area B-3, night shift");
        BriefingDocument doc = services.exports().prepareBriefing(ANA, request);
        assertTrue(doc.synthetic());
        List<String> pages = pages(doc.pdf());
        assertEquals(3, pages.size(), "overview, hotspot table, model");
        assertEquals(3, doc.pages());
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains("SYNTHETIC DATA"), "page " + (i + 1) + " marked:\n" + pages.get(i));
        }

        HotspotSet set = services.hotspots().load(SyntheticStation.CIRCLES).orElseThrow();
        String overview = pages.get(0);
        assertTrue(overview.contains("Area B-3, night shift"));
        assertTrue(overview.contains("Analyst: " + ANA.name()));
        assertTrue(overview.contains("Created: 2026-11-30 08:00"), overview);
        assertTrue(overview.contains("Data SHA-256: " + set.result().provenance().dataSha256()));
        Evaluation e = set.result().evaluation();
        for (MethodSummary m : e.methods()) {
            assertTrue(lineStarting(overview, m.method()).contains(percent(m.hitRate())), m + " in\n" + overview);
        }
        if (e.method("grid").isEmpty()) {
            assertTrue(lineStarting(overview, "grid (baseline)").contains(percent(e.grid().hitRate())), overview);
        }
        assertTrue(overview.contains("How to read this"));

        String table = pages.get(1);
        for (Hotspot h : set.result().hotspots()) {
            String centre = String.format(Locale.ROOT, "%.5f, %.5f", h.lat(), h.lon());
            String line = lineWith(table, centre);
            assertTrue(line.startsWith(h.rank() + " "), line);
            assertTrue(line.contains(String.format(Locale.ROOT, " %,d %,d ", h.inside(), h.count())),
                    "within and nearest of " + h.rank() + ": " + line);
            assertTrue(line.contains(String.format(Locale.ROOT, " %.0f ", h.radiusM())), line);
        }

        // the backtest's hit rate per district, under the hotspot table
        assertFalse(e.districts().isEmpty(), "a set with a backtest has the per-district table");
        assertTrue(table.contains("Hit rate by district (backtest)"), table);
        for (DistrictHitRate d : e.districts().subList(0, Math.min(BriefingPdf.MAX_DISTRICT_ROWS, e.districts().size()))) {
            String line = table.lines().filter(l -> l.startsWith(d.district() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + d.district() + " in\n" + table));
            assertTrue(line.contains(String.format(Locale.ROOT, "%,d %s", d.testIncidents(), percent(d.share()))), line);
            assertTrue(line.contains(percent(d.hitRate()) + " " + percent(d.gridHitRate())), line);
        }

        String model = pages.get(2);
        ModelReport report = services.models().report(SyntheticStation.MODEL);
        assertTrue(model.contains("figures on held-out incidents"));
        assertTrue(lineWith(model, "Accuracy (top-1)").contains(ModelReport.format(report.accuracy())), model);
        assertTrue(lineWith(model, "Top-3 accuracy").contains(ModelReport.format(report.baselines().get("prior").top3Accuracy())));
        assertFalse(model.contains("Accuracy on its own training rows"), "training accuracy is not a held-out figure");

        Path file = dir.resolve("brief.pdf");
        services.exports().save(ANA, doc, file, false);
        AuditEntry last = services.audit().latest(1).get(0);
        assertEquals(AuditEvent.EXPORTED, last.event());
        assertTrue(last.detail().startsWith("briefing 'briefing on set '" + SyntheticStation.CIRCLES + "'"), last.detail());
        assertTrue(last.detail().endsWith(" to " + file.toAbsolutePath()), last.detail());

        ExternalTool.run("pdftoppm", "poppler-utils", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                file.toString(), dir.resolve("page1").toString());
        assertNotBlank(ImageIO.read(dir.resolve("page1.png").toFile()));
        assertTrue(ExternalTool.run("pdfinfo", "poppler-utils", file.toString()).matches("(?s).*Page size: +595.276 x 841.89 pts \\(A4\\).*"));
    }

    /** The line of the text that contains {@code key}. */
    private static String lineWith(String text, String key) {
        return text.lines().filter(l -> l.contains(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + key + "' in\n" + text));
    }

    /** The line of a table that starts with {@code key} (a method's name). */
    private static String lineStarting(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + key + "' in\n" + text));
    }

    private static void assertNotBlank(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 450) {
                    dark++;
                }
            }
        }
        assertTrue(colours.size() > 50, "page 1 has a picture: " + colours.size() + " colours");
        assertTrue(dark > image.getWidth() * image.getHeight() / 100, "page 1 has text and lines: " + dark + " dark pixels");
    }

    @Test
    void aCellSetBriefingListsTheTopCellsOnTwoPagesAndThePreviewIsPageOne() throws Exception {
        BriefingDocument doc = services.exports().prepareBriefing(ANA,
                new BriefingRequest(SyntheticStation.DATASET, SyntheticStation.CELLS, null, null));
        List<String> pages = pages(doc.pdf());
        assertEquals(2, pages.size());
        assertTrue(pages.get(0).contains(BriefingRequest.DEFAULT_STATION));
        List<HotCell> cells = services.hotspots().load(SyntheticStation.CELLS).orElseThrow().result().cells();
        int shown = Math.min(BriefingPdf.MAX_TABLE_ROWS, cells.size());
        for (HotCell c : cells.subList(0, shown)) {
            String line = lineWith(pages.get(1), String.format(Locale.ROOT, "%.5f, %.5f", c.south(), c.west()));
            assertTrue(line.contains(String.format(Locale.ROOT, "%.2f", c.z())), line);
        }
        byte[] png = services.exports().previewPng(doc, 50);
        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Math.round(595.276 * 50 / 72), preview.getWidth(), 1);
        assertNotBlank(preview);
    }

    @Test
    void wrongNamesGiveClearMessagesAndWriteNothing() {
        Path file = dir.resolve("none.pdf");
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class, () -> services.exports().briefing(ANA,
                new BriefingRequest(SyntheticStation.DATASET, SyntheticStation.CIRCLES, "no-such-model", null), file, false));
        assertEquals("no model named 'no-such-model'; models are [" + SyntheticStation.MODEL + "]", noModel.getMessage());
        IllegalArgumentException noSet = assertThrows(IllegalArgumentException.class, () -> services.exports().briefing(ANA,
                new BriefingRequest(SyntheticStation.DATASET, "nothing", null, null), file, false));
        assertTrue(noSet.getMessage().startsWith("no hotspot set named 'nothing'"), noSet.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new BriefingRequest(" ", SyntheticStation.CIRCLES, null, null));
        assertEquals("dataset must be named, was empty", blank.getMessage());
        assertFalse(Files.exists(file));
    }
}
