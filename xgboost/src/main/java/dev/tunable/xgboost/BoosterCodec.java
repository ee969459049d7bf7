package dev.tunable.xgboost;

import dev.tunable.annotations.LearnedCodec;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Deep-copies a learned {@link Booster} through XGBoost's own model bytes, so that the generated
 * {@code Parameters} of a model holds a booster of its own instead of sharing the model's:
 *
 * <pre>{@code
 * @Learned(codec = BoosterCodec.class) Booster booster;
 * }</pre>
 *
 * <p>A copy predicts as the original does, and goes on unchanged when the original trains on.
 *
 * @since 0.1
 */
public final class BoosterCodec implements LearnedCodec<Booster> {
  /** The codec; the generated code creates one per copy. */
  public BoosterCodec() {}

  /** The booster's model in XGBoost's default format. */
  @Override
  public byte[] encode(Booster booster) throws XGBoostError {
    return booster.toByteArray();
  }

  /** A new booster loaded from {@code bytes}. */
  @Override
  public Booster decode(byte[] bytes) throws XGBoostError, IOException {
    return XGBoost.loadModel(bytes);
  }
}
