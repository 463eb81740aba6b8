package org.beatwise.store;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Values read from the database that a hot path (every API request) may use again for a short time
 * instead of reading them each time. A change made in this program calls {@link #forget()} and applies at
 * once; one made by another program (the command line, a second station on a shared database) is seen
 * once the value is older than the cache's time. A read that raced a {@code forget()} is not kept.
 */
public final class ReadCache<K, V> {

    private final long ttlNanos;
    private final int max;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<K, Read<V>> reads = new ConcurrentHashMap<>();
    // moved by every forget(), so a read that started before one is not kept
    private final AtomicLong generation = new AtomicLong();

    private record Read<V>(V value, long atNanos) { }

    /**
     * @param ttl   how long a value read is used without reading it again
     * @param max   at most this many keys; when full the cache starts afresh
     * @param nanos a monotonic time in nanoseconds (tests pass one they move)
     */
    public ReadCache(Duration ttl, int max, LongSupplier nanos) {
        this.ttlNanos = ttl.toNanos();
        this.max = max;
        this.nanos = nanos;
    }

    /** The value for {@code key}: the one read last while it is young enough, else {@code read}'s, kept when {@code keep} says so. */
    public V get(K key, Function<K, V> read, Predicate<V> keep) {
        long now = nanos.getAsLong();
        Read<V> r = reads.get(key);
        if (r != null && now - r.atNanos() < ttlNanos) {
            return r.value();
        }
        long before = generation.get();
        V value = read.apply(key);
        synchronized (generation) {
            if (before == generation.get()) {
                if (!keep.test(value)) {
                    reads.remove(key);
                } else {
                    if (reads.size() >= max) {
                        reads.clear();
                    }
                    reads.put(key, new Read<>(value, now));
                }
            }
        }
        return value;
    }

    /** Forgets every value, so each is read again on its next use. */
    public void forget() {
        synchronized (generation) {
            generation.incrementAndGet();
            reads.clear();
        }
    }
}
