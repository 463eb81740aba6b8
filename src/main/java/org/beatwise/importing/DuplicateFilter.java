package org.beatwise.importing;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.LongPredicate;
import org.beatwise.domain.Incident;

/**
 * Recognises duplicate incidents: same incident id, same offence code (or the offence text when
 * there is no code), same occurred time and same coordinates. One filter spans all files of an
 * import; {@code existing} answers for what the dataset already holds.
 *
 * <p>Records are compared by a 64-bit hash of those fields ({@link #key}) so memory stays at a few
 * bytes per row. Two different records share a hash with probability about n²/2⁶⁵ (1e-8 for a
 * million rows); storage keeps the key per incident so the check against a dataset is exact to that.
 */
public final class DuplicateFilter {

    /** How a record relates to what was seen before. */
    public enum Seen { NEW, IN_THIS_IMPORT, IN_DATASET }

    private final LongPredicate existing;
    private final LongHashSet seen;

    public DuplicateFilter(LongPredicate existing) {
        this(existing, 1 << 16);
    }

    /** A filter sized for about {@code expectedRows}, so that a large import does not rehash its set again and again. */
    public DuplicateFilter(LongPredicate existing, long expectedRows) {
        this.existing = existing == null ? k -> false : existing;
        this.seen = new LongHashSet((int) Math.min(1 << 26, Math.max(1 << 16, expectedRows)));
    }

    /** A filter for an import into an empty (or new) dataset. */
    public static DuplicateFilter empty() {
        return new DuplicateFilter(null);
    }

    /** Classifies the key and remembers it. */
    public Seen check(long key) {
        if (existing.test(key)) {
            return Seen.IN_DATASET;
        }
        return seen.add(key) ? Seen.NEW : Seen.IN_THIS_IMPORT;
    }

    public static long key(Incident i) {
        return key(i.incidentId(), i.offenseCode(), i.offense(), i.occurredAt(), i.lat(), i.lon());
    }

    public static long key(String id, String offenseCode, String offense, LocalDateTime at, double lat, double lon) {
        long h = hash(id);
        h = h * 0x9E3779B97F4A7C15L + hash(offenseCode == null || offenseCode.isEmpty() ? offense : offenseCode);
        h = h * 0x9E3779B97F4A7C15L + at.toEpochSecond(ZoneOffset.UTC);
        h = h * 0x9E3779B97F4A7C15L + at.getNano();
        h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(lat + 0.0); // +0.0 folds -0.0 into 0.0
        h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(lon + 0.0);
        return mix(h);
    }

    /** FNV-1a over the chars, then a murmur finaliser so that short strings spread over all 64 bits. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
