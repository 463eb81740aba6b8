package org.beatwise.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.DatasetFileRecord;
import org.beatwise.store.DatasetRecord;
import org.beatwise.store.DatasetStore;
import org.beatwise.store.IncidentRecord;

/**
 * The station's datasets once imported: list them, read their incidents (the model and hotspot work
 * read through {@link IncidentSource}), export and delete them. Exports and deletions are audited.
 */
public final class DatasetService implements IncidentSource {

    private final DatasetStore datasets;
    private final AuditStore audit;

    public DatasetService(DatasetStore datasets, AuditStore audit) {
        this.datasets = datasets;
        this.audit = audit;
    }

    public boolean hasDatasets() {
        return !datasets.list().isEmpty();
    }

    public List<DatasetInfo> datasets() {
        return datasets.list().stream().map(this::info).toList();
    }

    /** Dataset names, sorted regardless of case (for choosers in other panes). */
    public List<String> datasetNames() {
        return datasets.list().stream().map(DatasetRecord::name).toList();
    }

    public Optional<DatasetInfo> dataset(String name) {
        return datasets.find(name).map(this::info);
    }

    private DatasetInfo info(DatasetRecord d) {
        List<DatasetInfo.FileInfo> files = datasets.files(d.id()).stream()
                .map(f -> new DatasetInfo.FileInfo(f.fileName(), f.sha256(), f.sizeBytes(), f.importedAt(), f.importedBy(),
                        f.rowsRead(), f.rowsKept()))
                .toList();
        return new DatasetInfo(d.name(), d.synthetic(), d.createdBy(), d.createdAt(), d.updatedAt(), d.rowCount(),
                d.firstOccurred(), d.lastOccurred(), d.mapping(), ReportJson.read(d.reportJson()), files);
    }

    /** Per-file reports of a dataset, in import order. */
    public List<ImportReport> fileReports(String name) {
        DatasetRecord d = datasets.find(name).orElseThrow(() -> noSuchDataset(name));
        return datasets.files(d.id()).stream().map(DatasetFileRecord::reportJson).map(ReportJson::read).toList();
    }

    /**
     * Deletes the dataset and its incidents; false when there is none.
     *
     * @throws NotAllowedException unless the actor created the dataset or is an administrator
     */
    public boolean deleteDataset(Actor actor, String name) {
        Optional<DatasetRecord> d = datasets.find(name);
        if (d.isPresent() && !actor.mayChangeWorkOf(d.get().createdBy())) {
            NotAllowedException refused = NotAllowedException.creatorOrAdmin("delete dataset '" + d.get().name() + "'",
                    d.get().createdBy());
            audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage());
            throw refused;
        }
        boolean deleted = datasets.delete(name);
        if (deleted) {
            audit.record(actor.name(), AuditEvent.DATASET_DELETED, "dataset '" + d.map(DatasetRecord::name).orElse(name) + "' with "
                    + d.map(DatasetRecord::rowCount).orElse(0L) + " incidents");
        }
        return deleted;
    }

    /**
     * The dataset's incidents in import order (what the model and hotspot work read). Repeated text
     * values share one String, so a million incidents take about 100 MB rather than twice that.
     *
     * @throws IllegalArgumentException naming the dataset when there is none
     */
    @Override
    public List<Incident> incidents(String dataset) {
        List<Incident> out = new ArrayList<>();
        forEachRow(dataset, row -> out.add(row.incident()));
        return out;
    }

    /** Like {@link #incidents} with the extra columns (street, reporting area, shooting, UCR part). */
    public List<ImportedRow> rows(String dataset) {
        List<ImportedRow> out = new ArrayList<>();
        forEachRow(dataset, out::add);
        return out;
    }

    /**
     * Writes the dataset as a Boston-schema CSV that another station imports unchanged, and records who
     * exported what to where in the audit log: incidents leaving the station is what an audit asks about.
     *
     * @return the row count
     */
    public int exportDataset(String actor, String dataset, Path file) {
        datasets.find(dataset).orElseThrow(() -> noSuchDataset(dataset));
        int rows = DatasetExporter.write(sink -> forEachRow(dataset, sink), file);
        audit.record(actor, AuditEvent.DATASET_EXPORTED, "exported dataset '" + dataset + "' (" + rows + " incidents) to "
                + file.toAbsolutePath());
        return rows;
    }

    /** Streams every incident of the dataset to {@code sink} in import order, never holding them all. */
    @Override
    public void forEach(String dataset, Consumer<Incident> sink) {
        forEachRow(dataset, row -> sink.accept(row.incident()));
    }

    /**
     * Streams the dataset's rows with their extra columns in import order; exports read this, so a
     * dataset larger than the heap still leaves the station.
     *
     * @throws IllegalArgumentException naming the dataset when there is none
     */
    public void forEachRow(String dataset, Consumer<ImportedRow> sink) {
        DatasetRecord d = datasets.find(dataset).orElseThrow(() -> noSuchDataset(dataset));
        Map<String, String> shared = new HashMap<>();
        datasets.forEachIncident(d.id(), r -> sink.accept(row(r, shared)));
    }

    private static ImportedRow row(IncidentRecord r, Map<String, String> shared) {
        Incident incident = new Incident(r.incidentId(), r.occurredAt(), r.lat(), r.lon(), share(shared, r.offense()),
                share(shared, r.offenseCode()), share(shared, r.offenseGroup()), share(shared, r.district()), r.sourceLine());
        return new ImportedRow(incident, share(shared, r.street()), share(shared, r.reportingArea()), r.shooting(),
                share(shared, r.ucrPart()), r.dedupeKey());
    }

    private static String share(Map<String, String> shared, String s) {
        if (s == null || s.length() > 64) {
            return s;
        }
        String prev = shared.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    private IllegalArgumentException noSuchDataset(String name) {
        List<String> names = datasets.list().stream().map(DatasetRecord::name).toList();
        return new IllegalArgumentException("no dataset named '" + name + "'" + (names.isEmpty()
                ? "; import one first" : "; datasets are " + String.join(", ", names)));
    }
}
