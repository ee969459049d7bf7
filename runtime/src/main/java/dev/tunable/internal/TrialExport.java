package dev.tunable.internal;

import dev.tunable.FrozenTrial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes trial snapshots as CSV (RFC 4180) or JSON. */
public final class TrialExport {
  private TrialExport() {}

  /** An objective, reported or constraint value as exports and log lines write it. */
  public static String value(double value) {
    return Double.toString(value);
  }

  /** A hyperparameter's or user attribute's value as exports and log lines write it. */
  public static String value(Object value) {
    return String.valueOf(value);
  }

  /**
   * How long the trial ran, in milliseconds, as exports and log lines write it; empty while it
   * runs.
   */
  public static String durationMillis(FrozenTrial trial) {
    return trial.end()
        .map(end -> Long.toString(java.time.Duration.between(trial.start(), end).toMillis()))
        .orElse("");
  }

  /**
   * One row per trial: {@code number,state,value,start,end,duration_ms}, then {@code
   * constraint_<i>} for every constraint any trial set, {@code params.<name>} for every
   * hyperparameter and {@code user.<key>} for every user attribute any trial has, then {@code
   * failure_reason}. Several objectives give {@code value_0, value_1, …}. The hyperparameters
   * named in {@code order} (the study's space) come first, in that order, so that a branch's
   * columns stand together whichever branch the first trials took; then any others, as first
   * seen. A trial without a value of a hyperparameter (of a branch of a conditional space it did
   * not take) leaves its cell empty.
   */
  public static void csv(List<FrozenTrial> trials, List<String> order, Appendable out)
      throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> attributes = new LinkedHashSet<>();
    int objectives = 1;
    int constraints = 0;
    for (FrozenTrial trial : trials) {
      seen.addAll(trial.params().names());
      attributes.addAll(trial.userAttributes().keySet());
      objectives = Math.max(objectives, trial.values().length);
      constraints = Math.max(constraints, trial.constraints().length);
    }
    Set<String> params = new LinkedHashSet<>();
    order.stream().filter(seen::contains).forEach(params::add);
    params.addAll(seen);
    List<String> header = new ArrayList<>(List.of("number", "state"));
    for (int i = 0; i < objectives; i++) {
      header.add(objectives == 1 ? "value" : "value_" + i);
    }
    header.addAll(List.of("start", "end", "duration_ms"));
    for (int i = 0; i < constraints; i++) {
      header.add("constraint_" + i);
    }
    params.forEach(name -> header.add("params." + name));
    attributes.forEach(key -> header.add("user." + key));
    header.add("failure_reason");
    row(out, header);
    for (FrozenTrial trial : trials) {
      List<String> cells = new ArrayList<>();
      cells.add(Long.toString(trial.number()));
      cells.add(trial.state().name());
      double[] values = trial.values();
      for (int i = 0; i < objectives; i++) {
        cells.add(i < values.length ? value(values[i]) : "");
      }
      cells.add(trial.start().toString());
      cells.add(trial.end().map(Object::toString).orElse(""));
      cells.add(durationMillis(trial));
      double[] set = trial.constraints();
      for (int i = 0; i < constraints; i++) {
        cells.add(i < set.length ? value(set[i]) : "");
      }
      for (String name : params) {
        cells.add(trial.params().has(name) ? value(trial.params().get(name)) : "");
      }
      for (String key : attributes) {
        Object value = trial.userAttributes().get(key);
        cells.add(value == null ? "" : value(value));
      }
      cells.add(trial.failureReason().orElse(""));
      row(out, cells);
    }
  }

  /**
   * A JSON array with one object per trial: {@code number, state, values, constraints, params,
   * intermediate_values, user_attributes, start, end, failure_reason}.
   */
  public static void json(List<FrozenTrial> trials, Appendable out) throws IOException {
    List<Object> array = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("number", trial.number());
      object.put("state", trial.state().name());
      object.put("values", trial.values());
      object.put("constraints", trial.constraints());
      object.put("params", trial.params().asMap());
      Map<String, Object> intermediate = new LinkedHashMap<>();
      trial.intermediateValues().forEach((step, value) -> intermediate.put(step.toString(), value));
      object.put("intermediate_values", intermediate);
      object.put("user_attributes", trial.userAttributes());
      object.put("start", trial.start().toString());
      object.put("end", trial.end().map(Object::toString).orElse(null));
      object.put("failure_reason", trial.failureReason().orElse(null));
      array.add(object);
    }
    out.append(Json.write(array)).append('\n');
  }

  /**
   * {@link #csv(List, List, Appendable)} to {@code file}, replacing it; {@code what} names the
   * trials' study.
   */
  public static void csv(List<FrozenTrial> trials, List<String> order, Path file, String what) {
    write(file, what, out -> csv(trials, order, out));
  }

  /** {@link #json(List, Appendable)} to {@code file}, replacing it; {@code what} names the trials' study. */
  public static void json(List<FrozenTrial> trials, Path file, String what) {
    write(file, what, out -> json(trials, out));
  }

  private static void write(Path file, String what, OutputFile.Content export) {
    OutputFile.replace(file, "the trials of " + what, export);
  }

  private static void row(Appendable out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String quote(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
