package dev.tunable.internal.rules;

import static dev.tunable.internal.rules.Rule.BLANK_CHOICE;
import static dev.tunable.internal.rules.Rule.BLANK_NAME;
import static dev.tunable.internal.rules.Rule.BOUND_OUT_OF_TYPE;
import static dev.tunable.internal.rules.Rule.DUPLICATE_CHOICE;
import static dev.tunable.internal.rules.Rule.EMPTY_CHOICES;
import static dev.tunable.internal.rules.Rule.INEXACT_FLOAT_STEP;
import static dev.tunable.internal.rules.Rule.INVALID_NAME;
import static dev.tunable.internal.rules.Rule.INVERTED_RANGE;
import static dev.tunable.internal.rules.Rule.LOG_SCALE_BOUND;
import static dev.tunable.internal.rules.Rule.NAME_TOO_LONG;
import static dev.tunable.internal.rules.Rule.NON_FINITE_BOUND;
import static dev.tunable.internal.rules.Rule.OFF_STEP;
import static dev.tunable.internal.rules.Rule.OUT_OF_RANGE;
import static dev.tunable.internal.rules.Rule.PADDED_CHOICE;
import static dev.tunable.internal.rules.Rule.RANGE_TOO_WIDE;
import static dev.tunable.internal.rules.Rule.SINGLE_VALUE_RANGE;
import static dev.tunable.internal.rules.Rule.STEP_NOT_DIVIDING;
import static dev.tunable.internal.rules.Rule.STEP_NOT_POSITIVE;
import static dev.tunable.internal.rules.Rule.STEP_WITH_LOG_SCALE;
import static dev.tunable.internal.rules.Rule.TOO_MANY_STEPS;
import static dev.tunable.internal.rules.Rule.UNENCODABLE_CHOICE;

import dev.tunable.annotations.Scale;
import dev.tunable.internal.rules.Violation.Part;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a dimension's declaration may be. Each function checks every rule that applies and returns
 * every violation found, in the order of the declaration's parts; an empty list means valid.
 * Rules that need a valid range (a step dividing it, say) are checked only once it is valid.
 */
public final class DimensionRules {
  /**
   * Keys that survive configuration files and {@code key=value} overrides unchanged; dots are
   * allowed for the dotted names of nested spaces.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /**
   * How far, relative to its size, a ratio of a span to a step may be from a whole number and
   * still count as whole: decimal steps are not exact in binary, and (1.0 - 0) / 0.1 is
   * 9.999999999999998.
   */
  private static final double STEP_TOLERANCE = 1e-9;

  /** Beyond this many steps a double no longer counts them one by one. */
  private static final double MAX_STEPS = 0x1p53;

  private DimensionRules() {}

