package dev.tunable.internal.report;

import dev.tunable.internal.Json;

/** Escaping of user text (study and parameter names, categorical values, failure reasons). */
final class Html {
  private Html() {}

  /** {@code text} as HTML or XML character data or attribute value: never markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} as a JSON string literal (as {@link Json} writes them) that is safe inside a
   * {@code <script>} element: no {@code <}, {@code >} or {@code &} appears literally, so no
   * {@code </script>} can end it, and no line separator ends a line of the script.
   */
  static String jsonString(String text) {
    StringBuilder json = new StringBuilder(text.length() + 8);
    Json.writeString(json, text);
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
