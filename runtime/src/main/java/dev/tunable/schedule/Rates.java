package dev.tunable.schedule;

/** The checks the schedules share. */
final class Rates {
  private Rates() {}

  static void requirePositive(double rate, String name) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + rate);
    }
  }

  static void requireFactor(double factor) {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException(
          "a decay factor must be in (0, 1], got " + factor + "; 0.1 divides the rate by ten");
    }
  }

  static void requireStep(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("steps count from 0, got " + step);
    }
  }
}
