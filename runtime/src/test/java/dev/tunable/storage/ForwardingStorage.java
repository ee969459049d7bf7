package dev.tunable.storage;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A storage that passes every call to another; tests and benchmarks override what they watch. */
public abstract class ForwardingStorage implements Storage {
  private final Storage delegate;

  protected ForwardingStorage(Storage delegate) {
    this.delegate = delegate;
  }

  @Override
  public Batch read(long cursor) {
    return delegate.read(cursor);
  }

  @Override
  public long append(long cursor, Function<Batch, List<Event>> plan) {
    return delegate.append(cursor, plan);
  }

  @Override
  public String workerId() {
    return delegate.workerId();
  }

  @Override
  public boolean isAlive(String workerId) {
    return delegate.isAlive(workerId);
  }

  @Override
  public Set<String> alive(Set<String> workerIds) {
    return delegate.alive(workerIds);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
