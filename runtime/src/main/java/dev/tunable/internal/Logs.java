package dev.tunable.internal;

import dev.tunable.FrozenTrial;
import dev.tunable.TrialState;
import java.util.Map;
import java.util.Map.Entry;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tunable's loggers and the lines they write. Loggers are named by what a user filters on, not
 * by the class that logs (which may move): {@value #STUDY_NAME} for a study's life (created,
 * resumed, its search space changed, the end of a run), {@value #TRIAL_NAME} for one line per
 * finished trial, {@value #SAMPLER_NAME} for a sampler's warnings, {@value #STORAGE_NAME} for a
 * storage's. All under {@code dev.tunable}, so that one setting covers them all.
 *
 * <p>Each line is written while any {@link ProgressLine} on the terminal is erased, so that the
 * two never share a line.
 */
public final class Logs {
  public static final String STUDY_NAME = "dev.tunable.study";
  public static final String TRIAL_NAME = "dev.tunable.trial";
  public static final String SAMPLER_NAME = "dev.tunable.sampler";
  public static final String STORAGE_NAME = "dev.tunable.storage";

  /** A study created, resumed, its space changed, a run ended. */
  public static final Logger STUDY = LoggerFactory.getLogger(STUDY_NAME);
  /** One line per finished trial. */
  public static final Logger TRIAL = LoggerFactory.getLogger(TRIAL_NAME);
  /** What a sampler could not do as asked. */
  public static final Logger SAMPLER = LoggerFactory.getLogger(SAMPLER_NAME);
  /** What a storage could not do as asked. */
  public static final Logger STORAGE = LoggerFactory.getLogger(STORAGE_NAME);

  private Logs() {}

  /** Writes {@code message} at INFO to {@code logger}, if enabled. */
  public static void info(Logger logger, String message) {
    if (logger.isInfoEnabled()) {
      ProgressLine.whileErased(() -> logger.info(message));
    }
  }

  /** Writes {@code message} at WARN to {@code logger}, if enabled. */
  public static void warn(Logger logger, String message) {
    if (logger.isWarnEnabled()) {
      ProgressLine.whileErased(() -> logger.warn(message));
    }
  }

  /** Writes the line {@code write} builds at INFO, if enabled, building it only then. */
  public static void info(Logger logger, Consumer<StringBuilder> write) {
    if (logger.isInfoEnabled()) {
      StringBuilder line = new StringBuilder();
      write.accept(line);
      info(logger, line.toString());
    }
  }

  /** Logs the line of a finished trial at INFO, if enabled; see {@link #finishedTrial}. */
  public static void trialFinished(String study, FrozenTrial trial) {
    if (TRIAL.isInfoEnabled()) {
      info(TRIAL, finishedTrial(study, trial));
    }
  }

  /**
   * The line of a finished trial: {@code study 'demo' trial #12 COMPLETE in 1234 ms, value 0.25:
   * x=0.5, units=64}; a failed or pruned trial's ends with {@code ; reason: …}. Values and
   * hyperparameters are written as the export writes them.
   */
  public static String finishedTrial(String study, FrozenTrial trial) {
    StringBuilder line = new StringBuilder("study '").append(study).append("' trial #")
        .append(trial.number()).append(' ').append(trial.state());
    String millis = TrialExport.durationMillis(trial);
    if (!millis.isEmpty()) {
      line.append(" in ").append(millis).append(" ms");
    }
    double[] values = trial.values();
    if (values.length == 1) {
      line.append(", value ").append(TrialExport.value(values[0]));
    } else if (values.length > 1) {
      line.append(", values [");
      for (int i = 0; i < values.length; i++) {
        line.append(i == 0 ? "" : ", ").append(TrialExport.value(values[i]));
      }
      line.append(']');
    }
    line.append(':');
    params(line, trial.params().asMap());
    String reason = reason(trial);
    if (reason != null) {
      line.append("; reason: ").append(reason);
    }
    return line.toString();
  }

  /** {@code " x=0.5, units=64"}, as the export writes the values. */
  public static StringBuilder params(StringBuilder line, Map<String, Object> params) {
    boolean first = true;
    for (Entry<String, Object> param : params.entrySet()) {
      line.append(first ? " " : ", ").append(param.getKey()).append('=')
          .append(TrialExport.value(param.getValue()));
      first = false;
    }
    return line;
  }

  /** Why a trial failed or was pruned: its failure reason, or the last step it reported. */
  private static String reason(FrozenTrial trial) {
    if (trial.state() == TrialState.FAIL) {
      return trial.failureReason().orElse("unknown");
    }
    if (trial.state() == TrialState.PRUNED) {
      SortedMap<Long, Double> reported = trial.intermediateValues();
      return reported.isEmpty() ? "pruned before any report"
          : "pruned after step " + reported.lastKey() + ", which reported "
              + TrialExport.value(trial.lastIntermediateValue().getAsDouble());
    }
    return null;
  }
}
