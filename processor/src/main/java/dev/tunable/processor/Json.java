package dev.tunable.processor;

import java.util.List;

/**
 * Just enough JSON writing for descriptors, by hand so that the processor carries no JSON library:
 * an object is opened, filled with members and closed, and every string is escaped.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private final String indentUnit = "  ";
  private int depth;
  private boolean first = true;

  Json beginObject() {
    return open('{');
  }

  Json endObject() {
    return close('}');
  }

  Json beginArray() {
    return open('[');
  }

  Json endArray() {
    return close(']');
  }

  /** Starts the member {@code key}; its value follows. */
  Json name(String key) {
    separate();
    out.append(quote(key)).append(": ");
    first = true; // the value that follows needs no separator of its own
    return this;
  }

  Json value(String text) {
    return raw(quote(text));
  }

  Json value(boolean flag) {
    return raw(Boolean.toString(flag));
  }

  /** A number as written by Java, which JSON accepts ({@code 1.0E-4}); never NaN or infinite. */
  Json number(String literal) {
    return raw(literal);
  }

  Json strings(List<String> texts) {
    beginArray();
    texts.forEach(this::value);
    return endArray();
  }

  String finish() {
    return out.append('\n').toString();
  }

  private Json open(char bracket) {
    separate();
    out.append(bracket);
    depth++;
    first = true;
    return this;
  }

  private Json close(char bracket) {
    depth--;
    if (!first) {
      newline();
    }
    out.append(bracket);
    first = false;
    return this;
  }

  private Json raw(String text) {
    separate();
    out.append(text);
    return this;
  }

  private void separate() {
    if (out.length() > 0 && !first) {
      out.append(',');
    }
    if (out.length() > 0 && !endsWithName()) {
      newline();
    }
    first = false;
  }

  private boolean endsWithName() {
    return out.length() >= 2 && out.charAt(out.length() - 2) == ':' && out.charAt(out.length() - 1) == ' ';
  }

  private void newline() {
    out.append('\n').append(indentUnit.repeat(depth));
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
