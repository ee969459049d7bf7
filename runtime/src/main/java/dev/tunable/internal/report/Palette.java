package dev.tunable.internal.report;

import java.util.List;
import java.util.Locale;

/** Colors: viridis for values (readable in grey and by the colour-blind), a few for members. */
final class Palette {
  private Palette() {}

  private static final int[][] VIRIDIS = {
      {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
      {31, 158, 137}, {53, 183, 121}, {110, 206, 88}, {181, 222, 43}, {253, 231, 37}};

  /** Distinct colours, one per population member (cycled beyond ten). */
  private static final List<String> CATEGORICAL = List.of("#1f77b4", "#ff7f0e", "#2ca02c",
      "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

  /** Viridis at {@code t} in [0, 1] (clamped): dark purple to yellow. */
  static String viridis(double t) {
    double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
    int i = Math.min((int) x, VIRIDIS.length - 2);
    double f = x - i;
    int[] a = VIRIDIS[i];
    int[] b = VIRIDIS[i + 1];
    return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f),
        mix(a[2], b[2], f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  static String member(int index) {
    return CATEGORICAL.get(index % CATEGORICAL.size());
  }
}
