package dev.tunable.checkpoint;

import dev.tunable.internal.rules.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints as files, {@code <folder of the study>/<trial>.checkpoint}; see {@link
 * CheckpointStore#directory}.
 *
 * <p><b>Folder names.</b> Any study name is one folder of the store's directory, and no two names
 * are one folder on any file system: {@link #folderName} keeps lowercase ASCII letters, digits,
 * {@code -}, {@code _} and inner dots, writes a space as {@code +}, and percent-encodes everything
 * else, capitals included, as the bytes of its UTF-8 (an unpaired surrogate as the three bytes
 * UTF-8 would give its code point, which no character has); a folder name is thus ASCII, the same
 * in every Unicode normalization, and apart from every other when case is ignored. A dot at either
 * end (Windows drops a trailing one; {@code .} and {@code ..} are this and the parent directory)
 * and the first letter of a Windows device name ({@code con}, {@code nul.txt}, {@code com1}) are
 * encoded too. A name of more than 255 characters so encoded (a file name's limit) keeps its start
 * and ends with {@code ~} and 32 hex digits of the SHA-256 of the study name: {@code ~} is
 * otherwise always encoded, so no other name ends that way.
 *
 * <p><b>Earlier versions.</b> Folder names were the study names URL-encoded, which this encoding
 * keeps for ordinary names (lowercase, digits, {@code -}, {@code _}, dots inside, spaces, and
 * anything URL encoding escaped). A study whose earlier folder name differs (capitals, {@code *}, a
 * dot at either end, a device name) keeps using that folder if it exists, so no checkpoint becomes
 * unreachable; on a file system that ignores case such a folder ({@code MyStudy}) is also the
 * folder of another name ({@code mystudy}), and that name is refused with how to part the two
 * rather than mixed with it.
 */
final class DirectoryCheckpointStore<P> implements CheckpointStore<P> {
  private static final String SUFFIX = ".checkpoint";
  /** The longest file name that every file system holds, in bytes; folder names are ASCII. */
  private static final int MAX_FOLDER_NAME = 255;
  /** Hex digits of the hash that ends a shortened folder name: 128 bits. */
  private static final int HASH_DIGITS = 32;
  private static final Pattern DEVICE = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Path directory;
  private final StateCodec<P> codec;
  /**
   * The folders, present when the store was opened, that an earlier version named and that are no
   * study's folder name now, by their names in lower case; empty for a store this version made.
   */
  private final Map<String, String> earlierFolders;

  DirectoryCheckpointStore(Path directory, StateCodec<P> codec) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.earlierFolders = earlierFolders(directory);
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

  /** The folder of {@code study}'s checkpoints: see the class comment. */
  private Path folder(String study) {
    String name = folderName(Objects.requireNonNull(study, "study"));
    if (earlierFolders.isEmpty()) {
      return directory.resolve(name);
    }
    String earlier = earlierFolderName(study);
    // An unpaired surrogate was written as '?', so its earlier folder may be another study's.
    if (!earlier.equals(name) && Text.unpairedSurrogate(study) < 0
        && earlier.equals(earlierFolders.get(earlier.toLowerCase(Locale.ROOT)))) {
      return directory.resolve(earlier);
    }
    String sameIgnoringCase = earlierFolders.get(name.toLowerCase(Locale.ROOT));
    if (sameIgnoringCase != null && isSameFolder(name, sameIgnoringCase)) {
      String owner = earlierStudy(sameIgnoringCase);
      throw new IllegalStateException("the checkpoints of study '" + Text.shown(study)
          + "' belong in the folder '" + name + "' of " + directory + ", which this file system"
          + " takes for the folder '" + sameIgnoringCase + "' that an earlier version wrote for"
          + " study '" + Text.shown(owner) + "'; rename that folder to '" + folderName(owner)
          + "', its name now, and each study keeps its own checkpoints");
    }
    return directory.resolve(name);
  }

  /** Whether the folders {@code a} and {@code b} of the store are one, as when case is ignored. */
  private boolean isSameFolder(String a, String b) {
    Path first = directory.resolve(a);
    try {
      return Files.exists(first) && Files.isSameFile(first, directory.resolve(b));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare the folders " + a + " and " + b + " of "
          + directory, e);
    }
  }

  /** The name of the folder of {@code study}'s checkpoints: see the class comment. */
  static String folderName(String study) {
    if (study.isEmpty()) {
      return "%"; // as earlier versions wrote it; no other name is a lone '%'
    }
    StringBuilder name = new StringBuilder(study.length() + 16);
    for (int i = 0; i < study.length(); i++) {
      char c = study.charAt(i);
      boolean end = i == 0 || i == study.length() - 1;
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
          || c == '.' && !end) {
        name.append(c);
      } else if (c == ' ') {
        name.append('+');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < study.length() && Character.isLowSurrogate(study.charAt(i + 1))) {
        escape(name, Character.toCodePoint(c, study.charAt(++i)));
      } else {
        escape(name, c);
      }
    }
    int dot = name.indexOf(".");
    if (DEVICE.matcher(dot < 0 ? name : name.subSequence(0, dot)).matches()) {
      StringBuilder first = new StringBuilder(); // of con, nul.txt: a lowercase letter
      hex(first, name.charAt(0));
      name.replace(0, 1, first.toString());
    }
    if (name.length() <= MAX_FOLDER_NAME) {
      return name.toString();
    }
    int cut = MAX_FOLDER_NAME - 1 - HASH_DIGITS;
    if (name.charAt(cut - 1) == '%') {
      cut -= 1;
    } else if (name.charAt(cut - 2) == '%') {
      cut -= 2;
    }
    return name.substring(0, cut) + "~" + hash(study);
  }

  /** Appends the UTF-8 bytes of {@code codePoint} as {@code %XX} escapes. */
  private static void escape(StringBuilder out, int codePoint) {
    if (codePoint < 0x80) {
      hex(out, codePoint);
    } else if (codePoint < 0x800) {
      hex(out, 0xC0 | codePoint >> 6);
      hex(out, 0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) { // an unpaired surrogate too, which no character encodes so
      hex(out, 0xE0 | codePoint >> 12);
      hex(out, 0x80 | codePoint >> 6 & 0x3F);
      hex(out, 0x80 | codePoint & 0x3F);
    } else {
      hex(out, 0xF0 | codePoint >> 18);
      hex(out, 0x80 | codePoint >> 12 & 0x3F);
      hex(out, 0x80 | codePoint >> 6 & 0x3F);
      hex(out, 0x80 | codePoint & 0x3F);
    }
  }

  private static void hex(StringBuilder out, int octet) {
    out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
  }

  /** The first hex digits of the SHA-256 of {@code study}'s UTF-16 code units, each one kept. */
  private static String hash(String study) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    for (int i = 0; i < study.length(); i++) {
      sha.update((byte) (study.charAt(i) >> 8));
      sha.update((byte) study.charAt(i));
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_DIGITS);
  }

  /** The folder name earlier versions gave {@code study}: URL-encoded, three names spelt apart. */
  static String earlierFolderName(String study) {
    String name = URLEncoder.encode(study, StandardCharsets.UTF_8);
    return switch (name) {
      case "" -> "%";
      case "." -> "%2E";
      case ".." -> "%2E%2E";
      default -> name;
    };
  }

  /** The study an earlier version gave {@code folder}; {@code null} if none did. */
  private static String earlierStudy(String folder) {
    try {
      return switch (folder) {
        case "%" -> "";
        case "%2E" -> ".";
        case "%2E%2E" -> "..";
        default -> URLDecoder.decode(folder, StandardCharsets.UTF_8);
      };
    } catch (IllegalArgumentException e) {
      return null; // not a folder of this store's
    }
  }

  /** The folders of {@code directory} that earlier versions named and this one would not. */
  private static Map<String, String> earlierFolders(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Map.of();
    }
    Map<String, String> earlier = new HashMap<>();
    try (Stream<Path> folders = Files.list(directory)) {
      folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).forEach(folder -> {
        String study = earlierStudy(folder);
        if (study != null && earlierFolderName(study).equals(folder)
            && !folderName(study).equals(folder)) {
          earlier.put(folder.toLowerCase(Locale.ROOT), folder);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folders of " + directory, e);
    }
    return earlier;
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
