package org.beatwise.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per API token: each may burst up to {@code burst} requests, then {@code ratePerSecond}
 * on average. The clock is injected so tests move time instead of sleeping.
 */
final class RateLimiter {

    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

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
    long acquire(long key) {
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()));
        synchronized (b) {
            long now = clock.millis();
            double refill = Math.max(0, now - b.lastMillis) / 1000.0 * ratePerSecond;
            b.tokens = Math.min(burst, b.tokens + refill);
            b.lastMillis = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerSecond));
        }
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
