package dev.tunable.internal.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The bytes of a file journal, as {@link FileStorage}'s Javadoc describes them: its header line,
 * its records, and how the beginning of a file tells a journal from any other file.
 */
final class JournalFormat {
  /** The first word of a journal. */
  static final String MAGIC = "tunable-journal";
  /** The format this code writes, and the newest it reads. */
  static final int VERSION = 1;
  /** The first line of a journal of {@link #VERSION}. */
  static final byte[] HEADER_LINE =
      (MAGIC + " " + VERSION + "\n").getBytes(StandardCharsets.US_ASCII);
  /** The longest header line read: a later version may add words after its number. */
  static final int MAX_HEADER_LINE = 256;
  /** Length, space, CRC-32C, space. */
  static final int RECORD_HEADER = 18;
  /** The largest payload written or read, so that a record's bytes fit in one array. */
  static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;
  /** How far into a file that is not a journal a valid record is looked for, to call it damaged. */
  static final int RECOGNITION_LIMIT = 1 << 20;

  private JournalFormat() {}

  /** One record: length, CRC-32C, payload, newline. */
  static byte[] frame(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("an append of " + payload.length + " bytes is larger than"
          + " a journal record can be (" + MAX_PAYLOAD + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(payload);
    byte[] record = new byte[RECORD_HEADER + payload.length + 1];
    hex(record, 0, payload.length);
    record[8] = ' ';
    hex(record, 9, (int) crc.getValue());
    record[17] = ' ';
    System.arraycopy(payload, 0, record, RECORD_HEADER, payload.length);
    record[record.length - 1] = '\n';
    return record;
  }

  private static void hex(byte[] out, int position, int value) {
    for (int i = 7; i >= 0; i--) {
      out[position + i] = (byte) Character.forDigit(value & 0xF, 16);
      value >>>= 4;
    }
  }

  /** Whether {@code b} is a digit as records write them: 0-9 or lower case a-f. */
  static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f');
  }

  /** The 8 hex digits at {@code position}, which the caller has checked. */
  static long parseHex(byte[] bytes, int position) {
    long value = 0;
    for (int i = position; i < position + 8; i++) {
      value = value << 4 | Character.digit(bytes[i], 16);
    }
    return value;
  }

  /** What the beginning of a file is. */
  enum Kind {
    /** Nothing yet: a new journal. */
    EMPTY,
    /** A header line cut short by a writer that died: a new journal. */
    TORN_HEADER,
    /** The header line of a version this code reads. */
    HEADER,
    /** A journal written before the header existed: its first record is valid. */
    LEGACY,
    /** A journal written before the header existed, whose first record was cut short. */
    TORN_LEGACY
  }

  /**
   * What a file's beginning is, and where its first record starts ({@code 0} when it holds none).
   * {@link Kind#TORN_HEADER} and {@link Kind#TORN_LEGACY} hold no record: a writer may replace
   * them.
   */
  record Start(Kind kind, long position) {
    /** Whether no record was ever completed: a writer starts the file with a header line. */
    boolean isNew() {
      return kind == Kind.EMPTY || kind == Kind.TORN_HEADER || kind == Kind.TORN_LEGACY;
    }
  }

  /**
   * Recognises a journal by its first bytes; nothing else in the file is read unless the
   * beginning is neither a header nor a record, and nothing is ever written. An empty file is a
   * new journal.
   *
   * @throws IllegalArgumentException if the file is not a journal, naming it and what it begins
   *     with
   * @throws IllegalStateException if it is a journal of a newer format version, or a journal whose
   *     beginning is damaged
   */
  static Start start(JournalReader in, Path path) throws IOException {
    long end = in.end();
    if (end == 0) {
      return new Start(Kind.EMPTY, 0);
    }
    byte[] first = in.bytes(0, MAX_HEADER_LINE);
    if (end < HEADER_LINE.length && isPrefix(first, HEADER_LINE)) {
      return new Start(Kind.TORN_HEADER, 0);
    }
    long header = headerLength(in, path);
    if (header > 0) {
      return new Start(Kind.HEADER, header);
    }
    if (in.validRecordAt(0) >= 0) {
      return new Start(Kind.LEGACY, 0);
    }
    if (isTornFirstRecord(in)) {
      return new Start(Kind.TORN_LEGACY, 0);
    }
    long valid = in.nextValidRecord(1, RECOGNITION_LIMIT);
    if (valid > 0) {
      throw new IllegalStateException(damaged(path, 0, "it begins with " + quote(first, 40)
          + ", which is neither the header line nor a record", valid));
    }
    throw new IllegalArgumentException("the file " + path + " is not a Tunable journal: it begins"
        + " with " + quote(first, 60) + ", where a journal begins with the line \"" + MAGIC + " "
        + VERSION + "\" (or, if Tunable wrote it before journals had that line, with a record such"
        + " as \"0000004b 1f2e3d4c {\\\"type\\\":\\\"study_created\\\",...\"); the file was left"
        + " untouched. Give the study's storage another path. If this file is a journal whose"
        + " first bytes were damaged, copy its valid records into a new journal with: "
        + Salvage.command(path));
  }

