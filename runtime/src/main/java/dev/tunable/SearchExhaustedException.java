package dev.tunable;

/**
 * Thrown by a {@link Sampler}, and so by {@link Study#ask}, when it has no point left to propose,
 * as a grid whose every point has been asked for. {@link Study#optimize} catches it and stops
 * cleanly.
 *
 * @since 0.1
 */
public final class SearchExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception saying what was exhausted, e.g. {@code "all 12 grid points have been asked"}. */
  public SearchExhaustedException(String message) {
    super(message);
  }
}
