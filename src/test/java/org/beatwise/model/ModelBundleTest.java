package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.beatwise.features.Query;
import org.beatwise.json.JsonMappers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static TrainedModel model;
    private static final List<Query> QUERIES = List.of(new Query(2, 6, 7, 42.29, -71.08),
            new Query(13, 2, 11, 42.27, -71.09), new Query(20, 4, 1, 42.28, -71.07));

    @TempDir
    Path dir;
    private ModelStore store;
    private Path file;

    @BeforeAll
    static void trainOnce() {
        model = RandomForestTrainerTest.train(RandomForestTrainerTest.small(Split.STRATIFIED, 0));
    }

    @BeforeEach
    void save() {
        store = new ModelStore(dir.resolve("models"));
        store.save(model, "m1");
        file = store.fileOf("m1");
    }

    @Test
    void savedModelLoadsAndPredictsTheSame() {
        TrainedModel loaded = store.load("m1");
        double[] a = new double[model.predictor().classes().size()];
        double[] b = new double[a.length];
        for (Query q : QUERIES) {
            model.predictor().probabilities(q, a);
            loaded.predictor().probabilities(q, b);
            assertArrayEquals(a, b, 0.0);
        }
        assertEquals(model.predictor().classes(), loaded.predictor().classes());
        ModelMetadata m = loaded.metadata();
        assertEquals("m1", m.name());
        assertEquals(model.metadata().evaluation().model().scores(), m.evaluation().model().scores());
        assertArrayEquals(model.metadata().evaluation().model().confusion(), m.evaluation().model().confusion());
        assertEquals(model.metadata().data(), m.data());
        assertEquals(model.metadata().trainingSettings(), m.trainingSettings());
    }

    @Test
    void aChangedByteInTheModelIsRefused() throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        byte[] forest = entries.get(ModelBundle.FOREST);
        forest[forest.length / 2] ^= 1;
        Zips.write(file, entries);
        var e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("was altered or damaged: forest.ser.gz does not match the SHA-256"), e.getMessage());
    }

    @Test
    void aChangedHeaderIsRefused() throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        String header = new String(entries.get(ModelBundle.HEADER), StandardCharsets.UTF_8);
        entries.put(ModelBundle.HEADER, header.replace("NOISE", "HOMICIDE").getBytes(StandardCharsets.UTF_8));
        Zips.write(file, entries);
        var e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("header.txt does not match"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aForeignFileIsRefused() throws IOException {
        Files.writeString(file, "INCIDENT_NUMBER,OFFENSE_CODE\nI1,619\n");
        var e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("is not a Beatwise model bundle"), e.getMessage());

        Zips.write(file, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("is not a Beatwise model bundle: it has no SHA256SUMS"), e.getMessage());
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedEvenWithMatchingHashes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(new Object[] {new URL("http://example.invalid/")});
        }
        Map<String, byte[]> entries = Zips.read(file);
        entries.put(ModelBundle.FOREST, bytes.toByteArray());
        Zips.fixSums(entries);
        Zips.write(file, entries);
        var e = assertThrows(BundleException.class, () -> store.load("m1"));
        assertTrue(e.getMessage().contains("contains a class Beatwise does not allow"), e.getMessage());
    }

    @Test
    void missingMetadataFieldsLoadAsUnknownAndExtraOnesAreIgnored() throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        ObjectNode json = (ObjectNode) JsonMappers.stored().readTree(entries.get(ModelBundle.METADATA));
        json.remove(List.of("weka_version", "created_by", "os"));
        json.put("signed_by", "a future version");
        entries.put(ModelBundle.METADATA, JsonMappers.stored().writeValueAsBytes(json));
        Zips.fixSums(entries);
        Zips.write(file, entries);
        ModelMetadata m = store.load("m1").metadata();
        assertEquals("unknown", m.wekaVersion());
        assertEquals("unknown", m.createdBy());
        assertEquals("unknown", m.os());
        assertEquals("synthetic", m.datasetName());
    }

    @Test
    void listShowsDamagedBundlesWithTheirProblem() throws IOException {
        store.save(model, "m2");
        Files.writeString(store.fileOf("m2"), "not a zip");
        List<ModelStore.Entry> entries = store.list();
        assertEquals(List.of("m1", "m2"), entries.stream().map(ModelStore.Entry::name).toList());
        assertNotNull(entries.get(0).metadata());
        assertNull(entries.get(1).metadata());
        assertTrue(entries.get(1).problem().contains("not a Beatwise model bundle"));
    }

    @Test
    void exportImportAndDelete() {
        Path exported = dir.resolve("out/m1" + ModelBundle.EXTENSION);
        store.export("m1", exported);
        var e = assertThrows(BundleException.class, () -> store.importFile(exported, null));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("copy", store.importFile(exported, "copy"));
        assertEquals("copy", store.load("copy").metadata().name());
        assertTrue(store.delete("m1"));
        assertTrue(!store.delete("m1"));
        assertEquals("m1", store.importFile(exported, null), "keeps the recorded name");
    }

    @Test
    void badModelNamesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> store.fileOf("../evil"));
        assertTrue(e.getMessage().contains("model name must be"), e.getMessage());
    }
}
