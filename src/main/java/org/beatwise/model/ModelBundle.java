package org.beatwise.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.beatwise.features.Feature;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.json.JsonMappers;
import weka.classifiers.Classifier;

/**
 * One trained model as one file (a zip, extension {@value #EXTENSION}), so saving, exporting and
 * importing are each a file copy. Entries:
 * <ul>
 *   <li>{@code forest.ser.gz}: the Weka trees, Java-serialised and gzipped;</li>
 *   <li>{@code header.txt}: features, class labels, prior and blend weight ({@link ModelHeader});</li>
 *   <li>{@code metadata.json}: provenance and figures ({@link ModelMetadata});</li>
 *   <li>{@code SHA256SUMS}: the SHA-256 of the three entries above, in {@code sha256sum} format, so an
 *       auditor can also check an unzipped bundle with standard tools.</li>
 * </ul>
 * Loading checks the file and entry sizes and each entry's compression ratio, then the hashes, before
 * anything is deserialised, and deserialises the trees only through {@link SafeObjectInput}'s
 * allow-list and caps. The hashes detect damage; they are not a signature (whoever can rewrite an
 * entry can rewrite the sums too), which is why the reading itself must be safe for any file.
 */
public final class ModelBundle {

    public static final String EXTENSION = ".bwmodel";
    static final String FOREST = "forest.ser.gz";
    static final String HEADER = "header.txt";
    static final String METADATA = "metadata.json";
    static final String SUMS = "SHA256SUMS";
    /*
     * Size caps from measured bundles (Mattapan 2015–2018): the default preset's bundle is 0.68 MB
     * (forest 0.67 MB gzipped, 4.8 MB raw, metadata about 10 KB), the paper preset's 10.6 MB
     * (forest 10.6 MB gzipped, 243 MB raw, ratio 23). The caps leave about six times that room.
     */
    static final long MAX_FILE_BYTES = 64L << 20;
    static final long MAX_FOREST_BYTES = 64L << 20;
    static final long MAX_SUMS_BYTES = 4L << 10;
    static final long MAX_TEXT_BYTES = 4L << 20;
    /** Entries and the gzipped forest may expand at most this much; real ones stay under 25. */
    static final long MAX_RATIO = 100;
    /** Below this an entry is too small for its ratio to matter (a short JSON can compress well). */
    private static final long RATIO_FLOOR_BYTES = 64L << 10;
    private static final int MAX_ENTRIES = 16;

    private ModelBundle() { }

