package org.beatwise.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per key (an API token's id; a remote address for refused calls): each may burst up to
 * {@code burst} requests, then {@code ratePerSecond} on average. The clock is injected so tests move time
 * instead of sleeping.
 */
final class RateLimiter<K> {

    /** Past this many keys, buckets that have filled up again are dropped (they hold nothing a new one would not). */
    static final int MAX_KEYS = 10_000;

    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double ratePerSecond, int burst, Clock clock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be above 0 and burst at least 1, were " + ratePerSecond + ", " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before the next request will be (at least 1)
     */
    long acquire(K key) {
        return take(key, true);
    }

    /**
     * Whether the key could take a request now, without taking it.
     *
     * @return 0 when it could, else the whole seconds until it can (at least 1)
     */
    long waitFor(K key) {
        Bucket b = buckets.get(key);
        return b == null ? 0 : take(key, false);
    }

    private long take(K key, boolean consume) {
        if (consume && buckets.size() > MAX_KEYS) {
            dropFull();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()));
        synchronized (b) {
            refill(b, clock.millis());
            if (b.tokens >= 1) {
                if (consume) {
                    b.tokens -= 1;
                }
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerSecond));
        }
    }

    private void refill(Bucket b, long now) {
        double refill = Math.max(0, now - b.lastMillis) / 1000.0 * ratePerSecond;
        b.tokens = Math.min(burst, b.tokens + refill);
        b.lastMillis = now;
    }

    private void dropFull() {
        long now = clock.millis();
        buckets.values().removeIf(b -> {
            synchronized (b) {
                refill(b, now);
                return b.tokens >= burst;
            }
        });
    }

    int keys() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }
}
