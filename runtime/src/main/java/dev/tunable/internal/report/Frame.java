package dev.tunable.internal.report;

/**
 * A chart's plot area inside its SVG, with the margins its tick labels and titles need, and the
 * drawing of its axes: grid lines, ticks, labels and titles.
 */
record Frame(int width, int height, int left, int right, int top, int bottom) {
  /** A wide chart: a study's history, its intermediate values. */
  static Frame wide() {
    return new Frame(760, 360, 70, 24, 20, 52);
  }

  /** A small chart: one of several side by side. */
  static Frame small() {
    return new Frame(370, 280, 64, 16, 16, 52);
  }

  double x0() {
    return left;
  }

  double x1() {
    return width - right;
  }

  /** The pixel row of the bottom of the plot area (y grows downwards). */
  double y0() {
    return height - bottom;
  }

  double y1() {
    return top;
  }

  AxisScale xNumeric(double[] values, boolean log) {
    return AxisScale.fitting(values, log, x0(), x1());
  }

  AxisScale yNumeric(double[] values, boolean log) {
    return AxisScale.fitting(values, log, y0(), y1());
  }

  Svg svg(String label) {
    return new Svg(width, height, label);
  }

  /** Draws the plot area's frame, grid lines, tick labels and axis titles. */
  void axes(Svg svg, AxisScale x, AxisScale y, String xTitle, String yTitle) {
    svg.rect(x0(), y1(), x1() - x0(), y0() - y1(), "plot", null);
    int maxLabel = Math.max(4, (int) ((x1() - x0()) / Math.max(1, x.ticks().size()) / 6.5));
    for (AxisScale.Tick tick : x.ticks()) {
      double px = x.px(tick.value());
      if (px < x0() - 0.5 || px > x1() + 0.5) {
        continue;
      }
      svg.line(px, y1(), px, y0(), "grid");
      svg.line(px, y0(), px, y0() + 4, "tick");
      svg.label(px, y0() + 16, "middle", "ticklabel", tick.label(), maxLabel, 0);
    }
    for (AxisScale.Tick tick : y.ticks()) {
      double py = y.px(tick.value());
      if (py > y0() + 0.5 || py < y1() - 0.5) {
        continue;
      }
      svg.line(x0(), py, x1(), py, "grid");
      svg.line(x0() - 4, py, x0(), py, "tick");
      svg.label(x0() - 7, py + 4, "end", "ticklabel", tick.label(), (left - 10) / 6, 0);
    }
    svg.label((x0() + x1()) / 2, height - 12, "middle", "axistitle", xTitle, 60, 0);
    svg.label(16, (y0() + y1()) / 2, "middle", "axistitle", yTitle, 40, -90);
  }
}
