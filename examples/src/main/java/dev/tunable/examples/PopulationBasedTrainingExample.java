package dev.tunable.examples;

import dev.tunable.Budget;
import dev.tunable.Direction;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.checkpoint.CheckpointStore;
import dev.tunable.pbt.PopulationBasedTraining;
import dev.tunable.pbt.Trainable;
import java.util.Locale;

/**
 * Population-based training of {@link MultilayerPerceptron} on the digits, against a random search
 * of the same compute (as many trials as members, each trained for all the epochs). The exploit
 * step copies a network's weights through the generated {@code MultilayerPerceptronParameters}
 * and the explore step changes its generated hyperparameters record: the learning rate, weight
 * decay, dropout and batch size change while it trains; its width and optimizer, which the weights
 * depend on, stay with the lineage. The random search keeps every trial's weights in a {@link
 * CheckpointStore} and tests the best trial's own network, not a retrained one. Run with {@code
 * Main pbt [--seed S]}.
 */
final class PopulationBasedTrainingExample {
  static final int MEMBERS = 8;
  static final int ROUNDS = 9;
  static final int EPOCHS_PER_ROUND = 3;

  private PopulationBasedTrainingExample() {}

  static void main(String[] args) {
    long seed = args.length == 2 && args[0].equals("--seed") ? Long.parseLong(args[1]) : 0;
    DigitsSplit split = DigitsSplit.of(seed);
    SearchSpace<MultilayerPerceptronHyperparameters> space = space();

    long started = System.nanoTime();
    PopulationBasedTraining.Result<MultilayerPerceptron, MultilayerPerceptronHyperparameters>
        result = PopulationBasedTraining.over(space)
            .withPopulation(MEMBERS).withRounds(ROUNDS).withQuantile(0.25)
            .withExplored("learningRate", "weightDecay", "dropout", "batchSize")
            .withThreads(2).withSeed(seed)
            .run(trainable(split));
    double pbtSeconds = (System.nanoTime() - started) / 1e9;
    System.out.print(result.report());
    System.out.println("learning rate of the best member by round:");
    for (MultilayerPerceptronHyperparameters h : result.hyperparametersOf(result.bestMember())) {
      System.out.printf(Locale.ROOT, " %.5f", h.learningRate());
    }
    System.out.println();

    started = System.nanoTime();
    CheckpointStore<MultilayerPerceptronParameters> checkpoints = CheckpointStore.inMemory();
    Study study = Study.builder().name("random-search").direction(Direction.MAXIMIZE)
        .sampler(Samplers.random(seed)).progress(false).build();
    study.optimize(space, Budget.trials(MEMBERS).withWorkers(2), trial -> {
      MultilayerPerceptron network = trial.params().applyTo(new MultilayerPerceptron(seed));
      network.fit(split.trainX(), split.trainY());
      checkpoints.save(study.name(), trial.number(),
          MultilayerPerceptronParameters.capture(network));
      return split.validationAccuracy(network);
    });
    double searchSeconds = (System.nanoTime() - started) / 1e9;
    MultilayerPerceptron bestOfSearch = checkpoints
        .load(study.name(), study.bestTrial().number()).orElseThrow()
        .restore(study.bestTrial(space).params().applyTo(new MultilayerPerceptron(seed)));

    int epochs = MEMBERS * ROUNDS * EPOCHS_PER_ROUND;
    System.out.printf(Locale.ROOT, "%n%-28s %8s %12s %10s %9s%n",
        "digits, seed " + seed, "epochs", "validation", "test", "seconds");
    System.out.printf(Locale.ROOT, "%-28s %8d %12.4f %10.4f %9.1f%n", "PBT (" + MEMBERS
        + " members)", epochs, result.bestScore(), split.testAccuracy(result.bestModel()),
        pbtSeconds);
    System.out.printf(Locale.ROOT, "%-28s %8d %12.4f %10.4f %9.1f%n",
        "random search (" + MEMBERS + " trials)", epochs, study.bestTrial().value(),
        split.testAccuracy(bestOfSearch), searchSeconds);
  }

  /** One hidden layer, {@code ROUNDS * EPOCHS_PER_ROUND} epochs in all, a constant schedule. */
  static SearchSpace<MultilayerPerceptronHyperparameters> space() {
    MultilayerPerceptron fixed = new MultilayerPerceptron();
    fixed.hiddenLayers = 1;
    fixed.epochs = ROUNDS * EPOCHS_PER_ROUND;
    return Benchmark.restrict(MultilayerPerceptronHyperparameters.SPACE,
        MultilayerPerceptronHyperparameters.of(fixed),
        "units", "optimizer", "learningRate", "weightDecay", "dropout", "batchSize");
  }

  /** The network's lifecycle, each step one line through the generated records. */
  static Trainable<MultilayerPerceptron, MultilayerPerceptronHyperparameters,
      MultilayerPerceptronParameters> trainable(DigitsSplit split) {
    return new Trainable<>() {
      @Override
      public MultilayerPerceptron create(MultilayerPerceptronHyperparameters h, long seed) {
        return h.applyTo(new MultilayerPerceptron(seed));
      }

      @Override
      public void train(MultilayerPerceptron network, int round) {
        network.trainEpochs(split.trainX(), split.trainY(), round * EPOCHS_PER_ROUND,
            EPOCHS_PER_ROUND);
      }

      @Override
      public double evaluate(MultilayerPerceptron network) {
        return split.validationAccuracy(network);
      }

      @Override
      public MultilayerPerceptronParameters capture(MultilayerPerceptron network) {
        return MultilayerPerceptronParameters.capture(network);
      }

      @Override
      public void restore(MultilayerPerceptronParameters state, MultilayerPerceptron network) {
        state.restore(network);
      }

      @Override
      public void apply(MultilayerPerceptronHyperparameters h, MultilayerPerceptron network) {
        h.applyTo(network);
      }
    };
  }
}
