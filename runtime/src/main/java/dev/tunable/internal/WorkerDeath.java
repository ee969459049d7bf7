package dev.tunable.internal;

/**
 * The failure reason a study records for a trial whose worker died before it finished (the
 * process was killed, or the machine lost power), and how to recognize it: a grid runs such a
 * point again, while a point whose objective failed would likely fail again.
 *
 * <p>The reason is text because journals keep it as text: those written before this class existed
 * hold the same words and are recognized too.
 */
public final class WorkerDeath {
  private static final String START = "the process running the trial (worker ";
  private static final String END = ") died before it finished";

  private WorkerDeath() {}

  /** The reason of a trial that {@code worker} was running when it died. */
  public static String reason(String worker) {
    return START + worker + END;
  }

  /** Whether {@code reason} says that the trial's worker died; false for {@code null}. */
  public static boolean isReason(String reason) {
    return reason != null && reason.startsWith(START) && reason.endsWith(END);
  }
}
