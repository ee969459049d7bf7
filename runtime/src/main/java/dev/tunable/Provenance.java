package dev.tunable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One item of a user's provenance, recorded with each run of a study so that its trials can be
 * reproduced (issue 17): the version of the code that ran them, or the content hash of a data
 * set. Given to {@link Study.Builder#provenance}; read back from {@link StudyRun#provenance()}.
 *
 * <pre>{@code
 * Study study = Study.builder()
 *     .provenance(Provenance.gitCommit(), Provenance.sha256(Path.of("data/train.csv")))
 *     .build();
 * }</pre>
 *
 * @param name what the value is, e.g. {@code git commit} or {@code sha256 data/train.csv}
 * @param value the value, e.g. a commit's hash
 * @since 0.1
 */
public record Provenance(String name, String value) {
  /** @throws IllegalArgumentException if {@code name} is blank */
  public Provenance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a provenance item needs a non-blank name, got '"
          + name + "' (value '" + value + "')");
    }
  }

  /**
   * The commit checked out in the git clone the program runs from: found from the working
   * directory upwards, reading {@code .git/HEAD} and its refs (loose or packed) without running
   * git. Changes not committed are not seen.
   *
   * @throws IllegalStateException if no clone holds the working directory, or its HEAD names a
   *     branch that has no commit
   */
  public static Provenance gitCommit() {
    return gitCommit(Path.of("").toAbsolutePath());
  }

  /**
   * The commit checked out in the git clone that holds {@code directory}; see {@link
   * #gitCommit()}.
   */
  public static Provenance gitCommit(Path directory) {
    return new Provenance("git commit", GitHead.commit(directory));
  }

  /**
   * The SHA-256 of a file's bytes, or of a folder's files: each regular file under it, in the
   * order of their paths relative to it (with {@code /} between names), hashed as its path, a
   * zero byte, its size as 8 bytes and its bytes; so that the same content gives the same hash on
   * every machine, and a renamed or moved file changes it. Named {@code sha256 } and the path.
   *
   * @throws IllegalArgumentException if {@code path} is neither a file nor a folder
   * @throws UncheckedIOException if it cannot be read
   */
  public static Provenance sha256(Path path) {
    return new Provenance("sha256 " + path, HexFormat.of().formatHex(digest(path)));
  }

  private static byte[] digest(Path path) {
    MessageDigest digest = sha256();
    try {
      if (Files.isRegularFile(path)) {
        update(digest, path);
      } else if (Files.isDirectory(path)) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).forEach(file -> {
            List<String> names = new ArrayList<>();
            path.relativize(file).forEach(name -> names.add(name.toString()));
            files.add(String.join("/", names));
          });
        }
        files.sort(null);
        for (String file : files) {
          digest.update(file.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          Path resolved = path.resolve(file);
          long size = Files.size(resolved);
          for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (size >>> shift));
          }
          update(digest, resolved);
        }
      } else {
        throw new IllegalArgumentException("cannot hash " + path.toAbsolutePath()
            + ": it is neither a file nor a folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + path.toAbsolutePath(), e);
    }
    return digest.digest();
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
