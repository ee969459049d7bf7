package dev.tunable;

import dev.tunable.internal.storage.FileStorage;
import dev.tunable.internal.storage.MemoryStorage;
import dev.tunable.internal.storage.Salvage;
import dev.tunable.storage.Durability;
import dev.tunable.storage.SalvageReport;
import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in storages, and storages by URL.
 *
 * @since 0.1
 */
public final class Storages {
  /** Schemes that modules outside the runtime provide, and the artifact that provides each. */
  private static final Map<String, String> KNOWN_PROVIDERS =
      Map.of("jdbc:postgresql:", "dev.tunable:tunable-postgres");
  /** A password in a URL: the value of a password parameter, or the secret of user:secret@. */
  private static final Pattern PASSWORD =
      Pattern.compile("(?i)((?:^|[?&])password=)[^&]*|(//[^/:@?#]*:)[^/@?#]*(@)");

  private Storages() {}

  /**
   * The storage a URL names, the same string in code, on command lines and in configuration
   * files:
   *
   * <ul>
   *   <li>{@code memory:}, a new {@link #inMemory()} storage;
   *   <li>{@code file:PATH}, the journal at {@code PATH} ({@link #file(Path)}), relative to the
   *       working directory unless absolute; {@code file:///abs/path} is also accepted;
   *   <li>any other scheme a {@link StorageProvider} on the class or module path opens, such as
   *       {@code jdbc:postgresql://host:5432/db?user=tunable} with {@code
   *       dev.tunable:tunable-postgres}.
   * </ul>
   *
   * @throws IllegalArgumentException naming the URL, with any password masked, and the schemes
   *     known (or the artifact to add, for a known scheme whose module is missing)
   */
  public static Storage open(String url) {
    Objects.requireNonNull(url, "url");
    if (url.equals("memory:")) {
      return inMemory();
    }
    if (url.startsWith("file:")) {
      return file(filePath(url));
    }
    List<String> schemes = new ArrayList<>(List.of("memory:", "file:"));
    for (StorageProvider provider : ServiceLoader.load(StorageProvider.class)) {
      if (url.startsWith(provider.scheme())) {
        return provider.open(url);
      }
      schemes.add(provider.scheme());
    }
    for (Map.Entry<String, String> known : KNOWN_PROVIDERS.entrySet()) {
      if (url.startsWith(known.getKey())) {
        throw new IllegalArgumentException("the storage URL '" + mask(url) + "' needs the module "
            + known.getValue() + ", which is not on the class or module path; add it to the"
            + " dependencies");
      }
    }
    throw new IllegalArgumentException("unknown storage URL '" + mask(url) + "'; the schemes"
        + " known here are " + schemes + (schemes.contains("jdbc:postgresql:") ? ""
        : ", and jdbc:postgresql: with dev.tunable:tunable-postgres"));
  }

  /**
   * {@link #open(String)} for programs that read studies (a report, a listing): a {@code file:}
   * URL must name a journal that exists, so that a mistyped path is an error instead of a new
   * empty journal. Other URLs open as {@link #open(String)} opens them.
   *
   * @throws IllegalArgumentException as {@link #open(String)} does, or naming the path if no
   *     file is there
   */
  public static Storage openExisting(String url) {
    Objects.requireNonNull(url, "url");
    if (url.startsWith("file:")) {
      Path path = filePath(url);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no journal at " + path.toAbsolutePath() + " (from '"
            + url + "')" + (Files.isDirectory(path.toAbsolutePath().getParent()) ? ""
            : "; its folder does not exist either"));
      }
    }
    return open(url);
  }

  private static Path filePath(String url) {
    String path = url.substring("file:".length());
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the storage URL '" + url + "' names no file; write"
          + " file:PATH, such as file:studies/demo.journal");
    }
    try {
      return path.startsWith("//") ? Path.of(URI.create(url)) : Path.of(path);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new IllegalArgumentException(
          "the storage URL '" + url + "' is not a valid file path: " + e.getMessage(), e);
    }
  }

  /**
   * {@code url} with any password in it replaced by {@code ***}: the value of a {@code password}
   * parameter and the secret of a {@code user:secret@host} part. For messages and logs.
   */
  public static String mask(String url) {
    Matcher matcher = PASSWORD.matcher(url);
    StringBuilder masked = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group(1) != null
          ? matcher.group(1) + "***"
          : matcher.group(2) + "***" + matcher.group(3)));
    }
    return matcher.appendTail(masked).toString();
  }

  /**
   * A storage in this process's memory, lost when it ends; the default. Several studies, and {@link
   * Study#load} in the same process, may share one.
   */
  public static Storage inMemory() {
    return new MemoryStorage();
  }

  /**
   * An embedded persistent storage: an append-only journal at {@code path}, created if absent,
   * with every change forced to disk before the call that made it returns ({@link
   * Durability#SYNC}): {@code ask}, {@code tell}, {@code report}, {@code setUserAttribute} and
   * {@code enqueue} each write one record. Several studies, and several processes on one machine,
   * may share one file; trial numbers are unique across them. A record torn by a process killed
   * mid-write is skipped by readers and cut off by the next process that appends. Trials left
   * running by a dead process are marked failed when the study is next opened; a process is known
   * dead when the operating system has released the lock it held on the file. Interrupting a
   * thread that uses the storage neither fails the call nor closes the file. Close the storage
   * when done.
   *
   * <p>The parent directory must exist. An existing file that is not a journal is refused, and
   * left as it is; so is a journal of a newer format version. A damaged journal (an invalid record
   * followed by valid ones) is reported with the byte offset of the damage and left as it is:
   * {@link #salvage} copies its valid records into a new journal.
   *
   * @throws IllegalArgumentException if the file exists and is not a journal
   * @throws IllegalStateException if the journal is of a newer format version, or its beginning
   *     is damaged
   */
  public static Storage file(Path path) {
    return new FileStorage(path, Durability.SYNC);
  }

  /** {@link #file(Path)} with the given durability. */
  public static Storage file(Path path, Durability durability) {
    return new FileStorage(path, durability);
  }

  /**
   * Copies the valid records of the journal {@code damaged} into a new journal {@code salvaged},
   * and says what it kept and what it skipped; {@code damaged} is only read. A record is kept when
   * its length, checksum and newline are right and it holds events this version knows; after an
   * invalid byte, every byte offset is tried for the next valid record. The same from a shell,
   * with the runtime's and the annotations' jars:
   *
   * <pre>{@code
   * java -cp tunable-runtime.jar:tunable-annotations.jar dev.tunable.internal.storage.Salvage \
   *     damaged.journal new.journal
   * }</pre>
   *
   * <p>Records in the skipped bytes are lost to the new journal: a study in it may miss a report,
   * an attribute, or a trial (check it before using it in place of the damaged one).
   *
   * @throws IllegalArgumentException if {@code damaged} is not a file, if {@code salvaged} exists
   *     (this method never replaces a file), or if {@code damaged} holds no valid record and no
   *     journal header
   * @throws IllegalStateException if {@code damaged} is a journal of a newer format version
   * @throws java.io.UncheckedIOException if a file cannot be read or written; then no file is
   *     left at {@code salvaged}
   */
  public static SalvageReport salvage(Path damaged, Path salvaged) {
    return Salvage.salvage(damaged, salvaged);
  }
}
