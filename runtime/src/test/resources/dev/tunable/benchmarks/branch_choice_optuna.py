"""Histories of Optuna's multivariate group TPE on the conditional benchmark's function, with
Optuna's next proposal on each: how often each branch is chosen, and per branch the function's
values at the group's proposals, over DRAWS random states (first argument). Seeds 0-5, histories
of 40, 100 and 180 trials; JSON on standard output, read by BranchChoiceComparison. A reference
for a side-by-side check only: the build and the tests never run Python.

    /usr/bin/python3 branch_choice_optuna.py 1000 > histories.json
"""
import json
import os
import sys
import warnings

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conditional_optuna import objective, BRANCHES, branches
optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore")
draws = int(sys.argv[1])
GROUPS = {
    "quadratic": {"branch.quadratic.n": IntDistribution(-10, 10),
                  "branch.quadratic.y": FloatDistribution(0, 1)},
    "hartmann3": {"branch.hartmann3.x%d" % i: FloatDistribution(0, 1) for i in (1, 2, 3)},
    "branin": {"branch.branin.x1": FloatDistribution(-5, 10),
               "branch.branin.x2": FloatDistribution(0, 15)},
}
out = []
for seed in range(6):
    for trials in (40, 100, 180):
        sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True)
        study = optuna.create_study(sampler=sampler)
        study.optimize(objective, n_trials=trials)
        space = {"branch": CategoricalDistribution(BRANCHES)}
        counts = dict.fromkeys(BRANCHES, 0)
        values = {}
        for r in range(draws):
            sampler._rng = np.random.RandomState(r)
            counts[sampler._sample_relative(study, None, space)["branch"]] += 1
        for b, group in GROUPS.items():
            vs = []
            for r in range(draws):
                sampler._rng = np.random.RandomState(r)
                p = sampler._sample_relative(study, None, dict(sorted(group.items())))
                p["branch"] = b
                vs.append(branches(p))
            values[b] = sorted(vs)
        out.append({"seed": seed, "trials": [{"params": t.params, "value": t.value}
                    for t in study.trials], "optuna": counts, "values": values})
json.dump(out, sys.stdout)
