package test;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Hyperparameters of {@link Sgd}.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record SgdHyperparameters() implements OptimizerHyperparameters {
  /**
   * The search space over every hyperparameter, in declaration order.
   */
  public static final SearchSpace<SgdHyperparameters> SPACE = SearchSpace.of(SgdHyperparameters::fromConfig, SgdHyperparameters::toConfig,
      List.of());

  /**
   * The values {@code model} holds; for a fresh model, its defaults.
   */
  public static SgdHyperparameters of(Sgd model) {
    return new SgdHyperparameters();
  }

  /**
   * Sets these values on {@code model}'s fields and returns it.
   */
  public <M extends Sgd> M applyTo(M model) {
    return model;
  }

  /**
   * The values of {@code config}, each checked against its dimension.
   */
  public static SgdHyperparameters fromConfig(Config config) {
    return new SgdHyperparameters();
  }

  /**
   * These values by dimension name.
   */
  @Override
  public Config toConfig() {
    return Config.builder()
        .build();
  }

  /**
   * A copy with the values named in {@code overrides} parsed from their text.
   *
   * @throws IllegalArgumentException naming every unknown key and invalid value
   */
  public SgdHyperparameters overriddenBy(Map<String, String> overrides) {
    return SPACE.create(SPACE.override(toConfig(), overrides));
  }

  /**
   * A copy with command-line style {@code key=value} assignments applied.
   *
   * @throws IllegalArgumentException naming every malformed assignment, unknown key and invalid value
   */
  public SgdHyperparameters overriddenBy(String... assignments) {
    return SPACE.create(SPACE.override(toConfig(), assignments));
  }

  /**
   * Reads the hyperparameters from text, as in a properties file.
   * A key left out takes its default in {@link #SPACE}.
   *
   * @throws IllegalArgumentException naming every unknown or invalid key, and every missing key
   *     without a default
   */
  public static SgdHyperparameters parse(Map<String, String> values) {
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
  public static SgdHyperparameters load(Path file) throws IOException {
    return SPACE.create(SPACE.load(file));
  }
}
