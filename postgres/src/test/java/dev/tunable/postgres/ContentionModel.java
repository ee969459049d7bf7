package dev.tunable.postgres;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of W worker processes sharing one PostgreSQL study, with the costs
 * {@link ContentionInputs} measures: where they queue for the log's advisory lock, and how much of
 * the log each reads. Needs no database. Not a test: see BENCHMARKS.md, "Contention with 100 and
 * 1,000 workers".
 *
 * <pre>
 * mvn -q -B -pl postgres -am -Ppostgres-benchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.postgres.ContentionModel \
 *   -Dbenchmark.args="workers=100,1000 objective=1,10,60 net=0.1,0.5"
 * </pre>
 *
 * <p>Each worker loops over a trial as {@code Study.optimize} does: a liveness look every 5 s (one
 * {@code isAlive} round trip per trial running on another worker), the ask's unlocked read of what
 * was appended since its cursor, the sampler, the locked append of the trial's start, the
 * objective (its duration uniform within ± {@code jitter} of the mean), and the locked append of
 * its end. The lock is granted first come, first served; an append holds it for {@code hold +
 * holdPerEvent · n}, n the events appended by others since the worker's cursor, less the measured
 * round trip plus the modelled one ({@code net}); it reaches the server half a round trip after
 * it is sent, and its answer reaches the worker half a round trip after the lock is released. A
 * read takes {@code read + readPerEvent · n}, likewise. Three designs: {@code each}, the storage
 * before issue 13's last changes, asks about each trial running on another worker in a round trip
 * of its own every 5 s; {@code batch} asks about them all in one; {@code readfirst}, the study as
 * it is, also reads, unlocked, right before the append of a trial's end when 32 events or more are
 * new, so that the lock covers only what was appended during that read.
 *
 * <p>Not modelled: CPU contention on the workers' or the server's machines (the server's work for
 * reads is reported, not queued), WAL flushes shared by concurrent commits outside the lock
 * (heartbeats), connection limits (reported), network jitter, failures.
 */
public final class ContentionModel {
  private ContentionModel() {}

  /** Measured costs, in milliseconds; see {@link ContentionInputs}. */
  record Inputs(double rtt, double hold, double holdPerEvent, double read, double readPerEvent,
      double isAlive, double alive, double alivePerWorker, double sample, double serverPerEvent,
      double serverPerCheck,
      double heartbeatSeconds,
      double lookSeconds, double jitter) {}

