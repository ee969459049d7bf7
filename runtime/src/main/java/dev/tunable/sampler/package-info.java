/**
 * The built-in samplers, one class per algorithm, as returned by {@link dev.tunable.Samplers};
 * each class describes its algorithm. Each is immutable, and each {@code with...} method returns
 * a new sampler with one setting changed, checked at once, e.g. {@code
 * Samplers.tpe(7).withCandidates(48).withStartupTrials(20)}; {@code toString()} is the expression
 * that rebuilds the sampler, and two samplers of one class are equal when their seeds and
 * settings are, so they propose the same. The algorithms live in internal packages; these classes
 * hold the settings.
 *
 * @since 0.1
 */
package dev.tunable.sampler;
