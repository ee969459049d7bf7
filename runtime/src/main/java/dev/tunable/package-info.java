/**
 * Tunable's public API: search spaces ({@link dev.tunable.SearchSpace}), studies and trials
 * ({@link dev.tunable.Study}, {@link dev.tunable.Trial}), and the built-in samplers, pruners and
 * storages ({@link dev.tunable.Samplers}, {@link dev.tunable.Pruners}, {@link
 * dev.tunable.Storages}). {@link dev.tunable.Sampler} and {@link dev.tunable.Pruner} are the
 * extension points; they see {@link dev.tunable.FrozenTrial} snapshots, never live trials.
 * Packages under {@code dev.tunable.internal} are not API.
 */
package dev.tunable;
