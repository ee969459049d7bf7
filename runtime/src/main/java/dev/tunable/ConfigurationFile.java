package dev.tunable;

import static dev.tunable.Checks.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The keys and values of a configuration file, each with its line, as the file's format gives
 * them: JSON ({@code .json}) or Java properties ({@code .properties}). It only reads; {@link
 * SearchSpace#load} checks the values against the dimensions.
 *
 * @param entries the keys in file order; a key given twice is listed once, at its first line
 * @param problems what keeps the file from being read as a configuration: syntax, a key given
 *     twice, a file that is not text
 * @param valuesAreText whether each value is text to {@link Dimension#parse parse} (properties),
 *     or a JSON value to {@link Dimension#check check}
 * @param complete whether the file was read to its end; after a syntax error it was not, and
 *     keys it lacks may only be beyond the error
 */
record ConfigurationFile(
    List<ConfigurationFile.Entry> entries, List<ConfigurationFile.Problem> problems,
    boolean valuesAreText, boolean complete) {

  /**
   * One key and its value: text from a properties file; from a JSON file a {@code String},
   * {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean}, a {@link Nested} value or
   * {@code null}; or {@link #UNREADABLE}, for a key whose value the file's problems explain.
   *
   * @param line the key's line, counted from 1; 0 where there are no lines (a map of overrides)
   */
  record Entry(String key, Object value, int line) {}

  /** Something wrong at {@code line} (0 for the file as a whole). */
  record Problem(int line, String message) {}

  /** A JSON array or object where a hyperparameter's value belongs. */
  record Nested(String what) {
    @Override
    public String toString() {
      return what;
    }
  }

  /** The value of a key whose line is malformed: the key is there, but not its value. */
  static final Object UNREADABLE = new Object() {
    @Override
    public String toString() {
      return "unreadable";
    }
  };

  /** Strict JSON, as RFC 8259 has it (no comments), as schema validators and IDEs read it. */
  private static final JsonFactory JSON = new JsonFactory();

  ConfigurationFile {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /**
   * Reads {@code file}, in the format its name ends with.
   *
   * @throws IllegalArgumentException if the name ends neither in {@code .json} nor {@code
   *     .properties}
   * @throws IOException if the file cannot be read
   */
  static ConfigurationFile read(Path file) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return json(file);
    }
    if (lower.endsWith(".properties")) {
      return properties(file);
    }
    throw new IllegalArgumentException("cannot tell the format of configuration file "
        + quote(file.toString()) + " from its name: name a JSON file *.json, or a Java"
        + " properties file *.properties");
  }

  private static ConfigurationFile json(Path file) throws IOException {
    Reading reading = new Reading(false);
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        reading.stop(token == null ? 0 : line(parser.currentTokenLocation()),
            token == null ? "the file is empty; a configuration file holds one JSON object, such"
                + " as {\"learningRate\": 0.01}"
            : "a configuration file holds one JSON object of keys and values, got "
                + describe(token));
        return reading.result();
      }
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int line = line(parser.currentTokenLocation());
        reading.add(key, value(parser, parser.nextToken()), line);
      }
      if (parser.nextToken() != null) {
        reading.stop(line(parser.currentTokenLocation()), "more after the object's closing '}';"
            + " a configuration file holds one JSON object");
      }
    } catch (JsonProcessingException e) {
      reading.stop(line(e.getLocation()), "malformed JSON: " + e.getOriginalMessage());
    }
    return reading.result();
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
      case VALUE_NULL -> null;
      case START_ARRAY, START_OBJECT -> {
        parser.skipChildren();
        yield new Nested(describe(token));
      }
      default -> throw new IllegalStateException("a value cannot start with " + token);
    };
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  /**
   * A properties file, read in UTF-8 as {@link java.util.PropertyResourceBundle} reads one. The
   * file is cut into logical lines here, only to know each key's line; {@link Properties#load}
   * then reads each logical line, so that escapes and separators follow the JDK's rules exactly.
   */
  private static ConfigurationFile properties(Path file) throws IOException {
    Reading reading = new Reading(true);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      reading.stop(0, "the file is not UTF-8 text; save it as UTF-8, or write other characters"
          + " as \\uXXXX escapes");
      return reading.result();
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String start = stripLeadingBlanks(lines[i]);
      if (start.isEmpty() || start.charAt(0) == '#' || start.charAt(0) == '!') {
        continue; // comment lines do not continue, whatever they end with
      }
      int first = i + 1;
      StringBuilder logical = new StringBuilder(lines[i]);
      while (endsInEscapedLineBreak(lines[i]) && i + 1 < lines.length) {
        logical.append('\n').append(lines[++i]);
      }
      Properties one = new Properties();
      try {
        one.load(new StringReader(logical.toString()));
      } catch (IllegalArgumentException e) { // the JDK's words: "Malformed \\uxxxx encoding."
        String key = keyOf(logical.toString());
        reading.add(first, (key == null ? "" : "key " + quote(Checks.shown(key)) + ": ")
            + "malformed \\uXXXX escape; write four hexadecimal digits after \\u");
        if (key != null) {
          reading.add(key, UNREADABLE, first); // so that the key is not also reported missing
        }
        continue;
      }
      one.forEach((key, value) -> reading.add((String) key, value, first));
    }
    return reading.result();
  }

  /**
   * The key of a logical line whose value could not be read, or {@code null} if the key is
   * malformed too: the text up to the first unescaped separator, read as a line of its own.
   */
  private static String keyOf(String logical) {
    String line = stripLeadingBlanks(logical);
    int end = 0;
    while (end < line.length() && "=: \t\f".indexOf(line.charAt(end)) < 0) {
      end += line.charAt(end) == '\\' ? 2 : 1;
    }
    Properties key = new Properties();
    try {
      key.load(new StringReader(line.substring(0, Math.min(end, line.length()))));
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
    return key.isEmpty() ? null : (String) key.keys().nextElement();
  }

  /** Blanks as properties files have them: space, tab and form feed. */
  private static String stripLeadingBlanks(String line) {
    int i = 0;
    while (i < line.length() && " \t\f".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return line.substring(i);
  }

  /** An odd number of trailing backslashes: the last one joins the next line. */
  private static boolean endsInEscapedLineBreak(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The entries and problems of one file as it is read. */
  private static final class Reading {
    private final boolean valuesAreText;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private boolean complete = true;

    Reading(boolean valuesAreText) {
      this.valuesAreText = valuesAreText;
    }

    void add(String key, Object value, int line) {
      Integer first = firstLine.putIfAbsent(key, line);
      if (first != null) {
        add(line, "key " + quote(Checks.shown(key)) + " is given again (first on line " + first
            + "); keep one");
      } else {
        entries.add(new Entry(key, value, line));
      }
    }

    void add(int line, String message) {
      problems.add(new Problem(line, message));
    }

    void stop(int line, String message) {
      add(line, message);
      complete = false;
    }

    ConfigurationFile result() {
      return new ConfigurationFile(entries, problems, valuesAreText, complete);
    }
  }
}
