package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Config;

/**
 * What a user may choose of a CMA-ES search, checked as it is made; {@link #DEFAULTS} are
 * Hansen's.
 *
 * @param initialStepSize σ of the first generation, in unit-cube coordinates (each ordered
 *     dimension's range is 1), in (0, 1]
 * @param populationSize λ of the first run, at least 2, or 0 for 4 + ⌊3 ln n⌋
 * @param restarts whether a converged or stalled run restarts with twice the population (IPOP)
 * @param start the first mean's values of the ordered dimensions it names, or null for the
 *     centre of the cube
 */
public record CmaEsSettings(
    double initialStepSize, int populationSize, boolean restarts, Config start) {
  /** σ of a sixth of the cube's side, so that ±3σ spans it; the default λ; IPOP; the centre. */
  public static final CmaEsSettings DEFAULTS = new CmaEsSettings(1.0 / 6, 0, true, null);

  public CmaEsSettings {
    if (!(initialStepSize > 0 && initialStepSize <= 1)) {
      throw new IllegalArgumentException("CMA-ES's initial step size must be in (0, 1], a fraction"
          + " of each dimension's range, got " + initialStepSize + "; the default is 1/6");
    }
    if (populationSize != 0 && populationSize < 2) {
      throw new IllegalArgumentException("CMA-ES's population size must be at least 2, got "
          + populationSize + "; the default (0) is 4 + ⌊3 ln n⌋ for n dimensions");
    }
  }
}
