package dev.tunable.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The live line {@code optimize} shows on standard error in a terminal: trials done out of the
 * total, how many of them were pruned and failed, the best value so far, elapsed time and an
 * estimate of the time left. Redrawn in place at most a few times a second, so that fast
 * objectives do not spend their time printing.
 *
 * <p>Only in a terminal ({@link System#console()} is not null) and only if the study's setting
 * allows it: elsewhere (a log file, a CI job, a pipe) nothing is drawn, since carriage returns
 * would garble the file, and the log's lines (one per finished trial, one at the end of the run)
 * tell the progress instead. In a terminal, Tunable's own log lines are written while the line is
 * erased ({@link #whileErased}), so that the two never share a line; it is drawn again with the
 * next finished trial.
 *
 * <p>Thread-safe: a line is updated under the study's callback lock, and erased by any thread
 * that logs.
 */
public final class ProgressLine implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;
  /** Carriage return, then ANSI "erase to the end of the line". */
  private static final String ERASE = "\r\033[K";
  /** The lines drawn now, to erase while a log line is written. */
  private static final Set<ProgressLine> SHOWN = new CopyOnWriteArraySet<>();

  private final PrintStream out;
  private final long total;
  private final Duration timeLimit;
  private final long startNanos;
  private long lastDrawn = Long.MIN_VALUE;
  private long done;
  private long pruned;
  private long failed;
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

  /**
   * Records that {@code done} trials have finished, {@code pruned} and {@code failed} of them
   * pruned and failed, and that the best value is {@code best}.
   */
  public synchronized void update(long done, long pruned, long failed, Double best) {
    this.done = done;
    this.pruned = pruned;
    this.failed = failed;
    this.best = best;
    long now = System.nanoTime();
    if (out != null && (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS)) {
      lastDrawn = now;
      draw(now);
    }
  }

  /**
   * Runs {@code write}, which writes a log line, with every progress line erased from the
   * terminal, so that the log line starts at the beginning of a line of its own.
   */
  static void whileErased(Runnable write) {
    if (SHOWN.isEmpty()) {
      write.run();
      return;
    }
    for (ProgressLine line : SHOWN) {
      line.erase();
    }
    write.run();
  }

  /** The line as it would be drawn now. */
  synchronized String text(long nowNanos) {
    long elapsed = nowNanos - startNanos;
    StringBuilder line = new StringBuilder();
    line.append(done);
    if (total != Long.MAX_VALUE) {
      line.append('/').append(total);
    }
    line.append(" trials");
    if (pruned > 0 || failed > 0) {
      line.append(" (").append(pruned).append(" pruned, ").append(failed).append(" failed)");
    }
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
    SHOWN.add(this);
  }

  /** Clears the line from the terminal; the next update draws it again at once. */
  private synchronized void erase() {
    if (drawn && SHOWN.remove(this)) {
      out.print(ERASE);
      out.flush();
      lastDrawn = Long.MIN_VALUE;
    }
  }

  /** {@code nanos} as {@code m:ss} or {@code h:mm:ss}. */
  public static String clock(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  /** Draws the final state and ends the line. */
  @Override
  public synchronized void close() {
    if (out != null && (drawn || done > 0)) {
      draw(System.nanoTime());
      out.println();
    }
    SHOWN.remove(this);
  }
}
