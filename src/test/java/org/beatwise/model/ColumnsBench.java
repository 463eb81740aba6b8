package org.beatwise.model;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;

/**
 * A manual measurement, not a test: the heap the incident column stores take. Streams generated
 * Boston-like incidents (ids of 10 ASCII bytes, 250 offences, 60 groups, 13 districts, each string a new
 * object as read from a database) into (1) {@code IncidentColumns} appended row by row, and (2) a
 * {@link TrainingSample} draw of 1,000,000 rows from more, and prints the heap held afterwards per row,
 * the heap pools' peak during the draw, and a SHA-256 of the rows read back (which must not change).
 * Args: rows appended (default 2,000,000), rows streamed into the draw (default 3,000,000), sample size
 * (default 1,000,000). Run with {@code -XX:+UseSerialGC -Xmx1g} so the forced collections compact.
 */
public final class ColumnsBench {

    private ColumnsBench() { }

    public static void main(String[] a) throws Exception {
        int appended = a.length > 0 ? Integer.parseInt(a[0]) : 2_000_000;
        long streamed = a.length > 1 ? Long.parseLong(a[1]) : 3_000_000;
        int sample = a.length > 2 ? Integer.parseInt(a[2]) : 1_000_000;

        long base = usedAfterGc();
        IncidentColumns.Builder builder = IncidentColumns.builder(appended);
        generate(appended).accept(builder);
        IncidentColumns columns = builder.build();
        builder = null;
        long held = usedAfterGc() - base;
        System.out.printf("append %,d rows: held %.1f MB, %.1f bytes a row; rows %s%n", columns.size(), held / 1e6,
                (double) held / columns.size(), hash(columns));
        columns = null;

        base = usedAfterGc();
        resetPeaks();
        long t0 = System.nanoTime();
        TrainingSample.Drawn drawn = new TrainingSample(sample, 42).draw(generate(streamed));
        long t1 = System.nanoTime();
        long peak = peakHeap() - base;
        long oldPeak = oldGenerationPeak();
        held = usedAfterGc() - base;
        System.out.printf("draw %,d of %,d rows: %.1f s, peak %.1f MB over the start (old generation's own peak %.1f MB),"
                + " held %.1f MB, %.1f bytes a row; rows %s%n",
                drawn.rows().size(), streamed, (t1 - t0) / 1e9, peak / 1e6, oldPeak / 1e6, held / 1e6, (double) held / drawn.rows().size(),
                hash(drawn.rows()));
    }

    /** The same incidents every call, made one at a time as a dataset streams from the database. */
    private static Consumer<Consumer<Incident>> generate(long rows) {
        return sink -> {
            Random random = new Random(7);
            LocalDateTime start = LocalDateTime.of(2015, 6, 15, 0, 0);
            for (long n = 0; n < rows; n++) {
                String id = n % 997 == 0 ? null : "I" + (152_000_000 + n);
                int offense = random.nextInt(250);
                sink.accept(new Incident(id, start.plusSeconds(random.nextInt(4 * 365 * 86_400)),
                        42.25 + random.nextDouble() * 0.15, -71.15 + random.nextDouble() * 0.15,
                        "OFFENSE DESCRIPTION " + offense, String.valueOf(3000 + offense), "GROUP " + offense % 60,
                        "D" + offense % 13, n + 2));
            }
        };
    }

    private static String hash(List<Incident> rows) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Incident i : rows) {
            sha.update(i.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static long usedAfterGc() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** The peak of the pool that holds what survives (the reservoir), without the young garbage of the stream. */
    private static long oldGenerationPeak() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && (p.getName().contains("Tenured") || p.getName().contains("Old"))) {
                return p.getPeakUsage().getUsed();
            }
        }
        return -1;
    }

    /** The heap pools' peaks summed: an upper bound, since each pool may peak at another moment. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
