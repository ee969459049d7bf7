package dev.tunable.internal.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers read in the report: short, without float noise. */
final class Numbers {
  private Numbers() {}

  /** A value for people: up to 6 significant digits, exponent form only when very large/small. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double abs = Math.abs(value);
    if (abs >= 1e-4 && abs < 1e9) {
      return trim(new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).toPlainString());
    }
    return exponent(String.format(Locale.ROOT, "%.4e", value));
  }

  /** A tick label: {@code value} rounded to the decimals that {@code step} needs. */
  static String tick(double value, double step) {
    if (value == 0) {
      return "0";
    }
    double abs = Math.abs(value);
    if (abs >= 1e6 || abs < 1e-4) {
      return exponent(String.format(Locale.ROOT, "%.3e", value));
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return trim(String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  /** Drops trailing zeros after a decimal point, and the point itself. */
  private static String trim(String text) {
    if (text.indexOf('.') < 0) {
      return text;
    }
    String trimmed = text.replaceAll("0+$", "");
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** "1.5000e-05" as "1.5e-5". */
  private static String exponent(String text) {
    int e = text.indexOf('e');
    String mantissa = trim(text.substring(0, e));
    int power = Integer.parseInt(text.substring(e + 1));
    return mantissa + "e" + power;
  }

  /** {@code value} for an SVG attribute: pixels to a tenth. */
  static String px(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10)
        : (tenths < 0 && tenths > -10 ? "-0." : (tenths / 10) + ".") + Math.abs(tenths % 10);
  }
}
