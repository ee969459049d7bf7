package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.NestedCrossValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning through the generated spaces pays off, and the main job's study survives a restart. */
class TuningTest {

  /**
   * The boosting defaults are the usual ones (100 trees of depth 3, learning rate 0.1, no
   * subsampling); on this small, noisy regression they overfit, and a short study finds better.
   */
  @Test
  void tunedBoostingBeatsItsDefaultsOnHeldOutRows() {
    GradientBoostedTreesExample example = new GradientBoostedTreesExample();
    long seed = 7;
    Fold holdout = example.holdout(seed).split(example.data().size()).get(0);
    Study study = Study.builder()
        .direction(Direction.MAXIMIZE)
        .sampler(Samplers.sobol(seed))
        .progress(false)
        .build();
    Trial<GradientBoostedTreesHyperparameters> best = study.optimize(example.space(), 10, trial ->
        example.crossValidate(trial.params(), holdout.train(), seed, fold -> {}).mean());

    double tunedCv = best.value();
    double defaultCv =
        example.crossValidate(example.defaults(), holdout.train(), seed, fold -> {}).mean();
    double tuned = example.fitAndScore(best.params(), holdout.train(), holdout.test(), seed);
    double untuned =
        example.fitAndScore(example.defaults(), holdout.train(), holdout.test(), seed);
    assertTrue(tunedCv > defaultCv, "cross-validated R²: tuned " + tunedCv + ", defaults "
        + defaultCv);
    assertTrue(tuned > untuned, "held-out R²: tuned " + tuned + ", defaults " + untuned);
  }

  /** The per-fold hook lets a pruner stop a hopeless configuration after its first fold. */
  @Test
  void aPrunerStopsAHopelessConfigurationAfterTheFirstFold() {
    LogisticRegressionExample example = new LogisticRegressionExample();
    int[] rows = example.holdout(3).split(example.strata()).get(0).train();
    Study study = Study.builder()
        .direction(Direction.MAXIMIZE)
        .pruner(context -> context.trial().lastIntermediateValue().orElse(1) < 0.9)
        .progress(false)
        .build();
    LogisticRegressionHyperparameters defaults = example.defaults();
    // So strong an L1 penalty zeroes every weight: the model predicts the majority class.
    study.enqueue(example.space(), defaults.withPenalty(LogisticRegression.Penalty.L1)
        .withRegularization(1.0));
    study.enqueue(example.space(), defaults.withEpochs(40));
    study.optimize(example.space(), 2, trial ->
        example.crossValidate(trial.params(), rows, 3, fold -> {
          trial.report(fold.fold(), fold.meanSoFar());
          if (trial.shouldPrune()) {
            throw trial.pruned();
          }
        }).mean());

    List<FrozenTrial> trials = study.trials();
    assertEquals(TrialState.PRUNED, trials.get(0).state());
    assertEquals(1, trials.get(0).intermediateValues().size(), "scored folds of the pruned trial");
    assertEquals(TrialState.COMPLETE, trials.get(1).state());
    assertEquals(5, trials.get(1).intermediateValues().size());
  }

  @Test
  void theMainJobResumesItsStudyFromTheFile(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("studies/logistic.journal");
    String first = run(new Main.Options("logistic", 3, file, 1));
    assertTrue(first.contains("Running 3 trials"), first);
    assertTrue(first.contains("Best hyperparameters"), first);
    assertTrue(first.contains("Held-out test accuracy"), first);
    Path report = directory.resolve("studies/logistic-seed1.html");
    assertTrue(first.contains("Report (open it in a browser): " + report), first);
    assertTrue(Files.readString(report).contains("Study logistic-seed1"), "the report written");
    assertTrue(first.contains("-Dexec.args=\"logistic --trials 6 --storage " + file + " --seed 1\""),
        first);

    String second = run(new Main.Options("logistic", 5, file, 1));
    assertTrue(second.contains("Resuming study 'logistic-seed1': 3 trials already recorded."),
        second);
    assertTrue(second.contains("Running 2 trials"), second);
    assertTrue(second.contains("[5/5] trial 4 "), second);

    String third = run(new Main.Options("logistic", 5, file, 1));
    assertTrue(third.contains("nothing to run"), third);
    assertFalse(third.contains("] trial "), third);
  }

  @Test
  void nestedTuningScoresEachOuterFoldWithHyperparametersTunedWithoutIt() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    NestedCrossValidationResult<LogisticRegressionHyperparameters> nested = NestedTuning.run(
        new LogisticRegressionExample(), 3, 3, 5,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String output = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(3, nested.chosen().size());
    assertEquals(3, nested.scores().scores().size());
    for (double score : nested.scores().scores()) {
      assertTrue(score > 0.9, "outer accuracy " + score);
    }
    assertTrue(output.contains("outer fold 2: best inner accuracy"), output);
    assertTrue(output.contains("Nested estimate of the tuned model's accuracy"), output);
  }

  @Test
  void theCommandLineIsChecked() {
    Main.Options defaults = Main.Options.parse(new String[0]);
    assertEquals("logistic", defaults.example());
    assertEquals(30, defaults.trials());
    assertEquals(42, defaults.seed());
    assertTrue(defaults.storage().endsWith(Path.of("tunable-studies", "logistic.journal")));
    Main.Options mlp = Main.Options.parse(new String[] {"mlp", "--trials", "20", "--seed", "3"});
    assertEquals("mlp", mlp.example());
    assertEquals(20, mlp.trials());
    assertEquals(
        "unknown argument '--trails'; the examples are logistic, mlp and boosting",
        assertThrows(IllegalArgumentException.class,
            () -> Main.Options.parse(new String[] {"--trails", "5"})).getMessage());
    assertEquals(
        "--trials needs a whole number, got 'many'",
        assertThrows(IllegalArgumentException.class,
            () -> Main.Options.parse(new String[] {"--trials", "many"})).getMessage());
  }

  @Test
  void aCheckpointOfTheLearnedStateRestoresTheSamePredictions() {
    Dataset digits = Dataset.digits();
    int[][] split = ModelsTest.split(digits.size(), 0.5, 4);
    MultilayerPerceptron network = new MultilayerPerceptron(1);
    network.units = 16;
    network.epochs = 3;
    network.fit(digits.features(split[0]), digits.labels(split[0]));
    MultilayerPerceptronParameters checkpoint = MultilayerPerceptronParameters.capture(network);
    double[][] before = network.predictProbabilities(digits.features(split[1]));

    network.fit(digits.features(split[1]), digits.labels(split[1])); // training moves on
    assertFalse(Arrays.deepEquals(before, network.predictProbabilities(digits.features(split[1]))));

    MultilayerPerceptron restored = checkpoint.restore(new MultilayerPerceptron());
    assertArrayEquals(before, restored.predictProbabilities(digits.features(split[1])));
  }

  @Test
  void hyperparametersMoveBetweenModelAndRecord() {
    GradientBoostedTrees model = new GradientBoostedTrees();
    GradientBoostedTreesHyperparameters defaults = GradientBoostedTreesHyperparameters.of(model);
    assertEquals(100, defaults.trees());
    GradientBoostedTreesHyperparameters shallow = defaults.withMaxDepth(1).withTrees(20);
    shallow.applyTo(model);
    assertEquals(1, model.maxDepth);
    assertEquals(20, model.trees);
    Dataset diabetes = Dataset.diabetes();
    model.fit(diabetes.features(), diabetes.targets());
    for (RegressionTree tree : model.ensemble) {
      assertTrue(tree.depth() <= 1);
    }
  }

  private static String run(Main.Options options) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Main.tune(Example.named(options.example()), options,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
