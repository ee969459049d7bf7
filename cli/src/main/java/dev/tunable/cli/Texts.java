package dev.tunable.cli;

import dev.tunable.Config;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** How the commands write numbers, durations and hyperparameters for people to read. */
final class Texts {
  private Texts() {}

  /** {@code value} to six significant digits: the exports keep every digit. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
    double magnitude = Math.abs(value);
    // Java's own notation, 4.24553E-5, where plain digits would be hard to count
    return magnitude >= 1e-3 && magnitude < 1e7
        ? rounded.toPlainString() : Double.toString(rounded.doubleValue());
  }

  /** A stored value: numbers as {@link #number}, anything else as it is. */
  static String value(Object value) {
    return value instanceof Double d ? number(d) : String.valueOf(value);
  }

  /** {@code values} as {@code 0.1 2.3}, one per objective. */
  static String values(double[] values) {
    StringJoiner text = new StringJoiner(" ");
    for (double value : values) {
      text.add(number(value));
    }
    return text.toString();
  }

  /** Hyperparameters as {@code x=0.5 units=64 activation=relu}. */
  static String params(Config params) {
    StringJoiner text = new StringJoiner(" ");
    for (Map.Entry<String, Object> entry : params.asMap().entrySet()) {
      text.add(entry.getKey() + "=" + value(entry.getValue()));
    }
    return text.toString();
  }

  /** {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h01m}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }

  /** {@code 'a', 'b'}. */
  static String quoted(List<String> names) {
    List<String> quoted = new ArrayList<>();
    names.forEach(name -> quoted.add("'" + name + "'"));
    return String.join(", ", quoted);
  }
}
