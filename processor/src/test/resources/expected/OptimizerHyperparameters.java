package test;

import dev.tunable.Config;
import javax.annotation.processing.Generated;

/**
 * Hyperparameters of a choice among the permitted classes of {@link Optimizer}:
 * one record per class, which {@code instanceof} tells apart.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public sealed interface OptimizerHyperparameters permits SgdHyperparameters, RmsPropHyperparameters, AdamHyperparameters {
  /**
   * These values by dimension name, without the choice's prefix.
   */
  Config toConfig();

  /**
   * The choice {@code values} stand for: {@code sgd}, {@code rmsProp}, {@code adam}.
   */
  static String label(OptimizerHyperparameters values) {
    if (values instanceof SgdHyperparameters) {
      return "sgd";
    }
    if (values instanceof RmsPropHyperparameters) {
      return "rmsProp";
    }
    if (values instanceof AdamHyperparameters) {
      return "adam";
    }
    throw new IllegalArgumentException("not a branch of Optimizer: " + values);
  }

  /**
   * The branch {@code label} with {@code config}'s values, which are named without the
   * choice's prefix.
   */
  static OptimizerHyperparameters fromConfig(String label, Config config) {
    return switch (label) {
      case "sgd" -> SgdHyperparameters.fromConfig(config);
      case "rmsProp" -> RmsPropHyperparameters.fromConfig(config);
      case "adam" -> AdamHyperparameters.fromConfig(config);
      default -> throw new IllegalArgumentException("no choice of Optimizer is " + label);
    };
  }

  /**
   * The values {@code model} holds, in the record of its class.
   */
  static OptimizerHyperparameters of(Optimizer model) {
    if (model instanceof Sgd branch) {
      return SgdHyperparameters.of(branch);
    }
    if (model instanceof RmsProp branch) {
      return RmsPropHyperparameters.of(branch);
    }
    if (model instanceof Adam branch) {
      return AdamHyperparameters.of(branch);
    }
    throw new IllegalArgumentException("not a permitted class of Optimizer: " + model);
  }

  /**
   * A new instance of the class {@code values} stand for, with them set.
   */
  static Optimizer newInstance(OptimizerHyperparameters values) {
    if (values instanceof SgdHyperparameters branch) {
      return branch.applyTo(new Sgd());
    }
    if (values instanceof RmsPropHyperparameters branch) {
      return branch.applyTo(new RmsProp());
    }
    if (values instanceof AdamHyperparameters branch) {
      return branch.applyTo(new Adam());
    }
    throw new IllegalArgumentException("not a branch of Optimizer: " + values);
  }
}
