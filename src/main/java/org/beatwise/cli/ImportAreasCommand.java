package org.beatwise.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import org.beatwise.importing.AreaImport;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.SkippedFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports boundary areas (districts, neighbourhoods) from GeoJSON as a named map layer. */
@Command(name = "import-areas", description = "Import a GeoJSON FeatureCollection of (Multi)Polygons as a named map layer.")
final class ImportAreasCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Option(names = "--name-property", required = true, paramLabel = "PROP", description = "Feature property that names each area.")
    String nameProperty;
    @Option(names = "--layer", paramLabel = "NAME", description = "Layer name (default: the file's name).")
    String layer;

    /** The layer's fields at the top level (as before), plus what was skipped. */
    record Output(@JsonUnwrapped AreaLayerInfo layer, SkippedFeatures skipped) { }

    ImportAreasCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        AreaImport done = ctx.services().areas().importAreas(ctx.actor(), file, nameProperty, layer);
        AreaLayerInfo info = done.layer();
        String skipped = done.skipped().describe();
        ctx.print(options.json, new Output(info, done.skipped()), String.format("Imported layer '%s': %d areas named by %s%s",
                info.name(), info.areas(), info.nameProperty(), skipped.isEmpty() ? "" : "; " + skipped));
    }
}
