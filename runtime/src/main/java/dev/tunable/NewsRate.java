package dev.tunable;

/**
 * How fast other workers append to a study's log, as this worker sees it when it catches up: an
 * estimate of how many events a catch-up now would find. A write that expects many reads them
 * before it takes the storage's lock, so that the lock, which every worker queues for, is not held
 * while they are decoded: with W workers sharing a study, a trial's end finds about 2W events
 * appended since its start. A lone worker expects none and never reads twice.
 *
 * <p>Not thread-safe: {@link StudyLog} calls it under its lock.
 */
final class NewsRate {
  /**
   * Events worth a read of their own before a write: decoding one under the lock costs about
   * 7 µs (PostgreSQL, BENCHMARKS.md, "Contention with 100 and 1,000 workers"), so 32 of them cost
   * about what the extra read's round trip does.
   */
  static final double WORTH_A_READ = 32;

  /** The weight of the latest catch-up in the running averages. */
  private static final double WEIGHT = 0.2;

  private long lastCatchUp;
  /** Running averages of the events a catch-up found and of the time since the one before. */
  private double events;
  private double nanos;

  NewsRate(long now) {
    this.lastCatchUp = now;
  }

  /** Records a catch-up at {@code now}, by {@link System#nanoTime}, that found {@code found}. */
  void caughtUp(int found, long now) {
    events += WEIGHT * (found - events);
    nanos += WEIGHT * (Math.max(0, now - lastCatchUp) - nanos);
    lastCatchUp = now;
  }

  /** The events a catch-up at {@code now} is expected to find. */
  double expected(long now) {
    return nanos <= 0 ? 0 : events / nanos * (now - lastCatchUp);
  }

  /** Whether a write at {@code now} should catch up before it takes the lock. */
  boolean worthReadingFirst(long now) {
    return expected(now) >= WORTH_A_READ;
  }
}
