"""Optuna 3.1's CmaEsSampler on the test functions of SamplerBenchmark (dev.tunable.benchmarks).

Prints, in SamplerBenchmark's format, the median and interquartile range over seeds of the log10
simple regret (best value minus the known optimum, floored at 1e-12) after each budget, so that
the two harnesses' lines can be set side by side. The functions, domains and optima are
samplers_optuna.py's (those of TestFunction.java). Arguments as SamplerBenchmark's: functions= (names or all), seeds=, seedStart=,
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
from optuna.trial import FixedTrial

# The formulas, domains and optima: one home for every script that runs Optuna on them.
from samplers_optuna import FUNCTIONS, run as run_seed


def evaluate(function, params):
    """The noiseless value of FUNCTIONS' function at params, a dict by parameter name."""
    return FUNCTIONS[function][0](FixedTrial(params))


def domain(function):
    """The function's parameters, in the order it suggests them, as (name, low, high)."""
    study = optuna.create_study()
    study.optimize(FUNCTIONS[function][0], n_trials=1)
    return [(name, d.low, d.high) for name, d in study.trials[0].distributions.items()]


def quantile(values, q):
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(math.floor(position))
    high = min(len(ordered) - 1, low + 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])


def run(function, sampler, seeds, budgets):
    regrets = {b: [] for b in budgets}
    for seed in seeds:
        for b, regret in zip(budgets, run_seed(function, sampler, seed, budgets)[0]):
            regrets[b].append(regret)
    for b in budgets:
        print("%-14s %-12s %6d %8.2f %8.2f %8.2f" % (
            function, "optuna-" + sampler, b, quantile(regrets[b], 0.5),
            quantile(regrets[b], 0.25), quantile(regrets[b], 0.75)), flush=True)


def trace(function, seed, trials):
    """Each trial and, after each generation, Optuna's CMA state (pickled into the trials)."""
    import pickle

    study = optuna.create_study(sampler=optuna.samplers.CmaEsSampler(seed=seed))
    study.optimize(FUNCTIONS[function][0], n_trials=trials)
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

    optimizer = CMA(mean=np.array([0.5, 0.5]), sigma=1 / 6, bounds=np.array([[0, 1], [0, 1]]),
                    seed=3, n_max_resampling=20)
    for _ in range(6):
        solutions = []
        for _ in range(optimizer.population_size):
            u = optimizer.ask()
            solutions.append((u, evaluate("branin", {"x1": -5 + 15 * u[0], "x2": 15 * u[1]})))
        print("points", [u.tolist() for u, _ in solutions])
        optimizer.tell(solutions)
        c = np.asarray(optimizer._C)
        print("state mean %r sigma %r C11 %r C12 %r C22 %r" % (
            optimizer._mean.tolist(), optimizer._sigma, c[0, 0], c[0, 1], c[1, 1]))


def conventions(function, seeds, budget):
    from cmaes import CMA

    optimum = FUNCTIONS[function][1]
    dimensions = domain(function)
    low = np.array([d[1] for d in dimensions], dtype=float)
    high = np.array([d[2] for d in dimensions], dtype=float)
    n = len(low)

    def regret(unit_step, first_random, seed):
        rng = np.random.RandomState(seed)
        value_at = lambda x: evaluate(function, {d[0]: x[i] for i, d in enumerate(dimensions)})
        values = [value_at(low + (high - low) * rng.rand(n))] if first_random else []
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
                values.append(value_at(to_params(x)))
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
