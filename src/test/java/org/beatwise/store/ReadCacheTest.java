package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final long[] nanos = {0};
    private final AtomicInteger reads = new AtomicInteger();
    private final ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofSeconds(2), 2, () -> nanos[0]);

    private Integer read(String key) {
        return reads.incrementAndGet();
    }

    @Test
    void aValueIsReadAgainOnlyOnceItIsOlderThanItsTime() {
        assertEquals(1, cache.get("a", this::read, v -> true));
        nanos[0] += Duration.ofSeconds(2).toNanos() - 1;
        assertEquals(1, cache.get("a", this::read, v -> true));
        nanos[0] += 1;
        assertEquals(2, cache.get("a", this::read, v -> true));
    }

    @Test
    void forgetMakesTheNextUseReadAgain() {
        cache.get("a", this::read, v -> true);
        cache.forget();
        assertEquals(2, cache.get("a", this::read, v -> true));
    }

    @Test
    void aValueKeepRefusesIsReadEveryTime() {
        cache.get("a", this::read, v -> false);
        assertEquals(2, cache.get("a", this::read, v -> false));
    }

    @Test
    void aReadThatRacedAForgetIsNotKept() {
        cache.get("a", key -> {
            cache.forget(); // a change lands while the old value is being read
            return read(key);
        }, v -> true);
        assertEquals(2, cache.get("a", this::read, v -> true), "the raced read was not kept");
    }

    @Test
    void aFullCacheStartsAfresh() {
        cache.get("a", this::read, v -> true);
        cache.get("b", this::read, v -> true);
        cache.get("c", this::read, v -> true);
        assertEquals(4, cache.get("a", this::read, v -> true), "'a' went when the cache was full");
        assertEquals(3, cache.get("c", this::read, v -> true));
    }
}
