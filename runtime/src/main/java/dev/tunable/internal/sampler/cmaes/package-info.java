/**
 * The CMA-ES sampler behind {@link dev.tunable.Samplers#cmaEs(long)}: the core update ({@code
 * Cma}), one generation's search distribution over a space ({@code Search}, {@code Layout}) and
 * the stateless sampler that replays a study's generations ({@code CmaEsAlgorithm}). Internal: use
 * the factory method.
 */
package dev.tunable.internal.sampler.cmaes;
