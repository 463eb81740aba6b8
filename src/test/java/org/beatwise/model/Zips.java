package org.beatwise.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helper: read a bundle's entries and write altered copies of it. */
final class Zips {

    private Zips() { }

    static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    static void write(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Recomputes SHA256SUMS, as someone who knew the format would when tampering. */
    static void fixSums(Map<String, byte[]> entries) {
        StringBuilder sums = new StringBuilder();
        for (String name : new String[] {ModelBundle.FOREST, ModelBundle.HEADER, ModelBundle.METADATA}) {
            sums.append(RowHash.of(entries.get(name))).append("  ").append(name).append('\n');
        }
        entries.put(ModelBundle.SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
    }
}
