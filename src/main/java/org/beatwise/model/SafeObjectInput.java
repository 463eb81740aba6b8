package org.beatwise.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Set;

/**
 * Java deserialisation restricted to what a Weka forest is made of. Deserialising arbitrary classes
 * lets a crafted file run code, so everything outside the allow-list is refused before it is built,
 * and the stream's depth, size and object count are capped.
 */
final class SafeObjectInput {

    /**
     * The java.* classes found in a serialised Weka RandomTree array (measured on Mattapan forests),
     * plus harmless boxed values. Object and Map.Entry can only appear as array types, which
     * ArrayList and Hashtable ask the filter about before allocating.
     */
    private static final Set<String> JAVA_ALLOWED = Set.of(
            "java.lang.Number", "java.lang.Integer", "java.lang.Double", "java.lang.Long", "java.lang.Boolean",
            "java.lang.String", "java.util.ArrayList", "java.util.HashMap", "java.util.Hashtable",
            "java.lang.Object", "java.util.Map$Entry");

    static final long MAX_DEPTH = 5_000;
    static final long MAX_REFERENCES = 50_000_000;
    static final long MAX_BYTES = 2_000_000_000L;

    static final ObjectInputFilter FILTER = info -> {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || type.getName().startsWith("weka.") || JAVA_ALLOWED.contains(type.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ObjectInputFilter.Status.REJECTED;
    };

    private SafeObjectInput() { }

    /** Reads one object through the allow-list; a refused class surfaces as {@link InvalidClassException}. */
    static Object read(InputStream in) throws IOException, ClassNotFoundException {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(FILTER);
        return ois.readObject();
    }
}
