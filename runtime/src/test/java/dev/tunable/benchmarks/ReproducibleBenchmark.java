package dev.tunable.benchmarks;

import dev.tunable.Budget;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.Study;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a reproducible study costs against a free-running one, with the same parallel workers: the
 * workers' idle time (waiting for the trials a proposal depends on) and the regret at the end.
 * Each trial "trains" for a random 5 to 15 ms (a sleep), so that workers finish out of order, as
 * real training runs do. Not a unit test: run it by hand (see BENCHMARKS.md).
 *
 * <p>Arguments (all optional): {@code functions=branin,hartmann6 samplers=tpe,gp seeds=20
 * trials=100 workers=4}.
 */
public final class ReproducibleBenchmark {
  private ReproducibleBenchmark() {}

  public static void main(String[] args) {
    List<String> functions = List.of("branin", "hartmann6");
    List<String> samplers = List.of("tpe");
    int seeds = 20;
    int trials = 100;
    int workers = 4;
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("functions=")) {
        functions = List.of(value.split(","));
      } else if (arg.startsWith("samplers=")) {
        samplers = List.of(value.split(","));
      } else if (arg.startsWith("seeds=")) {
        seeds = Integer.parseInt(value);
      } else if (arg.startsWith("trials=")) {
        trials = Integer.parseInt(value);
      } else if (arg.startsWith("workers=")) {
        workers = Integer.parseInt(value);
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; use functions="
            + " samplers= seeds= trials= workers=");
      }
    }
    System.out.printf(Locale.ROOT, "java %s, %d processors, %d workers, %d trials, seeds 0-%d,"
            + " training 5-15 ms a trial%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), workers, trials, seeds - 1);
    System.out.println("function    sampler  mode          median log10 regret (q25 .. q75)"
        + "   busy share of worker time   wall s per study");
    for (String functionName : functions) {
      TestFunction function = TestFunction.byName(functionName);
      for (String samplerName : samplers) {
        for (boolean reproducible : new boolean[] {false, true}) {
          double[] regrets = new double[seeds];
          double busy = 0;
          double wall = 0;
          for (int seed = 0; seed < seeds; seed++) {
            Run run = run(function, sampler(samplerName, seed), reproducible, trials, workers,
                seed);
            regrets[seed] = run.log10Regret;
            busy += run.busyShare;
            wall += run.wallSeconds;
          }
          Arrays.sort(regrets);
          System.out.printf(Locale.ROOT, "%-11s %-8s %-13s %6.2f (%6.2f .. %6.2f)"
                  + "                   %5.1f%%            %6.2f%n", functionName, samplerName,
              reproducible ? "reproducible" : "free", regrets[seeds / 2], regrets[seeds / 4],
              regrets[3 * seeds / 4], 100 * busy / seeds, wall / seeds);
        }
        // Same seed twice in the reproducible mode: the trials must be identical.
        Sampler first = sampler(samplerName, 0);
        String once = digest(run(function, first, true, trials, workers, 0).trials);
        String twice = digest(run(function, sampler(samplerName, 0), true, trials, workers, 0)
            .trials);
        System.out.printf("%-11s %-8s reproducible runs of seed 0 identical: %s%n",
            functionName, samplerName, once.equals(twice));
      }
    }
  }

  private static Sampler sampler(String name, long seed) {
    return switch (name) {
      case "tpe" -> Samplers.tpe(seed);
      case "gp" -> Samplers.gp(seed);
      case "cmaes" -> Samplers.cmaEs(seed);
      case "random" -> Samplers.random(seed);
      default -> throw new IllegalArgumentException("no sampler '" + name + "'");
    };
  }

  /** One study's outcome. */
  private record Run(double log10Regret, double busyShare, double wallSeconds,
      List<FrozenTrial> trials) {}

  private static Run run(TestFunction function, Sampler sampler, boolean reproducible,
      int trials, int workers, long seed) {
    Study.Builder builder = Study.builder().sampler(sampler).progress(false);
    if (reproducible) {
      builder.reproducible(workers);
    }
    Study study = builder.build();
    SplittableRandom timing = new SplittableRandom(seed * 7919 + (reproducible ? 1 : 0));
    AtomicLong training = new AtomicLong();
    long start = System.nanoTime();
    study.optimize(function.space(), Budget.trials(trials).withWorkers(workers), trial -> {
      long millis;
      synchronized (timing) {
        millis = 5 + timing.nextInt(11);
      }
      long began = System.nanoTime();
      Thread.sleep(millis);
      training.addAndGet(System.nanoTime() - began);
      return function.apply(trial.params());
    });
    long wall = System.nanoTime() - start;
    double best = study.bestTrial().value();
    return new Run(Math.log10(function.regret(best)), training.get() / (double) (wall * workers),
        wall / 1e9, study.trials());
  }

  private static String digest(List<FrozenTrial> trials) {
    List<String> lines = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      lines.add(trial.number() + " " + trial.params() + " " + Arrays.toString(trial.values()));
    }
    return Integer.toHexString(lines.hashCode());
  }
}
