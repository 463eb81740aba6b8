package org.beatwise.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.importing.BoundingBox;
import org.beatwise.importing.ColumnMapping;
import org.beatwise.importing.DropReason;
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
        ctx.print(options.json, json(result), text(result));
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

    /** The JSON document: totals first (rows_read, rows_kept, dropped reason → count), then each file. */
    static Map<String, Object> json(ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", r.dataset());
        m.put("dataset_rows", r.datasetRows());
        m.putAll(reportJson(r.total()));
        m.remove("file");
        m.put("files", r.files().stream().map(ImportCommand::reportJson).toList());
        return m;
    }

    static Map<String, Object> reportJson(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("rows_read", r.rowsRead());
        m.put("rows_kept", r.rowsKept());
        m.put("kept_share", Math.round(r.keptShare() * 10_000) / 10_000.0);
        m.put("dropped", r.droppedCounts());
        Map<String, Object> examples = new LinkedHashMap<>();
        r.dropped().forEach((reason, d) -> examples.put(reason.key(), d.examples()));
        m.put("examples", examples);
        m.put("encoding", r.encoding());
        if (r.encodingNote() != null) {
            m.put("encoding_note", r.encodingNote());
        }
        m.put("schema", r.schema());
        m.put("mapping", r.mapping());
        m.put("date_format", r.dateFormat());
        m.put("first_occurred", r.firstOccurred());
        m.put("last_occurred", r.lastOccurred());
        return m;
    }

    static String text(ImportResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Imported %d file%s into dataset '%s', which now holds %,d incidents.%n",
                r.files().size(), r.files().size() == 1 ? "" : "s", r.dataset(), r.datasetRows()));
        for (ImportReport f : r.files()) {
            b.append('\n').append(reportText(f));
        }
        if (r.files().size() > 1) {
            b.append('\n').append(String.format("Total: %,d read, %,d kept (%.1f %%)%n", r.total().rowsRead(),
                    r.total().rowsKept(), 100 * r.total().keptShare()));
        }
        return b.toString().stripTrailing();
    }

    static String reportText(ImportReport f) {
        StringBuilder b = new StringBuilder();
        b.append(f.file()).append(": ").append(f.schema()).append(", ").append(f.encoding());
        if (f.encodingNote() != null) {
            b.append(" (").append(f.encodingNote()).append(')');
        }
        b.append('\n');
        b.append(String.format("  rows read %,12d%n  rows kept %,12d  (%.1f %%)%n", f.rowsRead(), f.rowsKept(), 100 * f.keptShare()));
        if (f.firstOccurred() != null) {
            b.append("  incidents from ").append(f.firstOccurred()).append(" to ").append(f.lastOccurred()).append('\n');
        }
        for (Map.Entry<DropReason, ImportReport.Drop> e : f.dropped().entrySet()) {
            b.append(String.format("  dropped %,9d  %s%n", e.getValue().count(), e.getKey().label()));
            for (ImportReport.Example x : e.getValue().examples()) {
                b.append("      line ").append(x.line());
                if (x.column() != null) {
                    b.append(", ").append(x.column());
                }
                b.append(": ").append(x.value().isEmpty() ? "(empty)" : x.value()).append('\n');
            }
        }
        return b.toString();
    }
}
