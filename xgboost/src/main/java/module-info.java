/**
 * XGBoost4J tuned and pruned through Tunable: {@link dev.tunable.xgboost.PruningCallback} reports
 * XGBoost's per-round evaluation to a trial and stops an unpromising booster early; {@link
 * dev.tunable.xgboost.BoosterCodec} deep-copies a learned booster.
 *
 * @since 0.1
 */
// XGBoost4J names no module of its own: it is required by its Automatic-Module-Name, and
// transitively, since the callback's API speaks XGBoost's types (IEvaluation, DMatrix, Booster).
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.tunable.xgboost {
  requires transitive dev.tunable;
  requires transitive ml.dmlc.xgboost4j;

  exports dev.tunable.xgboost;
}
