package org.beatwise.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.beatwise.export.Exported;
import org.beatwise.export.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Stored results as files other tools open: GeoJSON for GIS, CSV for spreadsheets, PNG maps. */
@Command(name = "export", description = "Write a hotspot set, dataset or the alerts as GeoJSON or CSV, or a map as PNG.",
        subcommands = {ExportCommand.Hotspots.class, ExportCommand.Dataset.class, ExportCommand.Alerts.class,
                ExportCommand.Map.class})
final class ExportCommand {

    /** What every export takes: where to, and whether an existing file may be replaced. */
    static final class Target {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;
        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;
    }

    static String describe(Exported e) {
        String items = switch (e.format()) {
            case "geojson" -> "features";
            case "csv" -> "rows";
            case "pdf" -> "pages";
            default -> "picture";
        };
        return String.format(Locale.ROOT, "Wrote %s '%s' as %s to %s (%,d %s, %,d bytes)", e.what(), e.name(),
                e.format().toUpperCase(Locale.ROOT), e.file(), e.items(), items, e.bytes());
    }

    @Command(name = "hotspots", description = "A saved hotspot set: circles as polygons plus their centres, or cells, "
            + "every figure a property (GeoJSON), or one row per area (CSV).")
    static final class Hotspots implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Mixin Target target;
        @Parameters(index = "0", paramLabel = "SET") String set;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "geojson or csv.")
        TableFormat format;

        Hotspots(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Exported e = ctx.services().exports().hotspots(ctx.admin(), set, format, target.out, target.force);
            ctx.print(options.json, e, describe(e));
        }
    }

    @Command(name = "dataset", description = "A dataset: points with every stored field (GeoJSON), or the Boston-schema "
            + "CSV that another station imports unchanged.")
    static final class Dataset implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Mixin Target target;
        @Parameters(index = "0", paramLabel = "DATASET") String dataset;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "geojson or csv.")
        TableFormat format;

        Dataset(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Exported e = ctx.services().exports().dataset(ctx.admin(), dataset, format, target.out, target.force);
            ctx.print(options.json, e, describe(e));
        }
    }

    @Command(name = "alerts", description = "Stored alerts, newest first, as points (GeoJSON) or rows (CSV).")
    static final class Alerts implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Mixin Target target;
        @Option(names = "--since", paramLabel = "DATE", description = "Only alerts on or after this date (yyyy-MM-dd).")
        LocalDate since;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "geojson or csv.")
        TableFormat format;

        Alerts(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Exported e = ctx.services().exports().alerts(ctx.admin(),
                    since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant(), format, target.out,
                    target.force);
            ctx.print(options.json, e, describe(e));
        }
    }

    @Command(name = "map", description = "A PNG of a hotspot set over the district outlines, drawn without a display.")
    static final class Map implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Mixin Target target;
        @Option(names = "--hotspots", required = true, paramLabel = "SET", description = "The saved hotspot set to show.")
        String set;
        @Option(names = "--width", defaultValue = "1600", paramLabel = "PX", description = "Width in pixels (default 1600).")
        int width;
        @Option(names = "--height", defaultValue = "1000", paramLabel = "PX", description = "Height in pixels (default 1000).")
        int height;

        Map(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Exported e = ctx.services().exports().map(ctx.admin(), set, width, height, target.out, target.force);
            ctx.print(options.json, e, describe(e));
        }
    }
}
