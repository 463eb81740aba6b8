package org.beatwise.importing;

/**
 * A set of longs in one open-addressing array: 8 to 16 bytes per key instead of about 80 for a
 * {@code HashSet<Long>}, which is what keeps duplicate detection over millions of rows small.
 */
public final class LongHashSet {

    private static final long EMPTY = 0L;
    private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L; // 0 marks an empty slot

    private long[] slots;
    private int size;

    public LongHashSet() {
        this(1024);
    }

    public LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap];
    }

    /** Adds the key; false when it was already there. */
    public boolean add(long key) {
        if (key == EMPTY) {
            key = ZERO_STANDIN;
        }
        if (size * 4 >= slots.length * 3) {
            grow();
        }
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    public boolean contains(long key) {
        if (key == EMPTY) {
            key = ZERO_STANDIN;
        }
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        long[] grown = new long[old.length * 2];
        int mask = grown.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int i = spread(key) & mask;
                while (grown[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                grown[i] = key;
            }
        }
        slots = grown;
    }

    private static int spread(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
