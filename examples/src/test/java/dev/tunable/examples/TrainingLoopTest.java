package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.checkpoint.CheckpointStore;
import dev.tunable.pbt.PopulationBasedTraining;
import dev.tunable.pbt.Trainable;
import dev.tunable.schedule.Schedule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The MLP's schedule, pruning, checkpoints and population-based training on the digits. */
class TrainingLoopTest {
  private static final DigitsSplit SPLIT = DigitsSplit.of(0);

  @Test
  void theScheduleComesFromTheHyperparameters() {
    MultilayerPerceptron network = new MultilayerPerceptron();
    assertEquals(Schedule.constant(1e-3), network.learningRateSchedule());
    network.schedule = MultilayerPerceptron.RateSchedule.COSINE;
    network.warmupEpochs = 2;
    network.epochs = 10;
    network.learningRate = 0.01;
    Schedule schedule = network.learningRateSchedule();
    assertEquals(0.005, schedule.valueAt(0), 1e-15);
    assertEquals(0.01, schedule.valueAt(2), 1e-15);
    assertEquals(1e-4, schedule.valueAt(9), 1e-15);
    assertTrue(MultilayerPerceptronHyperparameters.SPACE.dimension("schedule").isDiscrete());
  }

  @Test
  void trainingInIntervalsLearnsAndIsDeterministic() {
    MultilayerPerceptron a = small(3);
    MultilayerPerceptron b = small(3);
    for (int round = 0; round < 3; round++) {
      a.trainEpochs(SPLIT.trainX(), SPLIT.trainY(), round * 2, 2);
      b.trainEpochs(SPLIT.trainX(), SPLIT.trainY(), round * 2, 2);
    }
    assertEquals(MultilayerPerceptronParameters.capture(a),
        MultilayerPerceptronParameters.capture(b));
    assertTrue(SPLIT.validationAccuracy(a) > 0.85, "accuracy " + SPLIT.validationAccuracy(a));
  }

  private static MultilayerPerceptron small(long seed) {
    MultilayerPerceptron network = new MultilayerPerceptron(seed);
    network.units = 16;
    network.epochs = 6;
    network.learningRate = 0.01;
    return network;
  }

  @Test
  void ashaPrunesSomeTrialsAndTheBestTrialsCheckpointRestoresItsScore() {
    AtomicLong epochs = new AtomicLong();
    CheckpointStore<MultilayerPerceptronParameters> checkpoints = CheckpointStore.inMemory();
    Study study = Study.builder().direction(Direction.MAXIMIZE).sampler(Samplers.random(5))
        .pruner(Pruners.successiveHalving().withMinResource(1).withReductionFactor(3))
        .progress(false).build();
    int trials = 8;
    int maxEpochs = 9;
    study.optimize(PruningBenchmark.space(), trials, trial -> {
      MultilayerPerceptron network =
          trial.params().withEpochs(maxEpochs).applyTo(new MultilayerPerceptron(1));
      double[] accuracy = new double[1];
      network.fit(SPLIT.trainX(), SPLIT.trainY(), (epoch, loss) -> {
        epochs.incrementAndGet();
        accuracy[0] = SPLIT.validationAccuracy(network);
        trial.report(epoch, accuracy[0], loss);
        if (trial.shouldPrune()) {
          throw trial.pruned();
        }
      });
      checkpoints.save(study.name(), trial.number(),
          MultilayerPerceptronParameters.capture(network));
      return accuracy[0];
    });
    List<FrozenTrial> all = study.trials();
    long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
    assertTrue(pruned > 0, "nothing pruned");
    assertTrue(epochs.get() < (long) trials * maxEpochs);
    assertEquals(2, all.get(0).reportedValues(0).length); // the loss rides along
    FrozenTrial best = study.bestTrial();
    MultilayerPerceptron restored = checkpoints.load(study.name(), best.number()).orElseThrow()
        .restore(study.bestTrial(PruningBenchmark.space()).params()
            .applyTo(new MultilayerPerceptron()));
    assertEquals(best.value(), SPLIT.validationAccuracy(restored), 1e-12);
    assertFalse(checkpoints.load(study.name(), all.stream()
        .filter(t -> t.state() == TrialState.PRUNED).findFirst().get().number()).isPresent());
  }

  @Test
  void populationBasedTrainingCopiesWeightsAndChangesHyperparametersAsLogged() {
    List<String> restores = Collections.synchronizedList(new ArrayList<>());
    Trainable<MultilayerPerceptron, MultilayerPerceptronHyperparameters,
        MultilayerPerceptronParameters> base = PopulationBasedTrainingExample.trainable(SPLIT);
    Trainable<MultilayerPerceptron, MultilayerPerceptronHyperparameters,
        MultilayerPerceptronParameters> logged = new Trainable<>() {
          @Override
          public MultilayerPerceptron create(MultilayerPerceptronHyperparameters h, long seed) {
            return base.create(h.withUnits(16), seed);
          }

          @Override
          public void train(MultilayerPerceptron model, int round) {
            model.trainEpochs(SPLIT.trainX(), SPLIT.trainY(), round, 1);
          }

          @Override
          public double evaluate(MultilayerPerceptron model) {
            return base.evaluate(model);
          }

          @Override
          public MultilayerPerceptronParameters capture(MultilayerPerceptron model) {
            return base.capture(model);
          }

          @Override
          public void restore(MultilayerPerceptronParameters state, MultilayerPerceptron model) {
            base.restore(state, model);
            // the copy is exact: the receiving network now scores as its donor did
            restores.add(String.valueOf(base.evaluate(model)));
          }

          @Override
          public void apply(MultilayerPerceptronHyperparameters h, MultilayerPerceptron model) {
            base.apply(h, model);
          }
        };
    var result = PopulationBasedTraining.over(PopulationBasedTrainingExample.space())
        .withPopulation(4).withRounds(3).withExplored("learningRate", "dropout").withSeed(2)
        .run(logged);
    assertEquals(2, result.exploits().size());
    for (int i = 0; i < result.exploits().size(); i++) {
      var exploit = result.exploits().get(i);
      assertEquals(String.valueOf(exploit.donorScore()), restores.get(i));
      MultilayerPerceptronHyperparameters donor =
          result.hyperparametersOf(exploit.donor()).get(exploit.round());
      assertEquals(donor.optimizer(), exploit.after().optimizer());
      assertEquals(donor.batchSize(), exploit.after().batchSize());
      assertTrue(exploit.after().learningRate() != donor.learningRate()
          || exploit.after().dropout() != donor.dropout());
    }
    assertArrayEquals(result.scores(), result.history().subList(8, 12).stream()
        .mapToDouble(PopulationBasedTraining.Step::score).toArray());
  }
}
