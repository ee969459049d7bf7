/**
 * The algorithms behind the samplers of {@link dev.tunable.sampler}, one {@code ...Algorithm}
 * class each (random, Sobol and grid here, the others in sub-packages), made from a seed and, where
 * they have settings, one record of them ({@code GridSettings}, {@code TpeSettings}, ...) that
 * checks its values; and the transform of a search space they all read it through ({@link
 * dev.tunable.internal.sampler.SpaceEncoding}). Internal: use {@link dev.tunable.Samplers}.
 */
package dev.tunable.internal.sampler;
