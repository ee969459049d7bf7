"""Optuna's define-by-run TPE on the conditional test function of ConditionalBenchmark.

Reads a JSON request from the file named by the first argument:
- "seeds": the seeds to run, "trials": trials per study;
- "points": parameter sets of the function (as Tunable names them), to evaluate here so that the
  harness can check that this script computes the same function as TestFunction.branches().
Prints, as JSON on standard output:
- "optuna": Optuna's version; "check": the function's value at each of "points";
- "runs": for each sampler ("tpe": TPESampler's defaults; "tpe-multivariate-group":
  multivariate=True, group=True), one entry per seed with each trial's value and branch, and the
  sampler's CPU seconds over all seeds.
A reference for the benchmark only: the build and the tests never run Python.
"""

import json
import math
import sys
import time
import warnings

import optuna

BRANCHES = ["constant", "quadratic", "hartmann3", "branin"]
CONSTANT_BRANCH = 0.8

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN3_A = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]]
HARTMANN3_P = [
    [0.3689, 0.1170, 0.2673],
    [0.4699, 0.4387, 0.7470],
    [0.1091, 0.8732, 0.5547],
    [0.0381, 0.5743, 0.8828],
]
HARTMANN3_MIN = -3.86278214782076
BRANIN_MIN = 5 / (4 * math.pi)


def hartmann3(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN3_A[i][j] * (x[j] - HARTMANN3_P[i][j]) ** 2 for j in range(3))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def branin(x1, x2):
    b = 5.1 / (4 * math.pi * math.pi)
    r = x2 - b * x1 * x1 + 5 / math.pi * x1 - 6
    return r * r + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def branches(params):
    """The function of TestFunction.branches(), on parameters named as Tunable names them."""
    branch = params["branch"]
    if branch == "constant":
        return CONSTANT_BRANCH
    if branch == "quadratic":
        n = params["branch.quadratic.n"] - 3
        y = params["branch.quadratic.y"] - 0.7
        return 0.5 + 0.05 * n * n + y * y
    if branch == "hartmann3":
        x = [params["branch.hartmann3.x%d" % i] for i in (1, 2, 3)]
        return hartmann3(x) - HARTMANN3_MIN + 0.2
    return (branin(params["branch.branin.x1"], params["branch.branin.x2"]) - BRANIN_MIN) / 5


def objective(trial):
    # Define-by-run: the branch first, then only that branch's parameters.
    branch = trial.suggest_categorical("branch", BRANCHES)
    params = {"branch": branch}
    if branch == "quadratic":
        params["branch.quadratic.n"] = trial.suggest_int("branch.quadratic.n", -10, 10)
        params["branch.quadratic.y"] = trial.suggest_float("branch.quadratic.y", 0, 1)
    elif branch == "hartmann3":
        for i in (1, 2, 3):
            name = "branch.hartmann3.x%d" % i
            params[name] = trial.suggest_float(name, 0, 1)
    elif branch == "branin":
        params["branch.branin.x1"] = trial.suggest_float("branch.branin.x1", -5, 10)
        params["branch.branin.x2"] = trial.suggest_float("branch.branin.x2", 0, 15)
    return branches(params)


SAMPLERS = {
    "tpe": {},
    "tpe-multivariate-group": {"multivariate": True, "group": True},
}


def main():
    with open(sys.argv[1]) as f:
        request = json.load(f)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    runs = {}
    for name, settings in SAMPLERS.items():
        seeds = []
        start = time.process_time()
        for seed in request["seeds"]:
            sampler = optuna.samplers.TPESampler(seed=seed, **settings)
            study = optuna.create_study(sampler=sampler)
            study.optimize(objective, n_trials=request["trials"])
            seeds.append({
                "values": [t.value for t in study.trials],
                "branches": [t.params["branch"] for t in study.trials],
            })
        runs[name] = {"seeds": seeds, "cpuSeconds": time.process_time() - start}
    json.dump({
        "optuna": optuna.__version__,
        "check": [branches(p) for p in request["points"]],
        "runs": runs,
    }, sys.stdout)


if __name__ == "__main__":
    main()
