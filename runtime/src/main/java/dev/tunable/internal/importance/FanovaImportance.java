package dev.tunable.internal.importance;

import dev.tunable.FrozenTrial;
import dev.tunable.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The importance of each hyperparameter of a space: fANOVA on a random forest fitted to the
 * complete trials, as Optuna's default {@code FanovaImportanceEvaluator}, normalized to sum to 1.
 * The one entry point, so that a study (or a report, or the command-line tool) needs only a space
 * and trials.
 */
public final class FanovaImportance {
  private FanovaImportance() {}

  /**
   * Each dimension's importance by name, most important first (ties in the space's order),
   * summing to 1; a dimension that has a single value gets 0 (and if all do, all get 0). The
   * trials counted are those {@link EncodedTrials} describes: complete, with a finite first value
   * and a value for every dimension of {@code space} active in them. Of a conditional space, the
   * dimensions that some counted trials lack (their branch was not taken) are left out of the map:
   * importance is over the dimensions every trial has, as Optuna's. The same trials and seed give
   * the same answer.
   *
   * @throws IllegalStateException if fewer than 2 trials count, or if their values are too alike
   *     for any dimension to explain them
   */
  public static Map<String, Double> of(SearchSpace<?> space, List<FrozenTrial> trials, long seed) {
    EncodedTrials encoded = EncodedTrials.of(space, trials);
    if (encoded.y().length < 2) {
      throw new IllegalStateException("hyperparameter importance needs at least 2 complete trials"
          + " with a finite value and a value for each of " + names(space)
          + (space.isConditional() ? " active in them" : "") + "; "
          + encoded.y().length + " of the " + trials.size() + " trials are");
    }
    Map<String, Double> byName = new LinkedHashMap<>();
    if (!encoded.varying().isEmpty()) {
      double[] low = new double[encoded.columns()];
      double[] high = new double[encoded.columns()];
      Arrays.fill(high, 1);
      double[] shares = Fanova.importances(encoded.x(), encoded.y(), low, high, encoded.groups(),
          ForestSettings.OPTUNA, seed);
      double total = Arrays.stream(shares).sum();
      if (!(total > 0)) {
        throw new IllegalStateException("no hyperparameter of " + names(space) + " explains any"
            + " of the variation in the values of the " + encoded.y().length
            + " complete trials (it is all interaction)");
      }
      for (int g = 0; g < shares.length; g++) {
        byName.put(encoded.varying().get(g), shares[g] / total);
      }
    }
    for (String name : encoded.constant()) {
      byName.put(name, 0.0);
    }
    List<Map.Entry<String, Double>> entries = new ArrayList<>(byName.entrySet());
    List<String> order = names(space);
    entries.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed()
        .thenComparing(e -> order.indexOf(e.getKey())));
    Map<String, Double> sorted = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : entries) {
      sorted.put(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(sorted);
  }

  private static List<String> names(SearchSpace<?> space) {
    return space.dimensions().stream().map(dimension -> dimension.name()).toList();
  }
}
