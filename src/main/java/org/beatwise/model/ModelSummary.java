package org.beatwise.model;

/**
 * One saved model as a listing shows it: where it came from and its headline test figures beside the
 * prior's. When the bundle cannot be read, {@code problem} says why and the other fields are empty.
 *
 * @param bytes size of the bundle file
 */
public record ModelSummary(
        String name,
        long bytes,
        String dataset,
        String target,
        String featureSet,
        String split,
        int classes,
        int nTrain,
        int nTest,
        Double accuracy,
        Double top3Accuracy,
        Double logLoss,
        Double priorLogLoss,
        String createdBy,
        String createdAt,
        String problem) {

    static ModelSummary of(ModelStore.Entry e) {
        ModelMetadata m = e.metadata();
        if (m == null || m.evaluation() == null) {
            return new ModelSummary(e.name(), e.bytes(), null, null, null, null, 0, 0, 0, null, null,
                    null, null, null, null, e.problem() != null ? e.problem() : "no evaluation recorded");
        }
        Evaluation ev = m.evaluation();
        Scores s = ev.model().scores();
        return new ModelSummary(e.name(), e.bytes(), m.datasetName(), m.target(), m.featureSet(), m.split(),
                m.classes().size(), ev.nTrain(), ev.nTest(), s.accuracy(), s.top3Accuracy(), s.logLoss(),
                ev.prior().logLoss(), m.createdBy(), m.createdAt(), null);
    }
}
