package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted bundles with correct SHA-256 sums (anyone can recompute them), each of which would exhaust the
 * heap, the stack or the CPU if read naively: every one is refused with a message naming the file.
 */
class HostileBundleTest {

    private static TrainedModel model;

    @TempDir
    Path dir;
    private Path file;

    @BeforeAll
    static void trainOnce() {
        model = RandomForestTrainerTest.train(RandomForestTrainerTest.small(Split.STRATIFIED, 0));
    }

    @BeforeEach
    void save() {
        file = dir.resolve("hostile" + ModelBundle.EXTENSION);
        ModelBundle.write(model, file);
    }

    @Test
    void aRealBundleStillLoads() {
        TrainedModel loaded = ModelBundle.read(file);
        assertEquals(model.predictor().classes(), loaded.predictor().classes());
        double[] a = new double[loaded.predictor().classes().size()];
        double[] b = new double[a.length];
        var q = new org.beatwise.features.Query(2, 6, 7, 42.29, -71.08);
        model.predictor().probabilities(q, a);
        loaded.predictor().probabilities(q, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void aHashSetNestingBombIsRefusedByClass() throws IOException {
        // the classic SerialDOS set: reading it naively takes 2^100 hash calls
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        plantForest(gzipped(root));
        assertRefused("contains a class Beatwise does not allow in a model (java.util.HashSet)");
    }

    @Test
    void aHashMapWhoseKeyNestsListsIsRefusedBeforeItIsHashed() throws IOException {
        List<Object> key = new ArrayList<>();
        Map<Object, Object> map = new HashMap<>();
        map.put(key, 1); // hashed while empty; filled afterwards so that writing stays cheap
        List<Object> level = key;
        for (int i = 0; i < 80; i++) {
            List<Object> next = new ArrayList<>();
            level.add(next);
            level.add(next);
            level = next;
        }
        plantForest(gzipped(map));
        assertRefused("holds a structure no model has", "collection nested in another collection");
    }

    @Test
    void aHugeArrayLengthIsRefusedBeforeItIsAllocated() throws IOException {
        byte[] stream = raw(new double[] {1.5, 2.5, 3.5});
        int at = indexOf(stream, new byte[] {0, 0, 0, 3});
        stream[at] = 0x7f; // claims 2 billion doubles: 16 GB
        plantForest(gzip(stream));
        assertRefused("goes beyond what any model holds (an array of 2130706435 elements (at most 65536))");
    }

    @Test
    void aDeeplyNestedStreamIsRefusedBeforeTheStackRunsOut() throws IOException {
        Object[] nest = new Object[1];
        Object[] inner = nest;
        for (int i = 0; i < 1_000; i++) {
            Object[] next = new Object[1];
            inner[0] = next;
            inner = next;
        }
        plantForest(gzipped(nest));
        assertRefused("goes beyond what any model holds (nesting deeper than 400)");
    }

    @Test
    void aGzipBombInTheForestIsRefusedAfterAFewMegabytes() throws IOException {
        Object[] zeros = new Object[1_000];
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = new double[2_000]; // allowed classes and lengths: only the total gives it away
        }
        plantForest(gzipped(zeros)); // 16 MB of objects in about 20 KB
        assertRefused("looks like a zip bomb", "forest.ser.gz expands to more than");
    }

    @Test
    void aZipBombEntryIsRefusedByItsRatio() throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        byte[] json = new byte[3 << 20];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        entries.put(ModelBundle.METADATA, json);
        Zips.fixSums(entries);
        Zips.write(file, entries);
        assertRefused("metadata.json expands", "looks like a zip bomb");
    }

    @Test
    void anOversizedEntryIsRefusedWithoutReadingItAll() throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        entries.put(ModelBundle.SUMS, "x".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        Zips.write(file, entries);
        assertRefused("SHA256SUMS is larger than", "it was refused");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {0, 10, bytes.length / 3, bytes.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            var e = assertThrows(BundleException.class, () -> ModelBundle.read(file));
            assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        }
    }

    private void plantForest(byte[] forest) throws IOException {
        Map<String, byte[]> entries = Zips.read(file);
        entries.put(ModelBundle.FOREST, forest);
        Zips.fixSums(entries);
        Zips.write(file, entries);
    }

    private void assertRefused(String... parts) {
        var e = assertThrows(BundleException.class, () -> ModelBundle.read(file));
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private static byte[] gzipped(Object o) throws IOException {
        return gzip(raw(o));
    }

    private static byte[] raw(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
