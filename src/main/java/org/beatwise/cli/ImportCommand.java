package org.beatwise.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.importing.BoundingBox;
import org.beatwise.importing.CleaningReport;
import org.beatwise.importing.ColumnMapping;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportReport;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.ImportResult;
import org.beatwise.importing.ImportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports incident CSV files into a dataset and prints the cleaning report. */
@Command(name = "import", description = {
        "Import incident CSV files into a dataset, all or nothing, and print the cleaning report.",
        "Boston Police Department exports are recognised by their headers; other exports need --column or --mapping."})
final class ImportCommand implements Runnable {

    private final CliContext ctx;
    @Spec CommandSpec spec;
    @Mixin CommonOptions options;
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files, imported in this order.")
    List<Path> files;
    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset to create or add to (default: the first file's name).")
    String dataset;
    @Option(names = "--column", paramLabel = "FIELD=HEADER", description = {
            "Map a field to a header (repeatable). Fields: id, datetime (or date + time), offense, offense_code,",
            "offense_group, district, lat, lon, street, reporting_area, shooting, ucr_part."})
    List<String> columns = new ArrayList<>();
    @Option(names = "--mapping", paramLabel = "NAME", description = "Use a saved column mapping.")
    String mappingName;
    @Option(names = "--save-mapping", paramLabel = "NAME", description = "Save the --column mapping under this name.")
    String saveMapping;
    @Option(names = "--date-format", paramLabel = "PATTERN", description = "java.time pattern of the date column, e.g. dd/MM/yyyy HH:mm.")
    String dateFormat;
    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Character set of the files (default: detected).")
    String encoding;
    @Option(names = "--bbox", paramLabel = "S,W,N,E", description = "Study area: drop incidents outside this box.")
    String bbox;

    ImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (!columns.isEmpty() && mappingName != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --column or --mapping, not both");
        }
        if (saveMapping != null && columns.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--save-mapping needs --column");
        }
        ImportService imports = ctx.services().imports();
        ColumnMapping mapping = null;
        if (!columns.isEmpty()) {
            mapping = ColumnMapping.parse(columns, dateFormat);
        } else if (mappingName != null) {
            mapping = imports.mapping(mappingName);
        }
        ImportOptions opts = new ImportOptions(mapping, dateFormat, charset(encoding), bbox == null ? null : BoundingBox.parse(bbox));
        String name = dataset != null ? dataset : ImportRequest.defaultName(files.get(0));
        ImportResult result = imports.importFiles(ctx.actor(), new ImportRequest(files, name, opts, false), ctx.progress());
        if (saveMapping != null) {
            imports.saveMapping(ctx.actor(), saveMapping, mapping);
        }
        ctx.print(options.json, Output.of(result), text(result));
    }

    static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "'; try UTF-8, windows-1252, ISO-8859-1 or x-MacRoman");
        }
    }

    /**
     * The JSON document: the dataset, then the totals (rows_read, rows_kept, dropped reason → count, ...)
     * at the top level, then each file's report.
     */
    record Output(String dataset, long datasetRows, @JsonUnwrapped CleaningReport total, List<CleaningReport> files) {

        static Output of(ImportResult r) {
            return new Output(r.dataset(), r.datasetRows(), CleaningReport.of(r.total()).withoutFile(),
                    r.files().stream().map(CleaningReport::of).toList());
        }
    }

    static String text(ImportResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Imported %d file%s into dataset '%s', which now holds %,d incidents.%n",
                r.files().size(), r.files().size() == 1 ? "" : "s", r.dataset(), r.datasetRows()));
        for (ImportReport f : r.files()) {
            b.append('\n').append(CleaningReport.of(f).text());
        }
        if (r.files().size() > 1) {
            b.append('\n').append(String.format("Total: %,d read, %,d kept (%.1f %%)%n", r.total().rowsRead(),
                    r.total().rowsKept(), 100 * r.total().keptShare()));
        }
        return b.toString().stripTrailing();
    }
}
