/**
 * The built-in samplers, one class per algorithm, as returned by {@link dev.tunable.Samplers};
 * each class describes its algorithm. Each is immutable, and each {@code with...} method returns
 * a new sampler with one setting changed, checked at once, e.g. {@code
 * Samplers.tpe(7).withCandidates(48).withStartupTrials(20)}; {@code toString()} is the expression
 * that rebuilds the sampler. The algorithms live in internal packages; these classes hold the
 * settings.
 *
 * @since 0.1
 */
package dev.tunable.sampler;
