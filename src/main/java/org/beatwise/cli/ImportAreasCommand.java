package org.beatwise.cli;

import java.nio.file.Path;
import org.beatwise.importing.AreaLayerInfo;
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

    ImportAreasCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        AreaLayerInfo info = ctx.services().areas().importAreas(ctx.actor(), file, nameProperty, layer);
        ctx.print(options.json, info, String.format("Imported layer '%s': %d areas named by %s", info.name(), info.areas(),
                info.nameProperty()));
    }
}
