package dev.tunable;

import dev.tunable.internal.rules.Spelling;
import dev.tunable.internal.rules.Text;
import dev.tunable.internal.rules.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Argument checks and the wording shared by every error message about hyperparameter values. */
final class Checks {
  private Checks() {}

  /**
   * Throws if the rules of a dimension's declaration found anything, with one sentence per
   * violation, each starting with the rule's tag as the processor's diagnostics do.
   *
   * @param range the declared range as {@code [low, high]}, or {@code null} for a dimension
   *     without one
   */
  @SafeVarargs
  static void requireValid(String name, String range, List<Violation>... found) {
    List<String> problems = new ArrayList<>();
    for (List<Violation> violations : found) {
      for (Violation violation : violations) {
        problems.add("[" + violation.rule().tag() + "] " + sentence(name, range, violation));
      }
    }
    if (problems.size() == 1) {
      throw new IllegalArgumentException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.size() + " problems in the declaration of"
          + " dimension " + quote(shown(name)) + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  private static String sentence(String name, String range, Violation violation) {
    String dimension = "dimension " + quote(shown(name)) + ": ";
    Object actual = violation.actual();
    Object suggestion = violation.suggestion();
    return switch (violation.rule()) {
      case BLANK_NAME -> "a dimension's name must not be blank, got " + quote(name)
          + "; give it a name such as 'learningRate'";
      case INVALID_NAME -> "dimension name " + quote(shown(name)) + " cannot be a key in"
          + " configuration files and key=value overrides; start with a letter or '_' and use only"
          + " letters, digits, '_', '-' and '.'";
      case NAME_TOO_LONG -> "dimension name " + quote(shown(name)) + " " + Text.tooLong(name)
          + ": a name is stored with every trial's values; use a shorter name";
      case NON_FINITE_BOUND -> dimension + "bound " + actual + " is not a finite number; use"
          + " finite bounds";
      case BOUND_OUT_OF_TYPE -> dimension + "bound " + actual + " is beyond the range of the"
          + " values' type, which ends at " + suggestion + "; narrow the range, or hold the values"
          + " in a wider type";
      case SINGLE_VALUE_RANGE -> dimension + "range " + range + " holds a single value, and a"
          + " fixed value is not searched; widen the range or leave the dimension out";
      case INVERTED_RANGE -> dimension + "range " + range + " is inverted; give the lower bound"
          + " first";
      case RANGE_TOO_WIDE -> dimension + "range " + range + " is wider than the largest double,"
          + " so values inside it cannot be computed; narrow the range";
      case LOG_SCALE_BOUND -> dimension + "LOG scale needs bounds above 0, got " + actual
          + "; use a positive lower bound (such as " + suggestion + ") or Scale.LINEAR";
      case STEP_NOT_POSITIVE -> dimension + "step must be above 0, got " + actual + "; use a"
          + " positive step" + (actual instanceof Long ? ", or 1 for every integer"
              : ", or 0 for a continuous range");
      case STEP_WITH_LOG_SCALE -> dimension + "step " + actual + " cannot be combined with LOG"
          + " scale, which has no even grid; remove the step or use Scale.LINEAR";
      case STEP_NOT_DIVIDING -> dimension + "step " + actual + " does not divide the range "
          + range + "; use a step that fits a whole number of times, or an upper bound of "
          + suggestion;
      case TOO_MANY_STEPS -> dimension + "step " + actual + " cuts the range " + range
          + " into more than 2^53 values, too many to count; use a larger step, or 0 for a"
          + " continuous range";
      case INEXACT_FLOAT_STEP -> dimension + actual + ", a value of the grid over " + range
          + ", is not an exact float, so values held as float cannot be checked against the"
          + " grid; use a step such as 0.5 or 0.25, or hold the values as double";
      case EMPTY_CHOICES -> dimension + "no choices; give at least one";
      case DUPLICATE_CHOICE -> dimension + "choice " + quote((String) actual) + " appears twice;"
          + " remove the repetition";
      case BLANK_CHOICE -> dimension + "choice " + quote((String) actual) + " is blank and cannot"
          + " be written in a configuration file; use a visible label";
      case PADDED_CHOICE -> dimension + "choice " + quote((String) actual) + " starts or ends"
          + " with white space, which configuration files drop, so it could not be read back;"
          + " use " + quote((String) suggestion);
      case UNENCODABLE_CHOICE -> dimension + "choice " + quote(Text.escaped((String) actual))
          + " " + Text.unencodable((String) actual);
      case OUT_OF_RANGE, OFF_STEP -> throw new IllegalStateException(
          violation + " is about a value, not a declaration");
    };
  }

  static double clampUnit(double u) {
    if (Double.isNaN(u)) {
      throw new IllegalArgumentException("a point of the unit interval must be a number, got NaN");
    }
    return Math.min(1, Math.max(0, u));
  }

  static IllegalArgumentException invalid(Dimension<?> dimension, Object value) {
    return new IllegalArgumentException(
        "hyperparameter " + quote(dimension.name()) + ": " + describeValue(value)
            + " is not allowed; expected " + dimension.describe());
  }

  static String describeValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }

  /** {@code text} as a message shows it: escaped, and cut short if long (see {@link Text#shown}). */
  static String shown(String text) {
    return text == null ? null : Text.shown(text);
  }

  static String quote(String text) {
    return text == null ? "null" : "'" + text + "'";
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  static String didYouMean(String name, Collection<String> candidates) {
    return Spelling.closest(name, candidates)
        .map(c -> " (did you mean " + quote(c) + "?)")
        .orElse("");
  }
}