    /** Writes the model to {@code file} (replacing it atomically); returns the metadata as saved, with hashes. */
    public static ModelMetadata write(TrainedModel model, Path file) {
        Predictor p = model.predictor();
        try {
            byte[] forest = serialise(p.forest().trees());
            byte[] header = new ModelHeader(p.target().key(), p.featureSet().key(),
                    p.featureSet().features().stream().map(Feature::key).toList(), p.blendWeight(), p.classes(),
                    p.prior()).toBytes();
            ModelMetadata metadata = model.metadata().withHashes(RowHash.of(forest), RowHash.of(header));
            // indented so that someone opening the bundle can read what it holds
            byte[] json = JsonMappers.stored().writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
            String sums = RowHash.of(forest) + "  " + FOREST + "\n" + RowHash.of(header) + "  " + HEADER + "\n"
                    + RowHash.of(json) + "  " + METADATA + "\n";
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".saving-", EXTENSION);
            try {
                try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                    put(zip, SUMS, sums.getBytes(StandardCharsets.UTF_8), ZipEntry.DEFLATED);
                    put(zip, HEADER, header, ZipEntry.DEFLATED);
                    put(zip, METADATA, json, ZipEntry.DEFLATED);
                    put(zip, FOREST, forest, ZipEntry.STORED); // already gzipped
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return metadata;
        } catch (IOException e) {
            throw new BundleException("cannot save the model to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks only the metadata, for listings; the trees are not deserialised. */
    public static ModelMetadata readMetadata(Path file) {
        try (ZipFile zip = open(file)) {
            Map<String, String> sums = sums(zip, file);
            byte[] json = entry(zip, METADATA, MAX_TEXT_BYTES, file);
            verify(sums, METADATA, json, file);
            return metadata(json, file);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Loads and verifies a bundle. A damaged, truncated, tampered or foreign file is refused with a
     * {@link BundleException} and nothing else is affected. The metadata JSON is verified here but
     * bound only when first asked for.
     */
    public static TrainedModel read(Path file) {
        try (ZipFile zip = open(file)) {
            Map<String, String> sums = sums(zip, file);
            byte[] header = entry(zip, HEADER, MAX_TEXT_BYTES, file);
            byte[] json = entry(zip, METADATA, MAX_TEXT_BYTES, file);
            byte[] forest = entry(zip, FOREST, MAX_FOREST_BYTES, file);
            verify(sums, HEADER, header, file);
            verify(sums, METADATA, json, file);
            verify(sums, FOREST, forest, file);
            Predictor predictor = predictor(header(header, file), deserialise(forest, file), file);
            return new TrainedModel(predictor, () -> metadata(json, file));
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // the crafted stream's objects are garbage once we leave, so the heap recovers
            throw unreadable(file, e);
        }
    }

    private static ModelHeader header(byte[] bytes, Path file) {
        try {
            return ModelHeader.parse(bytes);
        } catch (RuntimeException e) {
            throw new BundleException(file.getFileName() + " has an unreadable header: " + e.getMessage(), e);
        }
    }

    private static Predictor predictor(ModelHeader h, Classifier[] trees, Path file) {
        FeatureSet featureSet;
        Target target;
        try {
            featureSet = FeatureSet.parse(h.featureSet());
            target = Target.parse(h.target());
        } catch (IllegalArgumentException e) {
            throw new BundleException(file.getFileName() + " names a feature set or target this Beatwise does not know: "
                    + e.getMessage(), e);
        }
        List<String> expected = featureSet.features().stream().map(Feature::key).toList();
        if (!expected.equals(h.features()) || h.classes().size() < 2) {
            throw new BundleException(file.getFileName() + " has an inconsistent header (features or classes)");
        }
        return new Predictor(new Forest(trees, featureSet, h.classes()), target, featureSet, h.classes(), h.prior(),
                h.blendWeight());
    }

    private static ModelMetadata metadata(byte[] json, Path file) {
        ModelMetadata m;
        try {
            m = JsonMappers.stored().readValue(json, ModelMetadata.class);
        } catch (JsonProcessingException e) {
            throw new BundleException(file.getFileName() + " has unreadable metadata: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file.getFileName() + " has unreadable metadata: " + e.getMessage(), e);
        }
        if (m.formatVersion() > ModelMetadata.FORMAT_VERSION) {
            throw new BundleException(file.getFileName() + " was made by a newer Beatwise (bundle format "
                    + m.formatVersion() + "; this one reads up to " + ModelMetadata.FORMAT_VERSION + ")");
        }
        return m;
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleException("no model bundle at " + file);
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new BundleException(file.getFileName() + " is " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a model bundle may be; it was refused");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BundleException(file.getFileName() + " is not a Beatwise model bundle, or it is truncated ("
                    + e.getMessage() + ")", e);
        }
        if (zip.size() > MAX_ENTRIES) {
            zip.close();
            throw new BundleException(file.getFileName() + " is not a Beatwise model bundle: it has " + zip.size()
                    + " entries");
        }
        return zip;
    }

    private static Map<String, String> sums(ZipFile zip, Path file) throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : new String(entry(zip, SUMS, MAX_SUMS_BYTES, file), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    private static byte[] entry(ZipFile zip, String name, long limit, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new BundleException(file.getFileName() + " is not a Beatwise model bundle: it has no " + name);
        }
        if (e.getCompressedSize() > limit) {
            throw new BundleException(file.getFileName() + ": " + name + " is larger than " + limit
                    + " bytes; it was refused");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new BundleException(file.getFileName() + ": " + name + " is larger than " + limit
                        + " bytes; it was refused");
            }
            checkRatio(file, name, bytes.length, e.getCompressedSize());
            return bytes;
        } catch (ZipException | EOFException ex) {
            throw new BundleException(file.getFileName() + " is damaged or truncated: " + name + " cannot be read", ex);
        }
    }

    /** A zip bomb expands far more than any real entry; refuse it before using what it holds. */
    private static void checkRatio(Path file, String name, long expanded, long compressed) {
        if (expanded > RATIO_FLOOR_BYTES && expanded > MAX_RATIO * Math.max(compressed, 1)) {
            throw new BundleException(file.getFileName() + ": " + name + " expands " + expanded / Math.max(compressed, 1)
                    + " times (at most " + MAX_RATIO + " is accepted); it looks like a zip bomb and was refused");
        }
    }

    private static void verify(Map<String, String> sums, String name, byte[] bytes, Path file) {
        String recorded = sums.get(name);
        if (recorded == null) {
            throw new BundleException(file.getFileName() + " records no SHA-256 for " + name + "; the model was not loaded");
        }
        if (!RowHash.of(bytes).equals(recorded)) {
            throw new BundleException(file.getFileName() + " was altered or damaged: " + name
                    + " does not match the SHA-256 recorded when it was saved; the model was not loaded");
        }
    }

    private static byte[] serialise(Classifier[] trees) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeObject(trees);
        }
        return bytes.toByteArray();
    }

    private static Classifier[] deserialise(byte[] bytes, Path file) throws IOException {
        long cap = Math.min(SafeObjectInput.MAX_STREAM_BYTES, Math.max(RATIO_FLOOR_BYTES, MAX_RATIO * bytes.length));
        try (InputStream in = new CappedInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16), cap,
                () -> new BundleException(file.getFileName() + ": " + FOREST + " expands to more than " + cap
                        + " bytes (" + MAX_RATIO + " times its size at most); it looks like a zip bomb and was refused"))) {
            Object o = SafeObjectInput.read(in);
            if (o instanceof Classifier[] trees && trees.length > 0) {
                for (Classifier t : trees) {
                    if (t == null) {
                        throw new BundleException(file.getFileName() + " holds a forest with a missing tree");
                    }
                }
                return trees;
            }
            throw new BundleException(file.getFileName() + " does not hold a Weka forest");
        } catch (InvalidClassException e) {
            String why = e.getMessage();
            throw new BundleException(file.getFileName() + (why.startsWith(SafeObjectInput.CLASS_REFUSED)
                    ? " contains a class Beatwise does not allow in a model (" + why.substring(SafeObjectInput.CLASS_REFUSED.length())
                    : " goes beyond what any model holds (" + why) + "); it was refused", e);
        } catch (InvalidObjectException e) {
            throw new BundleException(file.getFileName() + " holds a structure no model has (" + e.getMessage()
                    + "); it was refused", e);
        } catch (ClassNotFoundException e) {
            throw new BundleException(file.getFileName() + " needs a class this Beatwise does not have: "
                    + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, int method) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static BundleException unreadable(Path file, Throwable e) {
        if (e instanceof BundleException b) {
            return b;
        }
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            return new BundleException(file.getFileName() + " was refused: reading it needed more "
                    + (e instanceof OutOfMemoryError ? "memory" : "nesting") + " than any model bundle does", e);
        }
        return new BundleException(file.getFileName() + " cannot be read as a model bundle: " + e.getMessage(), e);
    }
}
