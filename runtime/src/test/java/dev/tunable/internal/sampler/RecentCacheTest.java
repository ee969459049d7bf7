package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecentCacheTest {
  @Test
  void keepsTheNewestEntriesUpToItsCapacity() {
    RecentCache<Integer, String> cache = new RecentCache<>(3);
    cache.putAll(Map.of(1, "one"));
    Map<Integer, String> more = new LinkedHashMap<>();
    more.put(2, "two");
    more.put(3, "three");
    more.put(4, "four");
    cache.putAll(more);
    assertEquals(3, cache.size());
    assertNull(cache.get(1));
    assertEquals("two", cache.get(2));
    assertEquals("four", cache.get(4));
  }

  @Test
  void anEntryStoredAgainCountsAsNew() {
    RecentCache<Integer, String> cache = new RecentCache<>(2);
    cache.putAll(Map.of(1, "one"));
    cache.putAll(Map.of(2, "two"));
    cache.putAll(Map.of(1, "one again"));
    cache.putAll(Map.of(3, "three"));
    assertEquals("one again", cache.get(1));
    assertNull(cache.get(2));
    assertEquals("three", cache.get(3));
  }

  @Test
  void refusesACapacityBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RecentCache<>(0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }

  @Test
  void writersOnTwoThreadsLoseNoEntryWithinTheCapacity() throws Exception {
    RecentCache<Integer, Integer> cache = new RecentCache<>(2000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        int first = worker * 1000;
        done.add(pool.submit(() -> {
          for (int k = first; k < first + 1000; k++) {
            cache.putAll(Map.of(k, -k));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(2000, cache.size());
    for (int k = 0; k < 2000; k++) {
      assertEquals(-k, cache.get(k));
    }
  }
}
