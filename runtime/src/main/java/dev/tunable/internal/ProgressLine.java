package dev.tunable.internal;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The live line {@code optimize} shows on standard error in a terminal: trials done out of the
 * total, the best value so far, elapsed time and an estimate of the time left. Redrawn at most a
 * few times a second so that fast objectives do not spend their time printing. Not thread-safe;
 * the study calls it under its callback lock.
 */
public final class ProgressLine implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final long total;
  private final Duration timeLimit;
  private final long startNanos;
  private long lastDrawn = Long.MIN_VALUE;
  private long done;
  private Double best;
  private boolean drawn;

  ProgressLine(PrintStream out, long total, Duration timeLimit, long startNanos) {
    this.out = out;
    this.startNanos = startNanos;
    this.total = total;
    this.timeLimit = timeLimit;
  }

  /** A line on standard error if {@code enabled} and the process runs in a terminal, else none. */
  public static ProgressLine create(boolean enabled, long total, Duration timeLimit) {
    return new ProgressLine(
        enabled && System.console() != null ? System.err : null, total, timeLimit,
        System.nanoTime());
  }

  /** Whether the line is drawn at all; when not, callers may skip computing its figures. */
  public boolean isShown() {
    return out != null;
  }

  /** Records that {@code done} trials have finished and the best value is {@code best}. */
  public void update(long done, Double best) {
    this.done = done;
    this.best = best;
    long now = System.nanoTime();
    if (out != null && (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS)) {
      lastDrawn = now;
      draw(now);
    }
  }

  /** The line as it would be drawn now. */
  String text(long nowNanos) {
    long elapsed = nowNanos - startNanos;
    StringBuilder line = new StringBuilder();
    line.append(done);
    if (total != Long.MAX_VALUE) {
      line.append('/').append(total);
    }
    line.append(" trials");
    line.append("  best ").append(best == null ? "-" : String.format("%.6g", best));
    line.append("  elapsed ").append(clock(elapsed));
    long left = -1;
    if (total != Long.MAX_VALUE && done > 0) {
      left = (long) ((double) elapsed / done * (total - done));
    }
    if (timeLimit != null) {
      long untilDeadline = Math.max(0, timeLimit.toNanos() - elapsed);
      left = left < 0 ? untilDeadline : Math.min(left, untilDeadline);
    }
    line.append("  ETA ").append(left < 0 ? "-" : clock(left));
    return line.toString();
  }

  private void draw(long now) {
    out.print("\r" + text(now) + "   ");
    out.flush();
    drawn = true;
  }

  static String clock(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  /** Draws the final state and ends the line. */
  @Override
  public void close() {
    if (out != null && (drawn || done > 0)) {
      draw(System.nanoTime());
      out.println();
    }
  }
}
