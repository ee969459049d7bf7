package test;

import dev.tunable.annotations.Learned;
import dev.tunable.annotations.LearnedCodec;
import java.util.List;

public class Model {
  public static final class State {}

  public static final class StringCodec implements LearnedCodec<String> {
    @Override
    public byte[] encode(String text) {
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Learned(codec = StringCodec.class) State state; // error: [LearnedCodecWrongType] codec test.Model.StringCodec of learned field 'state' is not a LearnedCodec<test.Model.State>; implement dev.tunable.annotations.LearnedCodec<test.Model.State>
  @Learned(codec = Object.class) List<String> names; // error: [LearnedCodecWrongType] codec java.lang.Object of learned field 'names' is not a LearnedCodec<java.util.List<java.lang.String>>
}
