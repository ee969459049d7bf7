package dev.tunable.internal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps values of one axis to pixels, and gives its ticks: nice numbers (1, 2 or 5 times a power of
 * ten) on a linear axis, powers of ten on a log axis, the labels on a categorical one.
 */
final class AxisScale {
  /** About this many ticks on a linear axis. */
  private static final int TICKS = 5;
  /** Space left beyond the extreme values, as a share of their span. */
  private static final double PAD = 0.05;

  private final double lo;
  private final double hi;
  private final boolean log;
  private final List<String> categories;
  private final double p0;
  private final double p1;
  /** Whether the values are whole numbers (trial numbers, steps, rounds): whole ticks only. */
  private final boolean whole;

  private AxisScale(double lo, double hi, boolean log, List<String> categories, double p0,
      double p1, boolean whole) {
    this.lo = lo;
    this.hi = hi;
    this.log = log;
    this.categories = categories;
    this.p0 = p0;
    this.p1 = p1;
    this.whole = whole;
  }

  /** A tick: where, and its label. */
  record Tick(double value, String label) {}

  /**
   * A numeric axis from pixel {@code p0} (at the low end) to {@code p1} holding values from
   * {@code min} to {@code max}, with some room beyond both. On a log axis (which needs positive
   * values; others fall back to linear) the room is in decades.
   */
  static AxisScale numeric(double min, double max, boolean log, double p0, double p1) {
    if (!(min <= max)) {
      min = 0;
      max = 1;
    }
    boolean useLog = log && min > 0;
    double a = useLog ? Math.log10(min) : min;
    double b = useLog ? Math.log10(max) : max;
    double pad = a == b ? (useLog ? 0.5 : Math.max(Math.abs(a) * 0.1, 1)) : (b - a) * PAD;
    return new AxisScale(a - pad, b + pad, useLog, List.of(), p0, p1, false);
  }

  /**
   * A linear axis of whole numbers such as trial numbers or steps, from {@code min} to {@code
   * max}, with half a unit of room or more beyond both and ticks at whole numbers only.
   */
  static AxisScale whole(double[] values, double p0, double p1) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (!(min <= max)) {
      min = 0;
      max = 0;
    }
    double pad = Math.max(0.5, (max - min) * PAD);
    return new AxisScale(min - pad, max + pad, false, List.of(), p0, p1, true);
  }

  /** A numeric axis that holds {@code values} (NaNs ignored). */
  static AxisScale fitting(double[] values, boolean log, double p0, double p1) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return numeric(min, max, log, p0, p1);
  }

  /** A categorical axis: category {@code i} at the middle of the {@code i}-th band. */
  static AxisScale categorical(List<String> categories, double p0, double p1) {
    return new AxisScale(-0.5, Math.max(categories.size(), 1) - 0.5, false,
        List.copyOf(categories), p0, p1, false);
  }

  /** The scale of a hyperparameter's axis holding the trials' {@code positions}. */
  static AxisScale of(Axis axis, double[] positions, double p0, double p1) {
    return axis.categorical() ? categorical(axis.categories(), p0, p1)
        : fitting(positions, axis.log(), p0, p1);
  }

  /** The pixel of {@code value} (a number, or a category's index). */
  double px(double value) {
    double v = log ? Math.log10(value) : value;
    return p0 + (v - lo) / (hi - lo) * (p1 - p0);
  }

  /** Where {@code value} lies between the ends of the axis, 0 to 1 (log-aware). */
  double unit(double value) {
    return ((log ? Math.log10(value) : value) - lo) / (hi - lo);
  }

  /** The value at {@code unit} between the ends of the axis (the inverse of {@link #unit}). */
  double valueAt(double unit) {
    double v = lo + unit * (hi - lo);
    return log ? Math.pow(10, v) : v;
  }

  boolean isCategorical() {
    return !categories.isEmpty();
  }

  List<Tick> ticks() {
    if (isCategorical()) {
      List<Tick> ticks = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        ticks.add(new Tick(i, categories.get(i)));
      }
      return ticks;
    }
    if (log) {
      List<Tick> decades = logTicks();
      if (decades.size() >= 3) {
        return decades;
      }
      List<Tick> fine = oneTwoFiveTicks();
      return fine.size() >= 2 ? fine
          : linearTicks(Math.pow(10, lo), Math.pow(10, hi), TICKS, false);
    }
    return linearTicks(lo, hi, TICKS, whole);
  }

  /** Powers of ten within the axis; every second or more when there are many. */
  private List<Tick> logTicks() {
    int first = (int) Math.ceil(lo - 1e-9);
    int last = (int) Math.floor(hi + 1e-9);
    int every = Math.max(1, (int) Math.ceil((last - first + 1) / 7.0));
    List<Tick> ticks = new ArrayList<>();
    for (int e = first; e <= last; e += every) {
      ticks.add(new Tick(Math.pow(10, e), decade(e)));
    }
    return ticks;
  }

  /** 1, 2 and 5 times the powers of ten within the axis: for log axes of few decades. */
  private List<Tick> oneTwoFiveTicks() {
    List<Tick> ticks = new ArrayList<>();
    for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = Math.log10(m) + e;
        if (v >= lo - 1e-9 && v <= hi + 1e-9) {
          ticks.add(new Tick(m * Math.pow(10, e), m == 1 ? decade(e)
              : Numbers.format(Double.parseDouble(m + "e" + e))));
        }
      }
    }
    return ticks;
  }

  private static String decade(int e) {
    if (e >= 0 && e <= 5) {
      return Long.toString((long) Math.pow(10, e));
    }
    if (e < 0 && e >= -4) {
      return "0." + "0".repeat(-e - 1) + "1";
    }
    return "1e" + e;
  }

  /** The multiples of a nice step from {@code lo} to {@code hi}, about {@code count} of them. */
  static List<Tick> linearTicks(double lo, double hi, int count) {
    return linearTicks(lo, hi, count, false);
  }

  /** {@link #linearTicks(double, double, int)}, at whole numbers only if {@code whole}. */
  static List<Tick> linearTicks(double lo, double hi, int count, boolean whole) {
    double step = niceNumber(niceNumber(hi - lo, false) / (count - 1), true);
    if (whole) {
      step = Math.max(1, step);
    }
    List<Tick> ticks = new ArrayList<>();
    long first = (long) Math.ceil(lo / step - 1e-9);
    long last = (long) Math.floor(hi / step + 1e-9);
    for (long k = first; k <= last; k++) {
      double value = k * step;
      ticks.add(new Tick(value, Numbers.tick(value, step)));
    }
    return ticks;
  }

  /**
   * A number near {@code x} that is 1, 2 or 5 (or 10) times a power of ten: rounded to the nearest
   * when {@code round}, else the smallest not below {@code x} (Heckbert, Graphics Gems, 1990).
   */
  static double niceNumber(double x, boolean round) {
    double power = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / power;
    double nice;
    if (round) {
      nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    } else {
      nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    }
    return nice * power;
  }
}
