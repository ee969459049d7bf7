package dev.tunable.examples;

import dev.tunable.Direction;
import dev.tunable.Pruner;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pruning figures: {@link MultilayerPerceptron} on the digits, {@value #EPOCHS} epochs per
 * trial, validation accuracy reported after every epoch; the same random sampler and number of
 * trials with no pruner, the median pruner, ASHA and Hyperband; total epochs trained and best
 * validation accuracy per seed. Run with {@code Main pruning [--trials N] [--seeds 0,1,2]}.
 */
final class PruningBenchmark {
  static final int EPOCHS = 27;

  private PruningBenchmark() {}

  static void main(String[] args) {
    int trials = 30;
    long[] seeds = {0, 1, 2};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--seeds" ->
            seeds = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
        default -> throw new IllegalArgumentException(
            "unknown argument '" + args[i] + "'; usage: pruning [--trials N] [--seeds 0,1,2]");
      }
    }
    Map<String, Pruner> pruners = new LinkedHashMap<>();
    pruners.put("none", Pruners.none());
    pruners.put("median", Pruners.median().withStartupTrials(5).withWarmupSteps(2));
    pruners.put("ASHA", Pruners.successiveHalving().withMinResource(1).withReductionFactor(3));
    pruners.put("Hyperband", Pruners.hyperband().withMinResource(1).withMaxResource(EPOCHS)
        .withReductionFactor(3));
    System.out.printf(Locale.ROOT, "MLP on digits (60/20/20 split), %d epochs per trial, %d trials,"
        + " Samplers.random(seed); tuned: units, learning rate, schedule, warm-up, weight decay,"
        + " batch size, optimizer%n", EPOCHS, trials);
    System.out.printf(Locale.ROOT, "%-10s %6s %8s %10s %8s%n",
        "pruner", "seed", "epochs", "best acc", "seconds");
    Map<String, double[]> totals = new LinkedHashMap<>();
    for (long seed : seeds) {
      DigitsSplit split = DigitsSplit.of(seed);
      for (Map.Entry<String, Pruner> entry : pruners.entrySet()) {
        long started = System.nanoTime();
        AtomicLong epochs = new AtomicLong();
        double best = run(split, entry.getValue(), trials, seed, epochs);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-10s %6d %8d %10.4f %8.1f%n",
            entry.getKey(), seed, epochs.get(), best, seconds);
        double[] total = totals.computeIfAbsent(entry.getKey(), k -> new double[3]);
        total[0] += epochs.get();
        total[1] += best;
        total[2] += seconds;
      }
    }
    double[] reference = totals.get("none");
    int n = seeds.length;
    System.out.printf(Locale.ROOT, "%nmean over %d seeds%n%-10s %8s %10s %12s %12s%n",
        n, "pruner", "epochs", "best acc", "% epochs", "% accuracy");
    totals.forEach((name, total) -> System.out.printf(Locale.ROOT,
        "%-10s %8.0f %10.4f %11.1f%% %11.2f%%%n", name, total[0] / n,
        total[1] / n, 100 * total[0] / reference[0], 100 * total[1] / reference[1]));
  }

  static SearchSpace<MultilayerPerceptronHyperparameters> space() {
    MultilayerPerceptron fixed = new MultilayerPerceptron();
    fixed.hiddenLayers = 1;
    fixed.epochs = EPOCHS;
    return Benchmark.restrict(MultilayerPerceptronHyperparameters.SPACE,
        MultilayerPerceptronHyperparameters.of(fixed), "units", "learningRate", "schedule",
        "warmupEpochs", "weightDecay", "batchSize", "optimizer");
  }

  /** One study: its best validation accuracy; adds the epochs it trained to {@code epochs}. */
  static double run(DigitsSplit split, Pruner pruner, int trials, long seed, AtomicLong epochs) {
    Study study = Study.builder().direction(Direction.MAXIMIZE).sampler(Samplers.random(seed))
        .pruner(pruner).progress(false).build();
    study.optimize(space(), trials, trial -> train(trial, split, seed, epochs));
    return study.bestTrial().value();
  }

  private static double train(Trial<MultilayerPerceptronHyperparameters> trial, DigitsSplit split,
      long seed, AtomicLong epochs) {
    MultilayerPerceptron network = trial.params().applyTo(new MultilayerPerceptron(seed));
    double[] accuracy = new double[1];
    network.fit(split.trainX(), split.trainY(), (epoch, loss) -> {
      epochs.incrementAndGet();
      accuracy[0] = split.validationAccuracy(network);
      trial.report(epoch, accuracy[0]);
      if (trial.shouldPrune()) {
        throw trial.pruned();
      }
    });
    return accuracy[0];
  }
}
