package dev.tunable.internal.importance;

import dev.tunable.FrozenTrial;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete trials of a space as rows of numbers for the forest, the way Optuna's importance
 * evaluators transform a search space, but through the samplers' {@link SpaceEncoding}, so that
 * how a space maps to numbers has one home: a numeric dimension is one column holding its unit
 * coordinate (the logarithm of a log-scale value, an integer at the centre of its cell), a
 * categorical or boolean is one 0/1 column per choice, the columns of one dimension form its
 * group. A dimension with a single value cannot matter and gets no column.
 *
 * <p>A trial counts if it is {@link TrialState#COMPLETE} with a finite (first) value and has a
 * value the space allows for each of its dimensions active at that value (of a conditional space,
 * those of its branch); trials of other spaces, or of an earlier version of this one, are left
 * out. Of a conditional space, only the dimensions that every counted trial has get columns
 * (issue 14), as Optuna's evaluators use the intersection search space of the trials: the
 * dimensions of a branch some trials did not take are neither {@code varying} nor {@code
 * constant}.
 */
record EncodedTrials(
    List<String> varying, List<String> constant, int[][] groups, double[][] x, double[] y) {

  /** The counted trials of {@code trials} in {@code space}. */
  static EncodedTrials of(SearchSpace<?> space, List<FrozenTrial> trials) {
    SpaceEncoding encoding = SpaceEncoding.of(space);
    List<double[]> units = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      if (trial.state() != TrialState.COMPLETE || !Double.isFinite(trial.value())) {
        continue;
      }
      double[] unit = encoding.encode(trial.params());
      if (fits(encoding, unit)) {
        units.add(unit);
        values.add(trial.value());
      }
    }
    List<String> varying = new ArrayList<>();
    List<String> constant = new ArrayList<>();
    List<Integer> dimensionOfGroup = new ArrayList<>();
    List<int[]> groups = new ArrayList<>();
    int columns = 0;
    for (int d = 0; d < encoding.size(); d++) {
      String name = space.dimensions().get(d).name();
      if (!activeInAll(d, units)) {
        continue; // of a branch some trials did not take: Optuna's intersection search space
      }
      boolean categorical = encoding.kind(d) == SpaceEncoding.Kind.CATEGORICAL;
      if (encoding.kind(d) != SpaceEncoding.Kind.CONTINUOUS && encoding.cells(d) == 1) {
        constant.add(name);
        continue;
      }
      int width = categorical ? (int) encoding.cells(d) : 1;
      int[] group = new int[width];
      for (int c = 0; c < width; c++) {
        group[c] = columns++;
      }
      varying.add(name);
      dimensionOfGroup.add(d);
      groups.add(group);
    }
    List<double[]> rows = new ArrayList<>();
    for (double[] unit : units) {
      double[] row = new double[columns];
      for (int g = 0; g < groups.size(); g++) {
        int d = dimensionOfGroup.get(g);
        int[] group = groups.get(g);
        if (encoding.kind(d) == SpaceEncoding.Kind.CATEGORICAL) {
          row[group[encoding.choice(d, unit[d])]] = 1;
        } else {
          row[group[0]] = unit[d];
        }
      }
      rows.add(row);
    }
    return new EncodedTrials(List.copyOf(varying), List.copyOf(constant),
        groups.toArray(new int[0][]), rows.toArray(new double[0][]),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Whether {@code unit} has an allowed value for each dimension active at it. */
  private static boolean fits(SpaceEncoding encoding, double[] unit) {
    for (int d = 0; d < unit.length; d++) {
      if (Double.isNaN(unit[d]) && encoding.isActive(d, unit)) {
        return false;
      }
    }
    return true;
  }

  private static boolean activeInAll(int d, List<double[]> units) {
    for (double[] unit : units) {
      if (Double.isNaN(unit[d])) {
        return false;
      }
    }
    return true;
  }

  /** The number of columns: the box of the space is {@code [0, 1]} in each. */
  int columns() {
    int columns = 0;
    for (int[] group : groups) {
      columns += group.length;
    }
    return columns;
  }
}
