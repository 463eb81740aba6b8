package org.beatwise.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use of one step: reset the heap pools' peaks before it, read them after. */
final class HeapPeaks {

    private HeapPeaks() { }

    /** Collects first, so the step's peak is not flattered or burdened by an earlier step's garbage. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound: pools peak at different times). */
    static long megabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
