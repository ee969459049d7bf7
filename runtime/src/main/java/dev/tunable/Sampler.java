package dev.tunable;

/**
 * Proposes the hyperparameters of the next trial. Built-in samplers come from {@link Samplers}.
 *
 * <p>A sampler sees the search space and immutable snapshots of the study's trials through its
 * {@link SamplerContext}, never live trials. It should be reproducible: with the same seed, space,
 * trial number and history it proposes the same point, which is why built-in samplers derive their
 * randomness from their seed and {@link SamplerContext#trialNumber()} instead of keeping a random
 * generator between calls; this keeps results identical when a study is resumed.
 *
 * <p>Thread-safety: a study calls {@code sample} while it holds no lock, so several workers
 * (threads, processes, machines) may sample at once; one sampler instance may also serve several
 * studies at once, so implementations must be thread-safe (the built-in ones are stateless). The
 * history a sampler sees holds every trial started before it was called, running ones included.
 * If another worker starts a trial before the proposal is recorded, the proposal takes the next
 * free trial number, and the sampler is asked again if that trial holds the very same values (a
 * grid point, or the proposal of a sampler seeded by the trial number).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sampler {
  /**
   * The hyperparameters of trial {@link SamplerContext#trialNumber()}: one value for each
   * dimension of {@link SamplerContext#space()}, typically {@code context.space().fromUnit(point)}.
   *
   * @throws SearchExhaustedException if the sampler has nothing left to propose
   */
  Config sample(SamplerContext context);
}
