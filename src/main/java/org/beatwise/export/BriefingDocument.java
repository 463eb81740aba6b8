package org.beatwise.export;

/**
 * A laid-out briefing, held in memory so the app can preview it and save exactly what was previewed.
 *
 * @param title "Briefing: set 'x' on dataset 'y'", for the audit log and dialogs
 */
public record BriefingDocument(byte[] pdf, int pages, boolean synthetic, String title, String hotspotSet, String dataset) {

    public BriefingDocument {
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }
}
