"""Optuna's fANOVA importance on trials written by ImportanceBenchmark (dev.tunable.benchmarks).

Reads the cases (a search space and its complete trials each) as JSON from the file named by the
first argument and prints, as JSON on standard output, Optuna's FanovaImportanceEvaluator on each:
- "declared": seed 0, on the space as declared (log scales, integers and categoricals as Optuna's
  own distributions; Optuna 3.1 measures log scales on the values themselves);
- "unit": one per seed, on the same unit coordinates Tunable's fANOVA sees (each numeric
  dimension a float in [0, 1]: log scales as logarithms, integers at the centres of equal cells),
  categoricals unchanged;
- the seconds each evaluation took.
A reference for the benchmark only: the build and the tests never run Python.
"""

import json
import sys
import time

import optuna
from optuna.distributions import CategoricalDistribution
from optuna.distributions import FloatDistribution
from optuna.distributions import IntDistribution
from optuna.importance import FanovaImportanceEvaluator


def declared_distribution(dimension):
    kind = dimension["kind"]
    if kind == "float":
        return FloatDistribution(dimension["low"], dimension["high"], log=dimension["log"])
    if kind == "int":
        return IntDistribution(dimension["low"], dimension["high"], log=dimension["log"])
    return CategoricalDistribution(dimension["choices"])


def unit_distribution(dimension):
    if dimension["kind"] == "categorical":
        return CategoricalDistribution(dimension["choices"])
    return FloatDistribution(0.0, 1.0)


def study_of(case, distribution_of, params_key):
    distributions = {d["name"]: distribution_of(d) for d in case["dimensions"]}
    study = optuna.create_study()
    study.add_trials(
        [
            optuna.trial.create_trial(
                params=trial[params_key], distributions=distributions, value=trial["value"]
            )
            for trial in case["trials"]
        ]
    )
    return study


def timed_importance(study, seed):
    start = time.perf_counter()
    importance = FanovaImportanceEvaluator(seed=seed).evaluate(study)
    return dict(importance), time.perf_counter() - start


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    with open(sys.argv[1]) as file:
        request = json.load(file)
    results = []
    for case in request["cases"]:
        declared, seconds = timed_importance(study_of(case, declared_distribution, "params"), 0)
        unit_study = study_of(case, unit_distribution, "unit")
        unit = []
        for seed in request["seeds"]:
            importance, took = timed_importance(unit_study, seed)
            unit.append(importance)
            seconds += took
        results.append(
            {
                "name": case["name"],
                "declared": declared,
                "unit": unit,
                "secondsPerEvaluation": seconds / (1 + len(request["seeds"])),
            }
        )
    json.dump({"optuna": optuna.__version__, "cases": results}, sys.stdout)


if __name__ == "__main__":
    main()
