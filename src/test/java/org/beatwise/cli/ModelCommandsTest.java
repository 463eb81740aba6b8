package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.CrimeDemo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, evaluate, predict, models and model delete/export/import through the real command line, on a
 * small synthetic dataset imported with the import command.
 */
class ModelCommandsTest {

    static final String[] SMALL = {"--trees", "10", "--min-class-size", "20"};

    /** Keys the issue asks {@code evaluate --json} to have. */
    static final List<String> EVALUATE_KEYS = List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1",
            "top3_accuracy", "log_loss", "log_loss_raw", "brier", "ece", "train_accuracy", "n_train", "n_test", "classes",
            "split", "per_class", "confusion", "baselines");

    @TempDir
    Path home;

    @TempDir
    Path work;

    /** The demo rows go in through the real import command, as an analyst's export would. */
    @BeforeEach
    void importDemo() {
        CliRun imported = run("import", CrimeDemo.csv(work).toString(), "--dataset", CrimeDemo.NAME);
        assertEquals(0, imported.exit(), imported.err());
    }

    CliRun run(String... args) {
        return CliRun.run(home, "", args);
    }

    static String[] with(String[] extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void trainThenEvaluateGiveTheSameFiguresBesideTheBaselines() throws Exception {
        CliRun train = run(with(SMALL, "train", "--dataset", "demo", "--name", "m1", "--json"));
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.err().contains("growing the forest: tree"), "progress on stderr: " + train.err());
        JsonNode trained = JsonMappers.output().readTree(train.out());

        CliRun evaluate = run("evaluate", "--model", "m1", "--json");
        assertEquals(0, evaluate.exit(), evaluate.err());
        JsonNode e = JsonMappers.output().readTree(evaluate.out());
        for (String key : EVALUATE_KEYS) {
            assertTrue(e.has(key), "evaluate --json lacks " + key + ": " + e.fieldNames());
        }
        for (String baseline : List.of("majority", "prior")) {
            for (String key : List.of("accuracy", "top3_accuracy", "log_loss")) {
                assertTrue(e.get("baselines").get(baseline).get(key).isNumber(), baseline + "." + key);
            }
        }
        assertTrue(e.get("feature_importance").get("features").isArray(), "evaluate computes permutation importance");
        ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove(List.of("feature_importance", "by_group",
                "explanations_unavailable"));
        assertEquals(trained, e, "train and evaluate print the same document");
        assertEquals("m1", e.get("model").asText());
        assertEquals("temporal", e.get("split").asText());
        assertEquals("10", e.get("settings").get("model.trees").asText());

        int k = e.get("n_classes").asInt();
        assertEquals(13, k, "the rarest of the 14 types has fewer than 20 training rows");
        assertEquals(k, e.get("classes").size());
        assertEquals(k, e.get("per_class").size());
        assertEquals(k, e.get("confusion").size());
        int total = 0;
        for (JsonNode row : e.get("confusion")) {
            assertEquals(k, row.size());
            for (JsonNode cell : row) {
                total += cell.asInt();
            }
        }
        assertEquals(e.get("n_test").asInt(), total);
        assertTrue(e.get("log_loss").asDouble() < e.get("baselines").get("prior").get("log_loss").asDouble(),
                "beats the prior on the synthetic data");
        assertTrue(e.get("accuracy").asDouble() > e.get("baselines").get("majority").get("accuracy").asDouble());

        String text = run("evaluate", "--model", "m1").out();
        assertTrue(text.contains("on its own training rows, not a measure of skill"), text);
        assertTrue(text.matches("(?s).*model\\s+majority\\s+prior.*"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.3f", e.get("log_loss").asDouble())), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.3f",
                e.get("baselines").get("prior").get("log_loss").asDouble())), text);
        assertTrue(text.contains("Top-1 accuracy is low for 13 offence types"), text);
        assertTrue(text.contains("1 offence type with fewer than 20 training rows was left out"), text);
        List<String> withBaselines = List.of("Accuracy (top-1)", "Top-3 accuracy", "Balanced accuracy", "Macro F1",
                "Weighted F1", "Log loss", "Brier score", "Calibration error (ECE)");
        List<String> lines = text.lines().filter(l -> withBaselines.stream().anyMatch(f -> l.startsWith(f + "  "))).toList();
        assertEquals(withBaselines.size(), lines.size(), text);
        for (String line : lines) {
            assertTrue(line.matches(".*\\d\\.\\d{3}\\s+\\d+\\.\\d+\\s+\\d\\.\\d{3}.*"), "figure beside both baselines: " + line);
        }
    }

    @Test
    void predictGivesProbabilitiesThatSumToOne() throws Exception {
        assertEquals(0, run(with(SMALL, "train", "--dataset", "demo", "--name", "m1")).exit());
        CliRun p = run("predict", "--model", "m1", "--hour", "22", "--dow", "FRI", "--month", "7", "--lat", "42.28",
                "--lon", "-71.09", "--json");
        assertEquals(0, p.exit(), p.err());
        JsonNode j = JsonMappers.output().readTree(p.out());
        double sum = 0;
        double max = 0;
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = j.get("probabilities").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            first = first == null ? c.getKey() : first;
            sum += c.getValue().asDouble();
            max = Math.max(max, c.getValue().asDouble());
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(13, j.get("probabilities").size());
        assertEquals(first, j.get("predicted").asText());
        assertEquals(max, j.get("confidence").asDouble(), 1e-12);
        assertEquals("FRI", j.get("dow").asText());

        CliRun text = run("predict", "--model", "m1", "--hour", "22", "--dow", "friday", "--month", "7", "--lat", "42.28",
                "--lon", "-71.09");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("Friday at 22:00, month 7"), text.out());
        assertTrue(text.out().contains("3 other classes"), text.out());
        assertTrue(text.out().contains("among this model's top three"), text.out());
    }

    @Test
    void modelsDeleteExportImport() throws Exception {
        assertEquals(0, run(with(SMALL, "train", "--dataset", "demo")).exit());
        CliRun list = run("models", "--json");
        JsonNode models = JsonMappers.output().readTree(list.out());
        assertEquals(1, models.size());
        String name = models.get(0).get("name").asText();
        assertTrue(name.matches("demo-description-\\d{4}-\\d{2}-\\d{2}"), name);
        assertTrue(models.get(0).get("bytes").asLong() > 0);
        assertTrue(run("models").out().contains("* " + name), "last used is marked");

        Path file = home.resolve("out").resolve("copy.bwmodel");
        CliRun export = run("model", "export", name, file.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.size(file) > 0);
        CliRun again = run("model", "import", file.toString());
        assertEquals(1, again.exit());
        assertEquals("beatwise: a model named '" + name + "' already exists; delete it or import under another name",
                again.err().strip());
        CliRun imported = run("model", "import", file.toString(), "--name", "copy", "--json");
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("copy", JsonMappers.output().readTree(imported.out()).get("model").asText());

        assertEquals(0, run("model", "delete", name).exit());
        CliRun gone = run("model", "delete", name);
        assertEquals(1, gone.exit());
        assertEquals("beatwise: no model named '" + name + "'", gone.err().strip());
        assertEquals(List.of("copy"), JsonMappers.output().readTree(run("models", "--json").out()).findValuesAsText("name"));

        JsonNode audit = JsonMappers.output().readTree(run("audit", "--limit", "4", "--json").out());
        assertEquals(List.of("MODEL_DELETED", "MODEL_IMPORTED", "MODEL_EXPORTED", "TRAINING"),
                List.of(audit.get(0).get("event").asText(), audit.get(1).get("event").asText(), audit.get(2).get("event").asText(),
                        audit.get(3).get("event").asText()));

        Files.write(home.resolve("out/junk.bwmodel"), "not a model".getBytes(StandardCharsets.UTF_8));
        CliRun junk = run("model", "import", home.resolve("out/junk.bwmodel").toString());
        assertEquals(1, junk.exit());
        assertTrue(junk.err().startsWith("beatwise: junk.bwmodel"), junk.err());
        assertFalse(junk.err().contains("Exception"), junk.err());
    }

    @Test
    void badValuesGetOneLineNamingTheOption() {
        assertError("beatwise: --trees must be between 1 and 1000, was 0", "train", "--dataset", "demo", "--trees", "0");
        assertError("beatwise: --depth must be >= 0 (0 = no limit), was -1", "train", "--dataset", "demo", "--depth", "-1");
        assertError("beatwise: --min-leaf must be >= 1, was 0", "train", "--dataset", "demo", "--min-leaf", "0");
        assertError("beatwise: --min-class-size must be >= 1, was 0", "train", "--dataset", "demo", "--min-class-size", "0");
        assertError("beatwise: --target must be one of description, group, category; was 'type'", "train", "--dataset",
                "demo", "--target", "type");
        assertError("beatwise: --features must be one of default, paper; was 'all'", "train", "--dataset", "demo",
                "--features", "all");
        assertError("beatwise: --split must be one of temporal, stratified; was 'random'", "train", "--dataset", "demo",
                "--split", "random");
        assertError("beatwise: --preset must be one of default, paper; was 'fast'", "train", "--dataset", "demo",
                "--preset", "fast");
        assertError("beatwise: no dataset named 'nowhere'; datasets are demo", "train", "--dataset", "nowhere");
        assertError("beatwise: model name must be 1–64 letters, digits, '.', '_' or '-' (starting with a letter or digit), "
                + "was 'my model'", "train", "--dataset", "demo", "--name", "my model");
        assertError("beatwise: there is no model named 'nope'", "evaluate", "--model", "nope");
        String[] where = {"--month", "7", "--lat", "42.28", "--lon", "-71.09"};
        assertError("beatwise: --hour must be between 0 and 23, was 25", with(where, "predict", "--model", "m", "--hour", "25",
                "--dow", "MON"));
        assertError("beatwise: --dow must be one of MON, TUE, WED, THU, FRI, SAT, SUN (or 1–7), was 'XYZ'",
                with(where, "predict", "--model", "m", "--hour", "2", "--dow", "XYZ"));
        assertError("beatwise: --lat must be between -90 and 90, was 91.0", "predict", "--model", "m", "--hour", "2",
                "--dow", "1", "--month", "7", "--lat", "91", "--lon", "0");

        assertEquals(2, run("train", "--dataset", "demo", "--trees", "many").exit(), "not a number: usage error");
        assertEquals(2, run("train").exit(), "missing --dataset: usage error");
        assertEquals(2, run("predict", "--model", "m").exit());
    }

    private void assertError(String expected, String... args) {
        CliRun r = run(args);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(expected, r.err().strip());
    }
}
