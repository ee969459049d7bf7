package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a study of a conditional space (issue 14): show, export, enqueue, importance. */
class ConditionalCommandsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("lr", 0.001, 1)
      .choice(Dimension.categorical("optimizer", "sgd", "adam"),
          SearchSpace.builder().build(),
          SearchSpace.builder().real("beta1", 0.5, 1).build())
      .build();

  @TempDir Path directory;
  private Path journal;
  private String url;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine command = Tunable.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void branchesStudy() {
    journal = directory.resolve("branches.journal");
    url = "file:" + journal;
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.builder().name("branches").sampler(Samplers.random(3)).storage(storage)
          .progress(false).build();
      study.optimize(SPACE, 30, trial -> trial.params().getDouble("lr")
          + (trial.params().getString("optimizer").equals("adam")
              ? trial.params().getDouble("optimizer.adam.beta1") : 0));
    }
  }

  @Test
  void showGivesEachConditionalDimensionItsBranch() {
    Run run = run("show", "branches", "--storage", url);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Search space, as last recorded:\n"
        + "  NAME                  VALUES\n"
        + "  lr                    reals from 0.001 to 1\n"
        + "  optimizer             one of sgd, adam\n"
        + "  optimizer.adam.beta1  reals from 0.5 to 1; while optimizer = adam\n"), run.out());
  }

  @Test
  void exportLeavesInactiveCellsEmptyAndEnqueueReadsEmptyCellsAsLeftOut() throws Exception {
    Run export = run("export", "branches", "--storage", url);
    assertEquals(0, export.code(), export.err());
    List<String> rows = export.out().lines().toList();
    List<String> header = List.of(rows.get(0).split(",", -1));
    int beta1 = header.indexOf("params.optimizer.adam.beta1");
    int optimizer = header.indexOf("params.optimizer");
    for (String row : rows.subList(1, rows.size())) {
      List<String> cells = List.of(row.split(",", -1));
      assertEquals(cells.get(optimizer).equals("sgd"), cells.get(beta1).isEmpty(), row);
    }

    Path csv = Files.writeString(directory.resolve("next.csv"),
        "lr,optimizer,optimizer.adam.beta1\n0.01,sgd,\n0.02,adam,0.9\n");
    Run enqueue = run("enqueue", "branches", csv.toString(), "--storage", url);
    assertEquals(0, enqueue.code(), enqueue.err());
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.load("branches", storage);
      assertEquals(Map.of("lr", 0.01, "optimizer", "sgd"), study.ask(SPACE).params().asMap());
      assertEquals(Map.of("lr", 0.02, "optimizer", "adam", "optimizer.adam.beta1", 0.9),
          study.ask(SPACE).params().asMap());
    }
  }

  @Test
  void importanceSaysWhichDimensionsItLeavesOut() {
    Run run = run("importance", "branches", "--storage", url);
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("HYPERPARAMETER  IMPORTANCE", lines.get(0).stripTrailing());
    assertEquals(List.of("lr", "optimizer"),
        lines.subList(1, 3).stream().map(line -> line.split(" ")[0]).sorted().toList());
    assertEquals("Left out, as not every trial has a value of them (a branch not taken, or an"
        + " earlier space): optimizer.adam.beta1", lines.get(3));
    assertEquals(4, lines.size());
  }
}
