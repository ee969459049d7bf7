package dev.tunable.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of a file of trials to enqueue, each with the line it starts on: a JSON array of
 * objects, or CSV with a header row (RFC 4180, as the study's CSV export writes it). JSON values
 * keep their types; CSV cells stay text, for the command to type. Every problem found is kept,
 * with its line and key, so that one run names them all.
 */
final class EnqueueFile {
  /**
   * One object or row: its values by hyperparameter name, in the file's order; a value already
   * reported as a problem is {@link #INVALID}.
   */
  record Entry(int line, Map<String, Object> values) {}

  /** A problem found on a line of the file. */
  record Problem(int line, String text) {}

  /** The value of a key whose value is a problem already reported. */
  static final Object INVALID = new Object();

  private final List<Entry> entries = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private EnqueueFile() {}

  List<Entry> entries() {
    return entries;
  }

  List<Problem> problems() {
    return problems;
  }

  /** Reads JSON if the text starts with {@code [} or {@code {}, else CSV. */
  static EnqueueFile read(String content) {
    EnqueueFile file = new EnqueueFile();
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content; // a BOM
    String start = text.stripLeading();
    if (start.startsWith("[") || start.startsWith("{")) {
      file.readJson(text);
    } else {
      file.readCsv(text);
    }
    if (file.problems.isEmpty() && file.entries.isEmpty()) {
      file.problems.add(new Problem(1, "the file holds no trial; give a JSON array of objects,"
          + " such as [{\"x\": 0.5, \"units\": 64}], or CSV with a header row, such as x,units"));
    }
    return file;
  }

  private void readJson(String text) {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        add(line(parser), ": the file must hold a JSON array of objects, such as"
            + " [{\"x\": 0.5, \"units\": 64}]");
        return;
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token == null) {
          add(line(parser), ": the array is not closed; end it with ]");
          return;
        }
        if (token != JsonToken.START_OBJECT) {
          add(line(parser), ": " + describe(token) + " in the array; give each trial as"
              + " an object, such as {\"x\": 0.5}");
          parser.skipChildren();
          continue;
        }
        entries.add(readObject(parser));
      }
      if (parser.nextToken() != null) {
        add(line(parser), ": text after the array; give one array of all the trials");
      }
    } catch (JsonProcessingException e) {
      add(e.getLocation().getLineNr(), ", column "
          + e.getLocation().getColumnNr() + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) { // reading a string: only the processing exceptions above
      problems.add(new Problem(1, "cannot read the file as JSON: " + e.getMessage()));
    }
  }

  private Entry readObject(JsonParser parser) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    Map<String, Object> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int at = line(parser);
      String where = ", key '" + key + "'";
      JsonToken token = parser.nextToken();
      Object value = switch (token) {
        case VALUE_STRING -> parser.getText();
        case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
        case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
        case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? problem(at, where + ": " + parser.getText() + " is beyond the range of a long")
            : (Object) parser.getLongValue();
        default -> {
          parser.skipChildren();
          yield problem(at, where + ": " + describe(token) + "; give a number, a string or a"
              + " boolean" + (token == JsonToken.VALUE_NULL ? "" : ", not " + describe(token)));
        }
      };
      if (values.containsKey(key)) {
        add(at, where + ": given twice in one trial");
      } else {
        values.put(key, value);
      }
    }
    return new Entry(line, values);
  }

  /** Adds the problem {@code rest} of line {@code line}; returns {@link #INVALID}. */
  private Object problem(int line, String rest) {
    add(line, rest);
    return INVALID;
  }

  private void add(int line, String rest) {
    problems.add(new Problem(line, "line " + line + rest));
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NULL -> "null";
      case VALUE_STRING -> "a string";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "a number";
    };
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
  private void readCsv(String text) {
    List<Integer> lines = new ArrayList<>();
    List<List<String>> records = csvRecords(text, lines);
    if (records == null) {
      return;
    }
    if (records.isEmpty()) {
      return;
    }
    List<String> header = records.get(0);
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c).strip();
      if (name.isEmpty()) {
        add(lines.get(0), ": column " + (c + 1) + " of the header has no"
            + " name; the header names each column's hyperparameter");
      } else if (header.subList(0, c).stream().anyMatch(h -> h.strip().equals(name))) {
        add(lines.get(0), ": the header names '" + name + "' twice");
      }
    }
    for (int r = 1; r < records.size(); r++) {
      List<String> cells = records.get(r);
      int line = lines.get(r);
      if (cells.size() != header.size()) {
        add(line, ": " + cells.size() + " value" + (cells.size() == 1 ? ""
            : "s") + " for the header's " + header.size() + " columns (" + String.join(", ",
            header) + ")");
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        String key = header.get(c).strip();
        if (!cells.get(c).isEmpty()) {
          // An empty cell leaves the key out: of a branch this entry does not choose, as an
          // export of a conditional space writes it (issue 14)
          values.put(key, cells.get(c));
        }
      }
      entries.add(new Entry(line, values));
    }
  }

  /** The records of {@code text}, blank lines skipped, with each one's first line; or null. */
  private List<List<String>> csvRecords(String text, List<Integer> lines) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean cellStarted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          line += c == '\n' ? 1 : 0;
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
        cellStarted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
        cellStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (cellStarted || cell.length() > 0) {
          record.add(cell.toString());
          records.add(record);
          lines.add(recordLine);
        }
        record = new ArrayList<>();
        cell.setLength(0);
        cellStarted = false;
        line++;
        recordLine = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      add(recordLine, ": a quoted value is not closed; end it with \"");
      return null;
    }
    if (cellStarted || cell.length() > 0) {
      record.add(cell.toString());
      records.add(record);
      lines.add(recordLine);
    }
    return records;
  }
}
