"""Optuna 3.1's CmaEsSampler on the test functions of SamplerBenchmark (dev.tunable.benchmarks).

Prints, in SamplerBenchmark's format, the median and interquartile range over seeds of the log10
simple regret (best value minus the known optimum, floored at 1e-12) after each budget, so that
the two harnesses' lines can be set side by side. The functions, domains and optima are those of
TestFunction.java. Arguments as SamplerBenchmark's: functions= (names or all), seeds=, seedStart=,
budgets=, and samplers= (cmaes, tpe, random: Optuna's samplers with their defaults and the seed).
A reference for the benchmark only: the build and the tests never run Python. Run it as

    /usr/bin/python3 runtime/src/test/resources/dev/tunable/benchmarks/cmaes_optuna.py \
        functions=branin,sixhumpcamel seeds=30 budgets=20,50,100,300

Other modes, for comparing the two CMA-ES on identical histories and conventions:
- trace=SEED (one function): Optuna's trials for that seed, and its distribution after each
  generation (mean, sigma, C, in Optuna's coordinates);
- reference=1: the points and states behind CmaTest's comparison with the cmaes package;
- conventions=1: the cmaes package run directly (the optimizer behind Optuna's sampler) with
  Optuna's initial step (the least range / 6 in the parameters' units) or ours (a sixth of each
  range, in unit coordinates), each with and without a random first trial; median log10 regret
  at the largest budget.
"""

import math
import sys
import warnings

import numpy as np
import optuna


def branin(x):
    x1, x2 = x
    b = 5.1 / (4 * math.pi ** 2)
    r = x2 - b * x1 * x1 + 5 / math.pi * x1 - 6
    return r * r + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


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


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def ackley(x):
    d = len(x)
    squares = sum(v * v for v in x)
    cosines = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(squares / d)) - math.exp(cosines / d) + 20 + math.e


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def six_hump_camel(x):
    x1, x2 = x
    x1s = x1 * x1
    return (4 - 2.1 * x1s + x1s * x1s / 3) * x1s + x1 * x2 + (-4 + 4 * x2 * x2) * x2 * x2


def sphere_around(centre):
    return lambda x: sum((v - centre) ** 2 for v in x)


def cube(d, low, high):
    return [("x%d" % (i + 1), "float", low, high) for i in range(d)]


MIXED_KIND_COST = {"a": 0.5, "b": 0.0, "c": 1.0}


def mixed(p):
    return ((p["x"] - 1) ** 2 + (p["n"] - 3) ** 2 / 10 + (math.log10(p["lr"]) + 3) ** 2 / 4
            + MIXED_KIND_COST[p["kind"]] + (0 if p["flag"] else 0.3))


def vector_function(f):
    return lambda p: f([p["x%d" % (i + 1)] for i in range(len(p))])


# name: (dimensions, optimum, f(params)); dimensions as (name, kind, low, high) or choices.
FUNCTIONS = {
    "branin": ([("x1", "float", -5, 10), ("x2", "float", 0, 15)], 5 / (4 * math.pi),
               vector_function(branin)),
    "hartmann6": (cube(6, 0, 1), -3.32236801141551, vector_function(hartmann6)),
    "rosenbrock5": (cube(5, -5, 10), 0.0, vector_function(rosenbrock)),
    "ackley5": (cube(5, -32.768, 32.768), 0.0, vector_function(ackley)),
    "styblinskitang5": (cube(5, -5, 5), -39.16616570377142 * 5,
                        vector_function(styblinski_tang)),
    "levy5": (cube(5, -10, 10), 0.0, vector_function(levy)),
    "rastrigin5": (cube(5, -5.12, 5.12), 0.0, vector_function(rastrigin)),
    "sixhumpcamel": ([("x1", "float", -3, 3), ("x2", "float", -2, 2)], -1.031628453489877,
                     vector_function(six_hump_camel)),
    "sphere10": (cube(10, -5, 5), 0.0, vector_function(sphere_around(0))),
    "offcentresphere6": (cube(6, -5, 5), 0.0, vector_function(sphere_around(4))),
    "mixed": ([("x", "float", -5, 5), ("n", "int", -10, 10), ("lr", "logfloat", 1e-6, 1),
               ("kind", "categorical", ["a", "b", "c"]),
               ("flag", "categorical", [False, True])], 0.0, mixed),
}


def suggest(trial, dimension):
    name, kind = dimension[0], dimension[1]
    if kind == "float":
        return trial.suggest_float(name, dimension[2], dimension[3])
    if kind == "logfloat":
        return trial.suggest_float(name, dimension[2], dimension[3], log=True)
    if kind == "int":
        return trial.suggest_int(name, dimension[2], dimension[3])
    return trial.suggest_categorical(name, dimension[2])


def sampler_of(name, seed):
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise SystemExit("unknown sampler '%s'; expected cmaes, tpe or random" % name)


def objective_of(name):
    dimensions, _, f = FUNCTIONS[name]
    return lambda trial: f({d[0]: suggest(trial, d) for d in dimensions})


def quantile(values, q):
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(math.floor(position))
    high = min(len(ordered) - 1, low + 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])


