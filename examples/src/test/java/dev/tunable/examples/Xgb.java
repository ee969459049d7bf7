package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

/** The model of README.md's XGBoost section, as written there; XGBoostReadmeTest runs it. */
class Xgb {   // each XGBoost parameter's name is written once, in XGBoost's spelling
  @Hyperparameter(name = "eta", range = {0.01, 1}, scale = Scale.LOG) double eta = 0.3;
  @Hyperparameter(name = "max_depth", range = {1, 10}) int maxDepth = 6;
  @Hyperparameter(name = "subsample", range = {0.5, 1}) double subsample = 1;
}
