package org.beatwise.model;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beatwise.features.Query;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.Test;
class ScratchLatencyTest {
    @Test void latency() {
        TrainedModel m = ModelBundle.read(Path.of("/tmp/bw-home/models/mattapan-default.bwmodel"));
        List<Query> qs = BostonData.mattapan(2018).stream().map(Query::of).toList();
        Predictor p = m.predictor();
        double[] out = new double[p.classes().size()];
        for (int round = 0; round < 3; round++) {
            double[] a = new double[20000], b = new double[20000];
            for (int i = 0; i < 5000; i++) { p.probabilities(qs.get(i % qs.size()), out); p.predict(qs.get(i % qs.size())); }
            for (int i = 0; i < 20000; i++) { Query q = qs.get(i % qs.size()); long t = System.nanoTime(); p.probabilities(q, out); a[i] = (System.nanoTime() - t) / 1e3; }
            for (int i = 0; i < 20000; i++) { Query q = qs.get(i % qs.size()); long t = System.nanoTime(); p.predict(q); b[i] = (System.nanoTime() - t) / 1e3; }
            Arrays.sort(a); Arrays.sort(b);
            System.out.printf("probabilities p50 %.1f p99 %.1f | predict p50 %.1f p99 %.1f%n", a[10000], a[19800], b[10000], b[19800]);
        }
    }
}
