package dev.tunable.internal.storage;

import static dev.tunable.internal.storage.JournalFormat.MAX_PAYLOAD;
import static dev.tunable.internal.storage.JournalFormat.RECORD_HEADER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads the records of a journal's first {@link #end()} bytes through a window of bounded size:
 * one chunk, or one record when a record is larger. Positions are byte offsets in the file, as
 * {@code long}s: a journal may be larger than an array can be (issue 12: a journal over 2 GiB
 * could not be opened, as its unread part was read into one array).
 *
 * <p>Not thread-safe: one scan at a time, by the thread holding the journal's locks.
 */
final class JournalReader {
  /** The default window: large enough that a read costs little per byte, small next to a heap. */
  static final int DEFAULT_CHUNK = 1 << 20;
  /**
   * The most bytes to ask of one {@link java.io.RandomAccessFile#read}, which allocates native
   * memory for each read larger than 8 KiB.
   */
  static final int READ_SIZE = 1 << 16;

  /** Positional reads of the file; {@code -1} at its end. */
  @FunctionalInterface
  interface Input {
    int read(long position, byte[] into, int offset, int length) throws IOException;
  }

  private final Input input;
  private final long end;
  private final int chunk;
  private byte[] window;
  private long windowStart;
  private int windowLength;

  JournalReader(Input input, long end, int chunk) {
    if (chunk < RECORD_HEADER + 1) {
      throw new IllegalArgumentException(
          "a chunk of " + chunk + " bytes cannot hold a record header");
    }
    this.input = input;
    this.end = end;
    this.chunk = chunk;
    this.window = new byte[0];
  }

  /** The end of what this reader reads: the file's size when the scan began. */
  long end() {
    return end;
  }

  /**
   * Makes bytes {@code [position, position + length)} available in the window; false if they lie
   * past the end (or the file has become shorter than the end).
   */
  private boolean fill(long position, int length) throws IOException {
    if (position < 0 || length < 0 || position > end - length) {
      return false;
    }
    if (position >= windowStart && position + length <= windowStart + windowLength) {
      return true;
    }
    // As large as a chunk, or as what is left when that is less, since most scans read a few
    // records at the end; as large as the bytes wanted when they are more than a chunk.
    int capacity = (int) Math.max(length, Math.min(chunk, end - position));
    if (window.length < capacity || (window.length > chunk && capacity <= chunk)) {
      window = new byte[capacity];
    }
    int wanted = (int) Math.min(window.length, end - position);
    int read = 0;
    while (read < wanted) {
      int count = input.read(position + read, window, read, wanted - read);
      if (count < 0) {
        break;
      }
      read += count;
    }
    windowStart = position;
    windowLength = read;
    return read >= length;
  }

  /** The byte at {@code position}, or -1 past the end. */
  int byteAt(long position) throws IOException {
    return fill(position, 1) ? window[(int) (position - windowStart)] & 0xFF : -1;
  }

  /**
   * The payload length of a valid record at {@code position}, or -1: its 18-byte header (8 lower
   * case hex digits of length, a space, 8 of CRC-32C, a space), its payload, a newline, all before
   * the end, and the payload's CRC-32C as the header says. The checksum is computed chunk by chunk,
   * so a damaged length field claiming gigabytes costs a read, not an allocation.
   */
  int validRecordAt(long position) throws IOException {
    if (!fill(position, RECORD_HEADER + 1)) {
      return -1;
    }
    int at = (int) (position - windowStart);
    if (!isRecordHeader(window, at)) {
      return -1;
    }
    long length = JournalFormat.parseHex(window, at);
    long expected = JournalFormat.parseHex(window, at + 9);
    if (length > MAX_PAYLOAD) {
      return -1;
    }
    long newline = position + RECORD_HEADER + length;
    if (newline >= end) {
      return -1;
    }
    if (RECORD_HEADER + length + 1 <= chunk) {
      fill(position, (int) (RECORD_HEADER + length + 1)); // the whole record in one window
    }
    if (byteAt(newline) != '\n') {
      return -1;
    }
    CRC32C crc = new CRC32C();
    long from = position + RECORD_HEADER;
    long remaining = length;
    while (remaining > 0) {
      int count = (int) Math.min(remaining, chunk);
      if (!fill(from, count)) {
        return -1;
      }
      crc.update(window, (int) (from - windowStart), count);
      from += count;
      remaining -= count;
    }
    return crc.getValue() == expected ? (int) length : -1;
  }

