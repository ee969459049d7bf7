package dev.tunable.internal.rules;

/**
 * One rule of a hyperparameter's declaration. The {@link #tag() tag} is stable: the processor's
 * diagnostics and the runtime's exceptions about a declaration start with it, so a user finds the
 * same rule under the same name whether the compiler or the running program reported it. The
 * rules of a value ({@link #OUT_OF_RANGE}, {@link #OFF_STEP}) are worded by each side in its own
 * terms: the processor speaks of the field's initial value, the runtime of the value it checks.
 *
 * <p>What a {@link Violation} of each rule carries is said on the constant: its {@link
 * Violation#actual() actual} value and, where a fix can be computed, its {@link
 * Violation#suggestion() suggestion}.
 */
public enum Rule {
  /** The name is empty or white space; actual: the name. */
  BLANK_NAME("BlankName"),
  /** The name does not survive as a key of a configuration file; actual: the name. */
  INVALID_NAME("InvalidName"),
  /**
   * The name is longer than {@link Text#MAX_NAME_LENGTH} characters, and would be repeated in every
   * trial's values; actual: its length, an {@code Integer}; suggestion: the limit.
   */
  NAME_TOO_LONG("NameTooLong"),
  /** A bound is NaN or infinite; actual: the bound, a {@code Double}. */
  NON_FINITE_BOUND("NonFiniteBound"),
  /**
   * A bound is outside what the values' {@link NumberType} holds; actual: the bound; suggestion:
   * the end of the type's range on the bound's side.
   */
  BOUND_OUT_OF_TYPE("BoundOutOfType"),
  /** Both bounds are the same value; actual: that value. */
  SINGLE_VALUE_RANGE("SingleValueRange"),
  /** The lower bound is above the upper bound; actual: the lower bound. */
  INVERTED_RANGE("InvertedRange"),
  /** The range is wider than the largest double, so no value inside it can be computed. */
  RANGE_TOO_WIDE("RangeTooWide"),
  /** LOG scale with a lower bound at or below 0; actual: that bound; suggestion: a positive one. */
  LOG_SCALE_BOUND("LogScaleBound"),
  /** A step below or at 0 (below 1 for integers), or not finite; actual: the step. */
  STEP_NOT_POSITIVE("StepNotPositive"),
  /** A step on a LOG scale, which has no even grid; actual: the step. */
  STEP_WITH_LOG_SCALE("StepWithLogScale"),
  /**
   * The step does not fit the range a whole number of times; actual: the step; suggestion: an
   * upper bound it fits, the last value of its grid below the declared one (or one step above the
   * lower bound, for a step wider than the range).
   */
  STEP_NOT_DIVIDING("StepNotDividing"),
  /**
   * The step cuts the range into more than 2<sup>53</sup> values, too many to count in a double;
   * actual: the step.
   */
  TOO_MANY_STEPS("TooManySteps"),
  /** A value of a float grid is not an exact float; actual: the first such value. */
  INEXACT_FLOAT_STEP("InexactFloatStep"),
  /** No choices at all. */
  EMPTY_CHOICES("EmptyChoices"),
  /** A choice's label appears before; actual: the label. */
  DUPLICATE_CHOICE("DuplicateChoice"),
  /** A choice's label is empty or white space; actual: the label. */
  BLANK_CHOICE("BlankChoice"),
  /**
   * A choice's label starts or ends with white space, which configuration files drop; actual: the
   * label; suggestion: the label stripped.
   */
  PADDED_CHOICE("PaddedChoice"),
  /**
   * A choice's label holds an unpaired UTF-16 surrogate, which no storage can encode (see {@link
   * Text}); actual: the label.
   */
  UNENCODABLE_CHOICE("UnencodableChoice"),
  /** A value outside the range; actual: the value. */
  OUT_OF_RANGE("OutOfRange"),
  /** A value inside the range but off the grid of its step; actual: the value. */
  OFF_STEP("OffStep");

  private final String tag;

  Rule(String tag) {
    this.tag = tag;
  }

  /** The stable name both sides report the rule under, such as {@code StepNotDividing}. */
  public String tag() {
    return tag;
  }
}