def run(function, sampler, seeds, budgets):
    _, optimum, _ = FUNCTIONS[function]
    largest = max(budgets)
    regrets = {b: [] for b in budgets}
    for seed in seeds:
        study = optuna.create_study(sampler=sampler_of(sampler, seed))
        study.optimize(objective_of(function), n_trials=largest)
        values = [t.value for t in study.trials]
        for b in budgets:
            regrets[b].append(math.log10(max(min(values[:b]) - optimum, 1e-12)))
    for b in budgets:
        print("%-14s %-12s %6d %8.2f %8.2f %8.2f" % (
            function, "optuna-" + sampler, b, quantile(regrets[b], 0.5),
            quantile(regrets[b], 0.25), quantile(regrets[b], 0.75)), flush=True)


def trace(function, seed, trials):
    """Each trial and, after each generation, Optuna's CMA state (pickled into the trials)."""
    import pickle

    study = optuna.create_study(sampler=optuna.samplers.CmaEsSampler(seed=seed))
    study.optimize(objective_of(function), n_trials=trials)
    told = -1
    for t in study.trials:
        attrs = t.system_attrs
        generation = attrs.get("cma:generation", "-")
        print("trial %d generation %s params %s value %.10g" % (
            t.number, generation, [t.params[k] for k in sorted(t.params)], t.value))
        keys = sorted(k for k in attrs if k.startswith("cma:optimizer"))
        if keys:
            optimizer = pickle.loads(bytes.fromhex("".join(attrs[k] for k in keys)))
            if optimizer.generation != told:
                told = optimizer.generation
                print("state generation %d mean %s sigma %.10g C %s" % (
                    told, optimizer._mean.tolist(), optimizer._sigma,
                    np.asarray(optimizer._C).tolist()))


def reference():
    """Six generations on Branin in unit coordinates, as CmaTest replays them."""
    from cmaes import CMA

    f = vector_function(branin)
    optimizer = CMA(mean=np.array([0.5, 0.5]), sigma=1 / 6, bounds=np.array([[0, 1], [0, 1]]),
                    seed=3, n_max_resampling=20)
    for _ in range(6):
        solutions = []
        for _ in range(optimizer.population_size):
            u = optimizer.ask()
            solutions.append((u, f({"x1": -5 + 15 * u[0], "x2": 15 * u[1]})))
        print("points", [u.tolist() for u, _ in solutions])
        optimizer.tell(solutions)
        c = np.asarray(optimizer._C)
        print("state mean %r sigma %r C11 %r C12 %r C22 %r" % (
            optimizer._mean.tolist(), optimizer._sigma, c[0, 0], c[0, 1], c[1, 1]))


def conventions(function, seeds, budget):
    from cmaes import CMA

    dimensions, optimum, f = FUNCTIONS[function]
    low = np.array([d[2] for d in dimensions], dtype=float)
    high = np.array([d[3] for d in dimensions], dtype=float)
    n = len(low)

    def regret(unit_step, first_random, seed):
        rng = np.random.RandomState(seed)
        evaluate = lambda x: f({d[0]: x[i] for i, d in enumerate(dimensions)})
        values = [evaluate(low + (high - low) * rng.rand(n))] if first_random else []
        if unit_step:
            optimizer = CMA(mean=np.full(n, 0.5), sigma=1 / 6, bounds=np.array([[0, 1]] * n),
                            seed=seed + 1, n_max_resampling=10 * n)
            to_params = lambda u: low + (high - low) * u
        else:
            optimizer = CMA(mean=(low + high) / 2, sigma=np.min(high - low) / 6,
                            bounds=np.stack([low, high], 1), seed=seed + 1,
                            n_max_resampling=10 * n)
            to_params = lambda x: x
        while len(values) < budget:
            solutions = []
            for _ in range(optimizer.population_size):
                x = optimizer.ask()
                values.append(evaluate(to_params(x)))
                solutions.append((x, values[-1]))
            optimizer.tell(solutions)
        return math.log10(max(min(values[:budget]) - optimum, 1e-12))

    for unit_step in (False, True):
        for first_random in (True, False):
            regrets = [regret(unit_step, first_random, seed) for seed in seeds]
            print("%-14s step %-16s %-20s %6d %8.2f" % (
                function, "sixth of each" if unit_step else "least range / 6",
                "random first trial" if first_random else "no random trial", budget,
                quantile(regrets, 0.5)), flush=True)


def main():
    options = {"functions": "branin,sixhumpcamel", "seeds": "30", "seedStart": "0",
               "budgets": "100", "samplers": "cmaes", "trace": "", "reference": "",
               "conventions": ""}
    for arg in sys.argv[1:]:
        key, _, value = arg.partition("=")
        if key not in options:
            raise SystemExit("unknown argument '%s'; expected %s" % (arg, ", ".join(options)))
        options[key] = value
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore")
    functions = list(FUNCTIONS) if options["functions"] == "all" else (
        options["functions"].split(","))
    budgets = [int(b) for b in options["budgets"].split(",")]
    if options["trace"]:
        trace(functions[0], int(options["trace"]), max(budgets))
        return
    if options["reference"]:
        reference()
        return
    start = int(options["seedStart"])
    seeds = range(start, start + int(options["seeds"]))
    if options["conventions"]:
        for function in functions:
            conventions(function, seeds, max(budgets))
        return
    print("# optuna %s" % optuna.__version__)
    print("%-14s %-12s %6s %8s %8s %8s" % ("function", "sampler", "budget", "median", "q25", "q75"))
    for function in functions:
        for sampler in options["samplers"].split(","):
            run(function, sampler, seeds, budgets)


if __name__ == "__main__":
    main()
