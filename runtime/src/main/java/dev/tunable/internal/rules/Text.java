package dev.tunable.internal.rules;

/**
 * What a text that a storage keeps may hold, and how messages show a text that breaks it.
 *
 * <p>A Java {@link String} is UTF-16 and may hold an unpaired surrogate (such as U+D800 alone), which
 * is no character: UTF-8, the encoding of every storage, cannot encode it, so it was written
 * as {@code ?} and a study of such a name could not be found by its own name (issue 12). Such texts
 * are refused where they go in.
 */
public final class Text {
  private Text() {}

  /** The index of the first unpaired surrogate in {@code text}, or -1 if it has none. */
  public static int unpairedSurrogate(String text) {
    return unpairedSurrogate(text, 0);
  }

  private static int unpairedSurrogate(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one character
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code text} with each unpaired surrogate replaced by U+FFFD, the replacement character: for
   * texts that are kept whatever they hold, such as an exception's message as a failure reason.
   */
  public static String withoutUnpairedSurrogates(String text) {
    int at = unpairedSurrogate(text);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (; at >= 0; at = unpairedSurrogate(out, at + 1)) {
      out.setCharAt(at, '\uFFFD');
    }
    return out.toString();
  }

  /**
   * {@code text} as a message shows it: unpaired surrogates and control characters as Java's
   * escapes of four hex digits, which a console shows as written instead of as {@code ?} or not at
   * all; anything else as it is.
   */
  public static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c)
          && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Why {@code text} cannot be stored, for a message that names where it is ("holds an unpaired
   * UTF-16 surrogate, …, at index 3, …"); {@code null} if it can be.
   */
  public static String unencodable(String text) {
    int at = unpairedSurrogate(text);
    if (at < 0) {
      return null;
    }
    return "holds an unpaired UTF-16 surrogate, " + escaped(text.substring(at, at + 1))
        + " at index " + at + ", which is no character and which UTF-8 cannot encode, so it could"
        + " not be stored and read back; remove it or complete its pair";
  }
}
