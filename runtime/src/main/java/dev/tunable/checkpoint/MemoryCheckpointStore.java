package dev.tunable.checkpoint;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Checkpoints in maps; see {@link CheckpointStore#inMemory()}. */
final class MemoryCheckpointStore<P> implements CheckpointStore<P> {
  private final Map<String, ConcurrentSkipListMap<Long, P>> studies = new ConcurrentHashMap<>();

  @Override
  public void save(String study, long trial, P state) {
    requireTrialNumber(trial);
    Objects.requireNonNull(state, "state");
    studies.computeIfAbsent(Objects.requireNonNull(study, "study"),
        s -> new ConcurrentSkipListMap<>()).put(trial, state);
  }

  @Override
  public Optional<P> load(String study, long trial) {
    requireTrialNumber(trial);
    Map<Long, P> states = studies.get(study);
    return states == null ? Optional.empty() : Optional.ofNullable(states.get(trial));
  }

  @Override
  public void delete(String study, long trial) {
    requireTrialNumber(trial);
    Map<Long, P> states = studies.get(study);
    if (states != null) {
      states.remove(trial);
    }
  }

  @Override
  public SortedSet<Long> trials(String study) {
    ConcurrentSkipListMap<Long, P> states = studies.get(study);
    // Copied through toArray, which is weakly consistent: a TreeSet built from the live sorted key
    // set reads its size first and fails if a concurrent delete shrinks it before the copy ends.
    return states == null ? Collections.emptySortedSet()
        : Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(
            states.keySet().toArray(new Long[0]))));
  }

  /** As {@link DirectoryCheckpointStore} does: the stores take the same trial numbers. */
  private static void requireTrialNumber(long trial) {
    if (trial < 0) {
      throw new IllegalArgumentException("trial numbers are >= 0, got " + trial);
    }
  }

  @Override
  public String toString() {
    return "CheckpointStore.inMemory()";
  }
}
