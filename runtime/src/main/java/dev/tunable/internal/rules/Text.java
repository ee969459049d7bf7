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
  /**
   * The most characters (code points) a name may have: of a study, a dimension or a user attribute.
   * A name is a label that storages repeat (a study's in every record of it, a dimension's in every
   * trial's values, an attribute's with its every value) and index; 255 characters fit a {@code
   * VARCHAR(255)} column of any database, and its indexes.
   */
  public static final int MAX_NAME_LENGTH = 255;

  /** Beyond this many characters, a message shows the start of a text only. */
  private static final int SHOWN = 40;

  private Text() {}

  /** The number of characters (code points) of {@code text}; a surrogate pair counts once. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * Why a name of {@code text} is too long, for a message that names whose it is ("is 300
   * characters long, …"); {@code null} if it is not.
   */
  public static String tooLong(String text) {
    int length = length(text);
    if (length <= MAX_NAME_LENGTH) {
      return null;
    }
    return "is " + length + " characters long, more than the " + MAX_NAME_LENGTH + " a name may"
        + " have";
  }

  /**
   * {@code text} {@link #escaped escaped} as a message shows it, cut to its first characters and
   * {@code "..."} when it is long: a message must not repeat a megabyte of name.
   */
  public static String shown(String text) {
    if (text.length() <= SHOWN || length(text) <= SHOWN) {
      return escaped(text);
    }
    return escaped(text.substring(0, text.offsetByCodePoints(0, SHOWN - 8))) + "...";
  }

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
