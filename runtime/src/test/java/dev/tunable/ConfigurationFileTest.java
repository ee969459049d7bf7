package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SearchSpace#load}: JSON and properties files, defaults, and every kind of problem. */
class ConfigurationFileTest {
  private static final RealDimension LEARNING_RATE =
      Dimension.real("learningRate", 1e-4, 1e-1, Scale.LOG);
  private static final IntegerDimension BATCH_SIZE =
      Dimension.integer("batchSize", 8, 256, Scale.LOG);
  private static final RealDimension DROPOUT = Dimension.real("dropout", 0, 0.5).withStep(0.125);
  private static final CategoricalDimension<String> SOLVER =
      Dimension.categorical("solver", "adam", "sgd", "naïve");
  private static final BooleanDimension SHUFFLE = Dimension.bool("shuffle");

  /** Every dimension has a default but dropout, which a file must therefore give. */
  private static final SearchSpace<Config> SPACE = SearchSpace.of(c -> c, c -> c,
      List.of(LEARNING_RATE, BATCH_SIZE, DROPOUT, SOLVER, SHUFFLE),
      Config.builder().set(LEARNING_RATE, 0.01).set(BATCH_SIZE, 32).set(SOLVER, "adam")
          .set(SHUFFLE, true).build());

  @TempDir Path directory;

  @Test
  void aJsonFileGivesEveryValue() throws IOException {
    Config config = SPACE.load(write("all.json", """
        {
          "learningRate": 0.05,
          "batchSize": 64,
          "dropout": 0.375,
          "solver": "naïve",
          "shuffle": false
        }
        """));
    assertEquals(Map.of("learningRate", 0.05, "batchSize", 64L, "dropout", 0.375,
        "solver", "naïve", "shuffle", false), config.asMap());
    assertEquals(List.of("learningRate", "batchSize", "dropout", "solver", "shuffle"),
        List.copyOf(config.names()), "in the space's order");
  }

  @Test
  void keysAFileLeavesOutTakeTheDefaults() throws IOException {
    Config config = SPACE.load(write("partial.json", "{\"dropout\": 0.25, \"batchSize\": 16}"));
    assertEquals(Map.of("learningRate", 0.01, "batchSize", 16L, "dropout", 0.25,
        "solver", "adam", "shuffle", true), config.asMap());
  }

