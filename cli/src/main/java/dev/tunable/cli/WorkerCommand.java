package dev.tunable.cli;

import dev.tunable.AllTrialsFailedException;
import dev.tunable.Budget;
import dev.tunable.FrozenTrial;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.TuningJob;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunable worker}: joins the study named {@code --study} in the storage at {@code
 * --storage}, creating it if it is new, and runs trials of the {@link TuningJob} class named
 * {@code --job} until the budget is met. Start the same command on as many machines as you like.
 */
@Command(
    name = "worker",
    header = "Joins a study and runs trials of a tuning job until the budget is met.",
    mixinStandardHelpOptions = true,
    description = {
        "Joins a study, creating it if it is new, and runs trials of a tuning job until the"
            + " budget is met. Start the same command on as many machines as you like: with"
            + " --total-trials they stop together when the study holds that many trials.",
        ""},
    footer = {
        "",
        "Examples:",
        "  tunable worker --storage file:studies/net.journal --study net \\",
        "      --job com.example.TuneNet --total-trials 200",
        "  PGPASSWORD=... tunable worker --storage jdbc:postgresql://db:5432/tunable?user=worker"
            + " \\",
        "      --study net --job com.example.TuneNet --total-trials 200 --workers 4",
        "",
        "Exit codes: 0 the budget was met (or the study already held its total); 1 every trial"
            + " of this run failed, or the study could not be run; 2 a usage error."})
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL",
      defaultValue = "${env:TUNABLE_STORAGE}",
      description = "Where the study lives: memory:, file:PATH, jdbc:postgresql://HOST:PORT/DB?"
          + "user=NAME (password from PGPASSWORD). Default: $TUNABLE_STORAGE.")
  String storage;

  @Option(names = "--study", required = true, paramLabel = "NAME",
      description = "The study's name in the storage.")
  String study;

  @Option(names = "--job", required = true, paramLabel = "CLASS",
      description = "A class implementing dev.tunable.TuningJob with a public no-argument"
          + " constructor, on the class path.")
  String job;

  @Option(names = "--trials", paramLabel = "N",
      description = "Trials this worker runs, at most.")
  Long trials;

  @Option(names = "--total-trials", paramLabel = "N",
      description = "Trials the study holds when every worker stops, counting every worker's.")
  Long totalTrials;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Starts no trial after this long: 90s, 30m, 2h or ISO-8601 (PT1H30M).")
  String timeout;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
      description = "Trials run at once in this process (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "The sampler's seed; give every worker of a study the same one"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
      description = "Runs a trial again, up to N times, when its worker dies before it finishes"
          + " (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--reproducible", paramLabel = "W",
      description = "Makes the study reproducible with up to W trials running at once across"
          + " all workers; every worker must give the same W.")
  Integer reproducible;

  @Override
  public Integer call() {
    Budget budget = budget();
    TuningJob<?> tuningJob = instantiate();
    PrintWriter out = spec.commandLine().getOut();
    try (Storage opened = Storages.open(storage)) {
      long[] ranAndFailed = new long[2];
      Study.Builder builder = Study.builder().name(study).storage(opened).loadIfExists(true)
          .direction(tuningJob.direction()).sampler(tuningJob.sampler(seed))
          .pruner(tuningJob.pruner())
          .retryTrialsOfDeadWorkers(retries)
          .callback((s, trial) -> { // callbacks run one at a time
            ranAndFailed[0]++;
            ranAndFailed[1] += trial.state() == TrialState.FAIL ? 1 : 0;
          });
      if (reproducible != null) {
        builder.reproducible(reproducible);
      }
      Study joined = builder.build();
      run(joined, tuningJob, budget);
      List<FrozenTrial> trials = joined.trials();
      out.printf("worker %s ran %d trials of study '%s' (%d failed); the study holds %d trials%s%n",
          opened.workerId(), ranAndFailed[0], study, ranAndFailed[1], trials.size(),
          best(joined, trials));
      out.flush();
      return ranAndFailed[0] > 0 && ranAndFailed[1] == ranAndFailed[0] ? 1 : 0;
    }
  }

  /** Runs the job; a run whose trials all failed is told by the exit code, not an exception. */
  private static <H> void run(Study study, TuningJob<H> job, Budget budget) {
    try {
      study.optimize(job.space(), budget, job);
    } catch (java.util.NoSuchElementException noCompleteTrialYet) {
      // Nothing complete yet (every trial pruned or failed, or none run): the summary says so.
    } catch (AllTrialsFailedException everyTrialFailed) {
      // Told by the exit code and the summary.
    }
  }

  private static String best(Study study, List<FrozenTrial> trials) {
    if (study.directions().size() != 1
        || trials.stream().noneMatch(t -> t.state() == TrialState.COMPLETE)) {
      return "";
    }
    FrozenTrial best = study.bestTrial();
    return ", the best is #" + best.number() + " with " + best.value() + " " + best.params();
  }

  private Budget budget() {
    if (trials == null && totalTrials == null && timeout == null) {
      throw new ParameterException(spec.commandLine(),
          "give a budget: --trials N, --total-trials N or --timeout DURATION (or several)");
    }
    Budget budget = Budget.trials(trials != null ? trials : Long.MAX_VALUE);
    if (totalTrials != null) {
      budget = budget.withTotalTrials(totalTrials);
    }
    if (timeout != null) {
      budget = budget.withTimeout(duration(timeout));
    }
    if (workers < 1) {
      throw new ParameterException(spec.commandLine(),
          "--workers must be at least 1, got " + workers);
    }
    return budget.withWorkers(workers);
  }

  private Duration duration(String text) {
    try {
      if (text.matches("\\d+[smhd]")) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--timeout '" + text + "' is not a"
          + " duration; write 90s, 30m, 2h, 1d or ISO-8601 such as PT1H30M");
    }
  }

  private TuningJob<?> instantiate() {
    Class<?> type;
    try {
      type = Class.forName(job, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ParameterException(spec.commandLine(), "--job: no class " + job + " on the"
          + " class path; add the jar or directory that holds it to -cp");
    }
    if (!TuningJob.class.isAssignableFrom(type)) {
      throw new ParameterException(spec.commandLine(), "--job: " + job + " does not implement"
          + " dev.tunable.TuningJob; implement it, with space() and evaluate(trial)");
    }
    try {
      return (TuningJob<?>) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new ParameterException(spec.commandLine(), "--job: " + job + " has no public"
          + " constructor without arguments; add one");
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ParameterException(spec.commandLine(), "--job: creating " + job + " failed: "
          + cause, cause);
    }
  }
}
