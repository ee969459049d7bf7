/**
 * The built-in samplers that have settings, as returned by {@link dev.tunable.Samplers}: each is
 * immutable, and each {@code with...} method returns a new sampler with one setting changed, e.g.
 * {@code Samplers.tpe(7).withCandidates(48).withStartupTrials(20)}. The algorithms live in
 * internal packages; these classes hold the settings and check them.
 *
 * @since 0.1
 */
package dev.tunable.sampler;
