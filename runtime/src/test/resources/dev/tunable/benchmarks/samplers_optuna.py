"""Optuna's samplers on SamplerBenchmark's test functions (dev.tunable.benchmarks), side by side.

Usage: samplers_optuna.py FUNCTIONS SAMPLERS SEEDS SEED_START BUDGETS
(comma-separated names; SAMPLERS among tpe, cmaes, random; BUDGETS ascending, e.g. 20,50,100,300).
Runs each sampler once per function and seed to the largest budget, seed by seed, and prints one
line per run:
"function sampler seed regret@budget1 regret@budget2 ...", the log10 regret of the best trial
after that many trials (the true value of the trial with the best observed value, minus the
optimum, floored at 1e-12), then "seconds=S" for the run. The formulas, domains and optima are
those of TestFunction.java; the noisy function adds Gaussian noise to what the sampler sees only.
A reference for the benchmark only: the build and the tests never run Python.
"""

import math
import sys
import time

import numpy as np
import optuna


def reals(trial, d, low, high):
    return [trial.suggest_float("x%d" % (i + 1), low, high) for i in range(d)]


def branin_of(x1, x2):
    b = 5.1 / (4 * math.pi * math.pi)
    r = x2 - b * x1 * x1 + 5 / math.pi * x1 - 6
    return r * r + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def branin(trial):
    return branin_of(trial.suggest_float("x1", -5, 10), trial.suggest_float("x2", 0, 15))


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
HARTMANN_P = [
    [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
    [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
    [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
    [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
]


def hartmann6(trial):
    x = reals(trial, 6, 0, 1)
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(d):
    def f(trial):
        x = reals(trial, d, -5, 10)
        return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(d - 1))

    return f


def ackley(d):
    def f(trial):
        x = reals(trial, d, -32.768, 32.768)
        squares = sum(xi * xi for xi in x)
        cosines = sum(math.cos(2 * math.pi * xi) for xi in x)
        return -20 * math.exp(-0.2 * math.sqrt(squares / d)) - math.exp(cosines / d) + 20 + math.e

    return f


def styblinski_tang(d):
    def f(trial):
        return sum(xi ** 4 - 16 * xi * xi + 5 * xi for xi in reals(trial, d, -5, 5)) / 2

    return f


def levy(d):
    def f(trial):
        x = reals(trial, d, -10, 10)
        w = [1 + (xi - 1) / 4 for xi in x]
        total = math.sin(math.pi * w[0]) ** 2
        for i in range(d - 1):
            total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
        return total + (w[d - 1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[d - 1]) ** 2)

    return f


def rastrigin(d):
    def f(trial):
        return 10 * d + sum(
            xi * xi - 10 * math.cos(2 * math.pi * xi) for xi in reals(trial, d, -5.12, 5.12)
        )

    return f


def six_hump_camel(trial):
    x1 = trial.suggest_float("x1", -3, 3)
    x2 = trial.suggest_float("x2", -2, 2)
    return (4 - 2.1 * x1 * x1 + x1 ** 4 / 3) * x1 * x1 + x1 * x2 + (-4 + 4 * x2 * x2) * x2 * x2


def sphere_around(d, centre):
    def f(trial):
        return sum((xi - centre) ** 2 for xi in reals(trial, d, -5, 5))

    return f


MIXED_KIND_COST = {"a": 0.5, "b": 0.0, "c": 1.0}


def mixed(trial):
    x = trial.suggest_float("x", -5, 5) - 1
    n = trial.suggest_int("n", -10, 10) - 3
    lr = math.log10(trial.suggest_float("lr", 1e-6, 1, log=True)) + 3
    kind = trial.suggest_categorical("kind", ["a", "b", "c"])
    flag = trial.suggest_categorical("flag", [False, True])
    return x * x + n * n / 10 + lr * lr / 4 + MIXED_KIND_COST[kind] + (0 if flag else 0.3)


def goldstein_price(trial):
    x1 = trial.suggest_float("x1", -2, 2)
    x2 = trial.suggest_float("x2", -2, 2)
    a = 1 + (x1 + x2 + 1) ** 2 * (
        19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2
    )
    b = 30 + (2 * x1 - 3 * x2) ** 2 * (
        18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2
    )
    return a * b


def beale(trial):
    x1 = trial.suggest_float("x1", -4.5, 4.5)
    x2 = trial.suggest_float("x2", -4.5, 4.5)
    return (
        (1.5 - x1 + x1 * x2) ** 2
        + (2.25 - x1 + x1 * x2 * x2) ** 2
        + (2.625 - x1 + x1 * x2 ** 3) ** 2
    )


INTCAT_LEVEL = {"a": 1.0, "b": 0.6, "c": 0.3, "d": 0.0, "e": 0.8}
INTCAT_PAIR = {"u": 0.5, "v": 0.0, "w": 0.25}


def intcat(trial):
    n1 = trial.suggest_int("n1", 0, 20)
    n2 = trial.suggest_int("n2", -20, 20)
    level = trial.suggest_categorical("level", ["a", "b", "c", "d", "e"])
    pair = trial.suggest_categorical("pair", ["u", "v", "w"])
    x = trial.suggest_float("x", 0, 1)
    # the pair's cost doubles unless the level is d: the two categoricals interact
    return (
        ((n1 - 7) / 4) ** 2
        + ((n2 + 5) / 8) ** 2
        + INTCAT_LEVEL[level]
        + INTCAT_PAIR[pair] * (1 if level == "d" else 2)
        + (x - 0.3) ** 2
    )


NOISE = {"noisybranin": 0.2}

FUNCTIONS = {
    "branin": (branin, 5 / (4 * math.pi)),
    "hartmann6": (hartmann6, -3.32236801141551),
    "rosenbrock5": (rosenbrock(5), 0.0),
    "ackley5": (ackley(5), 0.0),
    "styblinskitang5": (styblinski_tang(5), -39.16616570377142 * 5),
    "levy5": (levy(5), 0.0),
    "rastrigin5": (rastrigin(5), 0.0),
    "sixhumpcamel": (six_hump_camel, -1.031628453489877),
    "sphere10": (sphere_around(10, 0), 0.0),
    "offcentresphere6": (sphere_around(6, 4), 0.0),
    "mixed": (mixed, 0.0),
    "goldsteinprice": (goldstein_price, 3.0),
    "beale": (beale, 0.0),
    "noisybranin": (branin, 5 / (4 * math.pi)),
    "intcat": (intcat, 0.0),
    "ackley30": (ackley(30), 0.0),
}


def sampler_of(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError("unknown sampler '%s'; expected tpe, cmaes or random" % name)


def run(function, sampler, seed, budgets):
    f, optimum = FUNCTIONS[function]
    noise = NOISE.get(function, 0.0)
    rng = np.random.RandomState(seed)
    true_values = []

    def objective(trial):
        value = f(trial)
        true_values.append(value)
        return value + noise * rng.standard_normal() if noise > 0 else value

    study = optuna.create_study(sampler=sampler_of(sampler, seed))
    start = time.perf_counter()
    study.optimize(objective, n_trials=max(budgets))
    seconds = time.perf_counter() - start
    observed = [t.value for t in study.trials]
    regrets = []
    best = 0
    for n in range(len(observed)):
        if observed[n] < observed[best]:
            best = n
        if n + 1 in budgets:
            regrets.append(math.log10(max(true_values[best] - optimum, 1e-12)))
    return regrets, seconds


def main():
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    functions = sys.argv[1].split(",")
    samplers = sys.argv[2].split(",")
    seeds = int(sys.argv[3])
    seed_start = int(sys.argv[4])
    budgets = [int(b) for b in sys.argv[5].split(",")]
    for function in functions:
        if function not in FUNCTIONS:
            raise ValueError("no function '%s'; known: %s" % (function, ", ".join(FUNCTIONS)))
    # Seed by seed, so that a run cut short holds the same seeds of every function and sampler.
    for seed in range(seed_start, seed_start + seeds):
        for function in functions:
            for sampler in samplers:
                regrets, seconds = run(function, sampler, seed, budgets)
                print(
                    function,
                    sampler,
                    seed,
                    " ".join("%.6f" % r for r in regrets),
                    "seconds=%.3f" % seconds,
                    flush=True,
                )


if __name__ == "__main__":
    main()