  /** What one simulated configuration gave. */
  record Outcome(double trialsPerSecond, double efficiency, double utilisation, double meanWait,
      double p95Wait, double underLock, double readPerTrial, double rowsPerSecond,
      double appendsPerSecond, double isAlivePerSecond, double lookupsPerSecond,
      double stallPerTrial) {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>(Map.ofEntries(
        Map.entry("workers", "100,1000"), Map.entry("objective", "1,10,60"),
        Map.entry("net", "0.1,0.5"), Map.entry("design", "each,batch,readfirst"),
        // Measured on the project's machine by ContentionInputs; see BENCHMARKS.md.
        Map.entry("rtt", "0.1"), Map.entry("hold", "1.0"), Map.entry("holdPerEvent", "0.005"),
        Map.entry("read", "0.2"), Map.entry("readPerEvent", "0.005"),
        Map.entry("isAlive", "0.15"), Map.entry("alive", "0.2"),
        Map.entry("alivePerWorker", "0.002"), Map.entry("sample", "5"),
        Map.entry("serverPerEvent", "0.001"), Map.entry("serverPerCheck", "0.02"),
        Map.entry("heartbeatSeconds", "5"),
        Map.entry("lookSeconds", "5"), Map.entry("jitter", "0.2"), Map.entry("trials", "40"),
        Map.entry("seed", "1")));
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        String[] pair = arg.split("=", 2);
        if (!options.containsKey(pair[0]) || pair.length < 2) {
          throw new IllegalArgumentException("unknown argument '" + arg + "'; known: "
              + options.keySet());
        }
        options.put(pair[0], pair[1]);
      }
    }
    Inputs inputs = new Inputs(number(options, "rtt"), number(options, "hold"),
        number(options, "holdPerEvent"), number(options, "read"),
        number(options, "readPerEvent"), number(options, "isAlive"), number(options, "alive"),
        number(options, "alivePerWorker"), number(options, "sample"),
        number(options, "serverPerEvent"), number(options, "serverPerCheck"),
        number(options, "heartbeatSeconds"),
        number(options, "lookSeconds"), number(options, "jitter"));
    int trials = Integer.parseInt(options.get("trials"));
    long seed = Long.parseLong(options.get("seed"));
    System.out.println("inputs (ms): " + inputs);
    System.out.println("design   net ms  workers  objective s | trials/s  efficiency  lock busy"
        + "  wait ms: mean    p95 | events: under lock  per trial  rows/s to workers"
        + " | appends/s  WAL flushes/s  liveness queries/s  liveness ms/trial | server cores: reads"
        + "  liveness lookups | connections");
    for (String design : options.get("design").split(",")) {
      for (String net : options.get("net").split(",")) {
        for (String w : options.get("workers").split(",")) {
          for (String t : options.get("objective").split(",")) {
            int workers = Integer.parseInt(w);
            double objective = Double.parseDouble(t) * 1000;
            Outcome o = simulate(inputs, design, Double.parseDouble(net), workers, objective,
                trials, seed);
            double flushes = o.appendsPerSecond() + workers / inputs.heartbeatSeconds();
            System.out.printf(Locale.ROOT, "%-7s  %6s  %7d  %11s | %8.1f  %10.2f  %9.2f"
                    + "  %10.2f  %5.0f | %18.0f  %9.0f  %17.3g | %9.0f  %13.0f  %9.0f  %17.1f"
                    + " | %19.2f  %6.2f | %11d%n", design, net, workers, t, o.trialsPerSecond(),
                o.efficiency(), o.utilisation(), o.meanWait(), o.p95Wait(), o.underLock(),
                o.readPerTrial(), o.rowsPerSecond(), o.appendsPerSecond(), flushes,
                o.isAlivePerSecond(), o.stallPerTrial(),
                o.rowsPerSecond() * inputs.serverPerEvent() / 1000,
                o.lookupsPerSecond() * inputs.serverPerCheck() / 1000, 2 * workers);
          }
        }
      }
    }
  }

  private static double number(Map<String, String> options, String key) {
    return Double.parseDouble(options.get(key));
  }

  /** The events since its cursor for which a worker reads before it appends: NewsRate's. */
  private static final long READ_FIRST = 32;

  // What a worker does next; each is an event of the simulation at some instant.
  private static final int TRIAL = 0;
  private static final int SAMPLED = 1;
  private static final int ARRIVE_START = 2;
  private static final int ENDED = 3;
  private static final int ARRIVE_END = 4;
  private static final int RELEASE = 5;
  private static final int ANSWERED = 6;

  /**
   * Simulates {@code workers} workers until each has run about {@code trials} trials after a
   * warm-up of a few objectives.
   *
   * @param net the round trip to model, ms
   * @param objective the objective's mean duration, ms
   */
  static Outcome simulate(Inputs in, String design, double net, int workers, double objective,
      int trials, long seed) {
    return new Simulation(in, design, net, workers, objective, trials, seed).run();
  }

  /** One run: the agenda of events, the lock, the log, and what is counted after the warm-up. */
  private static final class Simulation {
    final Inputs in;
    final boolean catchUp;
    final boolean eachWorker;
    final double net;
    final int workers;
    final double objective;
    final double hold;
    final double read;
    final double isAlive;
    final double alive;
    final double look;
    final double warmup;
    final double end;
    final SplittableRandom random;
    /** Time, worker, what. */
    final PriorityQueue<double[]> agenda =
        new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    final long[] cursor;
    final double[] lastLook;
    /** Whether the worker's append is its trial's end. */
    final boolean[] ending;
    final double[] requested;
    final ArrayDeque<Integer> queue = new ArrayDeque<>();
    int holder = -1;
    long appended;
    int running;

    double busy;
    long trialsDone;
    long appends;
    long underLock;
    long readEvents;
    long checks;
    long lookups;
    double stalled;
    double[] waits = new double[1 << 16];
    int waitCount;
    double waitSum;

    Simulation(Inputs in, String design, double net, int workers, double objective, int trials,
        long seed) {
      if (!design.equals("each") && !design.equals("batch") && !design.equals("readfirst")) {
        throw new IllegalArgumentException("design=" + design + ": each, batch or readfirst");
      }
      this.in = in;
      this.catchUp = design.equals("readfirst");
      this.eachWorker = design.equals("each");
      this.net = net;
      this.workers = workers;
      this.objective = objective;
      this.hold = in.hold() - in.rtt() + net;
      this.read = in.read() - in.rtt() + net;
      this.isAlive = in.isAlive() - in.rtt() + net;
      this.alive = in.alive() - in.rtt() + net;
      this.look = in.lookSeconds() * 1000;
      this.warmup = 3 * objective + look;
      this.end = warmup + trials * (objective + in.sample() + 2 * hold + read);
      this.random = new SplittableRandom(seed);
      this.cursor = new long[workers];
      this.lastLook = new double[workers];
      this.ending = new boolean[workers];
      this.requested = new double[workers];
    }

    Outcome run() {
      for (int w = 0; w < workers; w++) {
        // Workers join at random instants, as they would over an objective's time.
        lastLook[w] = -random.nextDouble() * look;
        at(random.nextDouble() * objective, w, TRIAL);
      }
      while (!agenda.isEmpty()) {
        double[] next = agenda.poll();
        double now = next[0];
        if (now > end) {
          break;
        }
        step(now, (int) next[1], (int) next[2], now >= warmup);
      }
      double seconds = (end - warmup) / 1000;
      double[] sorted = Arrays.copyOf(waits, waitCount);
      Arrays.sort(sorted);
      double trialsPerSecond = trialsDone / seconds;
      double cycle = workers / Math.max(trialsPerSecond, 1e-9) * 1000;
      return new Outcome(trialsPerSecond, objective / cycle, busy / (end - warmup),
          waitCount == 0 ? 0 : waitSum / waitCount,
          waitCount == 0 ? 0 : sorted[(int) (0.95 * (waitCount - 1))],
          appends == 0 ? 0 : underLock / (double) appends,
          trialsDone == 0 ? 0 : (readEvents + underLock) / (double) trialsDone,
          (readEvents + underLock) / seconds, appends / seconds, checks / seconds,
          lookups / seconds,
          trialsDone == 0 ? 0 : stalled / trialsDone);
    }

    private void at(double time, int w, int what) {
      agenda.add(new double[] {time, w, what});
    }

    private void step(double now, int w, int what, boolean counted) {
      switch (what) {
        case TRIAL -> {
          double stall = 0;
          if (now - lastLook[w] >= look) {
            lastLook[w] = now;
            // Before: one round trip per trial running on another worker; now: one for all.
            stall = eachWorker ? running * isAlive
                : running == 0 ? 0 : alive + in.alivePerWorker() * running;
            if (counted) {
              checks += eachWorker ? running : running == 0 ? 0 : 1;
              lookups += running;
              stalled += stall;
            }
          }
          at(now + stall + catchUp(w, counted) + in.sample(), w, SAMPLED);
        }
        case SAMPLED -> {
          ending[w] = false;
          at(now + net / 2, w, ARRIVE_START);
        }
        case ENDED -> {
          ending[w] = true;
          // As StudyLog does: read first when the catch-up under the lock would be long.
          boolean readFirst = catchUp && appended - cursor[w] >= READ_FIRST;
          at(now + (readFirst ? catchUp(w, counted) : 0) + net / 2, w, ARRIVE_END);
        }
        case ARRIVE_START, ARRIVE_END -> {
          requested[w] = now;
          if (holder < 0) {
            grant(w, now, counted);
          } else {
            queue.add(w);
          }
        }
        case RELEASE -> {
          appended++;
          cursor[w] = appended;
          if (counted) {
            appends++;
          }
          at(now + net / 2, w, ANSWERED);
          holder = -1;
          Integer waiting = queue.poll();
          if (waiting != null) {
            grant(waiting, now, counted);
          }
        }
        case ANSWERED -> {
          if (ending[w]) {
            running--;
            if (counted) {
              trialsDone++;
            }
            at(now, w, TRIAL);
          } else {
            running++;
            at(now + objective * (1 + in.jitter() * (2 * random.nextDouble() - 1)), w, ENDED);
          }
        }
        default -> throw new IllegalStateException("no step " + what);
      }
    }

    /** An unlocked read of what was appended since the worker's cursor; its duration. */
    private double catchUp(int w, boolean counted) {
      long n = appended - cursor[w];
      cursor[w] = appended;
      if (counted) {
        readEvents += n;
      }
      return read + in.readPerEvent() * n;
    }

    /** The lock to worker {@code w}, which holds it while it catches up and appends. */
    private void grant(int w, double now, boolean counted) {
      holder = w;
      long n = appended - cursor[w];
      double held = hold + in.holdPerEvent() * n;
      cursor[w] = appended;
      if (counted) {
        double wait = now - requested[w];
        underLock += n;
        busy += held;
        waitSum += wait;
        if (waitCount == waits.length) {
          waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[waitCount++] = wait;
      }
      at(now + held, w, RELEASE);
    }
  }
}
