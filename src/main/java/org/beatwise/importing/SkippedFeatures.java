package org.beatwise.importing;

/** Features of a boundary file that were not imported, by reason, so the analyst sees what was left out. */
public record SkippedFeatures(int noGeometry, int unsupportedGeometry, int noName) {

    public static final SkippedFeatures NONE = new SkippedFeatures(0, 0, 0);

    public int total() {
        return noGeometry + unsupportedGeometry + noName;
    }

    /** For the command's text output: empty when nothing was skipped. */
    public String describe() {
        if (total() == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        append(b, noGeometry, "without geometry");
        append(b, unsupportedGeometry, "of a geometry type other than Polygon/MultiPolygon");
        append(b, noName, "without the name property");
        return total() + " features skipped (" + b + ")";
    }

    private static void append(StringBuilder b, int n, String what) {
        if (n > 0) {
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
        }
    }
}
