package dev.tunable;

import dev.tunable.internal.Logs;
import dev.tunable.internal.WorkerDeath;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.StudyDeleted;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Storage;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One study's view of its storage's event log: catches up with what other workers appended,
 * appends this worker's events, and keeps the replayed {@link StudyModel} in step with both.
 *
 * <p>Thread-safe: one lock guards the model and the cursor. Storage calls are short and made under
 * it; nothing slow (a sampler, an objective, a pruner) runs while it or the storage's lock is held.
 */
final class StudyLog {
  private static final double[] NO_VALUES = {};

  /** How {@link #open} treats a study that does or does not exist yet. */
  enum Opening {
    /** Create the study; fail if one of that name exists. */
    CREATE,
    /** Resume the study if it exists, else create it. */
    CREATE_OR_RESUME,
    /** Resume the study; fail if there is none of that name. */
    RESUME
  }

  private final String name;
  private final Storage storage;
  private final StudyModel model;
  private final Object lock = new Object();
  private long cursor;
  /**
   * How many times the study had been deleted when it was opened here, or -1 before: a deletion
   * since fails every read and write, even once a new study has taken the name.
   */
  private int deletionsWhenOpened = -1;
  /** Whether the next write must first fail the trials of workers that died; guarded by lock. */
  private boolean deadWorkersToFail;
  /** How many trials of dead workers this worker has failed; guarded by lock. */
  private int deadWorkersFailed;
  /** How many times a dead worker's trial is run again, when this worker fails it. */
  private final int retries;
  /** How fast other workers append; guarded by lock. */
  private final NewsRate news = new NewsRate(System.nanoTime());
  /** Whether {@link #open} created the study, rather than resuming it. */
  private boolean created;
  /** How many trials of dead workers {@link #open} failed; guarded by lock. */
  private int failedOnOpening;
  /** When this worker last looked for trials of dead workers, by {@link System#nanoTime}. */
  private volatile long lastLookForDead = System.nanoTime();

  /** How often a worker looks for trials left running by workers that died. */
  static final long LOOK_FOR_DEAD_NANOS = 5_000_000_000L;

  private StudyLog(String name, Storage storage, int retries) {
    this.name = name;
    this.storage = storage;
    this.model = new StudyModel(name);
    this.retries = retries;
  }

  /**
   * The log of study {@code name} in {@code storage}, created or resumed as {@code opening} says.
   * On resume, trials left running by workers that died are marked {@link TrialState#FAIL}.
   * Resuming writes nothing else, so that a study can be opened to be read when its storage cannot
   * be written (a full disk): the dead workers' trials are then marked by the first write that
   * succeeds.
   *
   * @param directions the directions to create the study with, or {@code null} to take the stored
   *     ones; when given for a study that exists, they must be the stored ones
   * @param retries how many times a trial failed because its worker died is enqueued again (its
   *     retries counted), when this worker fails it
   * @throws NoSuchElementException if the study must exist and does not
   * @throws IllegalStateException if the study must not exist and does
   * @throws IllegalArgumentException if the given directions are not the stored ones
   */
  static StudyLog open(String name, Storage storage, Opening opening, List<Direction> directions,
      int retries) {
    StudyLog log = new StudyLog(name, storage, retries);
    if (!log.read(StudyModel::exists)) {
      if (opening == Opening.RESUME) {
        throw noSuchStudy(name, storage,
            "; create it with Study.builder().name(\"" + name + "\")");
      }
      List<Event> created = log.write(model -> model.exists() ? List.of()
          : List.of(new StudyCreated(name,
              directions != null ? directions : List.of(Direction.MINIMIZE), Instant.now())));
      if (!created.isEmpty()) {
        log.deletionsWhenOpened = log.model.deletions();
        log.created = true;
        return log;
      }
      // Another worker created it between the read and the write: open it as an existing study.
    }
    if (opening == Opening.CREATE) {
      throw new IllegalStateException("a study named '" + name + "' already exists in "
          + storage + "; resume it with Study.load(\"" + name + "\", storage) or"
          + " Study.builder().loadIfExists(true), or choose another name");
    }
    List<Direction> stored = log.directions();
    if (directions != null && !stored.equals(directions)) {
      throw new IllegalArgumentException("study '" + name + "' was created to " + stored + ", not "
          + (directions.size() == 1 ? directions.get(0) : directions));
    }
    log.deletionsWhenOpened = log.model.deletions();
    log.failedOnOpening = log.failTrialsOfDeadWorkers();
    return log;
  }

  /** Whether {@link #open} created the study, rather than resuming it. */
  boolean created() {
    return created;
  }

  /** How many trials left running by workers that died {@link #open} failed. */
  int failedOnOpening() {
    return failedOnOpening;
  }

