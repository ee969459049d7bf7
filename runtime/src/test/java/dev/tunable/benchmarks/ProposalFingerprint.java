package dev.tunable.benchmarks;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruners;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import dev.tunable.pbt.PopulationBasedTraining;
import dev.tunable.pbt.Trainable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints a digest of every trial each built-in sampler proposes in fixed, seeded studies: every
 * kind of dimension, failed, pruned, enqueued and constrained trials, several objectives, and a
 * population-based training run. A refactoring that must not change what the samplers propose
 * gives the same lines before and after it.
 *
 * <pre>
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.ProposalFingerprint
 * </pre>
 */
public final class ProposalFingerprint {
  private ProposalFingerprint() {}

  /** Every kind and scale of dimension. */
  static SearchSpace<Config> mixed() {
    return SearchSpace.builder()
        .real("a", -3, 5)
        .real("lr", 1e-5, 1e-1, Scale.LOG)
        .add(Dimension.real("stepped", 0, 1).withStep(0.125))
        .integer("n", -4, 12)
        .integer("units", 8, 512, Scale.LOG)
        .add(Dimension.integer("k", 0, 60).withStep(5))
        .categorical("act", "relu", "tanh", "gelu")
        .bool("flag")
        .build();
  }

  /** A smooth function of every dimension, minimum near a=1, lr=1e-3, stepped=0.5, n=3, … */
  static double mixedObjective(Config c) {
    double value = Math.pow(c.getDouble("a") - 1, 2)
        + Math.pow(Math.log10(c.getDouble("lr")) + 3, 2)
        + 4 * Math.pow(c.getDouble("stepped") - 0.5, 2)
        + 0.1 * Math.pow(c.getLong("n") - 3, 2)
        + Math.pow(Math.log(c.getLong("units") / 64.0), 2)
        + Math.abs(c.getLong("k") - 25) / 10.0
        + switch (c.getString("act")) {
          case "gelu" -> 0;
          case "relu" -> 0.5;
          default -> 1;
        }
        + (c.getBoolean("flag") ? 0 : 0.3);
    if (c.getDouble("a") > 4.5) {
      throw new IllegalStateException("diverged"); // some failed trials in every history
    }
    return value;
  }

  public static void main(String[] args) throws Exception {
    Map<String, Supplier<Sampler>> samplers = new java.util.LinkedHashMap<>();
    samplers.put("random", () -> Samplers.random(3));
    samplers.put("sobol", () -> Samplers.sobol(3));
    samplers.put("tpe", () -> Samplers.tpe(3));
    samplers.put("tpe-multivariate", () -> Samplers.multivariateTpe(3));
    samplers.put("tpe-no-liar", () -> Samplers.tpe(3).withConstantLiar(false));
    samplers.put("gp", () -> Samplers.gp(3));
    samplers.put("cmaes", () -> Samplers.cmaEs(3));
    samplers.put("cmaes-small", () -> Samplers.cmaEs(3).withPopulationSize(4));
    samplers.put("genetic", () -> Samplers.genetic(3));
    samplers.put("nsga2", () -> Samplers.nsga2(3).withPopulationSize(10));

    for (Map.Entry<String, Supplier<Sampler>> entry : samplers.entrySet()) {
      int trials = entry.getKey().equals("gp") ? 30 : 120;
      Study study = study(entry.getValue().get(), Direction.MINIMIZE);
      study.enqueue(Map.of("a", 1.0, "lr", 1e-3, "stepped", 0.5, "n", 3L, "units", 64L, "k", 25L,
          "act", "relu", "flag", true));
      study.optimize(mixed(), trials, t -> mixedObjective(t.params()));
      print("kinds/" + entry.getKey(), study.trials());
    }
    for (String name : List.of("hartmann6", "branin", "mixed")) {
      TestFunction function = TestFunction.byName(name);
      for (String sampler : List.of("tpe", "cmaes", "gp", "genetic")) {
        Sampler s = samplers.get(sampler).get();
        Study study = study(s, Direction.MINIMIZE);
        study.optimize(function.space(), sampler.equals("gp") ? 40 : 300,
            t -> function.apply(t.params()));
        print(name + "/" + sampler, study.trials());
      }
    }

    // Pruned trials in the history: learning curves that level off at the objective's value.
    for (String sampler : List.of("tpe", "cmaes", "gp", "random")) {
      Study study = Study.builder().sampler(samplers.get(sampler).get())
          .pruner(Pruners.median().withStartupTrials(3)).progress(false).build();
      TestFunction branin = TestFunction.branin();
      study.optimize(branin.space(), Budget.trials(sampler.equals("gp") ? 30 : 80), t -> {
        double target = branin.apply(t.params());
        for (int step = 0; step < 8; step++) {
          t.report(step, target + 10.0 / (step + 1));
          if (t.shouldPrune()) {
            throw t.pruned();
          }
        }
        return target;
      });
      print("pruned/" + sampler, study.trials());
    }

    // Several objectives and constraints.
    for (String sampler : List.of("nsga2", "random")) {
      Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE)
          .sampler(samplers.get(sampler).get()).progress(false).build();
      study.optimizeMulti(mixed(), 150, t -> {
        double f = mixedObjective(t.params());
        t.setConstraints(t.params().getDouble("a") - 3);
        return new double[] {f, t.params().getLong("units")};
      });
      print("multi/" + sampler, study.trials());
    }

