package dev.tunable.internal.sampler.gp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A small projected limited-memory BFGS minimizer on a box: the quasi-Newton direction is taken
 * over the coordinates not held at a bound by their gradient, and the line search backtracks
 * along the projection of that direction onto the box. Commons Math has no L-BFGS, and its
 * bounded optimizers (BOBYQA, CMA-ES) use no gradients, which both the marginal likelihood and
 * the acquisition have cheaply; this is the L-BFGS-B idea without its Cauchy-point machinery,
 * enough for the smooth, low-dimensional problems here.
 */
final class BoundedLbfgs {
  /** The function to minimize: returns its value at {@code x} and writes its gradient. */
  interface Function {
    double valueAndGradient(double[] x, double[] gradient);
  }

  private static final int MEMORY = 8;
  private static final double ARMIJO = 1e-4;

  private BoundedLbfgs() {}

  /**
   * A local minimum of {@code f} in {@code [low, high]} reached from {@code start}, written over
   * {@code start}; returns the value there. Stops after {@code maxIterations}, when the projected
   * gradient falls below {@code gradientTolerance}, or when an iteration improves the value by
   * less than {@code relativeTolerance}.
   */
  static double minimize(Function f, double[] start, double[] low, double[] high,
      int maxIterations, double gradientTolerance, double relativeTolerance) {
    int dims = start.length;
    double[] x = start;
    project(x, low, high);
    double[] g = new double[dims];
    double value = f.valueAndGradient(x, g);
    if (!Double.isFinite(value)) {
      return value;
    }
    Deque<double[][]> memory = new ArrayDeque<>();
    double[] direction = new double[dims];
    double[] next = new double[dims];
    double[] nextGradient = new double[dims];
    boolean[] free = new boolean[dims];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      double norm = 0;
      for (int d = 0; d < dims; d++) {
        free[d] = !(x[d] <= low[d] && g[d] > 0 || x[d] >= high[d] && g[d] < 0);
        if (free[d]) {
          norm = Math.max(norm, Math.abs(g[d]));
        }
      }
      if (norm <= gradientTolerance) {
        break;
      }
      twoLoop(g, free, memory, direction);
      double slope = 0;
      for (int d = 0; d < dims; d++) {
        slope += direction[d] * g[d];
      }
      if (!(slope < 0)) {
        memory.clear();
        twoLoop(g, free, memory, direction);
      }
      // Without curvature information yet, a first step of unit length in the largest coordinate.
      double step = memory.isEmpty() ? Math.min(1, 1 / norm) : 1;
      double nextValue = Double.NaN;
      boolean accepted = false;
      for (int trial = 0; trial < 30 && !accepted; trial++) {
        double decrease = 0;
        for (int d = 0; d < dims; d++) {
          next[d] = Math.min(high[d], Math.max(low[d], x[d] + step * direction[d]));
          decrease += g[d] * (next[d] - x[d]);
        }
        nextValue = f.valueAndGradient(next, nextGradient);
        accepted = Double.isFinite(nextValue) && nextValue <= value + ARMIJO * decrease;
        step *= 0.5;
      }
      if (!accepted) {
        break;
      }
      double[] s = new double[dims];
      double[] y = new double[dims];
      double sy = 0;
      for (int d = 0; d < dims; d++) {
        s[d] = next[d] - x[d];
        y[d] = nextGradient[d] - g[d];
        sy += s[d] * y[d];
      }
      if (sy > 1e-12) {
        memory.addFirst(new double[][] {s, y, {1 / sy}});
        if (memory.size() > MEMORY) {
          memory.removeLast();
        }
      }
      double improvement = value - nextValue;
      System.arraycopy(next, 0, x, 0, dims);
      System.arraycopy(nextGradient, 0, g, 0, dims);
      value = nextValue;
      if (improvement <= relativeTolerance * Math.max(1, Math.abs(value))) {
        break;
      }
    }
    return value;
  }

  /** {@code -H g} over the free coordinates, H the L-BFGS inverse Hessian estimate. */
  private static void twoLoop(double[] g, boolean[] free, Deque<double[][]> memory, double[] out) {
    int dims = g.length;
    double[] q = new double[dims];
    for (int d = 0; d < dims; d++) {
      q[d] = free[d] ? g[d] : 0;
    }
    double[] alphas = new double[memory.size()];
    int m = 0;
    for (double[][] pair : memory) {
      double a = pair[2][0] * dot(pair[0], q, free);
      alphas[m++] = a;
      axpy(-a, pair[1], q, free);
    }
    if (!memory.isEmpty()) {
      double[][] newest = memory.peekFirst();
      double yy = dot(newest[1], newest[1], free);
      double gamma = yy > 0 ? 1 / (newest[2][0] * yy) : 1;
      for (int d = 0; d < dims; d++) {
        q[d] *= gamma;
      }
    }
    Iterator<double[][]> oldestFirst = memory.descendingIterator();
    m = memory.size();
    while (oldestFirst.hasNext()) {
      double[][] pair = oldestFirst.next();
      double b = pair[2][0] * dot(pair[1], q, free);
      axpy(alphas[--m] - b, pair[0], q, free);
    }
    for (int d = 0; d < dims; d++) {
      out[d] = free[d] ? -q[d] : 0;
    }
  }

  private static double dot(double[] a, double[] b, boolean[] free) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      if (free[d]) {
        sum += a[d] * b[d];
      }
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y, boolean[] free) {
    for (int d = 0; d < x.length; d++) {
      if (free[d]) {
        y[d] += a * x[d];
      }
    }
  }

  private static void project(double[] x, double[] low, double[] high) {
    for (int d = 0; d < x.length; d++) {
      x[d] = Math.min(high[d], Math.max(low[d], x[d]));
    }
  }
}