  /**
   * The rules of a dimension's name: not blank ({@code null} counts as blank), a key of
   * configuration files, and at most {@link Text#MAX_NAME_LENGTH} characters.
   */
  public static List<Violation> name(String name) {
    if (name == null || name.isBlank()) {
      return List.of(Violation.of(BLANK_NAME, Part.NAME, name));
    }
    List<Violation> found = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      found.add(Violation.of(INVALID_NAME, Part.NAME, name));
    }
    int length = Text.length(name);
    if (length > Text.MAX_NAME_LENGTH) {
      found.add(Violation.of(NAME_TOO_LONG, Part.NAME, length, Text.MAX_NAME_LENGTH));
    }
    return List.copyOf(found);
  }

  /**
   * The rules of a real range: bounds finite and held by {@code type} (for {@link
   * NumberType#FLOAT}, judged after rounding to float, as the field holds them), {@code low <
   * high}, a width a double holds, LOG scale above 0, and the rules of the step ({@code 0} for
   * none): {@link #realStep}, then dividing the range into at most 2<sup>53</sup> steps, and on a
   * float grid every value exact.
   */
  public static List<Violation> real(
      double low, double high, Scale scale, double step, NumberType type) {
    requireType(type, false);
    List<Violation> found = new ArrayList<>();
    boolean held = realBound(low, Part.LOW, type, found) & realBound(high, Part.HIGH, type, found);
    double l = type.round(low);
    double h = type.round(high);
    boolean rangeValid = held && range(l, h, l, found);
    if (rangeValid && !Double.isFinite(h - l)) {
      found.add(Violation.of(RANGE_TOO_WIDE, Part.RANGE, null));
      rangeValid = false;
    }
    if (rangeValid && scale == Scale.LOG && !(l > 0)) {
      double positive = h > 0 ? Math.min(1e-6, h / 1000) : 1e-6;
      found.add(Violation.of(LOG_SCALE_BOUND, Part.LOW, l, positive));
    }
    List<Violation> stepFound = realStep(step, scale);
    found.addAll(stepFound);
    if (rangeValid && step != 0 && stepFound.isEmpty()) {
      grid(l, h, step, type, found);
    }
    return List.copyOf(found);
  }

  /**
   * The rules of a real step on its own, for a declaration whose range is unknown: {@code 0}
   * (continuous) or positive and finite, and none on a LOG scale.
   */
  public static List<Violation> realStep(double step, Scale scale) {
    if (step == 0) {
      return List.of();
    }
    if (!(step > 0) || Double.isInfinite(step)) {
      return List.of(Violation.of(STEP_NOT_POSITIVE, Part.STEP, step));
    }
    if (scale == Scale.LOG) {
      return List.of(Violation.of(STEP_WITH_LOG_SCALE, Part.STEP, step));
    }
    return List.of();
  }

  /**
   * The rules of an integer range: bounds held by {@code type} ({@link NumberType#INT} or {@link
   * NumberType#LONG}), {@code low < high}, LOG scale from 1, and the rules of the step ({@code 1}
   * for every integer): {@link #integerStep}, then dividing the range.
   */
  public static List<Violation> integer(
      long low, long high, Scale scale, long step, NumberType type) {
    requireType(type, true);
    List<Violation> found = new ArrayList<>();
    boolean held = integerBound(low, Part.LOW, type, found)
        & integerBound(high, Part.HIGH, type, found);
    boolean rangeValid = held && range(low, high, low, found);
    if (rangeValid && scale == Scale.LOG && low < 1) {
      found.add(Violation.of(LOG_SCALE_BOUND, Part.LOW, low, 1L));
    }
    List<Violation> stepFound = integerStep(step, scale);
    found.addAll(stepFound);
    // Bounds within ±2^53 keep high - low far from overflowing.
    if (rangeValid && stepFound.isEmpty() && (high - low) % step != 0) {
      long fits = Math.max(1, (high - low) / step);
      found.add(Violation.of(STEP_NOT_DIVIDING, Part.STEP, step, low + fits * step));
    }
    return List.copyOf(found);
  }

  /** The rules of an integer step on its own: at least 1, and only 1 on a LOG scale. */
  public static List<Violation> integerStep(long step, Scale scale) {
    if (step < 1) {
      return List.of(Violation.of(STEP_NOT_POSITIVE, Part.STEP, step));
    }
    if (step > 1 && scale == Scale.LOG) {
      return List.of(Violation.of(STEP_WITH_LOG_SCALE, Part.STEP, step));
    }
    return List.of();
  }

  /**
   * The rules of a list of choices, given by their labels as written in configuration files: at
   * least one; none blank, none with white space at either end (configuration files drop it, so
   * such a choice could be handed out but never read back), none holding an unpaired surrogate
   * (which no storage can encode: see {@link Text}), none repeated.
   */
  public static List<Violation> choices(List<String> labels) {
    if (labels.isEmpty()) {
      return List.of(Violation.of(EMPTY_CHOICES, Part.CHOICES, null));
    }
    List<Violation> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = Objects.requireNonNull(labels.get(i), "label");
      if (label.isBlank()) {
        found.add(Violation.ofChoice(BLANK_CHOICE, i, label, null));
      } else if (!label.strip().equals(label)) {
        found.add(Violation.ofChoice(PADDED_CHOICE, i, label, label.strip()));
      }
      if (Text.unpairedSurrogate(label) >= 0) {
        found.add(Violation.ofChoice(UNENCODABLE_CHOICE, i, label, null));
      }
      if (!seen.add(label)) {
        found.add(Violation.ofChoice(DUPLICATE_CHOICE, i, label, null));
      }
    }
    return List.copyOf(found);
  }

  /** Whether {@code value} belongs to a valid real range, and to its grid when {@code step > 0}. */
  public static Optional<Violation> realValue(double value, double low, double high, double step) {
    if (!(value >= low && value <= high)) {
      return Optional.of(Violation.of(OUT_OF_RANGE, Part.VALUE, value));
    }
    if (step > 0 && !isWhole((value - low) / step)) {
      return Optional.of(Violation.of(OFF_STEP, Part.VALUE, value));
    }
    return Optional.empty();
  }

  /** Whether {@code value} belongs to a valid integer range and to its grid. */
  public static Optional<Violation> integerValue(long value, long low, long high, long step) {
    if (value < low || value > high) {
      return Optional.of(Violation.of(OUT_OF_RANGE, Part.VALUE, value));
    }
    if ((value - low) % step != 0) {
      return Optional.of(Violation.of(OFF_STEP, Part.VALUE, value));
    }
    return Optional.empty();
  }

  /** How many values {@code low, low + step, …, high} a valid real grid has. */
  public static long stepCount(double low, double high, double step) {
    return Math.round((high - low) / step) + 1;
  }

  private static void requireType(NumberType type, boolean integral) {
    if (type.isIntegral() != integral) {
      throw new IllegalArgumentException(
          type + " is not the type of " + (integral ? "an integer" : "a real"));
    }
  }

  private static boolean realBound(
      double bound, Part part, NumberType type, List<Violation> found) {
    if (!Double.isFinite(bound)) {
      found.add(Violation.of(NON_FINITE_BOUND, part, bound));
      return false;
    }
    if (bound < type.min() || bound > type.max()) {
      found.add(Violation.of(BOUND_OUT_OF_TYPE, part, bound, bound < 0 ? type.min() : type.max()));
      return false;
    }
    return true;
  }

  private static boolean integerBound(
      long bound, Part part, NumberType type, List<Violation> found) {
    // Compared as longs: as doubles, 2^53 + 1 would round to 2^53 and pass.
    long min = (long) type.min();
    long max = (long) type.max();
    if (bound < min || bound > max) {
      found.add(Violation.of(BOUND_OUT_OF_TYPE, part, bound, bound < 0 ? min : max));
      return false;
    }
    return true;
  }

  /**
   * Whether {@code low < high}, after reporting a single value or an inverted range; {@code
   * lowAsDeclared} is the lower bound in its own type, for the violation. Integer bounds compare
   * exactly as doubles, since they are within ±2^53 once their bounds are held.
   */
  private static boolean range(double low, double high, Object lowAsDeclared,
      List<Violation> found) {
    if (low == high) {
      found.add(Violation.of(SINGLE_VALUE_RANGE, Part.RANGE, lowAsDeclared));
      return false;
    }
    if (low > high) {
      found.add(Violation.of(INVERTED_RANGE, Part.RANGE, lowAsDeclared));
      return false;
    }
    return true;
  }

  /** The rules of a positive step on a valid range. */
  private static void grid(double low, double high, double step, NumberType type,
      List<Violation> found) {
    double ratio = (high - low) / step;
    if (ratio >= MAX_STEPS) {
      found.add(Violation.of(TOO_MANY_STEPS, Part.STEP, step));
      return;
    }
    if (!isWhole(ratio)) {
      double fits = Math.max(1, Math.floor(ratio));
      // 0.8999999999999999 reads as 0.9, and still fits: 12 digits are well inside the tolerance.
      double upper = new BigDecimal(low + fits * step).round(new MathContext(12)).doubleValue();
      found.add(Violation.of(STEP_NOT_DIVIDING, Part.STEP, step, upper));
      return;
    }
    if (type == NumberType.FLOAT) {
      // Ends soon on any grid: a float has 24 bits, so no more than about 2^25 evenly spaced
      // values are all floats, and the first that is not stops the loop.
      long count = stepCount(low, high, step);
      for (long k = 0; k < count; k++) {
        double value = low + k * step;
        if ((float) value != value) {
          found.add(Violation.of(INEXACT_FLOAT_STEP, Part.STEP, value));
          return;
        }
      }
    }
  }

  private static boolean isWhole(double ratio) {
    return Math.abs(ratio - Math.rint(ratio)) <= STEP_TOLERANCE * Math.max(1, Math.abs(ratio));
  }
}