    // A grid over a discrete space, with an enqueued point among it.
    SearchSpace<Config> discrete = SearchSpace.builder()
        .integer("n", 1, 4).categorical("act", "relu", "tanh").bool("flag").build();
    Study grid = study(Samplers.grid(), Direction.MINIMIZE);
    grid.optimize(discrete, 100, t -> t.params().getLong("n"));
    print("grid", grid.trials());
    Study grid3 = study(Samplers.grid().withPointsPerContinuousDimension(3), Direction.MINIMIZE);
    SearchSpace<Config> continuous = SearchSpace.builder()
        .real("x", 0, 1).real("y", 1e-3, 1, Scale.LOG).bool("b").build();
    grid3.optimize(continuous, 100, t -> t.params().getDouble("x"));
    print("grid3", grid3.trials());

    // Population-based training explores every kind of dimension.
    PopulationBasedTraining.Result<double[], Config> pbt = PopulationBasedTraining.over(mixed())
        .withPopulation(6).withRounds(6).withSeed(5).withDirection(Direction.MINIMIZE)
        .run(new Trainable<double[], Config, double[]>() {
          Config last;

          @Override
          public double[] create(Config h, long seed) {
            return new double[] {objectiveOrLarge(h)};
          }

          @Override
          public void train(double[] model, int round) {}

          @Override
          public double evaluate(double[] model) {
            return model[0];
          }

          @Override
          public double[] capture(double[] model) {
            return model.clone();
          }

          @Override
          public void restore(double[] state, double[] model) {
            System.arraycopy(state, 0, model, 0, model.length);
          }

          @Override
          public void apply(Config h, double[] model) {
            model[0] = objectiveOrLarge(h);
          }
        });
    StringBuilder text = new StringBuilder();
    pbt.history().forEach(step -> text.append(step).append('\n'));
    System.out.println("pbt " + digest(text.toString()));
  }

  private static double objectiveOrLarge(Config c) {
    try {
      return mixedObjective(c);
    } catch (IllegalStateException e) {
      return 100;
    }
  }

  private static Study study(Sampler sampler, Direction direction) {
    return Study.builder().direction(direction).sampler(sampler).progress(false).build();
  }

  private static void print(String label, List<FrozenTrial> trials) {
    StringBuilder text = new StringBuilder();
    for (FrozenTrial trial : trials) {
      text.append(trial.number()).append(' ').append(trial.state()).append(' ')
          .append(trial.params()).append(' ').append(java.util.Arrays.toString(trial.values()))
          .append(' ').append(java.util.Arrays.toString(trial.constraints()))
          .append(' ').append(trial.intermediateValues()).append('\n');
    }
    System.out.printf("%-24s %4d trials  %s%n", label, trials.size(), digest(text.toString()));
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
