package dev.tunable.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Checkpoints as files; see {@link CheckpointStore#directory}. */
final class DirectoryCheckpointStore<P> implements CheckpointStore<P> {
  private static final String SUFFIX = ".checkpoint";

  private final Path directory;
  private final StateCodec<P> codec;

  DirectoryCheckpointStore(Path directory, StateCodec<P> codec) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public void save(String study, long trial, P state) {
    Objects.requireNonNull(state, "state");
    Path file = file(study, trial);
    try {
      Files.createDirectories(file.getParent());
      // a reader sees the old file or the new one, never half of one
      Path temporary = Files.createTempFile(file.getParent(), trial + "-", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          codec.write(state, out);
        }
        try {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save the checkpoint of trial #" + trial + " of study '" + study + "' to " + file,
          e);
    }
  }

  @Override
  public Optional<P> load(String study, long trial) {
    Path file = file(study, trial);
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(codec.read(in));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint of trial #" + trial
          + " of study '" + study + "' from " + file + "; was it written with another codec?", e);
    }
  }

  @Override
  public void delete(String study, long trial) {
    try {
      Files.deleteIfExists(file(study, trial));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(study, trial), e);
    }
  }

  @Override
  public SortedSet<Long> trials(String study) {
    Path folder = folder(study);
    if (!Files.isDirectory(folder)) {
      return Collections.emptySortedSet();
    }
    SortedSet<Long> numbers = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
          .forEach(n -> numbers.add(Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + folder, e);
    }
    return Collections.unmodifiableSortedSet(numbers);
  }

  private Path folder(String study) {
    // Any study name becomes one safe file name: URL-encoded, and the three names a file system
    // gives a meaning to spelt with escapes that URLEncoder never writes ('%' alone, "%2E").
    String name = URLEncoder.encode(Objects.requireNonNull(study, "study"), StandardCharsets.UTF_8);
    return directory.resolve(switch (name) {
      case "" -> "%";
      case "." -> "%2E";
      case ".." -> "%2E%2E";
      default -> name;
    });
  }

  private Path file(String study, long trial) {
    if (trial < 0) {
      throw new IllegalArgumentException("trial numbers are >= 0, got " + trial);
    }
    return folder(study).resolve(trial + SUFFIX);
  }

  @Override
  public String toString() {
    return "CheckpointStore.directory(" + directory + ")";
  }
}
