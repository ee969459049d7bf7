package dev.tunable.internal.storage;

import dev.tunable.storage.Event;
import dev.tunable.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Events in a list in this process's memory. Every worker is this process, so every worker is
 * alive. Thread-safe: one monitor guards the list.
 */
public final class MemoryStorage implements Storage {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized Batch read(long cursor) {
    return new Batch(events.subList((int) cursor, events.size()), events.size());
  }

  @Override
  public synchronized long append(long cursor, Function<Batch, List<Event>> plan) {
    List<Event> news = cursor == events.size()
        ? List.of()
        : List.copyOf(events.subList((int) cursor, events.size()));
    events.addAll(plan.apply(new Batch(news, events.size())));
    return events.size();
  }

  @Override
  public String workerId() {
    return "memory";
  }

  @Override
  public boolean isAlive(String workerId) {
    return true;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "Storages.inMemory()";
  }
}
