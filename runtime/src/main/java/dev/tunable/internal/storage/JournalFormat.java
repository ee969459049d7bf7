package dev.tunable.internal.storage;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** The bytes of a file journal's records, as {@link FileStorage}'s Javadoc describes them. */
final class JournalFormat {
  /** Length, space, CRC-32C, space. */
  static final int RECORD_HEADER = 18;
  /** The largest payload written or read, so that a record's bytes fit in one array. */
  static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

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
}
