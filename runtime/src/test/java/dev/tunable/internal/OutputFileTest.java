package dev.tunable.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports and reports replace a file whole or not at all, and never a journal. */
class OutputFileTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  private Study study(Path journal) {
    Study study = Study.builder().name("demo").sampler(Samplers.random(1))
        .storage(Storages.file(journal)).progress(false).build();
    study.optimize(SPACE, 5, trial -> trial.params().getDouble("x"));
    return study;
  }

  @Test
  void noOutputReplacesAJournalMistakenForItsFile() throws IOException {
    Path journal = directory.resolve("demo.journal");
    Study study = study(journal);
    byte[] before = Files.readAllBytes(journal);
    List<Consumer<Path>> outputs = List.of(study::writeReport, study::exportCsv,
        study::exportJson);
    for (Consumer<Path> output : outputs) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> output.accept(journal));
      assertTrue(refused.getMessage().contains(journal.toString())
          && refused.getMessage().contains("journal"), refused.getMessage());
    }
    assertArrayEquals(before, Files.readAllBytes(journal), "the journal is untouched");
    assertEquals(5, Study.load("demo", Storages.file(journal)).trials().size());
  }

  @Test
  void aJournalWrittenBeforeJournalsHadAHeaderIsRecognisedToo() throws IOException {
    Path old = directory.resolve("old.journal");
    Files.writeString(old, "0000001b 1c2d3e4f {\"kind\":\"study_created\"}\n",
        StandardCharsets.US_ASCII);
    assertThrows(IllegalArgumentException.class,
        () -> OutputFile.replace(old, "a test", out -> out.write("x")));
    assertTrue(Files.readString(old).startsWith("0000001b"));
  }

  @Test
  void anyOtherFileIsReplacedWhole() throws IOException {
    Path report = directory.resolve("out").resolve("report.html");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "an older report, longer than the new content");
    Study study = study(directory.resolve("s.journal"));
    study.writeReport(report);
    assertTrue(Files.readString(report).startsWith("<!DOCTYPE html>"),
        Files.readString(report).substring(0, 40));
    Path csv = directory.resolve("trials.csv");
    study.exportCsv(csv);
    assertEquals(6, Files.readAllLines(csv).size(), "a header and five trials");
    try (var files = Files.list(report.getParent())) {
      assertEquals(List.of(report), files.toList(), "no temporary file is left");
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
    Path file = directory.resolve("kept.csv");
    Files.writeString(file, "old");
    IOException failure = new IOException("disk full");
    var thrown = assertThrows(java.io.UncheckedIOException.class,
        () -> OutputFile.replace(file, "a test", out -> {
          out.write("half of the new");
          throw failure;
        }));
    assertEquals(failure, thrown.getCause());
    assertTrue(thrown.getMessage().contains(file.toString()), thrown.getMessage());
    assertEquals("old", Files.readString(file));
    try (var files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
