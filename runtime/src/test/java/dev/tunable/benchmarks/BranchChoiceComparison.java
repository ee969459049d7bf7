package dev.tunable.benchmarks;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our multivariate TPE's next proposal on histories of Optuna's multivariate group TPE, beside
 * Optuna's own on them. Reads the file written by {@code branch_choice_optuna.py} (a test
 * resource; first argument; second, draws per history, 2000 by default, as many as the script
 * drew): for each history, how often each branch is proposed next over that many seeds of our
 * sampler and random states of Optuna's, and per branch the quartiles of the function's value at
 * the proposals in it.
 *
 * <pre>
 * /usr/bin/python3 runtime/src/test/resources/dev/tunable/benchmarks/branch_choice_optuna.py \
 *   1000 > /tmp/histories.json
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.BranchChoiceComparison \
 *   -Dbenchmark.args="/tmp/histories.json 1000"
 * </pre>
 */
public final class BranchChoiceComparison {
  private BranchChoiceComparison() {}

  private static String quartiles(List<Double> sorted) {
    int n = sorted.size();
    return String.format("%.4f %.4f %.4f", sorted.get(n / 4), sorted.get(n / 2),
        sorted.get(3 * n / 4));
  }

  public static void main(String[] given) throws Exception {
    // exec:exec passes benchmark.args as one argument.
    String[] args = String.join(" ", given).trim().split("\\s+");
    int draws = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    TestFunction function = TestFunction.branches();
    SearchSpace<Config> space = function.space();
    List<?> histories = (List<?>) Json.parse(Files.readString(Path.of(args[0])));
    System.out.printf("%-4s %6s  %-34s %-34s%n", "seed", "trials",
        "Optuna: constant/quadratic/hartmann3/branin", "ours");
    for (Object entry : histories) {
      Map<?, ?> history = (Map<?, ?>) entry;
      List<FrozenTrial> trials = new ArrayList<>();
      for (Object t : (List<?>) history.get("trials")) {
        Map<?, ?> trial = (Map<?, ?>) t;
        Map<String, Object> params = new LinkedHashMap<>();
        ((Map<?, ?>) trial.get("params")).forEach((name, value) -> params.put((String) name,
            name.equals("branch.quadratic.n") ? (Object) Math.round(Json.toDouble(value))
                : value instanceof Number n ? (Object) n.doubleValue() : value));
        trials.add(Snapshots.complete(trials.size(), space.check(params),
            Json.toDouble(trial.get("value"))));
      }
      Map<String, Integer> ours = new LinkedHashMap<>();
      Map<String, List<Double>> values = new LinkedHashMap<>();
      Map<?, ?> optuna = (Map<?, ?>) history.get("optuna");
      optuna.keySet().forEach(branch -> ours.put((String) branch, 0));
      for (int seed = 0; seed < draws; seed++) {
        Config proposal = Samplers.multivariateTpe(seed).sample(new SamplerContext(
            space, trials.size(), List.of(Direction.MINIMIZE), trials));
        ours.merge(proposal.getString("branch"), 1, Integer::sum);
        values.computeIfAbsent(proposal.getString("branch"), b -> new ArrayList<>())
            .add(function.apply(proposal));
      }
      System.out.printf("%-4s %6d  %-34s %-34s%n", history.get("seed"), trials.size(),
          optuna.values(), ours.values());
      // Per branch, the quartiles of the function at the proposals in it.
      Map<?, ?> theirs = (Map<?, ?>) history.get("values");
      values.forEach((branch, ourValues) -> {
        if (ourValues.size() < 100 || theirs == null || !theirs.containsKey(branch)) {
          return;
        }
        List<Double> sorted = ourValues.stream().sorted().toList();
        List<?> optunaValues = (List<?>) theirs.get(branch);
        System.out.printf("       %-10s Optuna %s  ours %s%n", branch,
            quartiles(optunaValues.stream().map(Json::toDouble).toList()), quartiles(sorted));
      });
    }
  }
}