  /**
   * The names of the studies in {@code storage}, in the order their names first appear in its log:
   * the studies created and not deleted since, as each study's replay finds them.
   */
  static List<String> names(Storage storage) {
    Map<String, StudyModel> models = new LinkedHashMap<>();
    storage.read(0, batch -> {
      for (Event event : batch.events()) {
        models.computeIfAbsent(event.study(), StudyModel::new).apply(event);
      }
    });
    List<String> names = new ArrayList<>();
    models.forEach((name, model) -> {
      if (model.exists()) {
        names.add(name);
      }
    });
    return names;
  }

  /**
   * Deletes study {@code name} from {@code storage} by appending {@link StudyDeleted}: its events
   * no longer count, and the name is free for a new study.
   *
   * @throws NoSuchElementException if there is no such study
   * @throws IllegalStateException if workers that are alive run trials of it
   */
  static void delete(String name, Storage storage) {
    StudyLog log = new StudyLog(name, storage, 0);
    boolean exists;
    synchronized (log.lock) {
      log.catchUp(); // a study whose log is damaged may be deleted too
      exists = log.model.exists();
    }
    if (!exists) {
      throw noSuchStudy(name, storage, "");
    }
    log.write(model -> {
      if (!model.exists()) {
        throw new NoSuchElementException("study '" + name + "' was deleted meanwhile");
      }
      List<String> running = new ArrayList<>();
      for (TrialRecord trial : log.runningTrials(model, true)) {
        running.add("#" + trial.number + " (worker " + trial.worker + ")");
      }
      if (!running.isEmpty()) {
        throw new IllegalStateException("study '" + name + "' has trials running: "
            + String.join(", ", running) + "; stop its workers before deleting it");
      }
      return List.of(new StudyDeleted(name, Instant.now()));
    }, false);
  }

  /** The error for a study that is not in {@code storage}, naming those that are. */
  private static NoSuchElementException noSuchStudy(String name, Storage storage, String fix) {
    List<String> names = names(storage);
    return new NoSuchElementException("no study named '" + name + "' in " + storage
        + (names.isEmpty() ? " (it holds no study)" : " (its studies: " + quoted(names) + ")")
        + fix);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(Checks::quote).collect(Collectors.joining(", "));
  }

  /**
   * Marks {@link TrialState#FAIL} the trials left running by workers that died: now, or, if the
   * storage cannot be written now, with the next write that succeeds.
   *
   * @return how many trials were failed now
   */
  int failTrialsOfDeadWorkers() {
    synchronized (lock) {
      deadWorkersToFail = true;
      int before = deadWorkersFailed;
      try {
        write(model -> List.of());
      } catch (UncheckedIOException cannotWrite) {
        // Opened all the same, to be read; deadWorkersToFail stays set for the next write.
      }
      return deadWorkersFailed - before;
    }
  }

  /**
   * Every {@link #LOOK_FOR_DEAD_NANOS}, fails the trials left running by workers that died since,
   * so that a long study shared by many workers does not keep them running until it is next
   * opened. Asks the storage about liveness outside its lock, and writes only if one died.
   */
  void failTrialsOfDeadWorkersNowAndThen() {
    long now = System.nanoTime();
    if (now - lastLookForDead < LOOK_FOR_DEAD_NANOS) {
      return;
    }
    lastLookForDead = now;
    failTrialsOfDeadWorkersIfAny();
  }

  /**
   * Fails the trials left running by workers that died, if any did: asks the storage about
   * liveness outside its lock, and writes only then.
   */
  void failTrialsOfDeadWorkersIfAny() {
    Set<String> others = read(model -> {
      Set<String> workers = workersOfRunningTrials(model);
      workers.remove(storage.workerId());
      return workers;
    });
    if (!others.isEmpty() && !storage.alive(others).containsAll(others)) {
      failTrialsOfDeadWorkers();
    }
  }

  Storage storage() {
    return storage;
  }

  /** The directions the study was created with; they never change. */
  List<Direction> directions() {
    synchronized (lock) {
      return model.directions();
    }
  }

  /** What {@code query} finds in the model after catching up with the storage. */
  <T> T read(Function<StudyModel, T> query) {
    synchronized (lock) {
      catchUp();
      model.requireConsistent();
      requireNotDeleted(model);
      return query.apply(model);
    }
  }

  /** Applies what other workers appended since the cursor, holding no storage lock. */
  private void catchUp() {
    int[] found = new int[1];
    storage.read(cursor, batch -> {
      for (Event event : batch.events()) {
        model.apply(event);
      }
      found[0] += batch.events().size();
      cursor = batch.cursor();
    });
    news.caughtUp(found[0], System.nanoTime());
  }

  /** What {@code query} finds in the model as this worker last saw it, reading no storage. */
  <T> T peek(Function<StudyModel, T> query) {
    synchronized (lock) {
      return query.apply(model);
    }
  }

