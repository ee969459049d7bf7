package test;

import dev.tunable.annotations.Learned;
import dev.tunable.annotations.LearnedCodec;
import java.util.List;

/** Learned state that is not plain data, as an XGBoost booster is (issue 16). */
public class Boosted {
  /** A handle on state kept elsewhere, as XGBoost's Booster is on native memory. */
  public static final class Handle {
    final byte[] state;

    Handle(byte[] state) {
      this.state = state;
    }
  }

  /** Copies a handle through its bytes, as XGBoost saves and loads a booster. */
  public static final class HandleCodec implements LearnedCodec<Handle> {
    @Override
    public byte[] encode(Handle handle) {
      return handle.state.clone();
    }

    @Override
    public Handle decode(byte[] bytes) {
      return new Handle(bytes);
    }
  }

  @Learned double[] weights;
  @Learned double bias;
  @Learned Handle booster;
  @Learned List<double[]> trees;
  @Learned(codec = HandleCodec.class) Handle copied;
}
