package dev.tunable.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * The byte form of a learned state, for {@link CheckpointStore#directory}. A model's generated
 * {@code Parameters} record holds arrays and numbers, so a codec is a few {@link
 * java.io.DataOutputStream} calls; {@link #serializable()} serves types that are {@link
 * Serializable}.
 *
 * @param <P> the learned state
 * @since 0.1
 */
public interface StateCodec<P> {

  /** Writes {@code state} to {@code out}; does not close it. */
  void write(P state, OutputStream out) throws IOException;

  /** Reads a state that {@link #write} wrote; does not close {@code in}. */
  P read(InputStream in) throws IOException;

  /** Java serialization, for {@link Serializable} states of class {@code type}. */
  static <P extends Serializable> StateCodec<P> serializable(Class<P> type) {
    return new StateCodec<>() {
      @Override
      public void write(P state, OutputStream out) throws IOException {
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeObject(state);
        objects.flush();
      }

      @Override
      public P read(InputStream in) throws IOException {
        try {
          return type.cast(new ObjectInputStream(in).readObject());
        } catch (ClassNotFoundException | ClassCastException e) {
          throw new IOException("the checkpoint does not hold a " + type.getName(), e);
        }
      }
    };
  }
}