  @Test
  void aKeyWithoutADefaultMustBeGiven() throws IOException {
    Path file = write("lr.json", "{\"learningRate\": 0.02}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file));
    assertEquals("'" + file + "': hyperparameter 'dropout' is missing and has no default;"
        + " expected a real in [0.0, 0.5] in steps of 0.125", e.getMessage());
  }

  @Test
  void everyProblemOfAJsonFileIsListedWithItsLine() throws IOException {
    Path file = write("bad.json", """
        {
          "learningRate": 0.5,
          "batchSise": 64,
          "dropout": 0.3,
          "solver": "adma",
          "shuffle": "false",
          "learningRate": 0.01
        }
        """);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file));
    assertEquals("6 problems in '" + file + "':\n"
        + "  - line 2: hyperparameter 'learningRate': 0.5 (Double) is not allowed; expected a real"
        + " in [1.0E-4, 0.1] (log scale)\n"
        + "  - line 3: unknown hyperparameter 'batchSise' (did you mean 'batchSize'?); known:"
        + " [learningRate, batchSize, dropout, solver, shuffle]\n"
        + "  - line 4: hyperparameter 'dropout': 0.3 (Double) is not allowed; expected a real in"
        + " [0.0, 0.5] in steps of 0.125\n"
        + "  - line 5: hyperparameter 'solver': 'adma' is not allowed; expected one of"
        + " [adam, sgd, naïve] (did you mean 'adam'?)\n"
        + "  - line 6: hyperparameter 'shuffle': 'false' is not allowed; expected true or false;"
        + " in JSON, write numbers and booleans without quotes\n"
        + "  - line 7: key 'learningRate' is given again (first on line 2); keep one",
        e.getMessage());
  }

  @Test
  void aJsonValueOfTheWrongShapeIsNamed() throws IOException {
    String message = assertThrows(IllegalArgumentException.class, () -> SPACE.load(write("x.json",
        "{\"dropout\": [0.25],\n \"batchSize\": {\"value\": 16},\n \"solver\": null,\n"
            + " \"shuffle\": 1,\n \"learningRate\": 10000000000000000000000}")))
        .getMessage();
    assertTrue(message.startsWith("5 problems in "), message);
    assertTrue(message.contains("line 1: hyperparameter 'dropout': an array is not allowed;"
        + " expected a real in [0.0, 0.5] in steps of 0.125"), message);
    assertTrue(message.contains("line 2: hyperparameter 'batchSize': an object is not allowed;"
        + " expected an integer in [8, 256] (log scale)"), message);
    assertTrue(message.contains("line 3: hyperparameter 'solver' is null; expected one of"),
        message);
    assertTrue(message.contains("line 4: hyperparameter 'shuffle': 1 (Long) is not allowed"),
        message);
    assertTrue(message.contains("line 5: hyperparameter 'learningRate': 10000000000000000000000"
        + " (BigInteger) is not allowed"), message);
  }

  @Test
  void aWholeNumberWrittenWithAFractionIsAnInteger() throws IOException {
    // As JSON Schema has it: 64.0 is an integer, 64.5 is not.
    assertEquals(64L, SPACE.load(write("a.json", "{\"dropout\": 0, \"batchSize\": 64.0}"))
        .get(BATCH_SIZE));
    assertThrows(IllegalArgumentException.class,
        () -> SPACE.load(write("b.json", "{\"dropout\": 0, \"batchSize\": 64.5}")));
  }

  @Test
  void malformedJsonIsReportedAtItsLineWithTheProblemsBeforeIt() throws IOException {
    Path file = write("broken.json",
        "{\n  \"batchSize\": 1,\n  \"dropout\": 0.25\n  \"solver\": \"sgd\"\n}");
    String message = assertThrows(IllegalArgumentException.class, () -> SPACE.load(file))
        .getMessage();
    assertTrue(message.startsWith("2 problems in '" + file + "':\n  - line 2: hyperparameter"
        + " 'batchSize': 1 (Long) is not allowed"), message);
    assertTrue(message.contains("\n  - line 4: malformed JSON: Unexpected character"), message);
    assertTrue(!message.contains("missing"), "keys beyond the error are not missing: " + message);
  }

  @Test
  void aJsonFileHoldsOneObject() throws IOException {
    assertEquals("'" + directory.resolve("a.json") + "', line 1: a configuration file holds one"
        + " JSON object of keys and values, got an array",
        assertThrows(IllegalArgumentException.class,
            () -> SPACE.load(write("a.json", "[{\"dropout\": 0}]"))).getMessage());
    assertEquals("'" + directory.resolve("e.json") + "': the file is empty; a configuration file"
        + " holds one JSON object, such as {\"learningRate\": 0.01}",
        assertThrows(IllegalArgumentException.class,
            () -> SPACE.load(write("e.json", "  \n"))).getMessage());
    assertEquals("'" + directory.resolve("t.json") + "', line 2: more after the object's closing"
        + " '}'; a configuration file holds one JSON object",
        assertThrows(IllegalArgumentException.class,
            () -> SPACE.load(write("t.json", "{\"dropout\": 0}\n{}"))).getMessage());
  }

  @Test
  void aPropertiesFileReadsAsTheJdkReadsIt() throws IOException {
    Path file = write("good.properties", """
        # a comment\\
        learningRate = 0.05
        ! another comment
        batch\\u0053ize:64
        dropout   0.\\
                  125
        solver=na\\u00efve
        """);
    assertEquals(Map.of("learningRate", 0.05, "batchSize", 64L, "dropout", 0.125,
        "solver", "naïve", "shuffle", true), SPACE.load(file).asMap());
    Path utf8 = write("utf8.properties", "dropout=0\nsolver = naïve\r\nshuffle=false\r");
    assertEquals("naïve", SPACE.load(utf8).getString("solver"));
    assertEquals(false, SPACE.load(utf8).getBoolean("shuffle"));
  }

  @Test
  void everyProblemOfAPropertiesFileIsListedWithItsLine() throws IOException {
    Path file = write("bad.properties", """
        # line 1
        learningRate = fast
        batchSize = \\
          512
        solver = Adam
        shufle = true
        solver = sgd
        dropout = \\u00zz
        """);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file));
    assertEquals("6 problems in '" + file + "':\n"
        + "  - line 2: hyperparameter 'learningRate': 'fast' is not allowed; expected a real in"
        + " [1.0E-4, 0.1] (log scale)\n"
        + "  - line 3: hyperparameter 'batchSize': 512 (Long) is not allowed; expected an integer"
        + " in [8, 256] (log scale)\n"
        + "  - line 5: hyperparameter 'solver': 'Adam' is not allowed; expected one of"
        + " [adam, sgd, naïve] (did you mean 'adam'?)\n"
        + "  - line 6: unknown hyperparameter 'shufle' (did you mean 'shuffle'?); known:"
        + " [learningRate, batchSize, dropout, solver, shuffle]\n"
        + "  - line 7: key 'solver' is given again (first on line 5); keep one\n"
        + "  - line 8: key 'dropout': malformed \\uXXXX escape; write four hexadecimal digits"
        + " after \\u", e.getMessage());
    Path badKey = write("key.properties", "drop\\u00zzout = 0.25\n");
    assertEquals("2 problems in '" + badKey + "':\n"
        + "  - line 1: malformed \\uXXXX escape; write four hexadecimal digits after \\u\n"
        + "  - hyperparameter 'dropout' is missing and has no default; expected a real in"
        + " [0.0, 0.5] in steps of 0.125",
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(badKey)).getMessage());
  }

  @Test
  void aPropertiesFileMustBeUtf8() throws IOException {
    Path file = directory.resolve("latin1.properties");
    Files.write(file, "dropout=0\nsolver=na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("'" + file + "': the file is not UTF-8 text; save it as UTF-8, or write other"
        + " characters as \\uXXXX escapes",
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file)).getMessage());
  }

  @Test
  void theFormatComesFromTheFileName() throws IOException {
    Path yaml = write("lr.yaml", "dropout: 0\n");
    assertEquals("cannot tell the format of configuration file '" + yaml + "' from its name:"
        + " name a JSON file *.json, or a Java properties file *.properties",
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(yaml)).getMessage());
    assertEquals(0.25, SPACE.load(write("UPPER.JSON", "{\"dropout\": 0.25}")).get(DROPOUT));
    assertThrows(NoSuchFileException.class, () -> SPACE.load(directory.resolve("none.json")));
  }

  @Test
  void parseTakesTheDefaultsToo() {
    assertEquals(Map.of("learningRate", 0.01, "batchSize", 128L, "dropout", 0.5,
        "solver", "adam", "shuffle", true),
        SPACE.parse(Map.of("dropout", "0.5", "batchSize", "128")).asMap());
    assertEquals("hyperparameter 'dropout' is missing and has no default; expected a real in"
        + " [0.0, 0.5] in steps of 0.125", assertThrows(IllegalArgumentException.class,
            () -> SPACE.parse(Map.of())).getMessage());
  }

  @Test
  void defaultsAreCheckedAgainstTheirDimensions() {
    SearchSpace<Config> noDefaults = SearchSpace.builder().add(DROPOUT).build();
    assertEquals(Map.of(), noDefaults.defaults().asMap());
    String message = assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.of(c -> c, c -> c, List.of(LEARNING_RATE, DROPOUT),
            Config.builder().set(BATCH_SIZE, 32).setUnchecked("dropout", 0.3).build()))
        .getMessage();
    assertTrue(message.startsWith("2 problems in the defaults:"), message);
    assertTrue(message.contains("hyperparameter 'dropout': 0.3 (Double) is not allowed"), message);
    assertTrue(message.contains("default of unknown hyperparameter 'batchSize'"), message);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}
