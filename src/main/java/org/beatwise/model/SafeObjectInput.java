package org.beatwise.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Java deserialisation restricted to exactly what a trained Weka forest is made of. Deserialising
 * arbitrary classes lets a crafted file run code or exhaust memory, so everything outside the
 * allow-list is refused before it is built, the stream's depth, size, array lengths and object count
 * are capped, and no collection may hold another collection (the nested-map hash-collision attack).
 */
final class SafeObjectInput {

    /**
     * Every class the filter is asked about while reading real forests, and nothing else. Measured by
     * training the {@code default} and {@code paper} presets on Mattapan 2015–2018 (both feature sets)
     * and recording each class the filter saw; {@code BundleClassesRealTest} repeats the measurement
     * and fails if a forest ever needs a class outside this list, or the list holds one none needs.
     * Strings are not here because the stream encodes them without a class descriptor. Object[] and
     * Map.Entry[] are only asked about as the backing arrays ArrayList, HashMap and Hashtable size
     * before they allocate them.
     */
    static final Set<String> ALLOWED = Set.of(
            "[D", "[Ljava.lang.Object;", "[Ljava.util.Map$Entry;",
            "[Lweka.classifiers.Classifier;", "[Lweka.classifiers.trees.RandomTree$Tree;",
            "java.lang.Integer", "java.lang.Number",
            "java.util.ArrayList", "java.util.HashMap", "java.util.Hashtable",
            "weka.classifiers.AbstractClassifier", "weka.classifiers.trees.RandomTree",
            "weka.classifiers.trees.RandomTree$Tree",
            "weka.core.Attribute", "weka.core.Instances", "weka.core.NominalAttributeInfo");

    /*
     * Caps from the same measurement (Mattapan 2015–2018, 37,919 rows): the default forest is 4.8 MB
     * of stream, 83 k references, depth 20; the paper forest 243 MB, 4.1 M references, depth 34; the
     * longest array 77 (the class list). The caps leave room for larger datasets and deeper trees
     * (two stream levels per tree level) while keeping a crafted stream far from exhausting the heap.
     */
    static final long MAX_DEPTH = 400;
    static final long MAX_REFERENCES = 16_000_000;
    static final long MAX_STREAM_BYTES = 512L << 20;
    static final long MAX_ARRAY_LENGTH = 1 << 16;

    static final String CLASS_REFUSED = "class not allowed: ";

    /** Why a stream was refused, or null to let it through; the reason ends up in the analyst's message. */
    static String refusal(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return "nesting deeper than " + MAX_DEPTH;
        }
        if (info.references() > MAX_REFERENCES) {
            return "more than " + MAX_REFERENCES + " objects";
        }
        if (info.streamBytes() > MAX_STREAM_BYTES) {
            return "more than " + MAX_STREAM_BYTES + " bytes of objects";
        }
        if (info.arrayLength() > MAX_ARRAY_LENGTH) {
            return "an array of " + info.arrayLength() + " elements (at most " + MAX_ARRAY_LENGTH + ")";
        }
        Class<?> type = info.serialClass();
        if (type != null && !ALLOWED.contains(type.getName())) {
            return CLASS_REFUSED + type.getName();
        }
        return null;
    }

    private SafeObjectInput() { }

    /**
     * Reads one object through the allow-list; a refused class or cap surfaces as
     * {@link InvalidClassException}, a collection nested in a collection as {@link InvalidObjectException}.
     */
    static Object read(InputStream in) throws IOException, ClassNotFoundException {
        try (Guarded ois = new Guarded(in)) {
            try {
                return ois.readObject();
            } catch (InvalidClassException e) {
                throw ois.refused == null ? e : new InvalidClassException(ois.refused);
            }
        }
    }

    /**
     * A HashMap hashes each key as it reads it, and a list or map hashes all it holds, so lists nested
     * in lists with shared references cost 2^depth hash calls. A forest never nests collections, so
     * each collection is checked as soon as it is complete, before any map can hash it as a key.
     */
    private static final class Guarded extends ObjectInputStream {

        private String refused;

        Guarded(InputStream in) throws IOException {
            super(in);
            setObjectInputFilter(info -> {
                String why = refusal(info);
                if (why == null) {
                    return info.serialClass() == null ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.ALLOWED;
                }
                refused = refused == null ? why : refused;
                return ObjectInputFilter.Status.REJECTED;
            });
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (obj instanceof Collection<?> c) {
                for (Object o : c) {
                    refuseNested(o);
                }
            } else if (obj instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    refuseNested(e.getKey());
                    refuseNested(e.getValue());
                }
            }
            return obj;
        }

        private static void refuseNested(Object o) throws InvalidObjectException {
            if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
                throw new InvalidObjectException("a collection nested in another collection, which no forest holds");
            }
        }
    }
}
