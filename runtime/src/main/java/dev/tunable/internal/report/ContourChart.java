package dev.tunable.internal.report;

import dev.tunable.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For pairs of numeric hyperparameters, the objective over their plane, interpolated from the
 * trials by inverse-distance weighting and drawn in ten colour bands, with the trials marked. The
 * pairs are those of the most important hyperparameters when importances are known, else of the
 * first ones.
 */
final class ContourChart {
  /** Pairs among at most this many hyperparameters: 6 charts. */
  static final int MAX_AXES = 4;
  /** Cells per side of the interpolation grid. */
  static final int GRID = 50;
  /** Colour bands: a filled-contour look, and one path each instead of one shape per cell. */
  static final int BANDS = 10;
  /** Fewer complete trials than this make no surface worth reading. */
  static final int MIN_TRIALS = 3;

  private ContourChart() {}

  static Section section(ReportModel model) {
    String title = "Contours";
    List<Axis> axes = chosenAxes(model);
    List<FrozenTrial> complete = Objectives.complete(model);
    if (axes.size() < 2) {
      return null;
    }
    if (complete.size() < MIN_TRIALS) {
      return Section.empty("contours", title, "Contours need " + MIN_TRIALS
          + " complete trials or more.");
    }
    double[] values = Objectives.values(complete, 0);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    List<Section.Figure> figures = new ArrayList<>();
    for (int a = 0; a < axes.size(); a++) {
      for (int b = a + 1; b < axes.size(); b++) {
        figures.add(new Section.Figure(axes.get(a).name() + " × " + axes.get(b).name(),
            chart(model, complete, values, min, max, axes.get(a), axes.get(b))));
      }
    }
    return new Section("contours", title, "The " + Objectives.title(model, 0) + " over pairs of"
        + " hyperparameters, interpolated between the trials (inverse-distance weighting; white"
        + " dots) in ten bands from dark (low) to yellow (high)"
        + (model.importance().isEmpty() ? "." : ", for the most important hyperparameters."),
        figures);
  }

  /** The numeric hyperparameters to pair: the most important ones if known, else the first. */
  static List<Axis> chosenAxes(ReportModel model) {
    List<Axis> numeric = new ArrayList<>(model.axes().stream().filter(a -> !a.categorical())
        .toList());
    if (!model.importance().isEmpty()) {
      numeric.sort(Comparator.comparingDouble(
          (Axis a) -> model.importance().getOrDefault(a.name(), 0.0)).reversed());
    }
    return List.copyOf(numeric.subList(0, Math.min(MAX_AXES, numeric.size())));
  }

  private static String chart(ReportModel model, List<FrozenTrial> complete, double[] values,
      double min, double max, Axis xAxis, Axis yAxis) {
    Frame frame = new Frame(400, 300, 64, 70, 16, 52);
    double[] xs = complete.stream().mapToDouble(xAxis::number).toArray();
    double[] ys = complete.stream().mapToDouble(yAxis::number).toArray();
    AxisScale x = frame.xNumeric(xs, xAxis.log());
    AxisScale y = frame.yNumeric(ys, yAxis.log());
    Svg svg = frame.svg(Objectives.title(model, 0) + " over " + xAxis.name() + " and "
        + yAxis.name());
    List<double[]> points = new ArrayList<>();
    List<Double> known = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
        points.add(new double[] {x.unit(xs[i]), y.unit(ys[i])});
        known.add(values[i]);
      }
    }
    double[][] grid = interpolate(points, known.stream().mapToDouble(d -> d).toArray(), GRID);
    frame.axes(svg, x, y, xAxis.name() + (xAxis.log() ? " (log)" : ""),
        yAxis.name() + (yAxis.log() ? " (log)" : ""));
    double cellW = (frame.x1() - frame.x0()) / GRID;
    double cellH = (frame.y0() - frame.y1()) / GRID;
    // One path per colour band, its cells merged into runs along each row: a tenth of the size
    // of one rectangle per cell.
    StringBuilder[] bands = new StringBuilder[BANDS];
    for (int row = 0; row < GRID; row++) {
      int start = 0;
      for (int col = 1; col <= GRID; col++) {
        int band = band(grid[row][start], min, max);
        if (col == GRID || band(grid[row][col], min, max) != band) {
          if (bands[band] == null) {
            bands[band] = new StringBuilder();
          }
          // A hair wider and taller than the cells, so that no seam shows between neighbours.
          double w = (col - start) * cellW + 0.3;
          bands[band].append('M').append(Numbers.px(frame.x0() + start * cellW)).append(',')
              .append(Numbers.px(frame.y0() - (row + 1) * cellH)).append('h')
              .append(Numbers.px(w)).append('v').append(Numbers.px(cellH + 0.3)).append('h')
              .append(Numbers.px(-w)).append('z');
          start = col;
        }
      }
    }
    for (int band = 0; band < BANDS; band++) {
      if (bands[band] != null) {
        svg.path(bands[band].toString(), "band", null, Palette.viridis((band + 0.5) / BANDS));
      }
    }
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
        svg.circle(x.px(xs[i]), y.px(ys[i]), 3, "pt contour", null, Tips.of(complete.get(i)));
      }
    }
    colorBar(svg, frame, min, max);
    return svg.end();
  }

  private static void colorBar(Svg svg, Frame frame, double min, double max) {
    double x = frame.x1() + 14;
    svg.colorBar(x, frame.y1(), 12, frame.y0() - frame.y1());
    AxisScale scale = AxisScale.numeric(min, max, false, frame.y0(), frame.y1());
    for (AxisScale.Tick tick : AxisScale.linearTicks(min, max, 6)) {
      double py = scale.px(tick.value());
      svg.line(x + 12, py, x + 16, py, "tick");
      svg.label(x + 18, py + 4, "start", "ticklabel", tick.label(), 7, 0);
    }
  }

  /** The band, 0 to {@code BANDS - 1}, of {@code value} between {@code min} and {@code max}. */
  static int band(double value, double min, double max) {
    if (max == min) {
      return BANDS / 2;
    }
    int band = (int) Math.floor((value - min) / (max - min) * BANDS);
    return Math.max(0, Math.min(BANDS - 1, band));
  }

  /**
   * The objective at the centre of each cell of an {@code n × n} grid over the unit square (row
   * 0 at the bottom), by inverse-distance weighting of the known points (weights 1/d²); a cell
   * centre on a known point takes its value.
   */
  static double[][] interpolate(List<double[]> points, double[] values, int n) {
    double[][] grid = new double[n][n];
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        grid[row][col] = at((col + 0.5) / n, (row + 0.5) / n, points, values);
      }
    }
    return grid;
  }

  /** The inverse-distance weighted value at (u, v). */
  static double at(double u, double v, List<double[]> points, double[] values) {
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      double du = points.get(i)[0] - u;
      double dv = points.get(i)[1] - v;
      double d2 = du * du + dv * dv;
      if (d2 < 1e-18) {
        return values[i];
      }
      weighted += values[i] / d2;
      total += 1 / d2;
    }
    return weighted / total;
  }
}
