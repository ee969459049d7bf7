package test;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Hyperparameters of {@link LogisticRegression}.
 *
 * @param learningRate Step size of "SGD".
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record LogisticRegressionHyperparameters(double learningRate, int batchSize, float dropout,
    long iterations, boolean shuffle, LogisticRegression.Penalty penalty, String optimizer) {
  /**
   * Step size of "SGD".
   */
  public static final RealDimension LEARNING_RATE = new RealDimension("learningRate", 1.0E-4, 0.1, Scale.LOG, 0.0);

  public static final IntegerDimension BATCH_SIZE = new IntegerDimension("batchSize", 8, 256, Scale.LOG, 1).asInt();

  public static final RealDimension DROPOUT = new RealDimension("dropout", 0.0f, 0.5f, Scale.LINEAR, 0.125f).asFloat();

  public static final IntegerDimension ITERATIONS = new IntegerDimension("iterations", 100, 10000, Scale.LINEAR, 100);

  public static final BooleanDimension SHUFFLE = new BooleanDimension("shuffle");

  public static final CategoricalDimension<LogisticRegression.Penalty> PENALTY = new CategoricalDimension<>("penalty", List.of(LogisticRegression.Penalty.L1, LogisticRegression.Penalty.L2));

  public static final CategoricalDimension<String> OPTIMIZER = new CategoricalDimension<>("solver", List.of("adam", "sgd"));

  /**
   * The search space over every hyperparameter, in declaration order, with the values
   * the field initializers of {@link LogisticRegression} give as defaults.
   */
  public static final SearchSpace<LogisticRegressionHyperparameters> SPACE = SearchSpace.of(LogisticRegressionHyperparameters::fromConfig, LogisticRegressionHyperparameters::toConfig,
      List.of(LEARNING_RATE, BATCH_SIZE, DROPOUT, ITERATIONS, SHUFFLE, PENALTY, OPTIMIZER),
      Config.builder()
          .set(LEARNING_RATE, 0.01)
          .set(BATCH_SIZE, 32)
          .set(DROPOUT, 0.25f)
          .set(ITERATIONS, 1000)
          .set(SHUFFLE, true)
          .set(PENALTY, LogisticRegression.Penalty.L2)
          .set(OPTIMIZER, "adam")
          .build());

  /**
   * @param learningRate Step size of "SGD".
   */
  public LogisticRegressionHyperparameters {
    LEARNING_RATE.check(learningRate);
    BATCH_SIZE.check(batchSize);
    DROPOUT.check(dropout);
    ITERATIONS.check(iterations);
    SHUFFLE.check(shuffle);
    Objects.requireNonNull(penalty, "hyperparameter 'penalty' must not be null");
    PENALTY.check(penalty);
    Objects.requireNonNull(optimizer, "hyperparameter 'solver' must not be null");
    OPTIMIZER.check(optimizer);
  }

  /**
   * Step size of "SGD".
   */
  public double learningRate() {
    return this.learningRate;
  }

  /**
   * The values {@code model} holds; for a fresh model, its defaults.
   */
  public static LogisticRegressionHyperparameters of(LogisticRegression model) {
    return new LogisticRegressionHyperparameters(model.learningRate, model.batchSize, model.dropout,
        model.iterations, model.shuffle, model.penalty, model.optimizer);
  }

  /**
   * Sets these values on {@code model}'s fields and returns it.
   */
  public <M extends LogisticRegression> M applyTo(M model) {
    model.learningRate = this.learningRate;
    model.batchSize = this.batchSize;
    model.dropout = this.dropout;
    model.iterations = this.iterations;
    model.shuffle = this.shuffle;
    model.penalty = this.penalty;
    model.optimizer = this.optimizer;
    return model;
  }

  /**
   * A copy with {@code learningRate} replaced.
   */
  public LogisticRegressionHyperparameters withLearningRate(double learningRate) {
    return new LogisticRegressionHyperparameters(learningRate, this.batchSize, this.dropout,
        this.iterations, this.shuffle, this.penalty, this.optimizer);
  }

  /**
   * A copy with {@code batchSize} replaced.
   */
  public LogisticRegressionHyperparameters withBatchSize(int batchSize) {
    return new LogisticRegressionHyperparameters(this.learningRate, batchSize, this.dropout,
        this.iterations, this.shuffle, this.penalty, this.optimizer);
  }

  /**
   * A copy with {@code dropout} replaced.
   */
  public LogisticRegressionHyperparameters withDropout(float dropout) {
    return new LogisticRegressionHyperparameters(this.learningRate, this.batchSize, dropout,
        this.iterations, this.shuffle, this.penalty, this.optimizer);
  }

  /**
   * A copy with {@code iterations} replaced.
   */
  public LogisticRegressionHyperparameters withIterations(long iterations) {
    return new LogisticRegressionHyperparameters(this.learningRate, this.batchSize, this.dropout,
        iterations, this.shuffle, this.penalty, this.optimizer);
  }

  /**
   * A copy with {@code shuffle} replaced.
   */
  public LogisticRegressionHyperparameters withShuffle(boolean shuffle) {
    return new LogisticRegressionHyperparameters(this.learningRate, this.batchSize, this.dropout,
        this.iterations, shuffle, this.penalty, this.optimizer);
  }

  /**
   * A copy with {@code penalty} replaced.
   */
  public LogisticRegressionHyperparameters withPenalty(LogisticRegression.Penalty penalty) {
    return new LogisticRegressionHyperparameters(this.learningRate, this.batchSize, this.dropout,
        this.iterations, this.shuffle, penalty, this.optimizer);
  }

  /**
   * A copy with {@code optimizer} replaced.
   */
  public LogisticRegressionHyperparameters withOptimizer(String optimizer) {
    return new LogisticRegressionHyperparameters(this.learningRate, this.batchSize, this.dropout,
        this.iterations, this.shuffle, this.penalty, optimizer);
  }

  /**
   * The values of {@code config}, each checked against its dimension.
   */
  public static LogisticRegressionHyperparameters fromConfig(Config config) {
    return new LogisticRegressionHyperparameters(
        config.get(LEARNING_RATE),
        Math.toIntExact(config.get(BATCH_SIZE)),
        config.get(DROPOUT).floatValue(),
        config.get(ITERATIONS),
        config.get(SHUFFLE),
        config.get(PENALTY),
        config.get(OPTIMIZER));
  }

  /**
   * These values by dimension name.
   */
  public Config toConfig() {
    return Config.builder()
        .set(LEARNING_RATE, this.learningRate)
        .set(BATCH_SIZE, this.batchSize)
        .set(DROPOUT, this.dropout)
        .set(ITERATIONS, this.iterations)
        .set(SHUFFLE, this.shuffle)
        .set(PENALTY, this.penalty)
        .set(OPTIMIZER, this.optimizer)
        .build();
  }

  /**
   * A copy with the values named in {@code overrides} parsed from their text.
   *
   * @throws IllegalArgumentException naming every unknown key and invalid value
   */
  public LogisticRegressionHyperparameters overriddenBy(Map<String, String> overrides) {
    return SPACE.create(SPACE.override(toConfig(), overrides));
  }

  /**
   * A copy with command-line style {@code key=value} assignments applied.
   *
   * @throws IllegalArgumentException naming every malformed assignment, unknown key and invalid value
   */
  public LogisticRegressionHyperparameters overriddenBy(String... assignments) {
    return SPACE.create(SPACE.override(toConfig(), assignments));
  }

  /**
   * Reads the hyperparameters from text, as in a properties file.
   * A key left out takes its default in {@link #SPACE}.
   *
   * @throws IllegalArgumentException naming every unknown or invalid key, and every missing key
   *     without a default
   */
  public static LogisticRegressionHyperparameters parse(Map<String, String> values) {
    return SPACE.create(SPACE.parse(values));
  }

  /**
   * Reads a configuration file: JSON ({@code *.json}) or Java properties in UTF-8
   * ({@code *.properties}).
   * A key left out takes its default in {@link #SPACE}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException listing every problem in the file, each with its line
   */
  public static LogisticRegressionHyperparameters load(Path file) throws IOException {
    return SPACE.create(SPACE.load(file));
  }
}
