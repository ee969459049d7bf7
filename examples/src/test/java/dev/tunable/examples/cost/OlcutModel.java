package dev.tunable.examples.cost;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;

/**
 * {@link BindingModel}'s 10 hyperparameters as OLCUT declares them, so that {@link
 * BindingBenchmark} can time OLCUT's reflective configuration next to the generated code.
 */
public class OlcutModel implements Configurable {
  @Config double learningRate = 0.01;
  @Config double momentum = 0.9;
  @Config double weightDecay = 1e-4;
  @Config float dropout = 0.1f;
  @Config int batchSize = 64;
  @Config int epochs = 20;
  @Config long seed = 42_000;
  @Config boolean batchNorm = true;
  @Config BindingModel.Activation activation = BindingModel.Activation.RELU;
  @Config String init = "he";
}