  /**
   * Whether {@code head}, the first bytes of a file, begin as a journal does, of any version: its
   * header line's magic word, or, before journals had one, a record's header and a JSON object.
   */
  static boolean looksLikeJournal(byte[] head) {
    if (startsWith(head, (MAGIC + " ").getBytes(StandardCharsets.US_ASCII))) {
      return true;
    }
    if (head.length <= RECORD_HEADER) {
      return false;
    }
    for (int i = 0; i < RECORD_HEADER - 1; i++) {
      if (i != 8 && !isHex(head[i])) {
        return false;
      }
    }
    return head[8] == ' ' && head[RECORD_HEADER - 1] == ' ' && head[RECORD_HEADER] == '{';
  }

  /**
   * The length of the file's header line if it begins with one of this format version, else 0.
   *
   * @throws IllegalStateException if it begins with the header line of a newer version
   */
  static long headerLength(JournalReader in, Path path) throws IOException {
    byte[] first = in.bytes(0, MAX_HEADER_LINE);
    byte[] magic = (MAGIC + " ").getBytes(StandardCharsets.US_ASCII);
    int newline = indexOf(first, (byte) '\n');
    if (!startsWith(first, magic) || newline < 0) {
      return 0;
    }
    int version = version(first, magic.length, newline);
    if (version > VERSION) {
      throw new IllegalStateException("the journal " + path + " has format version " + version
          + ", but this version of Tunable reads format versions up to " + VERSION + ": open it"
          + " with the newer Tunable that wrote it; the file was left untouched");
    }
    // Exactly the line this version writes: a damaged newline must not make a record part of it.
    return newline + 1 == HEADER_LINE.length && startsWith(first, HEADER_LINE) ? newline + 1 : 0;
  }

  /**
   * Whether the whole file is the beginning of one record that was never finished: what a writer
   * killed during a journal's first append left, before journals had a header line.
   */
  private static boolean isTornFirstRecord(JournalReader in) throws IOException {
    long end = in.end();
    byte[] head = in.bytes(0, (int) Math.min(end, RECORD_HEADER + 1));
    for (int i = 0; i < Math.min(head.length, RECORD_HEADER); i++) {
      boolean expected = i == 8 || i == 17 ? head[i] == ' ' : isHex(head[i]);
      if (!expected) {
        return false;
      }
    }
    if (end < RECORD_HEADER) {
      return true;
    }
    if (end > RECORD_HEADER && head[RECORD_HEADER] != '{' && head[RECORD_HEADER] != '[') {
      return false;
    }
    long length = parseHex(head, 0);
    if (RECORD_HEADER + length + 1 <= end) {
      return false; // long enough to be whole: damaged, not cut short
    }
    for (long i = RECORD_HEADER; i < end; i++) {
      if (in.byteAt(i) == '\n') {
        return false;
      }
    }
    return true;
  }

  private static int version(byte[] line, int from, int newline) {
    int to = from;
    while (to < newline && to - from < 9 && line[to] >= '0' && line[to] <= '9') {
      to++;
    }
    if (to == from || (to < newline && line[to] != ' ')) {
      return -1;
    }
    return Integer.parseInt(new String(line, from, to - from, StandardCharsets.US_ASCII));
  }

  /**
   * The message for damage at {@code position} followed by a valid record at {@code valid}: where,
   * that the file was left as it was, and the command that salvages it.
   */
  static String damaged(Path path, long position, String what, long valid) {
    return "the journal " + path + " is damaged at byte " + position + ": " + what + ", but a"
        + " valid record follows at byte " + valid + ", so this is not a torn last write and"
        + " nothing was cut off; the file was left untouched. Copy the valid records before and"
        + " after the damage into a new journal with: " + Salvage.command(path) + " (or"
        + " Storages.salvage in code), check what it reports as skipped, and open the new file";
  }

  /** Up to {@code max} bytes as a quoted string, control and non-ASCII bytes escaped. */
  static String quote(byte[] bytes, int max) {
    StringBuilder text = new StringBuilder("\"");
    int shown = Math.min(max, bytes.length);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> {
          if (b < 0x20 || b >= 0x7F) {
            text.append(String.format("\\x%02x", b));
          } else {
            text.append((char) b);
          }
        }
      }
    }
    return text.append(shown < bytes.length ? "\"..." : "\"").toString();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Whether {@code bytes} is a prefix of {@code whole}. */
  private static boolean isPrefix(byte[] bytes, byte[] whole) {
    return bytes.length <= whole.length
        && Arrays.equals(bytes, 0, bytes.length, whole, 0, bytes.length);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
