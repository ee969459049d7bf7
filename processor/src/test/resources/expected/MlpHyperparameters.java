package test;

import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
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
 * Hyperparameters of {@link Mlp}.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record MlpHyperparameters(double learningRate, OptimizerHyperparameters optimizer,
    ScheduleHyperparameters schedule) {
  public static final RealDimension LEARNING_RATE = new RealDimension("learningRate", 1.0E-4, 0.1, Scale.LOG, 0.0);

  public static final CategoricalDimension<String> OPTIMIZER = new CategoricalDimension<>("optimizer", List.of("sgd", "rmsProp", "adam"));

  /**
   * The search space over every hyperparameter, in declaration order, nested classes and choices
   * under dotted names, with the values the field initializers of {@link Mlp} and
   * of the classes of its nested and choice fields give as defaults.
   */
  public static final SearchSpace<MlpHyperparameters> SPACE = SearchSpace.of(MlpHyperparameters::fromConfig, MlpHyperparameters::toConfig,
      SearchSpace.builder()
          .add(LEARNING_RATE)
          .choice(OPTIMIZER, SgdHyperparameters.SPACE, RmsPropHyperparameters.SPACE,
              AdamHyperparameters.SPACE)
          .nested("schedule", ScheduleHyperparameters.SPACE)
          .defaults(Config.builder()
              .set(LEARNING_RATE, 0.01)
              .set(OPTIMIZER, "adam")
              .build())
          .build());

  public MlpHyperparameters {
    LEARNING_RATE.check(learningRate);
    Objects.requireNonNull(optimizer, "hyperparameter 'optimizer' must not be null");
    Objects.requireNonNull(schedule, "hyperparameter 'schedule' must not be null");
  }

  /**
   * The values {@code model} holds; for a fresh model, its defaults.
   *
   * @throws NullPointerException if a nested or choice field is null
   */
  public static MlpHyperparameters of(Mlp model) {
    return new MlpHyperparameters(model.learningRate,
        OptimizerHyperparameters.of(Objects.requireNonNull(model.optimizer, "field 'optimizer' of Mlp is null, but hyperparameter 'optimizer' needs an instance")),
        ScheduleHyperparameters.of(Objects.requireNonNull(model.schedule, "field 'schedule' of Mlp is null, but hyperparameter 'schedule' needs an instance")));
  }

  /**
   * Sets these values on {@code model}'s fields and returns it; a nested or choice field gets
   * a new instance of its class with that class's values set.
   */
  public <M extends Mlp> M applyTo(M model) {
    model.learningRate = this.learningRate;
    model.optimizer = OptimizerHyperparameters.newInstance(this.optimizer);
    model.schedule = this.schedule.applyTo(new Schedule());
    return model;
  }

  /**
   * A copy with {@code learningRate} replaced.
   */
  public MlpHyperparameters withLearningRate(double learningRate) {
    return new MlpHyperparameters(learningRate, this.optimizer, this.schedule);
  }

  /**
   * A copy with {@code optimizer} replaced.
   */
  public MlpHyperparameters withOptimizer(OptimizerHyperparameters optimizer) {
    return new MlpHyperparameters(this.learningRate, optimizer, this.schedule);
  }

  /**
   * A copy with {@code schedule} replaced.
   */
  public MlpHyperparameters withSchedule(ScheduleHyperparameters schedule) {
    return new MlpHyperparameters(this.learningRate, this.optimizer, schedule);
  }

  /**
   * The values of {@code config}, each checked against its dimension.
   */
  public static MlpHyperparameters fromConfig(Config config) {
    return new MlpHyperparameters(
        config.get(LEARNING_RATE),
        OptimizerHyperparameters.fromConfig(config.get(OPTIMIZER), config.under("optimizer." + config.get(OPTIMIZER))),
        ScheduleHyperparameters.fromConfig(config.under("schedule")));
  }

  /**
   * These values by dimension name.
   */
  public Config toConfig() {
    return Config.builder()
        .set(LEARNING_RATE, this.learningRate)
        .set(OPTIMIZER, OptimizerHyperparameters.label(this.optimizer))
        .setAll("optimizer." + OptimizerHyperparameters.label(this.optimizer), this.optimizer.toConfig())
        .setAll("schedule", this.schedule.toConfig())
        .build();
  }

  /**
   * A copy with the values named in {@code overrides} parsed from their text.
   *
   * @throws IllegalArgumentException naming every unknown key and invalid value
   */
  public MlpHyperparameters overriddenBy(Map<String, String> overrides) {
    return SPACE.create(SPACE.override(toConfig(), overrides));
  }

  /**
   * A copy with command-line style {@code key=value} assignments applied.
   *
   * @throws IllegalArgumentException naming every malformed assignment, unknown key and invalid value
   */
  public MlpHyperparameters overriddenBy(String... assignments) {
    return SPACE.create(SPACE.override(toConfig(), assignments));
  }

  /**
   * Reads the hyperparameters from text, as in a properties file.
   * A key left out takes its default in {@link #SPACE}.
   *
   * @throws IllegalArgumentException naming every unknown or invalid key, and every missing key
   *     without a default
   */
  public static MlpHyperparameters parse(Map<String, String> values) {
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
  public static MlpHyperparameters load(Path file) throws IOException {
    return SPACE.create(SPACE.load(file));
  }
}
