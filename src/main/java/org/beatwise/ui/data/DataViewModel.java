package org.beatwise.ui.data;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.importing.BoundingBox;
import org.beatwise.importing.CleaningReport;
import org.beatwise.importing.ColumnMapping;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.Field;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportReport;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.ImportResult;
import org.beatwise.importing.ImportService;
import org.beatwise.importing.IncidentReader;
import org.beatwise.importing.MappingGuesser;
import org.beatwise.task.Progress;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.wiring.DemoSetup;

/**
 * The Data pane: choose or drop files, preview them, map the columns of an export that is not
 * recognised, import with progress (rows per second) and cancel, read the cleaning report, manage
 * datasets; and on a station with no data yet, offer the synthetic demo dataset.
 */
public final class DataViewModel {

    /** Rows of the file shown in the preview and mapping step. */
    public static final int PREVIEW_ROWS = 20;
    /** Choice meaning "this field is not in the file". */
    public static final String NONE = "";

    private final ImportService imports;
    private final DatasetService datasetService;
    private final DemoSetup demo;
    private final Session session;
    private final Clock clock;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty datasetName = new SimpleStringProperty("");
    private final StringProperty encoding = new SimpleStringProperty("");
    private final StringProperty bbox = new SimpleStringProperty("");

    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper mappingNeeded = new ReadOnlyBooleanWrapper(false);
    private final Map<Field, StringProperty> columns = new EnumMap<>(Field.class);
    private final StringProperty datePattern = new SimpleStringProperty("");
    private final StringProperty saveMappingAs = new SimpleStringProperty("");
    private final ObservableList<String> savedMappings = FXCollections.observableArrayList();

    private final TaskTracker work;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<CleaningReport.Reason> reasons = FXCollections.observableArrayList();

    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetInfo> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper offerDemo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper showGuide = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding canImport;

    /** @param clock times imports for the rows-per-second figure; the shell passes the system clock */
    public DataViewModel(ImportService imports, DatasetService datasetService, DemoSetup demo, Session session, TaskRunner tasks,
                         Clock clock) {
        this.imports = Objects.requireNonNull(imports);
        this.datasetService = Objects.requireNonNull(datasetService);
        this.demo = Objects.requireNonNull(demo);
        this.session = Objects.requireNonNull(session);
        this.clock = Objects.requireNonNull(clock);
        this.work = new TaskTracker(tasks);
        for (Field f : Field.values()) {
            columns.put(f, new SimpleStringProperty(NONE));
        }
        canImport = Bindings.createBooleanBinding(() -> !work.isRunning() && !files.isEmpty()
                && datasetName.get() != null && !datasetName.get().isBlank(), work.runningProperty(), files, datasetName);
        selected.addListener((o, a, d) -> {
            if (d != null && d.report() != null) {
                showReport(d.report());
            }
        });
        refresh();
    }

    /** Reloads datasets and saved mappings; the demo is offered while there is no dataset. */
    public void refresh() {
        List<DatasetInfo> all = datasetService.datasets();
        datasets.setAll(all);
        offerDemo.set(all.isEmpty());
        savedMappings.setAll(imports.mappingNames());
    }

    // ---- files and preview ----

    /** Adds chosen or dropped files and previews the first one. */
    public void addFiles(List<Path> paths) {
        for (Path p : paths) {
            if (!files.contains(p)) {
                files.add(p);
            }
        }
        if (!files.isEmpty() && (datasetName.get() == null || datasetName.get().isBlank())) {
            datasetName.set(ImportRequest.defaultName(files.get(0)));
        }
        preview();
    }

    public void clearFiles() {
        files.clear();
        headers.clear();
        previewRows.clear();
        previewInfo.set("");
        mappingNeeded.set(false);
    }