  /**
   * The first position in {@code [from, limit)} where a valid record starts, or -1. Every byte
   * offset is a candidate, not only those after a newline: damage can take a newline away, or put
   * one in (issue 12: a flipped byte in the second-to-last record hid the intact last one).
   */
  long nextValidRecord(long from, long limit) throws IOException {
    long last = Math.min(limit - 1, end - RECORD_HEADER - 1); // the last offset to try
    long position = from;
    while (position <= last) {
      if (!fill(position, RECORD_HEADER)) {
        return -1;
      }
      int stop = (int) Math.min(windowLength - RECORD_HEADER, last - windowStart);
      int at = nextHeader(window, (int) (position - windowStart), stop);
      if (at > stop) {
        position = windowStart + at;
        continue;
      }
      long candidate = windowStart + at;
      if (validRecordAt(candidate) >= 0) {
        return candidate;
      }
      position = candidate + 1;
    }
    return -1;
  }

  /**
   * The first offset in {@code [at, stop]} where {@code bytes} hold a record header, or an offset
   * past {@code stop}. A loop of its own, so that it is compiled early: it runs over every byte of
   * damage and of a torn tail.
   */
  private static int nextHeader(byte[] bytes, int at, int stop) {
    while (at <= stop) {
      byte b = bytes[at + 17];
      if (b == ' ') {
        if (isRecordHeader(bytes, at)) {
          return at;
        }
        at++;
      } else if (JournalFormat.isHex(b)) {
        at++;
      } else {
        // Every byte of a record header is a hex digit or a space, so no header starts at any of
        // the 18 offsets whose header would hold this byte.
        at += RECORD_HEADER;
      }
    }
    return at;
  }

  private static boolean isRecordHeader(byte[] bytes, int at) {
    if (bytes[at + 8] != ' ' || bytes[at + 17] != ' ') {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!JournalFormat.isHex(bytes[at + i]) || !JournalFormat.isHex(bytes[at + 9 + i])) {
        return false;
      }
    }
    return true;
  }

  /** The payload of the valid record at {@code position}, whose length is {@code length}. */
  String payload(long position, int length) throws IOException {
    if (!fill(position + RECORD_HEADER, length)) {
      throw new IOException("the record at byte " + position + " is no longer there");
    }
    return new String(window, (int) (position + RECORD_HEADER - windowStart), length,
        StandardCharsets.UTF_8);
  }

  /** Bytes {@code [position, position + length)}, fewer if the end comes first. */
  byte[] bytes(long position, int length) throws IOException {
    int available = (int) Math.max(0, Math.min(length, end - position));
    byte[] bytes = new byte[available];
    int copied = 0;
    while (copied < available) {
      int count = Math.min(available - copied, chunk);
      if (!fill(position + copied, count)) {
        break;
      }
      System.arraycopy(window, (int) (position + copied - windowStart), bytes, copied, count);
      copied += count;
    }
    return copied == available ? bytes : java.util.Arrays.copyOf(bytes, copied);
  }

  /** Passes bytes {@code [position, position + length)} to {@code sink}, a chunk at a time. */
  void copy(long position, long length, Sink sink) throws IOException {
    long remaining = length;
    long from = position;
    while (remaining > 0) {
      int count = (int) Math.min(remaining, chunk);
      if (!fill(from, count)) {
        throw new IOException("bytes " + from + " to " + (from + count) + " are no longer there");
      }
      sink.write(window, (int) (from - windowStart), count);
      from += count;
      remaining -= count;
    }
  }

  /** Where {@link #copy} puts bytes. */
  @FunctionalInterface
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }
}