  /**
   * Catches up with the storage and appends the events {@code plan} returns for the model as it
   * then is, all under the storage's exclusive lock, then applies them. When other workers append so fast
   * that many events are expected since the last catch-up, they are read first, holding no lock,
   * so that the lock is held for the few appended meanwhile. If {@code plan} throws,
   * nothing is appended. {@code plan} must be quick: every other worker waits for it. The first
   * write after a resume that could not write also fails the trials of workers that died, ahead
   * of the plan's events.
   *
   * @return the events of {@code plan} that were appended, possibly none
   */
  List<Event> write(Function<StudyModel, List<Event>> plan) {
    return write(plan, true);
  }

  /**
   * {@link #write(Function)}; unless {@code consistent}, also for a study whose log is
   * inconsistent, which only a deletion may write to.
   */
  private List<Event> write(Function<StudyModel, List<Event>> plan, boolean consistent) {
    synchronized (lock) {
      if (news.worthReadingFirst(System.nanoTime())) {
        catchUp();
      }
      List<List<Event>> planned = new ArrayList<>(1);
      List<List<Event>> appended = new ArrayList<>(1);
      List<List<Event>> dead = new ArrayList<>(1);
      cursor = storage.append(cursor, batch -> {
        for (Event event : batch.events()) {
          model.apply(event);
        }
        news.caughtUp(batch.events().size(), System.nanoTime());
        cursor = batch.cursor(); // kept even if the plan throws, so that no event is applied twice
        if (consistent) {
          model.requireConsistent();
        }
        requireNotDeleted(model);
        List<Event> events = plan.apply(model);
        planned.add(events);
        List<Event> deadFailed = deadWorkersToFail ? trialsOfDeadWorkersFailed(model) : List.of();
        dead.add(deadFailed);
        if (!deadFailed.isEmpty()) {
          List<Event> all = new ArrayList<>(deadFailed);
          all.addAll(events);
          events = all;
        }
        appended.add(events);
        return events;
      });
      deadWorkersToFail = false;
      // A storage that lost its connection may have called the plan again, with what was
      // appended meanwhile: the last call's events are the ones appended.
      for (Event event : appended.get(appended.size() - 1)) {
        model.apply(event);
      }
      logDeadWorkersFailed(dead.get(dead.size() - 1));
      return planned.get(planned.size() - 1);
    }
  }

  /**
   * Throws if the study was opened and has since been deleted, so that no event of a deleted
   * study is appended: it would belong to a new study of the same name.
   */
  private void requireNotDeleted(StudyModel model) {
    if (deletionsWhenOpened >= 0 && model.deletions() != deletionsWhenOpened) {
      throw new IllegalStateException("study '" + name + "' was deleted from " + storage
          + " while it was open here; nothing more is recorded for it");
    }
  }

  /** Says which trials this worker failed because their worker died, and which run again. */
  private void logDeadWorkersFailed(List<Event> events) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof TrialFinished failed) {
        deadWorkersFailed++;
        boolean retried = i + 1 < events.size() && events.get(i + 1) instanceof TrialEnqueued;
        Logs.warn(Logs.STUDY, "study '" + name + "' trial #" + failed.number() + " FAIL: "
            + failed.reason() + (retried ? "; it runs again as a new trial" : ""));
      }
    }
  }

  /** The events that fail every running trial whose worker died. */
  private List<Event> trialsOfDeadWorkersFailed(StudyModel model) {
    List<Event> events = new ArrayList<>();
    for (TrialRecord trial : runningTrials(model, false)) {
      Instant now = Instant.now();
      events.add(new TrialFinished(name, trial.number, TrialState.FAIL, NO_VALUES,
          WorkerDeath.reason(trial.worker), now));
      if (model.retries(trial.number) < retries) {
        events.add(new TrialEnqueued(name, trial.params.asMap(), now, trial.number));
      }
    }
    return events;
  }

  /**
   * The trials of {@code model} running on workers that are alive ({@code ofLiveWorkers}) or
   * that died, with one question to the storage about all their workers.
   */
  private List<TrialRecord> runningTrials(StudyModel model, boolean ofLiveWorkers) {
    Set<String> workers = workersOfRunningTrials(model);
    Set<String> alive = workers.isEmpty() ? Set.of() : storage.alive(workers);
    List<TrialRecord> running = new ArrayList<>();
    for (TrialRecord trial : model.trials()) {
      if (trial.state == TrialState.RUNNING && alive.contains(trial.worker) == ofLiveWorkers) {
        running.add(trial);
      }
    }
    return running;
  }

  private static Set<String> workersOfRunningTrials(StudyModel model) {
    Set<String> workers = new HashSet<>();
    for (TrialRecord trial : model.trials()) {
      if (trial.state == TrialState.RUNNING) {
        workers.add(trial.worker);
      }
    }
    return workers;
  }
}