    /** Reads the first file's headers and first rows; proposes a mapping when the schema is not recognised. */
    public void preview() {
        if (files.isEmpty()) {
            return;
        }
        Path first = files.get(0);
        ImportOptions opts;
        try {
            opts = ImportOptions.defaults().withEncoding(charset());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        start(BackgroundTask.of("Reading " + first.getFileName(), p -> imports.preview(first, opts, PREVIEW_ROWS)),
                this::showPreview);
    }

    private void showPreview(IncidentReader.Preview p) {
        headers.setAll(p.headers());
        previewRows.setAll(p.rows());
        String enc = p.encoding() + (p.encodingNote() == null ? "" : " (" + p.encodingNote() + ")");
        if (p.detected().isPresent() && p.detected().get().isBpd()) {
            ColumnMapping m = p.detected().get();
            previewInfo.set(String.format("%s: Boston Police Department export, %s. Columns: %s", p.file(), enc, m.describe()));
            mappingNeeded.set(false);
            setColumns(m.columns(), m.datePattern());
        } else {
            // any other export goes through the mapping step, prefilled with the best guess from headers and values
            MappingGuesser.MappingProposal guess = MappingGuesser.guess(p.headers(), p.rows());
            setColumns(guess.columns(), guess.datePattern());
            mappingNeeded.set(true);
            previewInfo.set(p.file() + ": columns not recognised (" + enc + "). Check the proposed mapping"
                    + (guess.missing().isEmpty() ? "." : "; still missing: " + String.join(", ", guess.missing()) + "."));
        }
    }

    private void setColumns(Map<Field, String> mapped, String pattern) {
        for (Field f : Field.values()) {
            columns.get(f).set(mapped.getOrDefault(f, NONE));
        }
        datePattern.set(pattern == null ? "" : pattern);
    }

    /** Fills the mapping step from a saved mapping. */
    public void useSavedMapping(String name) {
        try {
            ColumnMapping m = imports.mapping(name);
            setColumns(m.columns(), m.datePattern());
            mappingNeeded.set(true);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** The mapping the form describes; IllegalArgumentException saying what is missing or wrong. */
    public ColumnMapping mapping() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        columns.forEach((f, p) -> {
            if (p.get() != null && !p.get().isBlank()) {
                m.put(f, p.get());
            }
        });
        return new ColumnMapping(m, datePattern.get());
    }

    // ---- import ----

    public void importFiles() {
        if (!canImport.get()) {
            return;
        }
        ImportRequest request;
        ColumnMapping mapping;
        try {
            mapping = mappingNeeded.get() ? mapping() : null;
            String pattern = datePattern.get() == null || datePattern.get().isBlank() || mapping != null ? null : datePattern.get();
            ImportOptions opts = new ImportOptions(mapping, pattern, charset(),
                    bbox.get() == null || bbox.get().isBlank() ? null : BoundingBox.parse(bbox.get()));
            request = new ImportRequest(List.copyOf(files), datasetName.get(), opts, false);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        String saveAs = saveMappingAs.get();
        start(BackgroundTask.of("Importing", p -> {
            ImportResult r = imports.importFiles(session.username(), request, withRate(p, clock));
            if (mapping != null && saveAs != null && !saveAs.isBlank()) {
                imports.saveMapping(session.username(), saveAs, mapping);
            }
            return r;
        }), r -> {
            showReport(r.total());
            message.set(String.format("Imported into '%s', which now holds %,d incidents.", r.dataset(), r.datasetRows()));
            files.clear();
            refresh();
            select(r.dataset());
        });
    }

    /** Loads the synthetic demo dataset (offered on first start). */
    public void loadDemo() {
        start(BackgroundTask.of("Loading the demo dataset", p -> demo.run(session.username(), withRate(p, clock))), d -> {
            ImportResult r = d.imported();
            showReport(r.total());
            message.set(String.format("Loaded '%s': %,d synthetic incidents (seed %d; generated, not real), trained "
                            + "model '%s' and found hotspot set '%s'.",
                    r.dataset(), r.datasetRows(), GeneratorSettings.DEFAULT_SEED, d.model(), d.hotspotSet()));
            refresh();
            select(r.dataset());
            showGuide.set(true);
        });
    }

    public void cancel() {
        work.cancel();
    }

    /** Deletes the selected dataset; the view asks for confirmation first. */
    public void deleteSelected() {
        DatasetInfo d = selected.get();
        if (d == null) {
            return;
        }
        start(BackgroundTask.of("Deleting " + d.name(), p -> datasetService.deleteDataset(session.actor(), d.name())), ok -> {
            message.set("Deleted dataset '" + d.name() + "'.");
            report.set(null);
            reasons.clear();
            reportSummary.set("");
            refresh();
        });
    }

    private void select(String name) {
        datasets.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst().ifPresent(selected::set);
    }

    private Charset charset() {
        String e = encoding.get();
        if (e == null || e.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(e.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Encoding '" + e.trim() + "' is not known; try UTF-8, windows-1252 or x-MacRoman.");
        }
    }

    /** Progress with rows per second in the message, measured on {@code clock} from the start of the work. */
    static Progress withRate(Progress p, Clock clock) {
        Instant start = clock.instant();
        return new Progress() {
            @Override
            public void update(long done, long total, String msg) {
                double seconds = Duration.between(start, clock.instant()).toNanos() / 1e9;
                String rate = seconds > 0.5 ? String.format(Locale.ROOT, " · %,.0f rows/s", done / seconds) : "";
                p.update(done, total, msg + rate);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** Shows the report as the {@code import} command prints it: {@link CleaningReport} is shared. */
    private void showReport(ImportReport r) {
        report.set(r);
        CleaningReport shown = CleaningReport.of(r);
        reasons.setAll(shown.reasons());
        reportSummary.set(shown.summary());
    }

    private <T> void start(BackgroundTask<T> task, Consumer<T> onSuccess) {
        message.set("");
        work.start(task.onSuccess(onSuccess)
                .onFailure(e -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .onCancelled(() -> message.set("Cancelled: nothing was stored.")));
    }

    // ---- properties ----

    public ObservableList<Path> files() { return files; }
    public StringProperty datasetNameProperty() { return datasetName; }
    public StringProperty encodingProperty() { return encoding; }
    public StringProperty bboxProperty() { return bbox; }
    public ObservableList<String> headers() { return headers; }
    public ObservableList<List<String>> previewRows() { return previewRows; }
    public ReadOnlyStringProperty previewInfoProperty() { return previewInfo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty mappingNeededProperty() { return mappingNeeded.getReadOnlyProperty(); }
    public StringProperty columnProperty(Field f) { return columns.get(f); }
    public StringProperty datePatternProperty() { return datePattern; }
    public StringProperty saveMappingAsProperty() { return saveMappingAs; }
    public ObservableList<String> savedMappings() { return savedMappings; }
    public ReadOnlyBooleanProperty runningProperty() { return work.runningProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return work.progressProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return work.messageProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImportReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reportSummaryProperty() { return reportSummary.getReadOnlyProperty(); }
    public ObservableList<CleaningReport.Reason> reasons() { return reasons; }
    public ObservableList<DatasetInfo> datasets() { return datasets; }
    public ObjectProperty<DatasetInfo> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty offerDemoProperty() { return offerDemo.getReadOnlyProperty(); }
    /** True once the demo is ready: the pane then shows the short guided path through the other panes. */
    public ReadOnlyBooleanProperty showGuideProperty() { return showGuide.getReadOnlyProperty(); }
    public BooleanBinding canImportProperty() { return canImport; }
}
