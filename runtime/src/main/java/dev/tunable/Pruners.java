package dev.tunable;

/**
 * The built-in {@link Pruner}s.
 *
 * @since 0.1
 */
public final class Pruners {
  private Pruners() {}

  /** A pruner that never prunes; the default. */
  public static Pruner none() {
    return NoPruner.INSTANCE;
  }

  private enum NoPruner implements Pruner {
    INSTANCE;

    @Override
    public boolean shouldPrune(PrunerContext context) {
      return false;
    }

    @Override
    public String toString() {
      return "Pruners.none()";
    }
  }
}
