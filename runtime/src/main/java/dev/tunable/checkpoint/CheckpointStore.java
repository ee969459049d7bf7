package dev.tunable.checkpoint;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Learned states by study name and trial number: save a trial's model after training it, and load
 * the best trial's model when the study is done.
 *
 * <pre>{@code
 * CheckpointStore<NetParameters> checkpoints = CheckpointStore.directory(dir, codec);
 * study.optimize(NetHyperparameters.SPACE, 50, trial -> {
 *   Net net = trial.params().applyTo(new Net()).fit(x, y);
 *   checkpoints.save(study.name(), trial.number(), NetParameters.capture(net));
 *   return score(net);
 * });
 * Net best = checkpoints.load(study.name(), study.bestTrial().number()).orElseThrow()
 *     .restore(study.bestTrial(NetHyperparameters.SPACE).params().applyTo(new Net()));
 * }</pre>
 *
 * <p>Implementations are thread-safe; a save replaces an earlier one of the same trial.
 *
 * @param <P> the learned state, e.g. a generated {@code Parameters} record (a deep copy)
 * @since 0.1
 */
public interface CheckpointStore<P> {

  /** Keeps {@code state} as trial {@code trial}'s of study {@code study}. */
  void save(String study, long trial, P state);

  /** The state saved for the trial, if any. */
  Optional<P> load(String study, long trial);

  /** Forgets the trial's state; nothing happens if none was saved. */
  void delete(String study, long trial);

  /** The numbers of the study's trials with a saved state. */
  SortedSet<Long> trials(String study);

  /** A store in this process's memory; it keeps the state objects given, so give copies. */
  static <P> CheckpointStore<P> inMemory() {
    return new MemoryCheckpointStore<>();
  }

  /**
   * A store in {@code directory}, one file per trial ({@code <study>/<trial>.checkpoint}), written
   * atomically with {@code codec}; it survives the process and can be shared with a file study.
   *
   * <p>Any study name is one folder inside {@code directory}, never shared with another name on
   * any file system: lowercase letters, digits, {@code -}, {@code _} and inner dots are kept, a
   * space becomes {@code +}, everything else (capitals, separators, control characters, any
   * non-ASCII character) is percent-encoded as UTF-8, as are a dot at either end and Windows device
   * names ({@code con} is {@code %63on}); a name longer than 255 characters so encoded keeps its
   * start and ends in {@code ~} and a hash. Folders written by earlier versions under other names
   * ({@code MyStudy}) stay in use for their studies.
   */
  static <P> CheckpointStore<P> directory(Path directory, StateCodec<P> codec) {
    return new DirectoryCheckpointStore<>(directory, codec);
  }
}
