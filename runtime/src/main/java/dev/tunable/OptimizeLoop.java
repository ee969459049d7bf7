package dev.tunable;

import dev.tunable.internal.Logs;
import dev.tunable.internal.ProgressLine;
import dev.tunable.internal.TrialExport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One call of {@link Study#optimize}: asks for trials, runs the objective on them and tells the
 * study the outcome, on {@link Budget#workerCount()} threads, until the budget is spent (this
 * run's trials, the study's total, the time), the sampler is exhausted, the study is stopped or a thread running trials is interrupted. Written
 * against the study's public ask and tell, as a user's own loop would be. Counts what happened,
 * calls the callbacks, drives the progress line, and keeps the first error that must stop the
 * run.
 *
 * <p>An interrupt means "stop after the running trials": each is told as its objective ended, no
 * trial starts after it, and the thread that called {@code optimize} keeps (or gets, when a
 * worker thread was interrupted) its interrupt status. An {@link Error} thrown by the objective
 * fails its trial and is rethrown once the running trials have ended: it says the process may
 * not be sound, so no new trial is started in it.
 *
 * @param <H> the type of the hyperparameters
 */
final class OptimizeLoop<H> {
  private static final int REASONS_SHOWN = 3;

  private final Study study;
  private final SearchSpace<H> space;
  private final MultiObjective<H> objective;
  private final List<TrialCallback> callbacks;
  private final Budget budget;
  private final long maxTrials;
  private final long deadline;
  private final long startNanos;
  private final int workers;
  private final AtomicLong started = new AtomicLong();
  private final AtomicBoolean exhausted = new AtomicBoolean();
  /** Guards the counters, the callbacks and the progress line: one critical section per trial. */
  private final Object tally = new Object();
  private long finished;
  private long pruned;
  private long failed;
  private final List<String> firstReasons = new ArrayList<>();
  private Throwable firstFailure;
  private volatile boolean halted;
  private volatile boolean interrupted;
  private Throwable error;
  private ProgressLine progress;

  OptimizeLoop(Study study, SearchSpace<H> space, Budget budget, MultiObjective<H> objective,
      List<TrialCallback> callbacks) {
    this.study = study;
    this.space = space;
    this.objective = objective;
    this.callbacks = callbacks;
    this.budget = budget;
    this.maxTrials = budget.maxTrials();
    this.workers = budget.workerCount();
    this.startNanos = System.nanoTime();
    this.deadline =
        budget.timeLimit() == null ? Long.MAX_VALUE : startNanos + budget.timeLimit().toNanos();
  }

  /**
   * Runs the loop to its end.
   *
   * @throws AllTrialsFailedException if every trial of this run failed
   */
  void run(boolean showProgress) {
    try (ProgressLine line = ProgressLine.create(showProgress, budget.maxTrials(), budget.timeLimit())) {
      progress = line;
      if (workers == 1) {
        work(); // on the calling thread, whose interrupt status then stays as the trial left it
      } else {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
          Thread thread = new Thread(this::work, "tunable-" + study.name() + "-worker-" + i);
          thread.setDaemon(true);
          threads.add(thread);
          thread.start();
        }
        for (Thread thread : threads) {
          joinUninterruptibly(thread);
        }
        if (interrupted) {
          Thread.currentThread().interrupt(); // a worker's interrupt is the caller's to see
        }
      }
    }
    logEnd();
    rethrow();
  }

  /** Says what the run did: a plain line for logs, where no progress line is drawn. */
  private void logEnd() {
    Logs.info(Logs.STUDY, line -> {
      long complete;
      synchronized (tally) {
        complete = finished - pruned - failed;
        line.append("study '").append(study.name()).append("' ran ").append(finished)
            .append(finished == 1 ? " trial in " : " trials in ")
            .append(ProgressLine.clock(System.nanoTime() - startNanos)).append(" (")
            .append(complete).append(" COMPLETE, ").append(pruned).append(" PRUNED, ")
            .append(failed).append(" FAIL)");
      }
      Double best = study.bestValueSeen();
      if (best != null) {
        line.append("; best value so far ").append(TrialExport.value(best));
      }
    });
  }

  private void work() {
    try {
      while (!halted && !study.isStopRequested() && !interruptedNow()
          && started.incrementAndGet() <= maxTrials
          && (deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0)) {
        Trial<H> trial;
        try {
          trial = study.ask(space, budget.maxTotalTrials());
        } catch (SearchExhaustedException e) {
          trial = null;
          if (exhausted.compareAndSet(false, true)) { // once, though every worker thread finds it
            Logs.info(Logs.SAMPLER, "study '" + study.name() + "': " + e.getMessage()
                + "; the run ends");
          }
        }
        if (trial == null) { // exhausted, the study holds its total, or interrupted waiting
          interruptedNow();
          halted = true;
          break;
        }
        Outcome outcome = evaluate(trial);
        synchronized (tally) {
          count(outcome);
          for (TrialCallback callback : callbacks) {
            callback.afterTrial(study, outcome.trial());
          }
          if (progress.isShown()) {
            progress.update(finished, pruned, failed, study.bestValueSeen());
          }
        }
      }
    } catch (RuntimeException | Error e) {
      halt(e);
    }
  }

  /** Whether this thread was interrupted; if so, no thread starts another trial. */
  private boolean interruptedNow() {
    if (!Thread.currentThread().isInterrupted()) {
      return false;
    }
    interrupted = true;
    halted = true;
    return true;
  }

  /** A trial the objective finished, and the exception that failed it, if any. */
  private record Outcome(FrozenTrial trial, Throwable failure) {}

  private Outcome evaluate(Trial<H> trial) {
    FrozenTrial done;
    Throwable failure = null;
    try {
      done = study.tell(trial, objective.evaluate(trial));
    } catch (TrialPrunedException e) {
      done = study.tell(trial, TrialState.PRUNED);
    } catch (Exception e) {
      failure = e;
      done = study.tellFailure(trial, describe(e));
    } catch (Error e) {
      study.tellFailure(trial, describe(e));
      throw e;
    }
    return new Outcome(done, failure);
  }

  /** Counts a finished trial; the caller holds {@link #tally}. */
  private void count(Outcome outcome) {
    FrozenTrial done = outcome.trial();
    finished++;
    if (done.state() == TrialState.PRUNED) {
      pruned++;
    }
    if (done.state() == TrialState.FAIL) {
      failed++;
      if (firstReasons.size() < REASONS_SHOWN) {
        firstReasons.add("#" + done.number() + ": " + done.failureReason().orElse("?"));
      }
      if (firstFailure == null) {
        firstFailure = outcome.failure();
      }
    }
  }

  private synchronized void halt(Throwable e) {
    halted = true;
    if (error == null && e != null) {
      error = e;
    }
  }

  private void rethrow() {
    synchronized (this) {
      if (error instanceof RuntimeException e) {
        throw e;
      }
      if (error instanceof Error e) {
        throw e;
      }
    }
    synchronized (tally) {
      if (finished > 0 && failed == finished) {
        throw new AllTrialsFailedException(
            "all " + finished + " trials of study '" + study.name() + "' failed; first reasons:\n  "
                + String.join("\n  ", firstReasons),
            firstFailure);
      }
    }
  }

  /** Waits for {@code thread}; an interrupt of the calling thread halts the run meanwhile. */
  private void joinUninterruptibly(Thread thread) {
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        halt(null);
      }
    }
  }

  private static String describe(Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    return failure + (trace.length > 0 ? " (at " + trace[0] + ")" : "");
  }
}
