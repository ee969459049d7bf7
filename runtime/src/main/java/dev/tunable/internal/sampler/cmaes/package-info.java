/**
 * The CMA-ES algorithm behind {@link dev.tunable.sampler.CmaEsSampler}: the core update ({@code
 * Cma}), one generation's search distribution over a space ({@code Search}, {@code Layout}), the
 * stateless sampler that replays a study's generations ({@code CmaEsAlgorithm}) and its settings
 * ({@code CmaEsSettings}). Internal: use {@link dev.tunable.Samplers#cmaEs(long)}.
 */
package dev.tunable.internal.sampler.cmaes;
