package dev.tunable.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader for the journal and for exports: objects, arrays, strings,
 * numbers ({@link Long} when written without fraction or exponent, else {@link Double}), booleans
 * and null. Non-finite doubles are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, which JSON cannot hold otherwise. Doubles round-trip exactly.
 */
public final class Json {
  private Json() {}

  /** Appends {@code value} as JSON. */
  public static StringBuilder write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(out, text);
    } else if (value instanceof Double number) {
      writeDouble(out, number);
    } else if (value instanceof Float number) {
      writeDouble(out, number.doubleValue());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof double[] numbers) {
      out.append('[');
      for (int i = 0; i < numbers.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeDouble(out, numbers[i]);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      writeString(out, String.valueOf(value));
    }
    return out;
  }

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    return write(new StringBuilder(), value).toString();
  }

  /** Appends {@code number}; non-finite values as strings. */
  public static void writeDouble(StringBuilder out, double number) {
    if (Double.isFinite(number)) {
      out.append(number);
    } else {
      out.append('"').append(number).append('"');
    }
  }

  /**
   * Appends {@code text} as a JSON string, escaping quotes, backslashes, control characters and
   * unpaired UTF-16 surrogates: written raw, UTF-8 would turn a surrogate into {@code ?}, while its
   * escape reads back as the same {@code char}.
   */
  public static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          out.append(c).append(text.charAt(++i));
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A number read from JSON, also from the strings {@link #writeDouble} uses for non-finite ones. */
  public static double toDouble(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      return Double.parseDouble(text);
    }
    throw new IllegalArgumentException("expected a number, got " + value);
  }

  /**
   * Parses one JSON value.
   *
   * @throws IllegalArgumentException naming the position of the first error
   */
  public static Object parse(String text) {
    Reader reader = new Reader(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.position != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      if (position >= text.length()) {
        throw error("unexpected end of text");
      }
      char c = text.charAt(position);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      position++;
      skipSpace();
      if (peek() == '}') {
        position++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a key");
        }
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          position++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      position++;
      skipSpace();
      if (peek() == ']') {
        position++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          position++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (position >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(position++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (position >= text.length()) {
          throw error("unterminated escape");
        }
        char escaped = text.charAt(position++);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (position + 4 > text.length()) {
              throw error("short \\u escape");
            }
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
            position += 4;
          }
          default -> out.append(escaped);
        }
      }
    }

    private Object number() {
      int start = position;
      boolean integral = true;
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '.' || c == 'e' || c == 'E') {
          integral = false;
        } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
          break;
        }
        position++;
      }
      String number = text.substring(start, position);
      try {
        return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
      } catch (NumberFormatException e) {
        position = start;
        throw error("expected a value");
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, position)) {
        throw error("expected " + word);
      }
      position += word.length();
      return value;
    }

    private char peek() {
      return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      position++;
    }

    void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("invalid JSON at character " + position + ": " + message);
    }
  }
}
