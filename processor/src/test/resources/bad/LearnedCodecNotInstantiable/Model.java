package test;

import dev.tunable.annotations.Learned;
import dev.tunable.annotations.LearnedCodec;

public class Model {
  public static final class State {}

  public abstract static class AbstractCodec implements LearnedCodec<State> {}

  public static final class PrivateConstructorCodec implements LearnedCodec<State> {
    private PrivateConstructorCodec() {}

    @Override
    public byte[] encode(State state) {
      return new byte[0];
    }

    @Override
    public State decode(byte[] bytes) {
      return new State();
    }
  }

  public final class InnerCodec implements LearnedCodec<State> {
    @Override
    public byte[] encode(State state) {
      return new byte[0];
    }

    @Override
    public State decode(byte[] bytes) {
      return new State();
    }
  }

  private static final class Hidden {
    public static final class Codec implements LearnedCodec<State> {
      @Override
      public byte[] encode(State state) {
        return new byte[0];
      }

      @Override
      public State decode(byte[] bytes) {
        return new State();
      }
    }
  }

  @Learned(codec = AbstractCodec.class) State first; // error: [LearnedCodecNotInstantiable] codec test.Model.AbstractCodec of learned field 'first' cannot be created by the generated code; make it a non-abstract, non-generic top-level or static nested class with a no-argument constructor that package test can reach
  @Learned(codec = PrivateConstructorCodec.class) State second; // error: [LearnedCodecNotInstantiable] codec test.Model.PrivateConstructorCodec of learned field 'second'
  @Learned(codec = InnerCodec.class) State third; // error: [LearnedCodecNotInstantiable] codec test.Model.InnerCodec of learned field 'third'
  @Learned(codec = Hidden.Codec.class) State fourth; // error: [LearnedCodecNotInstantiable] codec test.Model.Hidden.Codec of learned field 'fourth'
}
