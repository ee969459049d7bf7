"""Optuna's side of ThroughputBenchmark: the same study through Optuna's RDB storage.

  optuna_worker.py create URL           creates study "bench" (random sampler)
  optuna_worker.py worker URL           warms up, prints READY, reads START END (epoch seconds)
                                        from stdin, runs trials from START to END, prints TRIALS n LATE ms
  optuna_worker.py check URL            prints CHECK trials dense complete

URL is an SQLAlchemy URL without the password, which libpq takes from PGPASSWORD. A reference
tool for the benchmark, run with Debian's python3-optuna; never a dependency of Tunable.
"""
import os
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def objective(trial):
    x = trial.suggest_float("x", 0, 1)
    n = trial.suggest_int("n", 1, 1000)
    return x + n


def main():
    mode, url = sys.argv[1], sys.argv[2]
    if mode == "create":
        optuna.create_study(study_name="bench", storage=url,
                            sampler=optuna.samplers.RandomSampler())
    elif mode == "worker":
        storage = optuna.storages.RDBStorage(url)
        warmup = optuna.create_study(study_name="warmup-%d" % os.getpid(), storage=storage,
                                     sampler=optuna.samplers.RandomSampler())
        warmup.optimize(objective, timeout=1.5)
        study = optuna.load_study(study_name="bench", storage=storage,
                                  sampler=optuna.samplers.RandomSampler())
        print("READY", flush=True)
        start, end = (float(v) for v in sys.stdin.readline().split())
        late = max(0.0, time.time() - start)
        while time.time() < start:
            time.sleep(min(0.05, max(0.001, start - time.time())))
        count = 0

        def counted(trial):
            nonlocal count
            count += 1
            return objective(trial)

        left = end - time.time()
        if left > 0:
            study.optimize(counted, timeout=left)
        print("TRIALS %d LATE %d" % (count, late * 1000))
    elif mode == "check":
        study = optuna.load_study(study_name="bench", storage=url)
        trials = study.get_trials(deepcopy=False)
        numbers = sorted(t.number for t in trials)
        dense = numbers == list(range(len(trials)))
        complete = all(t.state == optuna.trial.TrialState.COMPLETE for t in trials)
        print("CHECK %d %s %s" % (len(trials), dense, complete))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
