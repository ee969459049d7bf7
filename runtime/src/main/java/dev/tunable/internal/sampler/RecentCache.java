package dev.tunable.internal.sampler;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe map of at most {@code capacity} entries that forgets the oldest ones. Copy on
 * write: each write publishes a new immutable map, so reads take no lock and a read never sees a
 * half-made write. Meant for few writes and many reads, such as one write per generation of a
 * sampler and one read per trial: the samplers' one cache of results computed from a history,
 * which any worker would compute alike.
 */
public final class RecentCache<K, V> {
  private final int capacity;
  /** Never changed once published; in insertion order, the oldest first. */
  private final AtomicReference<Map<K, V>> entries = new AtomicReference<>(Map.of());

  public RecentCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a cache needs a capacity of at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value stored under {@code key}, or null. */
  public V get(K key) {
    return entries.get().get(key);
  }

  /**
   * Stores {@code added} (in its iteration order, so that its last entries are kept longest),
   * then forgets the oldest entries beyond the capacity.
   */
  public void putAll(Map<K, V> added) {
    if (added.isEmpty()) {
      return;
    }
    entries.updateAndGet(current -> {
      Map<K, V> next = new LinkedHashMap<>(current);
      for (Map.Entry<K, V> entry : added.entrySet()) {
        next.remove(entry.getKey()); // so that a stored-again entry counts as new
        next.put(entry.getKey(), entry.getValue());
      }
      Iterator<K> oldest = next.keySet().iterator();
      for (int excess = next.size() - capacity; excess > 0; excess--) {
        oldest.next();
        oldest.remove();
      }
      return Collections.unmodifiableMap(next);
    });
  }

  /** Stores {@code value} under {@code key}, then forgets the oldest entry beyond the capacity. */
  public void put(K key, V value) {
    putAll(Map.of(key, value));
  }

  public int size() {
    return entries.get().size();
  }
}
