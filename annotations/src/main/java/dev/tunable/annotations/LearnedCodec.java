package dev.tunable.annotations;

/**
 * Turns learned state that is not plain data (a handle on a native model, say) into bytes and
 * back, so that the generated {@code <Class>Parameters} deep-copies it instead of sharing it:
 * declare it with {@code @Learned(codec = ...)}.
 *
 * <pre>{@code
 * public final class BoosterCodec implements LearnedCodec<Booster> {
 *   public byte[] encode(Booster booster) throws XGBoostError { return booster.toByteArray(); }
 *   public Booster decode(byte[] bytes) throws XGBoostError { return XGBoost.loadModel(bytes); }
 * }
 *
 * @Learned(codec = BoosterCodec.class) Booster booster;
 * }</pre>
 *
 * <p>The generated code creates the codec with its no-argument constructor for every copy, and
 * wraps what it throws in an {@code IllegalStateException} naming the field. {@code decode} must
 * return an object independent of the one encoded.
 *
 * @param <T> the type of the learned field
 * @since 0.1
 */
public interface LearnedCodec<T> {
  /** The bytes that {@link #decode} turns back into an equal, independent value. */
  byte[] encode(T value) throws Exception;

  /** A new value from the bytes {@link #encode} wrote. */
  T decode(byte[] bytes) throws Exception;
}
